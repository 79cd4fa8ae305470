/**
 * The engine suite (Firefox ESR and WebKitGTK), apart from the unit tests and
 * from the Playwright suite: `npm run test:engines` (both), `-- firefox` or
 * `-- webkit` (one; Vitest filters test files by that word).
 * The two engine files run side by side, one worker each.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/engines/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    maxWorkers: 2,
    pool: 'forks',
    reporters: ['default', './tests/engines/support/summary-reporter.ts'],
  },
});
