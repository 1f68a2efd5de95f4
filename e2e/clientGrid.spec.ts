// A 500-client federation's grid is one canvas (issue 14: 500 buttons cost long main-thread tasks); it stays usable
// with the mouse and the keyboard.
import { parseConfig } from '../core/config/schema';
import { encodeConfigHash } from '../app/lib/urlState';
import { expect, test } from './fixtures';
import { openStudio } from './studio';

test('500 clients: one canvas, a click selects the client under it, arrows and Enter select another', async ({ page }) => {
  const config = parseConfig({ name: 'Grid e2e', rounds: 2, data: { dataset: 'moons', numSamples: 5000 }, partition: { numClients: 500 } });
  await openStudio(page, `#${encodeConfigHash(config)}`);
  const grid = page.getByTestId('client-grid');
  const canvas = grid.getByTestId('client-grid-canvas');
  await expect(canvas).toHaveAttribute('data-clients', '500');
  await expect(grid.locator('button')).toHaveCount(0);

  // Cells are 16 px, 3 px apart, after a 2 px margin: the second cell of the first row is at x = 2 + 19 + 8.
  await canvas.locator('canvas').click({ position: { x: 2 + 19 + 8, y: 2 + 8 } });
  await expect(page.getByTestId('client-detail')).toHaveAttribute('data-client', '1');

  await canvas.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(canvas.locator('[aria-live]')).toHaveText(/^Client 3: idle/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('client-detail')).toHaveAttribute('data-client', '3');
  await page.keyboard.press('End');
  await expect(canvas.locator('[aria-live]')).toHaveText(/^Client 499: /);
  await canvas.screenshot({ path: 'reports/e2e/client-grid-500.png' });
});
