import { deflateSync, strToU8 } from 'fflate';
import { expect, test } from './fixtures';
import { openStudio, runStatus, setNumber } from './studio';

/** A hand-made link (the studio's format) holding `value`, valid or not. */
function linkOf(value: unknown): string {
  const b64 = Buffer.from(deflateSync(strToU8(JSON.stringify(value)))).toString('base64url');
  return `#v1.${b64}`;
}

test('a damaged link says so and leaves a usable studio with the default experiment', async ({ page }) => {
  await openStudio(page, '#v1.this-is-not-an-experiment');
  const alert = page.getByTestId('url-issues');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('could not be read');
  await expect(page.getByTestId('field-partition.numClients').getByRole('spinbutton')).toHaveValue('20');
  await expect(page.getByTestId('run-toggle')).toBeEnabled();
});

test('a tampered field is named, reset to its default, and the rest of the link kept', async ({ page }) => {
  const hash = linkOf({
    rounds: 2,
    data: { dataset: 'moons' },
    partition: { numClients: 8, method: 'dirichlet', alpha: -1 },
    model: { hidden: [8] },
  });
  await openStudio(page, hash);
  const alert = page.getByTestId('url-issues');
  await expect(alert).toContainText('partition.alpha');
  await expect(alert).toContainText('must be ≥ 0.001 (got -1)');
  await expect(page.getByTestId('field-partition.alpha').getByRole('spinbutton')).toHaveValue('0.5');
  await expect(page.getByTestId('field-partition.numClients').getByRole('spinbutton')).toHaveValue('8');
  await expect(page.getByTestId('field-data.dataset').getByRole('combobox')).toHaveValue('moons');
  // The repaired experiment replaces the bad link, and it runs.
  await expect.poll(() => page.url()).not.toContain(hash);
  await page.getByTestId('step').click();
  await expect(runStatus(page)).toHaveAttribute('data-status', 'paused', { timeout: 120_000 });
  await expect(runStatus(page)).toHaveAttribute('data-round', '1');
  await expect(page.getByTestId('accuracy-chart')).toHaveAttribute('data-points', '1');
  await page.getByTestId('alert-dismiss').click();
  await expect(alert).toBeHidden();

  // A setting that invalidates the run (the seed) resets it at once, no question; the old curve stays as a ghost.
  await setNumber(page, 'seed', 7);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(runStatus(page)).toHaveAttribute('data-status', 'idle');
  await expect(page.getByTestId('accuracy-chart')).toHaveAttribute('data-points', '0');
  await expect(page.getByTestId('accuracy-chart')).toHaveAttribute('data-ghosts', '1');
});

test('a link with variants restores them; a bad variant is named and dropped, the rest kept', async ({ page }) => {
  const hash = linkOf({
    rounds: 2,
    data: { dataset: 'moons' },
    partition: { numClients: 8 },
    model: { hidden: [8] },
    variants: [{ set: { 'aggregator.name': 'median' } }, { set: { 'aggregator.name': 'no-such-rule' } }],
  });
  await openStudio(page, hash);
  await expect(page.getByTestId('url-issues')).toContainText('variants.2.set.aggregator.name');
  await expect(page.getByTestId('variant-1')).toHaveAttribute('data-label', 'median');
  await expect(page.getByTestId('variant-2')).toHaveCount(0);
});
