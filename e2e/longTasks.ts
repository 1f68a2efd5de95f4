// Main-thread long tasks of a page (PerformanceObserver 'longtask', attributed with the Long Animation Frame API):
// recorded by the e2e jank guard and measured by the studio benchmark (bench/studio.ts).
import type { Page } from '@playwright/test';

export interface LongTask {
  start: number;
  duration: number;
  /** What ran in the frame (long-animation-frame script attribution), to tell where the time went. */
  scripts?: string[];
}

interface FrameEntry {
  start: number;
  end: number;
  scripts: string[];
}

declare global {
  interface Window {
    __longTasks: LongTask[];
    __longFrames: FrameEntry[];
  }
}

/** Records the page's main-thread tasks over 50 ms (and what ran in them) from the first script on. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__longTasks = [];
    window.__longFrames = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const { scripts = [] } = entry as PerformanceEntry & { scripts?: { invoker: string; duration: number; sourceURL: string }[] };
        window.__longFrames.push({
          start: entry.startTime,
          end: entry.startTime + entry.duration,
          scripts: scripts.map((s) => `${s.invoker} ${Math.round(s.duration)} ms ${s.sourceURL.split('/').pop() ?? ''}`),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
}

/** Main-thread tasks over 50 ms that started at or after `since` (performance.now() of the page), attributed. */
export async function longTasksSince(page: Page, since: number): Promise<LongTask[]> {
  return page.evaluate(
    (t0) =>
      window.__longTasks
        .filter((task) => task.start >= t0)
        .map((task) => ({
          start: Math.round(task.start),
          duration: Math.round(task.duration),
          scripts: window.__longFrames.find((f) => f.start <= task.start + 1 && f.end >= task.start)?.scripts,
        })),
    since,
  );
}
