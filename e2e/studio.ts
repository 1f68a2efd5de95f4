// Page helpers: what a user does in the studio, by role/label or the stable test ids.
import { expect, type Page } from '@playwright/test';

const RUN_TIMEOUT = 240_000;

/** Opens the studio (optionally at a hash) and waits for the partition view of the loaded experiment. */
export async function openStudio(page: Page, hash = ''): Promise<void> {
  await page.goto(`/${hash}`);
  await expect(page.getByTestId('partition-heatmap')).toHaveAttribute('data-signature', /.+/);
}

export async function loadPreset(page: Page, id: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Load a preset experiment' }).selectOption(id);
}

/** Types a value into a numeric setting's box (by config path) and commits it. */
export async function setNumber(page: Page, path: string, value: number): Promise<void> {
  const box = page.getByTestId(`field-${path}`).getByRole('spinbutton');
  await box.fill(String(value));
  await box.press('Enter');
  await expect(box).toHaveValue(String(value));
}

export function runStatus(page: Page) {
  return page.getByTestId('run-status');
}

/** Clicks Run and waits until the run finished (any reason). */
export async function runToEnd(page: Page): Promise<void> {
  await page.getByTestId('run-toggle').click();
  await expect(runStatus(page)).toHaveAttribute('data-status', 'finished', { timeout: RUN_TIMEOUT });
}

/** Test accuracy of rounds 0..`rounds` (index = round, 0 = initial model), read from the round table. */
export async function roundAccuracies(page: Page, rounds: number): Promise<number[]> {
  const table = page.getByTestId('round-table');
  if (!(await table.evaluate((el) => (el as HTMLDetailsElement).open))) await table.locator('summary').click();
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(rounds + 1);
  return rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-test-accuracy'))));
}

/** The shareable link, once the debounced hash write has happened. */
export async function currentShareUrl(page: Page): Promise<string> {
  await expect.poll(() => new URL(page.url()).hash, { timeout: 5_000 }).toMatch(/^#v1\./);
  return page.url();
}

/** Step: one more round (from idle, the first), then waits until the run paused after round `round`. */
export async function stepTo(page: Page, round: number): Promise<void> {
  await page.getByTestId('step').click();
  await expect(runStatus(page)).toHaveAttribute('data-status', 'paused', { timeout: RUN_TIMEOUT });
  await expect(runStatus(page)).toHaveAttribute('data-round', String(round));
}

/** Shows variant `k` of a run with variants in the single-run views (scoreboard row), and waits for the round table. */
export async function showVariant(page: Page, k: number): Promise<string> {
  const row = page.getByTestId(`score-${k}`);
  const label = (await row.getAttribute('data-label')) ?? '';
  await row.getByRole('radio').check();
  await expect(page.getByTestId('round-table').locator('summary')).toContainText(`of ${label}`);
  return label;
}

/** Whether `box` lies inside the viewport as it is scrolled now. */
export async function expectInViewport(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  const viewport = page.viewportSize();
  expect(box, `${testId} is rendered`).not.toBeNull();
  expect(viewport).not.toBeNull();
  if (!box || !viewport) return;
  expect(box.y, `${testId} top`).toBeGreaterThanOrEqual(0);
  expect(box.x, `${testId} left`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${testId} bottom`).toBeLessThanOrEqual(viewport.height);
  expect(box.x + box.width, `${testId} right`).toBeLessThanOrEqual(viewport.width);
}
