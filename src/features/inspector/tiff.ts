/**
 * A small, tolerant reader of the TIFF structure inside an EXIF block.
 *
 * exifr drops a whole IFD when one entry is malformed (mei__Sony_DSC-HX5V_2.jpg:
 * IFD0 entry #4 has TIFF type 0, so exifr returns no Make/Model at all, while
 * exiftool skips the entry). This reader skips bad entries one by one, so the
 * inspector can still name the camera, and it reports structural damage
 * (pointer loops, pointers past the end, pointers of the wrong type) that
 * exifr either hides or turns into a silent empty block.
 * Pure: no DOM, runs in the worker and in Node tests.
 */

/** Byte sizes of TIFF field types 1–12 (TIFF 6.0 §2, "Types"); index 0 is invalid. */
const TYPE_SIZES = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8];

/** Stable codes for what is wrong with the structure (mapped to reader messages by the UI). */
export type TiffWarning = 'exif-bad-header' | 'exif-loop' | 'exif-pointer-outside' | 'exif-pointer-type' | 'exif-bad-entry';

/** What the tolerant pass found. */
export interface TiffCheck {
  /** IFD0 text and short values that survived, by tag name. */
  ifd0: { make?: string; model?: string; software?: string; artist?: string; copyright?: string; orientation?: number };
  /** Structural problems, each code once. */
  warnings: TiffWarning[];
  /** Offsets (in the block) of entries whose values lie past its end: exifr must not see their counts. */
  outsideEntries: number[];
}

const IFD0_TEXT = { 0x010f: 'make', 0x0110: 'model', 0x0131: 'software', 0x013b: 'artist', 0x8298: 'copyright' } as const;
/** Pointer tags to sub-IFDs (EXIF 2.32 §4.6.3). */
const POINTERS: Record<number, string> = { 0x8769: 'exif', 0x8825: 'gps', 0xa005: 'interop' };
/** At most this many IFDs are followed: real files have ≤ 6; more means a loop or garbage. */
const MAX_IFDS = 16;

/** Reads the IFD structure of a TIFF block (starting at its byte-order mark), skipping bad entries. */
export function checkTiff(tiff: Uint8Array): TiffCheck {
  const result: TiffCheck = { ifd0: {}, warnings: [], outsideEntries: [] };
  const warn = (code: TiffWarning): void => {
    if (!result.warnings.includes(code)) result.warnings.push(code);
  };
  if (tiff.length < 8) {
    warn('exif-bad-header');
    return result;
  }
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const order = view.getUint16(0);
  if (order !== 0x4949 && order !== 0x4d4d) {
    warn('exif-bad-header');
    return result;
  }
  const le = order === 0x4949;
  if (view.getUint16(2, le) !== 42) {
    warn('exif-bad-header');
    return result;
  }
  const visited = new Set<number>();
  // Each queue item: the IFD offset and whether it is IFD0 (whose text values we keep).
  const queue: Array<{ offset: number; ifd0: boolean; followNext: boolean }> = [
    { offset: view.getUint32(4, le), ifd0: true, followNext: true },
  ];
  while (queue.length > 0) {
    const item = queue.shift();
    if (!item) break;
    const { offset } = item;
    if (offset === 0) continue;
    if (visited.has(offset) || visited.size >= MAX_IFDS) {
      warn('exif-loop');
      continue;
    }
    if (offset + 2 > tiff.length) {
      warn('exif-pointer-outside');
      continue;
    }
    visited.add(offset);
    const count = view.getUint16(offset, le);
    if (offset + 2 + count * 12 > tiff.length) {
      warn('exif-pointer-outside');
      continue;
    }
    for (let i = 0; i < count; i++) {
      const entry = offset + 2 + i * 12;
      const tag = view.getUint16(entry, le);
      const type = view.getUint16(entry + 2, le);
      const n = view.getUint32(entry + 4, le);
      const size = TYPE_SIZES[type];
      if (size === undefined || size === 0) {
        warn('exif-bad-entry');
        continue;
      }
      const bytes = size * n;
      const valueAt = bytes <= 4 ? entry + 8 : view.getUint32(entry + 8, le);
      if (valueAt + bytes > tiff.length) {
        warn('exif-bad-entry');
        result.outsideEntries.push(entry);
        continue;
      }
      if (POINTERS[tag] !== undefined) {
        // A sub-IFD pointer must be a LONG (4) or IFD (13, counted invalid above) of count 1.
        if (type !== 4 || n !== 1) {
          warn('exif-pointer-type');
          continue;
        }
        queue.push({ offset: view.getUint32(entry + 8, le), ifd0: false, followNext: false });
        continue;
      }
      if (!item.ifd0) continue;
      if (tag === 0x0112 && type === 3) {
        result.ifd0.orientation = view.getUint16(valueAt, le);
        continue;
      }
      const key = (IFD0_TEXT as Record<number, keyof TiffCheck['ifd0'] | undefined>)[tag];
      if (key && key !== 'orientation' && type === 2) {
        const text = new TextDecoder('utf-8').decode(tiff.subarray(valueAt, valueAt + n));
        const clean = text.replace(/\0[\s\S]*$/, '').trim();
        if (clean) result.ifd0[key] = clean;
      }
    }
    if (item.followNext) {
      const nextAt = offset + 2 + count * 12;
      if (nextAt + 4 <= tiff.length) queue.push({ offset: view.getUint32(nextAt, le), ifd0: false, followNext: false });
    }
  }
  return result;
}

/**
 * A copy of the block in which every entry whose values lie past its end
 * counts zero values (the block itself when there is none). exifr trusts
 * counts: one flipped bit (a GPS rational's count 1 → 0x01000001) made it
 * allocate 134 MB and spend seconds on a 404-byte block. Zero bytes are zero
 * in both byte orders, and an entry of count 0 is skipped by exifr alone,
 * where a bad type would make it drop the whole IFD.
 */
export function withoutOutsideEntries(tiff: Uint8Array, check: TiffCheck = checkTiff(tiff)): Uint8Array {
  if (check.outsideEntries.length === 0) return tiff;
  const copy = tiff.slice();
  for (const entry of check.outsideEntries) copy.fill(0, entry + 4, entry + 8);
  return copy;
}
