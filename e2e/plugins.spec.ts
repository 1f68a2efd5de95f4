// A plugin added in core alone (one file + one registry line) is in the studio: Meamed, chosen in the aggregator
// list, shows its own help and parameter, runs, and travels in the share link.
import { decodeConfigHash } from '../app/lib/urlState';
import { expect, test } from './fixtures';
import { currentShareUrl, loadPreset, openStudio, runStatus, runToEnd, setNumber } from './studio';

const ROUNDS = 2;

test('Meamed: selected in the studio, described by its plugin, runs 2 rounds under attack, kept in the link', async ({ page }) => {
  await openStudio(page);
  await loadPreset(page, 'attack-signflip');
  await setNumber(page, 'rounds', ROUNDS);

  const aggregator = page.getByTestId('field-aggregator.name');
  await aggregator.getByRole('combobox').selectOption('meamed');
  await expect(aggregator.getByRole('combobox')).toHaveValue('meamed');
  // The plugin's own words: its label in the list and its help (with the paper) on the field.
  await expect(aggregator.getByRole('option', { name: /Meamed/ })).toHaveCount(1);
  await expect(aggregator).toHaveAttribute('title', /Xie et al\. 2018/);
  // Its parameter f appears; a parameter of another rule (Multi-Krum's m) does not.
  await expect(page.getByTestId('field-aggregator.f')).toBeVisible();
  await expect(page.getByTestId('field-aggregator.multiKrumM')).toHaveCount(0);

  await runToEnd(page);
  await expect(runStatus(page)).toHaveAttribute('data-end-reason', 'completed');
  await expect(runStatus(page)).toHaveAttribute('data-round', String(ROUNDS));

  const { config, issues } = decodeConfigHash(new URL(await currentShareUrl(page)).hash);
  expect(issues).toEqual([]);
  expect(config.aggregator.name).toBe('meamed');
});
