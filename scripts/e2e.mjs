/**
 * The browser tests, in two runs: every spec but the timed ones, in parallel
 * (project `chromium`), then the timed ones alone, one at a time (project
 * `chromium-timed`: batch and fuzz-page measure heartbeats, budgets and
 * memory, so nothing else of ours may share the machine with them). The second
 * run happens even when the first one failed; the exit code is the first
 * non-zero one. Arguments go to both runs (`npm run test:e2e -- tests/e2e/site.spec.ts`).
 */
import { spawn } from 'node:child_process';

/** @param {string[]} args @returns {Promise<number>} */
function playwright(args) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['playwright', 'test', '--pass-with-no-tests', ...args], { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const extra = process.argv.slice(2);
const parallel = await playwright(['--project=chromium', ...extra]);
const timed = await playwright(['--project=chromium-timed', ...extra]);
process.exit(parallel || timed);
