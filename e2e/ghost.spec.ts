// A change after (or during) a run needs no question: the run resets, its curves stay as faded ghosts with their
// label until cleared, and Undo gives the previous experiment back (issue 14; bug 6's stale dialog is gone).
import { deflateSync, strToU8 } from 'fflate';
import { expect, test } from './fixtures';
import { openStudio, runStatus, runToEnd, setNumber } from './studio';

/** A small, quick experiment as a link (the studio's format): nearly IID (α = 100) two moons. */
function linkOf(rounds: number): string {
  const config = { rounds, data: { dataset: 'moons' }, partition: { numClients: 8, method: 'dirichlet', alpha: 100 }, model: { hidden: [8] } };
  return `#v1.${Buffer.from(deflateSync(strToU8(JSON.stringify(config)))).toString('base64url')}`;
}

test('changing α after a run keeps a labelled ghost of the old curve; Undo restores the previous config', async ({ page }) => {
  await openStudio(page, linkOf(2));
  await runToEnd(page);
  const chart = page.getByTestId('accuracy-chart');
  await expect(chart).toHaveAttribute('data-points', '2');

  await setNumber(page, 'partition.alpha', 1);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(runStatus(page)).toHaveAttribute('data-status', 'idle');
  await expect(runStatus(page)).toHaveText('Ready: 2 rounds');
  // The old run's curve, faded and named by what it was.
  await expect(chart).toHaveAttribute('data-points', '0');
  await expect(chart).toHaveAttribute('data-ghosts', '1');
  await expect(chart).toHaveAttribute('data-lines', 'before: α = 100');
  await expect(chart.getByText('before: α = 100')).toBeVisible();
  await expect(chart.locator('.recharts-line path[stroke-opacity="0.4"]').first()).toBeVisible();
  const bar = page.getByTestId('ghost-bar');
  await expect(bar).toContainText('Changed Dirichlet α');

  // Undo: the previous config is back (the ghost stays: those are its curves).
  await bar.getByTestId('undo').click();
  await expect(page.getByTestId('field-partition.alpha').getByRole('spinbutton')).toHaveValue('100');
  await expect(chart).toHaveAttribute('data-ghosts', '1');
  await bar.getByTestId('clear-ghost').click();
  await expect(chart).not.toHaveAttribute('data-ghosts', /.*/);
  await expect(bar).toHaveCount(0);
});

test('a setting that needs a fresh run resets a run in progress without a dialog; the status shown is the live one (bug 6)', async ({ page }) => {
  await openStudio(page, linkOf(200));
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('accuracy-chart')).toHaveAttribute('data-points', /^[1-9]\d*$/, { timeout: 240_000 });
  await expect(runStatus(page)).toHaveAttribute('data-status', 'running');

  await setNumber(page, 'seed', 7);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(runStatus(page)).toHaveAttribute('data-status', 'idle');
  await expect(runStatus(page)).toHaveText('Ready: 200 rounds');
  await expect(page.getByTestId('accuracy-chart')).toHaveAttribute('data-ghosts', '1');
  await expect(page.getByTestId('ghost-bar')).toContainText('Changed Seed');
  // Nothing of the stopped run comes back later (its events are ignored).
  await expect(runStatus(page)).toHaveAttribute('data-round', '0');
  await expect(page.getByTestId('accuracy-chart')).toHaveAttribute('data-points', '0');
});
