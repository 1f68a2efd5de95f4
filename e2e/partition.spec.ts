import { expect, test } from './fixtures';
import { loadPreset, openStudio, runStatus } from './studio';

test('moving the Dirichlet α slider redraws the partition heatmap before any run', async ({ page }) => {
  await openStudio(page);
  await loadPreset(page, 'mnist-dirichlet');
  const heatmap = page.getByTestId('partition-heatmap');
  const skew = page.getByTestId('partition-skew');
  await expect(page.getByTestId('field-partition.alpha').getByRole('spinbutton')).toHaveValue('0.1');
  await expect(heatmap).not.toHaveAttribute('data-signature', '');
  const before = await heatmap.getAttribute('data-signature');
  const skewBefore = await skew.textContent();

  // Keyboard on the slider, as a user would: each step moves α along its logarithmic scale.
  const slider = page.getByRole('slider', { name: 'Dirichlet α' });
  await slider.focus();
  for (let i = 0; i < 150; i++) await slider.press('ArrowRight');
  const alpha = Number(await page.getByTestId('field-partition.alpha').getByRole('spinbutton').inputValue());
  expect(alpha).toBeGreaterThan(0.5);

  await expect(heatmap).not.toHaveAttribute('data-signature', before ?? '');
  // More α = closer to IID = lower mean Hellinger skew.
  await expect(skew).not.toHaveText(skewBefore ?? '');
  expect(Number(await skew.textContent())).toBeLessThan(Number(skewBefore));
  await expect(runStatus(page)).toHaveAttribute('data-status', 'idle');
});
