// Attacks in the studio: the sign-flip preset marks its attackers in the client grid and their updates in the
// update-norm and cosine scatters.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { loadPreset, openStudio, runStatus, runToEnd, setNumber } from './studio';

const ROUNDS = 2;
const preset = JSON.parse(readFileSync(new URL('../examples/attack-signflip.json', import.meta.url), 'utf8')) as {
  partition: { numClients: number };
  attack: { fraction: number };
};
const ATTACKERS = Math.round(preset.attack.fraction * preset.partition.numClients);

test('sign-flip preset: attackers marked in the grid and in the update scatters', async ({ page }) => {
  await openStudio(page);
  await loadPreset(page, 'attack-signflip');
  await setNumber(page, 'rounds', ROUNDS);

  const grid = page.getByTestId('client-grid');
  await expect(grid.locator('[data-malicious="true"]')).toHaveCount(ATTACKERS);
  await expect(grid.getByText('attacker', { exact: true })).toBeVisible();
  // Plain sign flip flips the client's own update: not omniscient.
  await expect(page.getByTestId('omniscient-note')).toHaveCount(0);

  await runToEnd(page);
  await expect(runStatus(page)).toHaveAttribute('data-end-reason', 'completed');
  await expect(grid.locator('[data-malicious="true"]')).toHaveCount(ATTACKERS);

  // Charts off screen wait until scrolled into view.
  for (const id of ['update-norm-scatter', 'cosine-scatter']) {
    const scatter = page.getByTestId(id);
    await scatter.scrollIntoViewIfNeeded();
    await expect(scatter).toHaveAttribute('data-malicious-points', /^[1-9]\d*$/);
    await expect(scatter.getByText('attacker', { exact: true })).toBeVisible();
  }

  const attacker = grid.locator('[data-malicious="true"]').first();
  await attacker.click();
  await expect(page.getByTestId('client-attacker')).toBeVisible();
});
