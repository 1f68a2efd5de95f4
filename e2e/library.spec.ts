// The experiment library: save a finished run from the studio, reopen it by permalink, compare runs.
import { readFile } from 'node:fs/promises';
import { parseConfig } from '../core/config/schema';
import { computeEpsilon } from '../core/privacy/rdp';
import { encodeConfigHash } from '../app/lib/urlState';
import { sampleRun } from '../server/testing/fixtures';
import { expect, test, watchPage } from './fixtures';
import { openStudio, roundAccuracies, runToEnd } from './studio';

const TAG = `e2e-${Date.now().toString(36)}`;

test('run 2 rounds, save, and the permalink /r/<id> shows the same final accuracy in a new page', async ({ page, context }) => {
  const config = parseConfig({
    name: 'Library e2e',
    rounds: 2,
    data: { dataset: 'moons', numSamples: 600 },
    partition: { numClients: 6 },
    model: { hidden: [16] },
  });
  await openStudio(page, `#${encodeConfigHash(config)}`);
  const save = page.getByTestId('save-run');
  await expect(save).toBeDisabled();
  await runToEnd(page);
  const finalAccuracy = String((await roundAccuracies(page, 2))[2]);
  expect(Number(finalAccuracy)).toBeGreaterThan(0);
  await expect(save).toBeEnabled();

  // A name with markup: it must come back as text, never as HTML.
  const name = `${TAG} <img src=x onerror="document.body.dataset.injected='yes'"> <b>bold</b>`;
  await save.click();
  await page.getByTestId('save-run-name').fill(name);
  await page.getByTestId('save-run-notes').fill('two rounds of moons\n<script>document.body.dataset.injected = "yes"</script>');
  await page.getByTestId('save-run-confirm').click();
  const link = page.getByTestId('saved-run-link');
  await expect(link).toHaveText(/^\/r\/[A-Za-z0-9_-]{12}$/);
  const permalink = (await link.getAttribute('href'))!;

  const runPage = await context.newPage();
  const problems: string[] = [];
  watchPage(runPage, problems);
  await runPage.goto(permalink);
  await expect(runPage.getByTestId('accuracy-chart')).toHaveAttribute('data-last-accuracy', finalAccuracy);
  await expect(runPage.getByTestId('accuracy-chart')).toHaveAttribute('data-points', '2');
  await expect(runPage.getByTestId('final-accuracy')).toContainText(`${(Number(finalAccuracy) * 100).toFixed(1)}%`);
  await expect(runPage.getByTestId('run-name')).toHaveText(name);
  await expect(runPage.getByTestId('run-notes')).toContainText('<script>');
  await expect(runPage.locator('[data-testid="run-view"] img, [data-testid="run-view"] b')).toHaveCount(0);
  expect(await runPage.evaluate(() => document.body.dataset.injected)).toBeUndefined();

  // Export: one CSV row per round (0..2).
  const [download] = await Promise.all([runPage.waitForEvent('download'), runPage.getByTestId('export-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = (await readFile((await download.path())!, 'utf8')).trimEnd().split('\n');
  expect(csv).toHaveLength(4);
  expect(Number(csv[3].split(',')[1])).toBe(Number(finalAccuracy));

  // "Open in studio" loads the experiment (via /e/<id>) ready to run.
  await runPage.getByTestId('open-in-studio').click();
  await expect(runPage.getByTestId('partition-heatmap')).toHaveAttribute('data-signature', /.+/);
  await expect(runPage.getByTestId('field-partition.numClients').getByRole('spinbutton')).toHaveValue('6');
  await expect(runPage.getByTestId('field-rounds').getByRole('spinbutton')).toHaveValue('2');
  expect(problems).toEqual([]);
});

test('pick two runs in the library, compare: both curves and the config difference are shown', async ({ page, request }) => {
  const CMP = `${TAG}-compare`;
  const save = async (name: string, alpha: number, accuracies: number[]) => {
    const metrics = sampleRun({ partition: { method: 'dirichlet', alpha }, data: { dataset: 'circles' } }, accuracies);
    const response = await request.post('/api/trpc/runs.save', { data: { name, metrics } });
    expect(response.status()).toBe(200);
  };
  await save(`${CMP} α=0.1`, 0.1, [0.5, 0.6, 0.65, 0.7]);
  await save(`${CMP} α=10`, 10, [0.5, 0.8, 0.9, 0.95]);

  await page.goto('/library');
  await page.getByTestId('library-search').fill(CMP);
  const rows = page.getByTestId('runs-table').getByTestId('run-row');
  await expect(rows).toHaveCount(2);
  // Newest first.
  await expect(rows.nth(0).getByTestId('run-link')).toHaveText(`${CMP} α=10`);
  await expect(rows.nth(0).getByTestId('run-final-accuracy')).toHaveText('95.0%');
  await page.getByTestId('filter-dataset').selectOption('circles');
  await expect(rows).toHaveCount(2);

  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  await page.getByTestId('compare-selected').click();
  await expect(page).toHaveURL(/\/compare\?ids=/);

  for (const metric of ['test-accuracy', 'test-loss', 'federated-accuracy']) {
    const chart = page.getByTestId(`overlay-${metric}`);
    await expect(chart).toHaveAttribute('data-series', '2');
    await expect(chart.locator('path.recharts-line-curve')).toHaveCount(2);
  }
  const diff = page.getByTestId('config-diff');
  await expect(diff.locator('tbody tr')).toHaveCount(1);
  await expect(diff.locator('tr[data-path="partition.alpha"]')).toContainText('10');

  // Delete one of them from the library.
  await page.goto('/library');
  await page.getByTestId('library-search').fill(CMP);
  await expect(rows).toHaveCount(2);
  const del = rows.nth(0).getByTestId('delete-run');
  await del.click();
  await expect(del).toHaveText('Delete run?');
  await del.click();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0).getByTestId('run-link')).toHaveText(`${CMP} α=0.1`);
});

test('compare two DP runs: their ε curves overlay, and the noise multiplier is the difference', async ({ page, request }) => {
  const DP = `${TAG}-dp`;
  const ids: string[] = [];
  for (const z of [0.8, 1.5]) {
    const metrics = sampleRun({ privacy: { mode: 'central', noiseMultiplier: z } }, [0.5, 0.7, 0.8]);
    // The accountant's ε for q = 0.5 (10 of 20 clients), z, 1 and 2 rounds, as the engine reports it.
    const epsilon = [0, ...[1, 2].map((steps) => computeEpsilon({ q: 0.5, noiseMultiplier: z, steps, delta: 1e-5 }).epsilon)];
    metrics.rounds = metrics.rounds.map((r, i) => ({ ...r, epsilon: epsilon[i] }));
    const response = await request.post('/api/trpc/runs.save', { data: { name: `${DP} z=${z}`, metrics } });
    expect(response.status()).toBe(200);
    ids.push(((await response.json()) as { result: { data: { id: string } } }).result.data.id);
  }
  await page.goto('/library');
  await page.getByTestId('library-search').fill(DP);
  await page.getByTestId('filter-dp').selectOption('central');
  const rows = page.getByTestId('runs-table').getByTestId('run-row');
  await expect(rows).toHaveCount(2);
  await page.goto(`/compare?ids=${ids.join(',')}`);
  const chart = page.getByTestId('overlay-epsilon');
  await expect(chart).toHaveAttribute('data-series', '2');
  await expect(chart.locator('path.recharts-line-curve')).toHaveCount(2);
  await expect(page.getByTestId('overlay-example-epsilon')).toHaveAttribute('data-series', '0');
  await expect(page.getByTestId('config-diff').locator('tr[data-path="privacy.noiseMultiplier"]')).toContainText('1.5');
});

test('import a config JSON: a bad field is named; a valid file opens in the studio', async ({ page }) => {
  await page.goto('/library');
  const file = (json: unknown) => ({ name: 'config.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
  await page.getByTestId('import-config').setInputFiles(file({ rounds: 3, partition: { alpha: -1 } }));
  await expect(page.getByTestId('import-error')).toContainText('partition.alpha: must be ≥ 0.001 (got -1)');

  await page.getByTestId('import-config').setInputFiles(file({ name: `${TAG} imported`, rounds: 4, data: { dataset: 'spiral' } }));
  await expect(page.getByTestId('partition-heatmap')).toHaveAttribute('data-signature', /.+/);
  await expect(page.getByTestId('field-rounds').getByRole('spinbutton')).toHaveValue('4');
  await expect(page.getByTestId('field-data.dataset').getByRole('combobox')).toHaveValue('spiral');
});
