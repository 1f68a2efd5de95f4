// Every e2e test fails on a console error or warning (page, coordinator and client workers) or an uncaught error,
// and records main-thread long tasks for the budget check.
import { test as base, expect, type Page } from '@playwright/test';

export { expect };

export interface LongTask {
  start: number;
  duration: number;
}

declare global {
  interface Window {
    __longTasks: LongTask[];
  }
}

/** Collects console errors/warnings and uncaught errors of `page` and its workers into `problems`. */
export function watchPage(page: Page, problems: string[]): void {
  const seen = new Set<string>();
  const add = (text: string) => {
    if (!seen.has(text)) problems.push(text);
    seen.add(text);
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') add(`${msg.type()}: ${msg.text()} [${msg.location().url}]`);
  });
  page.on('pageerror', (error) => add(`uncaught: ${error.message}`));
  page.on('worker', (worker) => {
    worker.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') add(`${msg.type()} in ${worker.url()}: ${msg.text()}`);
    });
  });
  void page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** Main-thread tasks over 50 ms that started at or after `since` (performance.now() of the page). */
export async function longTasksSince(page: Page, since: number): Promise<LongTask[]> {
  return page.evaluate((t0) => window.__longTasks.filter((task) => task.start >= t0), since);
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
