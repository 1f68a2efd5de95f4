// The main thread stays responsive while clients train (issue 4): no task over 50 ms from Run to the end of the MNIST
// IID preset's 10 rounds, measured with PerformanceObserver 'longtask' (e2e/fixtures.ts). What keeps it there: each live
// chart takes a new round on its own, in turn (app/lib/chartQueue.ts); charts mount every element before a run, plotting a
// hidden preview (app/components/viz/previewRounds.ts); the round axis spans the planned rounds, so a round only extends
// the lines; value axes keep their identity while their ticks do, and tick labels are plain <text> (chartStyle.ts).
import { expect, expectNoLongTasks, test } from './fixtures';
import { loadPreset, openStudio, runToEnd } from './studio';

test('no main-thread task over 50 ms during a 10-round run', async ({ page }) => {
  await openStudio(page);
  await loadPreset(page, 'mnist-iid');
  const t0 = await page.evaluate(() => performance.now());
  await runToEnd(page);
  await expect(page.getByTestId('accuracy-chart')).toHaveAttribute('data-points', '10');
  await expectNoLongTasks(page, t0);
});
