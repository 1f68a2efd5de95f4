// Takes the docs screenshots (docs/studio.png, docs/studio-dark.png): `npx playwright test -c e2e/screenshot.config.ts`.
// Not part of `npm test`: it rewrites files in docs/.
import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'screenshot.spec.ts',
  testIgnore: [],
  reporter: 'list',
});
