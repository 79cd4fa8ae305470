/**
 * The cheap verification of a lossless JPEG clean (headers-only walk of the
 * output + proof that the rest is the original's scan copied to its true EOI)
 * must reach the same verdict and inventory as a full walk of the output, and
 * fall back to the full walk whenever the output has another shape.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanLossless, verifyBlob } from '../../src/features/cleaner/lossless';
import { jpegTailIsCopiedScan, pngImageRunsInOutput } from '../../src/features/cleaner/verify';
import { assemble } from '../../src/formats/clean';
import { blobSource, bufferSource } from '../../src/formats/source';
import type { CleanPlan } from '../../src/formats/types';
import { walk } from '../../src/formats/walk';
import { IMAGES, MANIFEST } from '../support/paths';

const KEEP_ALL = { keepOrientation: true, keepColorProfile: true };
const jpegs = MANIFEST.filter((e) => e.format === 'jpeg' && !e.broken).map((e) => e.file);
const pngs = MANIFEST.filter((e) => e.format === 'png' && !e.broken).map((e) => e.file);

/** A PNG with `runs` image-data runs of several IDAT chunks each, separated by text chunks (and a trailer). */
function pngWithRuns(runs: number): Uint8Array<ArrayBuffer> {
  const chunk = (type: string, data: Uint8Array): Uint8Array => {
    const out = new Uint8Array(12 + data.length);
    new DataView(out.buffer).setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    return out;
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, 64);
  new DataView(ihdr.buffer).setUint32(4, 64);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const parts = [Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)];
  for (let r = 0; r < runs; r++) {
    parts.push(chunk('tEXt', new TextEncoder().encode(`GPS\0run ${r}`)));
    for (let i = 0; i < 3; i++) parts.push(chunk('IDAT', new Uint8Array(1000 + 7 * i + r).fill(0xab)));
  }
  parts.push(chunk('IEND', new Uint8Array(0)), new TextEncoder().encode('trailer'));
  const file = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (file.set(p, at), at + p.length), 0);
  return file;
}

/** Cleans `file` keeping all, then checks that the shortcut verification equals a full walk of the output. */
async function shortcutMatchesFullWalk(file: Blob) {
  const source = blobSource(file);
  const original = await walk(source);
  const { blob, plan } = await cleanLossless(file, KEEP_ALL, original, source);
  const fast = await verifyBlob(blob, KEEP_ALL, 'lossless', { plan, original });
  const full = await verifyBlob(blob, KEEP_ALL, 'lossless');
  expect(fast.verdict).toEqual(full.verdict);
  expect(fast.inventory).toEqual(full.inventory);
  expect(fast.verdict.ok).toBe(true);
  return { original, plan, full };
}

