// Faults a user meets before training: settings that cannot work, and a damaged link pasted into an open studio.
import { expect, test } from './fixtures';
import { currentShareUrl, openStudio, runStatus, setNumber } from './studio';

test('Bulyan on the default experiment is named on its field before Run, and Run refuses until f fits', async ({ page }) => {
  await openStudio(page);
  const aggregator = page.getByTestId('field-aggregator.name');
  await aggregator.getByRole('combobox').selectOption('bulyan');

  // The default experiment samples 10 of 20 clients; Bulyan with f = 2 needs 4·2 + 3 = 11.
  const error = aggregator.getByRole('alert');
  await expect(error).toContainText('Bulyan needs at least 4f + 3 = 11 updates per round (f = 2)');
  await expect(error).toContainText('this experiment samples 10 of 20 clients');
  await expect(error).toContainText('raise sampling.fraction to ≥ 0.55 or lower aggregator.f to ≤ 1');
  await expect(page.getByTestId('run-toggle')).toBeDisabled();
  await expect(page.getByTestId('step')).toBeDisabled();
  await expect(runStatus(page)).toContainText('Cannot run: aggregator.name: Bulyan needs at least 4f + 3 = 11');
  await expect(runStatus(page)).toHaveAttribute('data-status', 'idle');

  // f = 1 needs 7 ≤ 10: the error goes and Run is back.
  await setNumber(page, 'aggregator.f', 1);
  await expect(error).toBeHidden();
  await expect(page.getByTestId('run-toggle')).toBeEnabled();
  await expect(runStatus(page)).toHaveText('Ready: 10 rounds');
});

test('a partition the data cannot make is named on the partition field, and Run refuses', async ({ page }) => {
  await openStudio(page);
  await page.getByTestId('field-partition.method').getByRole('combobox').selectOption('shard');
  await setNumber(page, 'partition.numClients', 500);
  await setNumber(page, 'partition.shardsPerClient', 20);

  // 500 × 20 = 10,000 shards, but MNIST leaves 8,000 training digits.
  const message = '500 clients × 20 shards = 10000 shards is more than the 8000 training examples';
  await expect(page.getByTestId('field-partition.shardsPerClient').getByRole('alert')).toContainText(message);
  await expect(page.getByTestId('partition-error')).toContainText(message);
  await expect(page.getByTestId('run-toggle')).toBeDisabled();
  await expect(runStatus(page)).toContainText(`Cannot run: partition.shardsPerClient: ${message}`);
});

test('a damaged link pasted into the open studio is named in a banner and the experiment is kept', async ({ page }) => {
  await openStudio(page);
  const banner = page.getByTestId('url-issues');
  const clients = page.getByTestId('field-partition.numClients').getByRole('spinbutton');

  // On the default experiment (a damaged link used to decode to the same defaults and be ignored).
  await page.evaluate(() => (location.hash = '#v1.this-is-not-an-experiment'));
  await expect(banner).toContainText('This link could not be read');
  await expect(banner).toContainText('the link is damaged (its data could not be decoded): kept the current experiment');
  await page.getByTestId('alert-dismiss').click();
  await expect(banner).toBeHidden();

  // On a changed experiment, its own link cut short (as by a bad copy): the experiment stays, and the address bar
  // gets its link back.
  await setNumber(page, 'partition.numClients', 30);
  // The link is written a moment after the edit (debounced): wait for the experiment's own link.
  await expect.poll(() => page.url()).not.toContain('this-is-not-an-experiment');
  const link = await currentShareUrl(page);
  const cut = new URL(link).hash.slice(0, -8);
  await page.evaluate((hash) => (location.hash = hash), cut);
  await expect(banner).toContainText('kept the current experiment');
  await expect(clients).toHaveValue('30');
  await expect.poll(() => page.url()).toBe(link);
  await expect(page.getByTestId('run-toggle')).toBeEnabled();
});
