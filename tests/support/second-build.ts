/**
 * A second build of the site, for the update tests: a copy of dist/ in which
 * every worker script changed (new bytes, so a new hashed name; and every
 * chunk that names a changed one is renamed too, as a bundler's content hashes
 * do, so that a hashed name still means one content), every page says `data-bya-build="b"`,
 * and the search index and sw.js are made again by the offline integration, as
 * a real build would (new precache list, new version).
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeOffline } from '../../integrations/offline.mjs';
import { listFiles } from '../../integrations/dist-files.mjs';

/** Makes build B from build A (`from`) into `to`. Returns the URL paths of the scripts it renamed, old and new. */
export async function makeSecondBuild(from: string, to: string): Promise<Array<{ before: string; after: string }>> {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  const astro = join(to, '_astro');
  const text = new Map(
    readdirSync(astro)
      .filter((f) => f.endsWith('.js'))
      .map((f) => [f, readFileSync(join(astro, f), 'utf8')]),
  );
  const names = new Map<string, string>();
  const rename = (f: string): void => {
    names.set(f, f.replace(/\.js$/, 'B2.js'));
  };
  // The worker scripts change; then, as a bundler's content hashes do, every chunk that names a changed one changes too.
  for (const f of text.keys()) if (/^worker-[\w-]+\.js$/.test(f)) rename(f);
  for (let grown = true; grown;) {
    grown = false;
    for (const [f, code] of text) {
      if (names.has(f) || ![...names.keys()].some((old) => code.includes(old))) continue;
      rename(f);
      grown = true;
    }
  }
  const retarget = (code: string): string => [...names].reduce((out, [old, now]) => out.replaceAll(old, now), code);
  for (const [old, now] of names) {
    const code = retarget(text.get(old) ?? '');
    writeFileSync(join(astro, now), old.startsWith('worker-') ? `${code}\n/* second build */\n` : code);
    rmSync(join(astro, old));
  }
  for (const file of (await listFiles(to)).filter((f) => f.endsWith('.html'))) {
    const full = join(to, file);
    writeFileSync(full, retarget(readFileSync(full, 'utf8')).replace(/<html /, '<html data-bya-build="b" '));
  }
  await writeOffline(to, 'src/sw/sw.ts', { info: () => undefined });
  return [...names].map(([old, now]) => ({ before: `/_astro/${old}`, after: `/_astro/${now}` }));
}
