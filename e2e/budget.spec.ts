// The main thread stays responsive while clients train (issue 4): no task over 50 ms from Run to the end of the MNIST
// IID preset's 10 rounds, measured with PerformanceObserver 'longtask' (e2e/fixtures.ts). What keeps it there: each live
// chart takes a new round on its own, in turn (app/lib/chartQueue.ts); charts mount every element before a run, plotting a
// hidden preview (app/components/viz/previewRounds.ts); the round axis spans the planned rounds, so a round only extends
// the lines; value axes keep their identity while their ticks do, and tick labels are plain <text> (chartStyle.ts).
import { expect, longTasksSince, test } from './fixtures';
import { loadPreset, openStudio, runToEnd } from './studio';

const BUDGET_MS = 50;

test(`no main-thread task over ${BUDGET_MS} ms during a run`, async ({ page }) => {
  await openStudio(page);
  await loadPreset(page, 'mnist-iid');
  const t0 = await page.evaluate(() => performance.now());
  await runToEnd(page);
  await expect(page.getByTestId('accuracy-chart')).toHaveAttribute('data-points', '10');
  const longTasks = await longTasksSince(page, t0);
  console.log(`budget: longest main-thread tasks over 50 ms: ${longTasks.map((t) => t.duration).join(', ') || 'none'}`);
  expect(longTasks.filter((t) => t.duration > BUDGET_MS), `main-thread tasks over ${BUDGET_MS} ms (start, duration in ms, scripts)`).toEqual([]);
});
