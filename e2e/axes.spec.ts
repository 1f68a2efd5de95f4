// Value axes size themselves to their labels (issue 14, bug 3): a diverging run's loss axis once read "00000" for
// 190000000, cut by a fixed 44 px axis; the compare page had the same axis.
import type { Locator } from '@playwright/test';
import { parseConfig } from '../core/config/schema';
import { encodeConfigHash } from '../app/lib/urlState';
import { sampleRun } from '../server/testing/fixtures';
import { expect, test } from './fixtures';
import { openStudio, runToEnd } from './studio';

/** A huge value's label: compact (190M) or an exponent (1e8), never a run of digits. */
const READABLE_HUGE = /e\d|[KMBT]$/;

/** The y axis' tick labels of the chart in `figure`, each with whether its box lies inside the chart's svg. */
async function yTicks(figure: Locator): Promise<{ text: string; inside: boolean }[]> {
  return figure.locator('svg.recharts-surface').evaluate((svg) => {
    const frame = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('.recharts-yAxis-tick-labels text')].map((text) => {
      const box = text.getBoundingClientRect();
      const inside = box.left >= frame.left - 0.5 && box.right <= frame.right + 0.5 && box.top >= frame.top - 0.5 && box.bottom <= frame.bottom + 0.5;
      return { text: text.textContent ?? '', inside };
    });
  });
}

/** Every y tick label lies inside the chart's svg; returns the labels, bottom to top. */
async function expectWhole(figure: Locator): Promise<string[]> {
  const ticks = await yTicks(figure);
  expect(ticks.length).toBeGreaterThan(1);
  expect(ticks.filter((t) => !t.inside), 'tick labels outside the chart').toEqual([]);
  return ticks.map((t) => t.text);
}

/** A linear axis up to a huge value: whole labels, every one but 0 compact. */
async function expectReadable(figure: Locator): Promise<void> {
  for (const text of (await expectWhole(figure)).filter((t) => t !== '0')) expect(text).toMatch(READABLE_HUGE);
}

test('a diverging run: the loss axis labels are whole and compact, on a linear and a log scale', async ({ page }) => {
  // 20 % sign flippers ×50 under FedAvg: the test loss reaches ~9e8 by round 4 (finite, so the run completes).
  const config = parseConfig({
    name: 'Axes e2e · exploding loss',
    rounds: 4,
    data: { dataset: 'mnist', testFraction: 0.2 },
    partition: { numClients: 20, method: 'iid' },
    model: { kind: 'mlp', hidden: [128] },
    train: { optimizer: 'sgd', lr: 0.2, momentum: 0, localEpochs: 1, batchSize: 10 },
    aggregator: { name: 'mean' },
    attack: { kind: 'sign-flip', fraction: 0.2, signFlipScale: 50 },
  });
  await openStudio(page, `#${encodeConfigHash(config)}`);
  await runToEnd(page);
  const chart = page.getByTestId('loss-chart');
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.locator('.recharts-yAxis-tick-labels text').last()).toHaveText(READABLE_HUGE);
  await expectReadable(chart);

  await chart.getByRole('button', { name: 'log' }).click();
  await expect(chart).toHaveAttribute('data-scale', 'log');
  await expect(chart.locator('.recharts-yAxis-tick-labels text').last()).toHaveText(/^1e\d+$/);
  const log = await expectWhole(chart);
  // Powers of ten from below the first loss (~2.3) up past the last (~9e8).
  for (const text of log) expect(text).toMatch(/^(1e-?\d+|0\.0*1|10*)$/);
});

test('the compare page sizes its value axes to their labels', async ({ page, request }) => {
  const ids: string[] = [];
  for (const [name, scale] of [['huge', 1e8], ['small', 1]] as const) {
    const metrics = sampleRun({ name: `axes-e2e-${name}` }, [0.5, 0.3, 0.1]);
    metrics.rounds = metrics.rounds.map((r, i) => ({ ...r, testLoss: 2.3 * scale ** i }));
    const response = await request.post('/api/trpc/runs.save', { data: { name: `axes-e2e-${name}`, metrics } });
    expect(response.status()).toBe(200);
    ids.push(((await response.json()) as { result: { data: { id: string } } }).result.data.id);
  }
  await page.goto(`/compare?ids=${ids.join(',')}`);
  const chart = page.getByTestId('overlay-test-loss');
  await expect(chart).toHaveAttribute('data-series', '2');
  await expectReadable(chart);
});
