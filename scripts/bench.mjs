/**
 * The speed benchmarks, in one place: runs `npm run bench:inspector`,
 * `npm run bench:cleaner`, `npm run bench:batch` and `npm run bench:formats` when package.json defines them (the tool features
 * add them) and prints their tables; says which are missing. Exits 0.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const BENCHES = ['bench:inspector', 'bench:cleaner', 'bench:batch', 'bench:formats'];
const scripts = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts ?? {};
for (const name of BENCHES) {
  console.log(`\n== ${name} ==`);
  if (!scripts[name]) {
    console.log(`missing: package.json has no "${name}" script yet.`);
    continue;
  }
  const run = spawnSync('npm', ['run', '--silent', name], { stdio: 'inherit' });
  if (run.status !== 0) console.log(`${name} exited with ${run.status}.`);
}
