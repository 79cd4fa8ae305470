/**
 * `npm test`: the build and the unit tests at the same time, then the lint
 * (`npm run lint` without its `astro sync`: the build has just generated .astro/),
 * alone, then the unit tests of the built site, then the browser tests (Chromium,
 * then Firefox ESR and WebKitGTK). The lint does not run beside the unit tests:
 * tried once on a busy machine, that made the unit run fail where it passes
 * alone, and on two cores it could save at most the lint's ~75 s. Safe because no unit test
 * reads dist/ except tests/unit/security-headers.test.ts (its check of the
 * real _headers), which runs once the build is done, with the fuzz test, whose
 * per-variant time budget must not share the CPU with the build. Exits with the first
 * failure's code; both halves of the first step always finish.
 */
import { spawn } from 'node:child_process';

const BUILT_SITE_TESTS = 'tests/unit/security-headers.test.ts';
/** Holds each damaged variant to a time budget: it runs alone, not beside the build, or the build's CPU would count against it. */
const TIMED_UNIT_TESTS = 'tests/unit/formats-fuzz.test.ts';

/** @param {string[]} args @returns {Promise<number>} */
function npx(args) {
  return new Promise((resolve) => {
    const child = spawn('npx', args, { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const started = Date.now();
const [build, unit] = await Promise.all([npx(['astro', 'build']), npx(['vitest', 'run', '--exclude', BUILT_SITE_TESTS, '--exclude', TIMED_UNIT_TESTS])]);
console.log(`test: build and unit tests in ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (build !== 0 || unit !== 0) process.exit(build || unit);
const steps = [
  ['eslint', '.', '--max-warnings', '0'],
  ['prettier', '--check', '.'],
  ['vitest', 'run', BUILT_SITE_TESTS, TIMED_UNIT_TESTS],
  ['node', 'scripts/ensure-chromium.mjs'],
  // Chromium: every spec but the timed ones in parallel, then those alone (scripts/e2e.mjs).
  ['node', 'scripts/e2e.mjs'],
  // Firefox ESR and WebKitGTK (tests/engines): the core flows in the two other engines.
  ['node', 'scripts/test-engines.mjs'],
];
for (const step of steps) {
  const code = await npx(step);
  if (code !== 0) process.exit(code);
}
console.log(`test: everything in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
