// The studio mid-run, light and dark, for the docs (docs/studio.png, docs/studio-dark.png).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { loadPreset, openStudio, runStatus } from './studio';

const DOCS = fileURLToPath(new URL('../docs/', import.meta.url));

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshot mid-run (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    // Tall enough that every card is on screen (charts off screen pause their live updates).
    await page.setViewportSize({ width: 1440, height: 1640 });
    await openStudio(page);
    await loadPreset(page, 'mnist-dirichlet');
    await page.getByTestId('run-toggle').click();
    await expect(runStatus(page)).toHaveAttribute('data-round', '3', { timeout: 240_000 });
    await page.getByRole('button', { name: /^Client 4:/ }).click();
    await expect(runStatus(page)).toHaveAttribute('data-round', '5', { timeout: 240_000 });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(DOCS, scheme === 'light' ? 'studio.png' : 'studio-dark.png') });
  });
}
