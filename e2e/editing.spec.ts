// Editing settings as a user types: number boxes commit whole numbers (Enter or blur), and the experiment's name says
// when a loaded experiment was changed.
import { deflateSync, strToU8 } from 'fflate';
import { expect, test } from './fixtures';
import { loadPreset, openStudio, runStatus, runToEnd, setNumber } from './studio';

/** A small, quick experiment as a link (the studio's format). */
const SMALL = `#v1.${Buffer.from(
  deflateSync(
    strToU8(
      JSON.stringify({ rounds: 2, data: { dataset: 'moons' }, partition: { numClients: 8 }, model: { hidden: [8] } }),
    ),
  ),
).toString('base64url')}`;

test('after a run, a number box resets the run only on Enter or blur, with the whole number typed; Escape restores', async ({ page }) => {
  await openStudio(page, SMALL);
  await runToEnd(page);
  const rounds = page.getByTestId('field-rounds').getByRole('spinbutton');

  // Escape drops what was typed: the box shows the run's value again and the run stays.
  await rounds.fill('');
  await rounds.pressSequentially('7');
  await expect(rounds).toHaveValue('7');
  await rounds.press('Escape');
  await expect(rounds).toHaveValue('2');
  await expect(runStatus(page)).toHaveAttribute('data-status', 'finished');

  // The name never resets a run (it changes no number).
  const name = page.getByTestId('field-name').getByRole('textbox');
  await name.fill('Moons, longer');
  await name.press('Enter');
  await expect(name).toHaveValue('Moons, longer');
  await expect(runStatus(page)).toHaveAttribute('data-status', 'finished');

  // Typing "30" key by key keeps both digits (the box used to commit the "3").
  await rounds.fill('');
  await rounds.pressSequentially('30');
  await expect(rounds).toHaveValue('30');
  await expect(runStatus(page)).toHaveAttribute('data-status', 'finished');

  // Enter commits it: the run resets at once (no dialog), with 30 rounds, and Undo is offered.
  await rounds.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(runStatus(page)).toHaveAttribute('data-status', 'idle');
  await expect(rounds).toHaveValue('30');
  await expect(runStatus(page)).toHaveText('Ready: 30 rounds');
  await expect(page.getByTestId('undo')).toBeVisible();

  // Leaving the box commits too.
  await rounds.fill('');
  await rounds.pressSequentially('4');
  await rounds.press('Tab');
  await expect(runStatus(page)).toHaveText('Ready: 4 rounds');
  await expect(rounds).toHaveValue('4');
});

test('the name of a preset is marked once another setting changes, unless the user named the experiment', async ({ page }) => {
  await openStudio(page);
  await loadPreset(page, 'attack-signflip');
  const name = page.getByTestId('field-name').getByRole('textbox');
  await expect(name).toHaveValue('MNIST · FedAvg under 20% sign-flipping attackers');

  await page.getByTestId('field-aggregator.name').getByRole('combobox').selectOption('median');
  await expect(name).toHaveValue('MNIST · FedAvg under 20% sign-flipping attackers (modified)');
  await setNumber(page, 'rounds', 3);
  await expect(name).toHaveValue('MNIST · FedAvg under 20% sign-flipping attackers (modified)');

  await name.fill('Median against sign-flipping');
  await name.press('Enter');
  await setNumber(page, 'rounds', 4);
  await expect(name).toHaveValue('Median against sign-flipping');

  // Loading a preset again gives its own name.
  await loadPreset(page, 'attack-signflip');
  await expect(name).toHaveValue('MNIST · FedAvg under 20% sign-flipping attackers');
});
