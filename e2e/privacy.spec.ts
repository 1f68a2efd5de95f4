// Privacy and secure aggregation in the studio: the planner projects ε before running, the run shows ε spent per
// round, and SecAgg shows the masked update the server sees next to the recovered sum — or says why it failed.
import { expect, test } from './fixtures';
import { loadPreset, openStudio, runStatus, runToEnd, setNumber } from './studio';

const plannedEpsilon = async (page: import('@playwright/test').Page) =>
  Number(await page.getByTestId('privacy-plan').getAttribute('data-epsilon'));

test('DP-FedAvg: ε planned before the run follows z and rounds, then grows round by round', async ({ page }) => {
  await openStudio(page);
  await loadPreset(page, 'dp-fedavg');
  const plan = page.getByTestId('privacy-plan');
  await expect(plan).toContainText('Planned after 30 rounds');
  const atZ1 = await plannedEpsilon(page);
  expect(atZ1).toBeGreaterThan(1);

  await setNumber(page, 'privacy.noiseMultiplier', 2);
  await expect.poll(() => plannedEpsilon(page)).toBeLessThan(atZ1 / 2);
  await setNumber(page, 'rounds', 3);
  await expect(plan).toContainText('Planned after 3 rounds');
  const planned = await plannedEpsilon(page);

  await runToEnd(page);
  await expect(runStatus(page)).toHaveAttribute('data-end-reason', 'completed');
  await expect(page.getByTestId('stat-epsilon')).toBeVisible();
  const chart = page.getByTestId('privacy-chart');
  await chart.scrollIntoViewIfNeeded();
  // Every round of the run used all its clients, so the final ε is the planned one.
  await expect.poll(async () => Number(await chart.getAttribute('data-epsilon'))).toBeCloseTo(planned, 6);
  await expect(page.getByTestId('clip-norm')).toBeVisible();
});

test('SecAgg+: the server sees noise, the sum is recovered; below the threshold the round fails clearly', async ({ page }) => {
  await openStudio(page);
  await loadPreset(page, 'secagg');
  await setNumber(page, 'rounds', 2);
  await runToEnd(page);
  await expect(runStatus(page)).toHaveAttribute('data-end-reason', 'completed');
  const view = page.getByTestId('secagg-view');
  await view.scrollIntoViewIfNeeded();
  for (const row of ['secagg-masked', 'secagg-input', 'secagg-sum']) await expect(view.getByTestId(row)).toBeVisible();
  await expect(view).toContainText(/survivors, t = \d+/);

  // Changing a setting after a run resets it at once (no question; Undo is offered).
  const dropout = page.getByTestId('field-system.dropoutProb').getByRole('spinbutton');
  await dropout.fill('0.9');
  await dropout.press('Enter');
  await expect(runStatus(page)).toHaveAttribute('data-status', 'idle');
  await expect(dropout).toHaveValue('0.9');
  await runToEnd(page);
  await expect(view.getByTestId('secagg-error')).toContainText('secure aggregation failed');
});
