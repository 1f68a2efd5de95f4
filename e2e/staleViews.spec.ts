// Views of a finished run never leak into another run or experiment: the client grid follows the loaded experiment,
// and charts off screen (which defer updates until scrolled into view) drop the old run's data at once.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { loadPreset, openStudio, runStatus, runToEnd, setNumber } from './studio';

/** The live-chart wrapper around the chart with `testId`: data-live="false" while it is off screen (updates deferred). */
function liveWrapper(page: Page, testId: string) {
  return page.locator('[data-live]').filter({ has: page.getByTestId(testId) });
}

/** Scrolls the chart into view and waits until it shows `attribute` matching `value`. */
async function seeChart(page: Page, testId: string, attribute: string, value: RegExp): Promise<void> {
  const chart = page.getByTestId(testId);
  await chart.scrollIntoViewIfNeeded();
  await expect(liveWrapper(page, testId)).toHaveAttribute('data-live', 'true');
  await expect(chart).toHaveAttribute(attribute, value);
}

/** Scrolls back to the top until the chart is off screen (its updates deferred). */
async function scrollAway(page: Page, testId: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(liveWrapper(page, testId)).toHaveAttribute('data-live', 'false');
}

/** Loads a preset over a finished run (which resets it at once). */
async function loadPresetOverRun(page: Page, id: string): Promise<void> {
  await loadPreset(page, id);
  await expect(runStatus(page)).toHaveAttribute('data-status', 'idle');
}

// A small viewport keeps the diagnostics charts well below the fold (and the observer's 200 px margin).
test.use({ viewport: { width: 1280, height: 600 } });

const SCATTER = 'update-norm-scatter';

/** A finished 1-round run of the 10-client moons preset, its update-norm scatter seen and then scrolled off screen. */
async function finishMoonsRun(page: Page): Promise<void> {
  await openStudio(page);
  await loadPreset(page, 'moons-drift');
  await setNumber(page, 'rounds', 1);
  await runToEnd(page);
  await expect(runStatus(page)).toHaveAttribute('data-end-reason', 'completed');
  await expect(page.getByTestId('client-grid').locator('[data-id]')).toHaveCount(10);
  await seeChart(page, SCATTER, 'data-points', /^[1-9]\d*$/);
  await scrollAway(page, SCATTER);
}

test('after a 10-client run, a 20-client preset shows 20 idle client cells and no chart keeps the old run', async ({ page }) => {
  await finishMoonsRun(page);
  await loadPresetOverRun(page, 'mnist-iid');
  const grid = page.getByTestId('client-grid');
  await expect(grid.locator('[data-id]')).toHaveCount(20);
  await expect(grid.locator('[data-state="idle"]')).toHaveCount(20);
  await expect(page.getByTestId(SCATTER)).toHaveAttribute('data-points', '0');
  await expect(liveWrapper(page, SCATTER)).toHaveAttribute('data-live', 'false');
  await expect(page.getByTestId('accuracy-chart')).toHaveAttribute('data-points', '0');
});

test('a new run drops the finished run’s data from charts off screen, which catch up when scrolled into view', async ({ page }) => {
  await finishMoonsRun(page);
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId(SCATTER)).toHaveAttribute('data-points', '0');
  await expect(liveWrapper(page, SCATTER)).toHaveAttribute('data-live', 'false');
  await expect(runStatus(page)).toHaveAttribute('data-status', 'finished', { timeout: 240_000 });
  await seeChart(page, SCATTER, 'data-points', /^[1-9]\d*$/);
});

test('the DP preset loaded after a sign-flip run shows no attacker dots, also in charts off screen', async ({ page }) => {
  await openStudio(page);
  await loadPreset(page, 'attack-signflip');
  await setNumber(page, 'rounds', 1);
  await runToEnd(page);
  await expect(runStatus(page)).toHaveAttribute('data-end-reason', 'completed');
  await seeChart(page, SCATTER, 'data-malicious-points', /^[1-9]\d*$/);
  await scrollAway(page, SCATTER);

  await loadPresetOverRun(page, 'dp-fedavg');
  const scatter = page.getByTestId(SCATTER);
  await expect(scatter).toHaveAttribute('data-malicious-points', '0');
  await expect(scatter).toHaveAttribute('data-points', '0');
  await expect(scatter.getByText('attacker', { exact: true })).toHaveCount(0);
  await expect(liveWrapper(page, SCATTER)).toHaveAttribute('data-live', 'false');
  await expect(page.getByTestId('client-grid').locator('[data-malicious="true"]')).toHaveCount(0);
});
