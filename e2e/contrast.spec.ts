// Contrast as the studio's native mode (issue 14): two variants of one experiment side by side, and a knob changed
// while the federation runs. Each number the studio shows is checked against `fedstudio run` of the same config.
import type { RunMetrics } from '../core/report/metrics';
import { decodeConfigHash } from '../app/lib/urlState';
import { fedstudioRun } from './cli';
import { expect, test, watchPage } from './fixtures';
import { currentShareUrl, expectInViewport, loadPreset, openStudio, roundAccuracies, runStatus, runToEnd, setNumber, showVariant, stepTo } from './studio';

const ROUNDS = 3;

test.describe('sign-flip duel: FedAvg (mean) and median side by side', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('both curves and the scoreboard are visible at 1280×720 without scrolling; each equals `fedstudio run`; the link restores both', async ({ page, browser }) => {
    await openStudio(page);
    await loadPreset(page, 'duel-signflip');
    await expect(page.getByTestId('variant-0')).toHaveAttribute('data-label', 'mean');
    await expect(page.getByTestId('variant-1')).toHaveAttribute('data-label', 'median');
    await setNumber(page, 'rounds', ROUNDS);
    await runToEnd(page);
    await expect(runStatus(page)).toHaveAttribute('data-end-reason', 'completed');

    // Without scrolling: the accuracy chart (both variants' curves, a legend with each label) and the scoreboard.
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const chart = page.getByTestId('accuracy-chart');
    await expect(chart).toHaveAttribute('data-points', String(ROUNDS));
    await expect(chart).toHaveAttribute('data-lines', 'median');
    await expect(chart.getByText('mean: test accuracy', { exact: false })).toBeVisible();
    await expect(chart.getByText('median', { exact: true })).toBeVisible();
    await expectInViewport(page, 'accuracy-chart');
    await expectInViewport(page, 'scoreboard');
    await expect(page.getByTestId('score-0')).toHaveAttribute('data-label', 'mean');
    await expect(page.getByTestId('score-1')).toHaveAttribute('data-label', 'median');

    // Each variant's round accuracies, from its round table, against the CLI run of the share link's config.
    const shareUrl = await currentShareUrl(page);
    const { config, variants, issues } = decodeConfigHash(new URL(shareUrl).hash);
    expect(issues).toEqual([]);
    expect(variants).toEqual([{ set: { 'aggregator.name': 'median' } }]);
    const studio: number[][] = [];
    for (const k of [0, 1]) {
      await showVariant(page, k);
      studio.push(await roundAccuracies(page, ROUNDS));
    }
    test.info().annotations.push({ type: 'test accuracy by round (mean | median)', description: studio.map((a) => a.join(', ')).join(' | ') });
    const cli = await fedstudioRun<RunMetrics>(config, variants);
    expect(cli.map((m) => m.rounds.map((r) => r.testAccuracy))).toEqual(studio);
    expect(cli[1].config.aggregator.name).toBe('median');

    // The share link in a fresh page: both variants, their chips and labels.
    const context = await browser.newContext();
    const fresh = await context.newPage();
    const problems: string[] = [];
    watchPage(fresh, problems);
    await openStudio(fresh, new URL(shareUrl).hash);
    await expect(fresh.getByTestId('variant-0')).toHaveAttribute('data-label', 'mean');
    await expect(fresh.getByTestId('variant-1')).toHaveAttribute('data-label', 'median');
    await expect(fresh.getByTestId('variants').getByRole('combobox')).toHaveValue('median');
    await context.close();
    expect(problems).toEqual([]);
  });
});

test('mean → median at round 4 of a running sign-flip run: the run continues, round 4 is marked, accuracy recovers, the history replays', async ({ page }) => {
  await openStudio(page);
  await loadPreset(page, 'attack-signflip');
  await setNumber(page, 'rounds', 6);
  for (const round of [1, 2, 3]) await stepTo(page, round);

  const aggregator = page.getByTestId('field-aggregator.name').getByRole('combobox');
  await aggregator.selectOption('median');
  await expect(aggregator).toHaveValue('median');
  // A live change: no reset, the run is still paused after round 3.
  await expect(runStatus(page)).toHaveAttribute('data-status', 'paused');
  await expect(runStatus(page)).toHaveAttribute('data-round', '3');
  await expect(page.getByTestId('ghost-bar')).toHaveCount(0);

  await runToEnd(page);
  await expect(runStatus(page)).toHaveAttribute('data-end-reason', 'completed');
  await expect(page.getByTestId('accuracy-chart')).toHaveAttribute('data-change-rounds', '4');
  await expect(page.getByTestId('accuracy-chart').getByText('→ median')).toBeVisible();
  const accuracies = await roundAccuracies(page, 6);
  await expect(page.getByTestId('round-change-4')).toHaveText('→ median');
  test.info().annotations.push({ type: 'test accuracy by round', description: accuracies.join(', ') });
  // Under 20 % sign-flippers the mean collapses; the median recovers from round 4 on (measured 0.05 → 0.88).
  expect(accuracies[6]).toBeGreaterThan(accuracies[3] + 0.2);

  // The share link carries the run's history (the change at round 4); the CLI replays it to the same numbers.
  const { config, issues } = decodeConfigHash(new URL(await currentShareUrl(page)).hash);
  expect(issues).toEqual([]);
  expect(config.schedule).toEqual([{ round: 4, set: { 'aggregator.name': 'median' } }]);
  const [replayed] = await fedstudioRun<RunMetrics>(config);
  expect(replayed.rounds.map((r) => r.testAccuracy)).toEqual(accuracies);
  expect(replayed.rounds[4].changes).toEqual({ 'aggregator.name': 'median' });
});
