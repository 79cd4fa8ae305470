/**
 * exifr trusts an IFD entry's count: one flipped bit in the GPSDOP entry of a
 * 75 kB photo (count 1 → 0x01000001 rationals, 134 MB, far past the 404-byte
 * EXIF block) made exifr.parse allocate ~134 MB and take 0.5–3 s, found by the
 * page fuzz test (tests/e2e/fuzz-page.spec.ts). The adapter now hands exifr a
 * copy in which entries whose values lie outside the block count zero values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readPhoto } from '../../src/features/inspector/adapter';
import { checkTiff, withoutOutsideEntries } from '../../src/features/inspector/tiff';
import { MAX_IFD_ENTRIES, readTiff } from '../../src/formats/exif';
import { bufferSource } from '../../src/formats/source';
import { walk } from '../../src/formats/walk';
import { IMAGES } from '../support/paths';

const FILE = 'immich__thompson-springs.jpg';
/** File offset of the most significant byte of the GPSDOP entry's count (EXIF APP1 TIFF at 0x296, entry at TIFF+0xde). */
const GPSDOP_COUNT = 0x37a;

function withCount(count: number): Uint8Array {
  const bytes = new Uint8Array(readFileSync(join(IMAGES, FILE)));
  new DataView(bytes.buffer).setUint32(GPSDOP_COUNT, count, false);
  return bytes;
}

test('the fixture has the GPSDOP entry where this test expects it', () => {
  const bytes = withCount(1);
  expect(readFileSync(join(IMAGES, FILE)).readUInt32BE(GPSDOP_COUNT)).toBe(1);
  // Tag 0x000b (GPSDOP), type 5 (RATIONAL), just before the count.
  expect([...bytes.subarray(GPSDOP_COUNT - 4, GPSDOP_COUNT)]).toEqual([0x00, 0x0b, 0x00, 0x05]);
});

for (const count of [0x01000001, 0x00400000, 0x04000001, 0xffffffff]) {
  test(`a count of ${count.toString(16)} past the EXIF block is not handed to exifr: fast, and the rest of the GPS block still reads`, async () => {
    const bytes = withCount(count);
    const source = bufferSource(bytes);
    const inventory = await walk(source);
    const t0 = performance.now();
    const reading = await readPhoto(source, inventory);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(100);
    expect(reading.gps?.lat).toBeCloseTo(39.115, 3);
    expect(reading.gps?.lon).toBeCloseTo(-108.40097, 4);
    expect(reading.gps?.altitude).toBeCloseTo(1484, 0);
  });
}

test('withoutOutsideEntries zeroes only the counts of entries that point outside, and leaves the original untouched', () => {
  const bytes = withCount(0x01000001);
  const tiff = bytes.subarray(0x296, 0x296 + 404);
  const before = tiff.slice();
  const safe = withoutOutsideEntries(tiff);
  expect(tiff).toEqual(before);
  const differs = [...safe].flatMap((b, i) => (b === tiff[i] ? [] : [i]));
  const at = GPSDOP_COUNT - 0x296;
  // Only the 4 count bytes of that one entry changed (0x01000001 → 0).
  expect(differs).toEqual([at, at + 3]);
  expect(new DataView(safe.buffer, safe.byteOffset).getUint32(at, false)).toBe(0);
  expect(checkTiff(safe).warnings).not.toContain('exif-bad-entry');
  // A sound block comes back as it was.
  const sound = new Uint8Array(readFileSync(join(IMAGES, FILE))).subarray(0x296, 0x296 + 404);
  expect(withoutOutsideEntries(sound)).toEqual(sound);
});

/** The fixture's EXIF TIFF bytes (a view into `bytes`) and what the one reader finds in it. */
function exifOf(bytes: Uint8Array, inventory: Awaited<ReturnType<typeof walk>>): { tiff: Uint8Array; structure: ReturnType<typeof readTiff> } {
  const tiff = bytes.subarray(inventory.exif!.offset, inventory.exif!.offset + inventory.exif!.length);
  return { tiff, structure: readTiff(tiff) };
}

test.each(['IFD0', 'ExifIFD', 'InteropIFD'])(
  'an %s whose count flipped to 65 535 is garbage: nothing in it, or reached through it, is zeroed, and the GPS block still reads',
  async (name) => {
    const bytes = new Uint8Array(readFileSync(join(IMAGES, 'ianare__DSCN0010.jpg')));
    const before = await readPhoto(bufferSource(bytes), await walk(bufferSource(bytes)));
    expect(before.gps?.lat).toBeCloseTo(43.46745, 4);
    const { tiff, structure } = exifOf(bytes, await walk(bufferSource(bytes)));
    const ifd = structure.ifds.find((i) => i.name === name)!;
    const sound = checkTiff(tiff);
    tiff.set([0xff, 0xff], ifd.offset);
    const check = checkTiff(tiff);
    expect(check.warnings).toContain('exif-pointer-outside');
    // Its "entries" run over the GPS IFD and the values: zeroing "counts" there would corrupt real values.
    expect(check.outsideEntries).toEqual(sound.outsideEntries);
    const after = await readPhoto(bufferSource(bytes), await walk(bufferSource(bytes)));
    expect(after.gps).toEqual(before.gps);
  },
);

test('an IFD longer than the reader checks stops exifr at the first entry nobody checked', () => {
  // IFD0 with 1 001 entries of tag 0x9999, type LONG, count 1, in a block big enough to hold them.
  const count = MAX_IFD_ENTRIES + 1;
  const tiff = new Uint8Array(8 + 2 + count * 12 + 4);
  const view = new DataView(tiff.buffer);
  tiff.set([0x49, 0x49, 42, 0, 8, 0, 0, 0]);
  view.setUint16(8, count, true);
  for (let i = 0; i < count; i++) {
    view.setUint32(10 + i * 12, 0x9999 | (4 << 16), true);
    view.setUint32(14 + i * 12, 1, true);
  }
  const firstUnchecked = 10 + MAX_IFD_ENTRIES * 12;
  expect(checkTiff(tiff).uncheckedEntries).toEqual([firstUnchecked]);
  const safe = withoutOutsideEntries(tiff);
  expect(new DataView(safe.buffer).getUint16(firstUnchecked + 2, true)).toBe(0);
  expect([...safe].flatMap((b, i) => (b === tiff[i] ? [] : [i]))).toEqual([firstUnchecked + 2]);
});
