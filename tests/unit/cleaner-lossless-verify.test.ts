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
import { assemble, planSource } from '../../src/formats/clean';
import { blobSource, bufferSource, WHOLE } from '../../src/formats/source';
import type { CleanPlan } from '../../src/formats/types';
import { walk } from '../../src/formats/walk';
import { IMAGES, MANIFEST } from '../support/paths';
import { prng } from '../../scripts/batch-corpus.mjs';

const KEEP_ALL = { keepOrientation: true, keepColorProfile: true };
const jpegs = MANIFEST.filter((e) => e.format === 'jpeg' && !e.broken).map((e) => e.file);
const pngs = MANIFEST.filter((e) => e.format === 'png' && !e.broken).map((e) => e.file);

/** A PNG chunk: length, type, data, and a CRC left at zero. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  new DataView(out.buffer).setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  return out;
}

/** A PNG with `runs` image-data runs of several IDAT chunks each, separated by text chunks (and a trailer). */
function pngWithRuns(runs: number): Uint8Array<ArrayBuffer> {
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

  it.each([
    ...pngs.map((name) => [name, undefined] as const),
    ['crafted: 5 runs', 5] as const,
    ['crafted: 64 runs', 64] as const,
    ['crafted: 65 runs (too many to list)', 65] as const,
  ])('PNG %s: stepping over the copied image-data runs gives the same verdict and inventory as a full walk', async (name, runs) => {
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
  });

  const small = MANIFEST.filter((e) => ['jpeg', 'png', 'webp'].includes(e.format) && !e.broken && statSync(join(IMAGES, e.file)).size <= 1024 * 1024).map(
    (e) => e.file,
  );
  it('most of the corpus is small enough for the in-memory check', () => expect(small.length).toBeGreaterThan(25));
  it.each(small)(
    '%s: the in-memory check of a small file (assembled from the parts) gives the verdict and inventory of a full walk of the Blob',
    async (name) => {
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
    },
  );

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

/** A Blob of `size` bytes that refuses to be read: verifyBlob given the plan's source must never touch the clean Blob. */
class SealedBlob extends Blob {
  constructor(size: number) {
    super([new Uint8Array(size)]);
  }
  override slice(): Blob {
    throw new Error('the clean Blob was read');
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    throw new Error('the clean Blob was read');
  }
  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    throw new Error('the clean Blob was read');
  }
}

/** `bytes` with one more RIFF chunk of `length` bytes at the end (a WebP made big by its metadata). */
function webpWithChunk(bytes: Uint8Array, fourcc: string, length: number): Uint8Array<ArrayBuffer> {
  const riffEnd = 8 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  const chunk = new Uint8Array(8 + length + (length % 2)).fill(0x20);
  chunk.set(new TextEncoder().encode(fourcc), 0);
  new DataView(chunk.buffer).setUint32(4, length, true);
  const out = new Uint8Array(riffEnd + chunk.length);
  out.set(bytes.subarray(0, riffEnd));
  out.set(chunk, riffEnd);
  new DataView(out.buffer).setUint32(4, out.length - 8, true);
  return out;
}

/** A PNG of three image-data runs of `idats` IDAT chunks of 64 KiB each, with text chunks between (over WHOLE when big). */
function bigPng(idats: number): Uint8Array<ArrayBuffer> {
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, 640);
  new DataView(ihdr.buffer).setUint32(4, 480);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const parts = [
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('eXIf', Uint8Array.from([0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0])),
  ];
  for (let r = 0; r < 3; r++) {
    parts.push(chunk('tEXt', new TextEncoder().encode(`Comment\0run ${r}`)));
    for (let i = 0; i < idats; i++) parts.push(chunk('IDAT', new Uint8Array(65536 + i).fill(r + 1)));
  }
  parts.push(chunk('iTXt', new TextEncoder().encode('XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>')), chunk('IEND', new Uint8Array(0)));
  const file = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (file.set(p, at), at + p.length), 0);
  return file;
}

