/**
 * The cheap verification of a lossless JPEG clean (headers-only walk of the
 * output + proof that the rest is the original's scan copied to its true EOI)
 * must reach the same verdict and inventory as a full walk of the output, and
 * fall back to the full walk whenever the output has another shape.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanLossless, verifyBlob } from '../../src/features/cleaner/lossless';
import { jpegTailIsCopiedScan } from '../../src/features/cleaner/verify';
import { blobSource, bufferSource } from '../../src/formats/source';
import type { CleanPlan } from '../../src/formats/types';
import { walk } from '../../src/formats/walk';
import { IMAGES, MANIFEST } from '../support/paths';

const KEEP_ALL = { keepOrientation: true, keepColorProfile: true };
const jpegs = MANIFEST.filter((e) => e.format === 'jpeg' && !e.broken).map((e) => e.file);

describe('verifyBlob with the copied-scan shortcut', () => {
  it.each(jpegs)('%s: same verdict and inventory as a full walk of the output', async (name) => {
    const bytes = new Uint8Array(readFileSync(join(IMAGES, name)));
    const file = new Blob([bytes]);
    const source = blobSource(file);
    const original = await walk(source);
    const { blob, plan } = await cleanLossless(file, KEEP_ALL, original, source);
    const fast = await verifyBlob(blob, KEEP_ALL, 'lossless', { plan, original });
    const full = await verifyBlob(blob, KEEP_ALL, 'lossless');
    expect(fast.verdict).toEqual(full.verdict);
    expect(fast.inventory).toEqual(full.inventory);
    expect(fast.verdict.ok).toBe(true);
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
