/**
 * Throughput of walk + planClean, printed for the integrator: on the largest
 * fixture always, and on a big JPEG when BYA_BIG_JPEG points at one (e.g. a
 * 6000×4000 `convert plasma:` JPEG with metadata added by exiftool).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { assemble, planClean } from '../../src/formats/clean';
import { blobSource, bufferSource } from '../../src/formats/source';
import { walk } from '../../src/formats/walk';
import { IMAGES, MANIFEST } from '../support/paths';

async function measure(path: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(path));
  const blob = new Blob([bytes]);
  const runs: number[] = [];
  let blocks = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const source = blobSource(blob);
    const inv = await walk(source);
    if (inv.format === 'jpeg' || inv.format === 'png' || inv.format === 'webp') {
      const plan = await planClean(source, undefined, inv);
      if (i === 0) expect(assemble(plan, bytes).length).toBe(plan.size);
    }
    blocks = inv.blocks.length;
    runs.push(performance.now() - t0);
  }
  const t1 = performance.now();
  await walk(bufferSource(bytes));
  const buffered = performance.now() - t1;
  console.log(`throughput: ${path.split('/').at(-1)} ${(statSync(path).size / 1e6).toFixed(1)} MB, ${blocks} blocks: walk + planClean via Blob ${runs.map((r) => r.toFixed(0)).join(' / ')} ms; walk via buffer ${buffered.toFixed(0)} ms`);
}

test('walk + planClean on the largest fixture', async () => {
  const largest = [...MANIFEST].filter((m) => m.format === 'jpeg').sort((a, b) => b.bytes - a.bytes)[0]!;
  await measure(join(IMAGES, largest.file));
});

test.skipIf(!process.env['BYA_BIG_JPEG'] || !existsSync(process.env['BYA_BIG_JPEG'] ?? ''))('walk + planClean on a big JPEG (BYA_BIG_JPEG)', async () => {
  await measure(process.env['BYA_BIG_JPEG'] ?? '');
});
