// Every e2e test fails on a console error or warning (page, coordinator and client workers) or an uncaught error,
// and records main-thread long tasks for the budget check.
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';

export { expect };

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

/** Collects console errors/warnings and uncaught errors of `page` and its workers into `problems`. */
export function watchPage(page: Page, problems: string[]): void {
  // Worker messages reach both the page's and the worker's console events: report each message once.
  const seen = new Set<string>();
  const add = (key: string, text: string) => {
    if (!seen.has(key)) problems.push(text);
    seen.add(key);
  };
  const onConsole = (msg: ConsoleMessage, where: string) => {
    if (msg.type() === 'error' || msg.type() === 'warning') {
      add(`${msg.type()}:${msg.text()}`, `${msg.type()} in ${where}: ${msg.text()}`);
    }
  };
  page.on('console', (msg) => onConsole(msg, msg.location().url || 'page'));
  page.on('pageerror', (error) => add(`uncaught:${error.message}`, `uncaught: ${error.message}`));
  page.on('worker', (worker) => worker.on('console', (msg) => onConsole(msg, worker.url())));
  void page.addInitScript(() => {
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
async function longTasksSince(page: Page, since: number): Promise<LongTask[]> {
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

/** The main-thread budget of a run (issue 4): no task over 50 ms since `since` — every 'longtask' entry is one. */
export async function expectNoLongTasks(page: Page, since: number): Promise<void> {
  const longTasks = await longTasksSince(page, since);
  expect(longTasks, 'main-thread tasks over 50 ms (start, duration in ms, scripts)').toEqual([]);
}

export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      watchPage(page, problems);
      await use(problems);
      expect(problems, 'console errors, warnings or uncaught errors').toEqual([]);
    },
    { auto: true },
  ],
});
