// End-to-end tests of the studio in Debian's Chromium (never a downloaded browser). The web server builds the app
// first, so `npm run test:e2e` works on a clean clone; E2E_SKIP_BUILD=1 reuses an existing `.next` build.
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

export const E2E_PORT = 3100;
const start = `npx next start -p ${E2E_PORT} -H 127.0.0.1`;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  testIgnore: 'screenshot.spec.ts',
  // Two shared cores: one browser at a time, generous limits (a run trains real MNIST models).
  workers: 1,
  fullyParallel: false,
  timeout: 300_000,
  expect: { timeout: 60_000 },
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--disable-gpu', '--disable-dev-shm-usage'],
    },
  },
  webServer: {
    command: process.env.E2E_SKIP_BUILD ? start : `npx next build && ${start}`,
    url: `http://127.0.0.1:${E2E_PORT}`,
    timeout: 900_000,
    reuseExistingServer: !process.env.CI,
    // The project root, also for configs elsewhere that extend this one (e2e/screenshot.config.ts).
    cwd: fileURLToPath(new URL('.', import.meta.url)),
    stdout: 'pipe',
    // The experiment library of the test server: a scratch database, not the developer's data/fedstudio.db.
    env: { NEXT_TELEMETRY_DISABLED: '1', FEDSTUDIO_DB: process.env.FEDSTUDIO_DB ?? path.join(tmpdir(), 'fedstudio-e2e', 'library.db') },
  },
});
