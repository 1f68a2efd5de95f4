// The main story: run the MNIST IID preset for 3 rounds, then reproduce its numbers from the share link in a fresh
// page and from the `fedstudio` CLI.
import type { RunMetrics } from '../core/report/metrics';
import { decodeConfigHash } from '../app/lib/urlState';
import type { Page } from '@playwright/test';
import { fedstudioRun } from './cli';
import { expect, expectNoJank, test, watchPage } from './fixtures';
import { currentShareUrl, loadPreset, openStudio, roundAccuracies, runToEnd, setNumber } from './studio';

const ROUNDS = 3;

/** Runs the MNIST IID preset for ROUNDS rounds in `page`: when Run was clicked, the share link, the round accuracies. */
async function runPreset(page: Page): Promise<{ runStart: number; shareUrl: string; accuracies: number[] }> {
  await openStudio(page);
  await loadPreset(page, 'mnist-iid');
  await setNumber(page, 'rounds', ROUNDS);
  const runStart = await page.evaluate(() => performance.now());
  await runToEnd(page);
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-end-reason', 'completed');
  return { runStart, shareUrl: await currentShareUrl(page), accuracies: await roundAccuracies(page, ROUNDS) };
}

// Each test makes its own run: none depends on another passing (or on a timing measurement).
test.describe('MNIST IID preset, 3 rounds', () => {
  test('accuracy rises over 3 rounds, trained on wasm with SIMD, the page never frozen', async ({ page }) => {
    const { runStart, accuracies } = await runPreset(page);
    await expectNoJank(page, runStart);

    const status = page.getByTestId('run-status');
    await expect(status).toHaveAttribute('data-round', String(ROUNDS));
    await expect(status).toContainText(`round ${ROUNDS} of ${ROUNDS} done`);
    const chart = page.getByTestId('accuracy-chart');
    await expect(chart).toHaveAttribute('data-points', String(ROUNDS));

    test.info().annotations.push({ type: 'test accuracy by round', description: accuracies.join(', ') });
    expect(accuracies).toHaveLength(ROUNDS + 1);
    expect(accuracies[1]).toBeGreaterThan(accuracies[0]);
    expect(accuracies[ROUNDS]).toBeGreaterThan(accuracies[1]);
    expect(accuracies[ROUNDS]).toBeGreaterThan(0.6);
    await expect(chart).toHaveAttribute('data-last-accuracy', String(accuracies[ROUNDS]));

    const backend = page.getByTestId('backend');
    await expect(backend).toHaveAttribute('data-backend', 'wasm');
    await expect(backend).toHaveAttribute('data-simd', 'true');
    await expect(backend).toContainText('wasm · SIMD');
  });

  test('the share link reproduces every round’s accuracy in a fresh page', async ({ page, browser }) => {
    const { shareUrl, accuracies } = await runPreset(page);
    const context = await browser.newContext();
    const fresh = await context.newPage();
    const problems: string[] = [];
    watchPage(fresh, problems);
    await openStudio(fresh, new URL(shareUrl).hash);
    await expect(fresh.getByTestId('field-rounds').getByRole('spinbutton')).toHaveValue(String(ROUNDS));
    await runToEnd(fresh);
    // On failure this shows how the run ended instead (its status text carries the error).
    await expect(fresh.getByTestId('run-status')).toContainText(`round ${ROUNDS} of ${ROUNDS} done`, { timeout: 1_000 });
    expect(await roundAccuracies(fresh, ROUNDS)).toEqual(accuracies);
    await context.close();
    expect(problems).toEqual([]);
  });

  test('`fedstudio run` on the share link’s config gives the same accuracies', async ({ page }) => {
    const { shareUrl, accuracies } = await runPreset(page);
    const { config, issues } = decodeConfigHash(new URL(shareUrl).hash);
    expect(issues).toEqual([]);
    const [metrics] = await fedstudioRun<RunMetrics>(config, [], ['--rounds', String(ROUNDS)]);
    expect(metrics.environment.backend).toBe('wasm');
    expect(metrics.rounds.map((r) => r.testAccuracy)).toEqual(accuracies);
  });
});
