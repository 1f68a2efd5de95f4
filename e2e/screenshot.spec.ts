// The studio mid-run, light and dark, and the sign-flip duel at 1280×720, for the docs (docs/studio.png,
// docs/studio-dark.png, docs/duel.png).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { loadPreset, openStudio, runStatus, runToEnd } from './studio';

const DOCS = fileURLToPath(new URL('../docs/', import.meta.url));

async function roundReached(page: Page, round: number): Promise<void> {
  await expect
    .poll(async () => Number(await runStatus(page).getAttribute('data-round')), { timeout: 240_000, intervals: [50] })
    .toBeGreaterThanOrEqual(round);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshot mid-run (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    // Tall enough that every card is on screen (charts off screen pause their live updates).
    await page.setViewportSize({ width: 1440, height: 1640 });
    await openStudio(page);
    await loadPreset(page, 'mnist-dirichlet');
    await page.getByTestId('run-toggle').click();
    await roundReached(page, 3);
    await page.getByRole('button', { name: /^Client 4:/ }).click();
    await roundReached(page, 5);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(DOCS, scheme === 'light' ? 'studio.png' : 'studio-dark.png') });
  });
}

test('screenshot of the sign-flip duel after its run (1280×720, nothing scrolled)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openStudio(page);
  await loadPreset(page, 'duel-signflip');
  await runToEnd(page);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(DOCS, 'duel.png') });
});
