/**
 * Throughput of walk + planClean in Node: the largest JPEG fixture always,
 * and a big JPEG when BYA_BIG_JPEG points at one (e.g. a 6000×4000
 * `convert plasma:` JPEG with metadata added by exiftool). Prints one line per
 * file (five runs each, in ms); always exits 0. A figure, not a test: it was a
 * unit test whose only assertion (the assembled length equals the plan's size)
 * could not fail, since assemble() allocates exactly that size. The browser
 * side of the same steps is `npm run bench:cleaner`.
 * The TypeScript modules are loaded through Vite's SSR loader, as Vitest does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(process.env.SHARED_DIR ?? resolve(ROOT, '../shared'), 'fixtures');
const RUNS = 5;

const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8'));
const largest = manifest.filter((m) => m.format === 'jpeg').sort((a, b) => b.bytes - a.bytes)[0];
const big = process.env.BYA_BIG_JPEG;
const files = [...(largest ? [join(FIXTURES, 'images', largest.file)] : []), ...(big && existsSync(big) ? [big] : [])];

const server = await createServer({ root: ROOT, configFile: false, logLevel: 'error', server: { middlewareMode: true, hmr: false }, appType: 'custom' });
try {
  const { walk } = await server.ssrLoadModule('/src/formats/walk.ts');
  const { planClean } = await server.ssrLoadModule('/src/formats/clean.ts');
  const { blobSource, bufferSource } = await server.ssrLoadModule('/src/formats/source.ts');
  const time = async (fn) => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  for (const path of files) {
    const bytes = new Uint8Array(readFileSync(path));
    const blob = new Blob([bytes]);
    const viaBlob = [];
    const viaBuffer = [];
    let blocks = 0;
    for (let i = 0; i < RUNS; i++) {
      viaBlob.push(
        await time(async () => {
          const source = blobSource(blob);
          const inv = await walk(source);
          blocks = inv.blocks.length;
          if (inv.format === 'jpeg' || inv.format === 'png' || inv.format === 'webp') await planClean(source, undefined, inv);
        }),
      );
      viaBuffer.push(await time(() => walk(bufferSource(bytes))));
    }
    const ms = (runs) => runs.map((r) => r.toFixed(0)).join(' / ');
    console.log(
      `${path.split('/').at(-1)} ${(bytes.length / 1e6).toFixed(1)} MB, ${blocks} blocks: walk + planClean via Blob ${ms(viaBlob)} ms; walk via buffer ${ms(viaBuffer)} ms`,
    );
  }
} finally {
  await server.close();
}
