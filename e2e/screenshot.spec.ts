// The studio mid-run, light and dark, for the docs.
import path from 'node:path';
import { expect, test } from './fixtures';
import { loadPreset, openStudio, runStatus } from './studio';

const DOCS = path.resolve(__dirname, '..', 'docs');

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshot mid-run (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1440, height: 1000 });
    await openStudio(page);
    await loadPreset(page, 'mnist-dirichlet');
    await page.getByTestId('run-toggle').click();
    await expect(runStatus(page)).toHaveAttribute('data-round', '4', { timeout: 240_000 });
    await page.getByTestId('client-grid').getByRole('button').nth(3).click();
    await page.getByTestId('run-toggle').click();
    await expect(runStatus(page)).toHaveAttribute('data-status', 'paused', { timeout: 120_000 });
    await page.mouse.move(0, 0);
    const file = scheme === 'light' ? 'studio.png' : 'studio-dark.png';
    await page.screenshot({ path: path.join(DOCS, file), fullPage: true });
  });
}