describe('verifyBlob with the copied-scan shortcut', () => {
  it.each(jpegs)('%s: same verdict and inventory as a full walk of the output', async (name) => {
    const bytes = new Uint8Array(readFileSync(join(IMAGES, name)));
    const file = new Blob([bytes]);
    await shortcutMatchesFullWalk(file);
  });

  it.each([...pngs.map((name) => [name, undefined] as const), ['crafted: 5 runs', 5] as const, ['crafted: 64 runs', 64] as const, ['crafted: 65 runs (too many to list)', 65] as const])(
    'PNG %s: stepping over the copied image-data runs gives the same verdict and inventory as a full walk',
    async (name, runs) => {
      const bytes = runs === undefined ? new Uint8Array(readFileSync(join(IMAGES, name))) : pngWithRuns(runs);
      const file = new Blob([bytes]);
      const { original, plan, full } = await shortcutMatchesFullWalk(file);
      if (runs !== undefined) expect(original.imageRuns?.length).toBe(runs <= 64 ? runs : undefined);
      // The runs really are stepped over: the plan puts them where the output's own runs are (adjacent ones
      // merge there, as the text chunks between them are gone).
      const mapped = pngImageRunsInOutput(plan, original);
      const merged = mapped.reduce<Array<{ offset: number; length: number }>>((out, r) => {
        const last = out.at(-1);
        if (last && last.offset + last.length === r.offset) last.length += r.length;
        else out.push({ ...r });
        return out;
      }, []);
      if (runs === 65) expect(mapped).toEqual([]);
      else expect(merged).toEqual(full.inventory.imageRuns);
    },
  );

  const small = MANIFEST.filter((e) => ['jpeg', 'png', 'webp'].includes(e.format) && !e.broken && statSync(join(IMAGES, e.file)).size <= 1024 * 1024).map((e) => e.file);
  it('most of the corpus is small enough for the in-memory check', () => expect(small.length).toBeGreaterThan(25));
  it.each(small)('%s: the in-memory check of a small file (assembled from the parts) gives the verdict and inventory of a full walk of the Blob', async (name) => {
    const bytes = new Uint8Array(readFileSync(join(IMAGES, name)));
    const file = new Blob([bytes]);
    const source = blobSource(file);
    const original = await walk(source);
    for (const options of [KEEP_ALL, { keepOrientation: false, keepColorProfile: false }]) {
      const { blob, plan } = await cleanLossless(file, options, original, source);
      // The trust link: the Blob made of the plan's parts holds exactly the assembled bytes.
      expect(Buffer.from(await blob.arrayBuffer()).equals(Buffer.from(assemble(plan, bytes)))).toBe(true);
      const inMemory = await verifyBlob(blob, options, 'lossless', { plan, original, source });
      const full = await verifyBlob(blob, options, 'lossless');
      expect(inMemory.verdict).toEqual(full.verdict);
      expect(inMemory.inventory).toEqual(full.inventory);
      expect(inMemory.verdict.ok).toBe(true);
    }
  });

  it('a walk given its own image-data runs finds exactly what the chunk-by-chunk walk finds', async () => {
    for (const bytes of [...pngs.map((name) => new Uint8Array(readFileSync(join(IMAGES, name)))), pngWithRuns(7)]) {
      const full = await walk(bufferSource(bytes));
      expect(await walk(bufferSource(bytes), { imageData: full.imageRuns ?? [] })).toEqual(full);
    }
  });

  it('walk(…, { scan: "headers" }) stops at the first SOS', async () => {
    const bytes = new Uint8Array(readFileSync(join(IMAGES, 'mei__Apple_iPhone_5.jpg')));
    const full = await walk(bufferSource(bytes));
    const head = await walk(bufferSource(bytes), { scan: 'headers' });
    expect(head.headersOnly).toBe(true);
    expect(head.imageEnd).toBeUndefined();
    expect(head.scanStart).toBe(full.scanStart);
    expect(head.blocks).toEqual(full.blocks.filter((b) => b.offset < (full.scanStart ?? 0)));
  });
});

describe('jpegTailIsCopiedScan', () => {
  const original = { format: 'jpeg' as const, size: 1000, blocks: [], scanStart: 300, imageEnd: 900, warnings: [] };
  const plan = (parts: CleanPlan['parts']): CleanPlan => ({
    format: 'jpeg',
    parts,
    size: parts.reduce((s, p) => s + (p.kind === 'copy' ? p.length : p.data.length), 0),
    removed: [],
    kept: [],
  });
  const good = plan([
    { kind: 'copy', offset: 0, length: 2 },
    { kind: 'bytes', data: new Uint8Array(40) },
    { kind: 'copy', offset: 200, length: 700 },
  ]);

  it('accepts a last copy that runs from the original first SOS to its EOI', () => {
    expect(jpegTailIsCopiedScan(good, original, 2 + 40 + 100)).toBe(true);
  });
  it('refuses a scan start that does not map onto the original first SOS', () => {
    expect(jpegTailIsCopiedScan(good, original, 2 + 40 + 99)).toBe(false);
  });
  it('refuses a copy that stops before the EOI or continues into the trailer', () => {
    expect(jpegTailIsCopiedScan(plan([{ kind: 'copy', offset: 0, length: 899 }]), original, 300)).toBe(false);
    expect(jpegTailIsCopiedScan(plan([{ kind: 'copy', offset: 0, length: 1000 }]), { ...original, imageEnd: 1000 }, 300)).toBe(true);
    expect(jpegTailIsCopiedScan(plan([{ kind: 'copy', offset: 0, length: 1000 }]), original, 300)).toBe(false);
  });
  it('refuses new bytes after the scan start', () => {
    expect(jpegTailIsCopiedScan(plan([{ kind: 'copy', offset: 0, length: 900 }, { kind: 'bytes', data: new Uint8Array(2) }]), original, 300)).toBe(false);
  });
  it('refuses when the original has a metadata block after its first SOS, or was not fully walked', () => {
    const com = { kind: 'comment' as const, label: 'COM', offset: 500, length: 10, dataOffset: 504, dataLength: 6 };
    expect(jpegTailIsCopiedScan(good, { ...original, blocks: [com] }, 142)).toBe(false);
    expect(jpegTailIsCopiedScan(good, { ...original, headersOnly: true }, 142)).toBe(false);
    const { imageEnd: _unused, ...noEnd } = original;
    expect(jpegTailIsCopiedScan(good, noEnd, 142)).toBe(false);
  });
});