describe('planSource: the clean file read through its plan', () => {
  const cases = MANIFEST.filter((e) => ['jpeg', 'png', 'webp'].includes(e.format) && !e.broken).map((e) => e.file);
  it.each(cases)('%s: every read equals the same read of the assembled clean file', async (name) => {
    const bytes = new Uint8Array(readFileSync(join(IMAGES, name)));
    const source = blobSource(new Blob([bytes]));
    const original = await walk(source);
    for (const options of [KEEP_ALL, { keepOrientation: false, keepColorProfile: false }]) {
      const { plan } = await cleanLossless(new Blob([bytes]), options, original, source);
      const assembled = assemble(plan, bytes);
      const expected = bufferSource(assembled);
      const planned = planSource(plan, source);
      expect(planned.size).toBe(plan.size);
      expect(Buffer.from(await planned.read(0, planned.size)).equals(Buffer.from(assembled))).toBe(true);
      // Reads around every part boundary (inside, across, ending on it), random ranges, and out-of-range asks.
      const random = prng(name.length * 7919 + (options.keepOrientation ? 1 : 2));
      const ranges: Array<[number, number]> = [
        [-5, 10],
        [plan.size - 3, 10],
        [plan.size + 4, 4],
        [0, 0],
        [3, -2],
      ];
      let at = 0;
      for (const part of plan.parts) {
        for (const d of [-3, -1, 0, 1]) for (const n of [1, 2, 5, 40, 70_000]) ranges.push([at + d, n]);
        at += part.kind === 'copy' ? part.length : part.data.length;
      }
      for (let i = 0; i < 40; i++) ranges.push([Math.floor(random() * plan.size), Math.floor(random() * 200_000)]);
      for (const [offset, length] of ranges) {
        const want = Buffer.from(await expected.read(offset, length));
        expect(Buffer.from(await planned.read(offset, length)).equals(want), `read(${offset}, ${length})`).toBe(true);
        expect(Buffer.from(await planned.scan!(offset, length)).equals(want), `scan(${offset}, ${length})`).toBe(true);
      }
    }
  });

  it('a scan across parts stays whole when the original reuses its scan memory', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => i % 251);
    // Like a Blob source, each scan overwrites the previous scan's memory.
    const scratch = new Uint8Array(4096);
    const reusing = {
      size: bytes.length,
      read: (o: number, n: number) => Promise.resolve(bytes.slice(o, o + n)),
      scan: (o: number, n: number) => (scratch.set(bytes.subarray(o, o + n)), Promise.resolve(scratch.subarray(0, Math.min(n, bytes.length - o)))),
    };
    const plan: CleanPlan = {
      format: 'png',
      parts: [
        { kind: 'copy', offset: 0, length: 1000 },
        { kind: 'bytes', data: Uint8Array.of(1, 2, 3) },
        { kind: 'copy', offset: 2000, length: 1000 },
        { kind: 'copy', offset: 100, length: 50 },
      ],
      size: 2053,
      removed: [],
      kept: [],
    };
    const want = assemble(plan, bytes);
    expect(Buffer.from(await planSource(plan, reusing).scan!(10, 2040)).equals(Buffer.from(want.subarray(10, 2050)))).toBe(true);
  });

  it('refuses an original shorter than its plan', async () => {
    const plan: CleanPlan = { format: 'png', parts: [{ kind: 'copy', offset: 0, length: 100 }], size: 100, removed: [], kept: [] };
    await expect(planSource(plan, bufferSource(new Uint8Array(50))).read(0, 100)).rejects.toThrow(/shorter/);
  });
});

describe('verifyBlob through the plan reads nothing from the clean Blob', () => {
  const samples: Array<[string, () => Uint8Array<ArrayBuffer>]> = [
    ...MANIFEST.filter((e) => ['jpeg', 'png', 'webp'].includes(e.format) && !e.broken)
      .slice(0, 12)
      .map((e): [string, () => Uint8Array<ArrayBuffer>] => [e.file, () => new Uint8Array(readFileSync(join(IMAGES, e.file)))]),
    ['big crafted PNG (3 runs of 8 IDATs, text between)', () => bigPng(8)],
    ['big WebP (a 2 MB XMP chunk)', () => webpWithChunk(new Uint8Array(readFileSync(join(IMAGES, 'mei__HTC_Desire.webp'))), 'XMP ', 2_000_001)],
    [
      'big JPEG (a 1.5 MB trailer after the EOI)',
      () => {
        const jpeg = new Uint8Array(readFileSync(join(IMAGES, 'mei__Apple_iPhone_5.jpg')));
        const out = new Uint8Array(jpeg.length + 1_500_000).fill(0xd9);
        out.set(jpeg);
        return out;
      },
    ],
  ];
  it.each(samples)('%s: same verdict and inventory as a full walk of the real clean Blob', async (_name, make) => {
    const bytes = make();
    const file = new Blob([bytes]);
    const source = blobSource(file);
    const original = await walk(source);
    if (_name.startsWith('big')) expect(original.size).toBeGreaterThan(WHOLE);
    for (const options of [KEEP_ALL, { keepOrientation: false, keepColorProfile: false }]) {
      const { blob, plan } = await cleanLossless(file, options, original, source);
      const planned = await verifyBlob(new SealedBlob(blob.size), options, 'lossless', { plan, original, source });
      const full = await verifyBlob(blob, options, 'lossless');
      expect(planned.verdict).toEqual(full.verdict);
      expect(planned.inventory).toEqual(full.inventory);
      expect(planned.verdict.ok).toBe(true);
    }
  });

  it('a plan that does not match the clean Blob is not trusted: the Blob itself is walked', async () => {
    const bytes = new Uint8Array(readFileSync(join(IMAGES, 'mei__Apple_iPhone_5.jpg')));
    const file = new Blob([bytes]);
    const source = blobSource(file);
    const original = await walk(source);
    const { plan } = await cleanLossless(file, KEEP_ALL, original, source);
    await expect(verifyBlob(new SealedBlob(plan.size + 1), KEEP_ALL, 'lossless', { plan, original, source })).rejects.toThrow(/clean Blob was read/);
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
    expect(
      jpegTailIsCopiedScan(
        plan([
          { kind: 'copy', offset: 0, length: 900 },
          { kind: 'bytes', data: new Uint8Array(2) },
        ]),
        original,
        300,
      ),
    ).toBe(false);
  });
  it('refuses when the original has a metadata block after its first SOS, or was not fully walked', () => {
    const com = { kind: 'comment' as const, label: 'COM', offset: 500, length: 10, dataOffset: 504, dataLength: 6 };
    expect(jpegTailIsCopiedScan(good, { ...original, blocks: [com] }, 142)).toBe(false);
    expect(jpegTailIsCopiedScan(good, { ...original, headersOnly: true }, 142)).toBe(false);
    const { imageEnd: _unused, ...noEnd } = original;
    expect(jpegTailIsCopiedScan(good, noEnd, 142)).toBe(false);
  });
});
