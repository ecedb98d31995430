import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/support/chromium';

/**
 * Port of the production build (dist/) and of the sub-path build (dist-subpath/, the next port).
 * E2E_PORT lets two checkouts run their browser tests side by side without sharing a server.
 */
export const PORT = Number(process.env['E2E_PORT'] ?? 4321);
export const SUBPATH_PORT = PORT + 1;
/** Origin of the production build under test. */
export const ORIGIN = `http://localhost:${PORT}`;
export const SUBPATH_BASE = '/ccn/';

const executablePath = findChromium();

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  reporter: process.env['CI'] ? 'list' : [['list']],
  timeout: 30_000,
  use: {
    baseURL: ORIGIN,
    browserName: 'chromium',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: 'off',
    // Service workers answer requests before page.route() sees them; only the offline tests,
    // which are about the worker, allow it (tests/e2e/offline.spec.ts).
    serviceWorkers: 'block',
  },
  projects: [
    { name: 'e2e', testIgnore: /lighthouse/ },
    // Lighthouse runs alone, after the rest, so a busy CPU does not skew its timings.
    { name: 'lighthouse', testMatch: /lighthouse/, dependencies: ['e2e'] },
  ],
  webServer: [
    {
      command: `npx astro preview --ignore-lock --port ${PORT}`,
      url: `http://localhost:${PORT}/`,
      reuseExistingServer: !process.env['CI'],
      env: { ASTRO_TELEMETRY_DISABLED: '1' },
    },
    {
      command: `npx astro preview --ignore-lock --port ${SUBPATH_PORT}`,
      url: `http://localhost:${SUBPATH_PORT}${SUBPATH_BASE}`,
      reuseExistingServer: !process.env['CI'],
      env: { ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: SUBPATH_BASE, OUT_DIR: './dist-subpath' },
    },
  ],
});
