// End-to-end tests of the studio in Debian's Chromium (never a downloaded browser). The web server builds the app
// first, so `npm run test:e2e` works on a clean clone; E2E_SKIP_BUILD=1 reuses an existing `.next` build.
// Each checkout gets its own port and its own library database, so two checkouts (or CI beside a developer) never
// talk to each other's server; a port already in use is an error, never silently reused.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const root = fileURLToPath(new URL('.', import.meta.url));
/** E2E_PORT, or a port in 3100–3999 derived from the checkout's path (stable across Playwright's processes). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100 + (createHash('sha256').update(root).digest().readUInt16BE(0) % 900));
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
    // Reusing a running server only on request (E2E_REUSE_SERVER=1): an unknown server on the port fails the run.
    reuseExistingServer: process.env.E2E_REUSE_SERVER === '1',
    // The project root, also for configs elsewhere that extend this one (e2e/screenshot.config.ts).
    cwd: root,
    stdout: 'pipe',
    // The experiment library of the test server: this checkout's scratch database, not the developer's data/fedstudio.db.
    env: { NEXT_TELEMETRY_DISABLED: '1', FEDSTUDIO_DB: process.env.FEDSTUDIO_DB ?? path.join(root, 'reports', 'e2e', 'library.db') },
  },
});
