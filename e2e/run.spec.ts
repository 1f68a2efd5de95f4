// The main story: run the MNIST IID preset for 3 rounds, then reproduce its numbers from the share link in a fresh
// page and from the `fedstudio` CLI.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { RunMetrics } from '../core/engine/types';
import { decodeConfigHash } from '../app/lib/urlState';
import { expect, expectNoLongTasks, test, watchPage } from './fixtures';
import { currentShareUrl, loadPreset, openStudio, roundAccuracies, runToEnd, setNumber } from './studio';

const ROUNDS = 3;

test.describe.serial('MNIST IID preset, 3 rounds', () => {
  let shareUrl = '';
  let accuracies: number[] = [];

  test('accuracy rises over 3 rounds, trained on wasm with SIMD, the main thread never busy over 50 ms', async ({ page }) => {
    await openStudio(page);
    await loadPreset(page, 'mnist-iid');
    await setNumber(page, 'rounds', ROUNDS);
    const runStart = await page.evaluate(() => performance.now());
    await runToEnd(page);
    await expectNoLongTasks(page, runStart);

    const status = page.getByTestId('run-status');
    await expect(status).toHaveAttribute('data-end-reason', 'completed');
    await expect(status).toHaveAttribute('data-round', String(ROUNDS));
    await expect(status).toContainText(`round ${ROUNDS} of ${ROUNDS} done`);

    const chart = page.getByTestId('accuracy-chart');
    await expect(chart).toHaveAttribute('data-points', String(ROUNDS));

    accuracies = await roundAccuracies(page, ROUNDS);
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
    shareUrl = await currentShareUrl(page);
  });

  test('the share link reproduces the round-3 accuracy in a fresh page', async ({ browser }) => {
    test.skip(!shareUrl, 'needs the first run');
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    watchPage(page, problems);
    await openStudio(page, new URL(shareUrl).hash);
    await expect(page.getByTestId('field-rounds').getByRole('spinbutton')).toHaveValue(String(ROUNDS));
    await runToEnd(page);
    expect(await roundAccuracies(page, ROUNDS)).toEqual(accuracies);
    await context.close();
    expect(problems).toEqual([]);
  });

  test('`fedstudio run` on the same config gives the same accuracies', async () => {
    test.skip(!shareUrl, 'needs the first run');
    const { config, issues } = decodeConfigHash(new URL(shareUrl).hash);
    expect(issues).toEqual([]);
    const dir = mkdtempSync(path.join(tmpdir(), 'fedstudio-e2e-'));
    const configFile = path.join(dir, 'config.json');
    const outFile = path.join(dir, 'metrics.json');
    writeFileSync(configFile, JSON.stringify(config));
    await promisify(execFile)(
      process.execPath,
      ['cli/bin.mjs', 'run', configFile, '--rounds', String(ROUNDS), '--out', outFile, '--quiet'],
      { cwd: fileURLToPath(new URL('..', import.meta.url)), timeout: 240_000 },
    );
    const metrics = JSON.parse(readFileSync(outFile, 'utf8')) as RunMetrics;
    expect(metrics.environment.backend).toBe('wasm');
    expect(metrics.rounds.map((r) => r.testAccuracy)).toEqual(accuracies);
  });
});
