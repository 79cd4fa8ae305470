import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';

const executablePath = findChromium();
const PORT = Number(process.env['BYA_PORT'] ?? 4321);
const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: { args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) },
};

/**
 * Specs that measure time or memory (heartbeat gaps, per-file budgets, /proc ceilings): `npm test`
 * runs them after all the others, one at a time (scripts/e2e.mjs), so that no other test of ours
 * shares the machine with them. They
 * are heavy (a 560 MB batch, 300 fuzzed files) and run once, in Chromium only. The update spec runs
 * with them: it restarts its own server between two builds and drives two tabs through a service
 * worker takeover, and once in a CI run beside the vision specs its first tab read nothing in 20 s
 * (not reproduced alone, nor under three busy cores; it now reports the tab's errors if it happens again).
 */
const TIMED = ['**/batch.spec.ts', '**/fuzz-page.spec.ts', '**/update.spec.ts'];

export default defineConfig({
  testDir: 'tests/e2e',
  // Every test has its own browser context and the server is static, so tests run in parallel
  // (two workers: the documented runner has two cores), except the timed ones (see TIMED).
  fullyParallel: true,
  workers: Number(process.env['BYA_E2E_WORKERS'] ?? 2),
  forbidOnly: !!process.env['CI'],
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: '.tmp/test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    acceptDownloads: true,
    // Kept for failed tests: actions, console and network. No DOM snapshots nor screenshots: a snapshot at
    // every action made the 100-card inspector test 10× slower, and the snapshotter's fetches of the
    // page's blob: images are refused by its CSP (console errors that fail the privacy guard).
    trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false },
    serviceWorkers: 'block',
  },
  projects: [
    // scripts/e2e.mjs (npm run test:e2e) runs `chromium`, then `chromium-timed`. No `dependencies` or
    // `teardown` link: Playwright runs those in full even when the command line names one spec file.
    { name: 'chromium', testIgnore: TIMED, use: chromium },
    { name: 'chromium-timed', testMatch: TIMED, fullyParallel: false, workers: 1, use: chromium },
  ],
  // The built site, served with the rules of dist/_headers applied as Netlify and Cloudflare Pages
  // apply them (astro preview ignores _headers): every test runs under the policies a reader gets,
  // the workers' own CSP included.
  webServer: {
    command: 'node scripts/static-server.mjs',
    env: { BYA_PORT: String(PORT) },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
