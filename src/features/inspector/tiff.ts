/**
 * What the inspector needs from the TIFF structure inside an EXIF block, read
 * by the one EXIF reader (src/formats/exif.ts readTiff).
 *
 * exifr drops a whole IFD when one entry is malformed (mei__Sony_DSC-HX5V_2.jpg:
 * IFD0 entry #4 has TIFF type 0, so exifr returns no Make/Model at all, while
 * exiftool skips the entry). The reader skips bad entries one by one, so the
 * inspector can still name the camera, and it reports structural damage
 * (pointer loops, pointers past the end, pointers of the wrong type) that
 * exifr either hides or turns into a silent empty block.
 * Pure: no DOM, runs in the worker and in Node tests.
 */
import { entryText, entryUint, isWellFormedPointer, MAX_IFD_ENTRIES, readTiff, SUB_IFD_TAGS, TAGS, type TiffStructure } from '../../formats/exif';
import { FormatError } from '../../formats/types';

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
  /** Offsets of the first entry past MAX_IFD_ENTRIES in IFDs that declare more: the reader did not check it, nor those after it. */
  uncheckedEntries: number[];
}

/** The reader's warnings in the inspector's words. */
const DAMAGE: Record<string, TiffWarning> = {
  'exif-loop': 'exif-loop',
  'exif-too-many-ifds': 'exif-loop',
  'exif-ifd-out-of-bounds': 'exif-pointer-outside',
  'exif-ifd-truncated': 'exif-pointer-outside',
  'exif-bad-pointer': 'exif-pointer-type',
  'exif-bad-type': 'exif-bad-entry',
  'exif-entry-out-of-bounds': 'exif-bad-entry',
  'exif-too-many-entries': 'exif-bad-entry',
};

/** IFD0 text tags the inspector falls back on. */
const IFD0_TEXT = [
  [TAGS.make, 'make'],
  [TAGS.model, 'model'],
  [TAGS.software, 'software'],
  [TAGS.artist, 'artist'],
  [TAGS.copyright, 'copyright'],
] as const;

/** Reads the IFD structure of a TIFF block (starting at its byte-order mark), skipping bad entries. */
export function checkTiff(tiff: Uint8Array): TiffCheck {
  const result: TiffCheck = { ifd0: {}, warnings: [], outsideEntries: [], uncheckedEntries: [] };
  const warn = (code: TiffWarning): void => {
    if (!result.warnings.includes(code)) result.warnings.push(code);
  };
  const warnDamage = (code: string): void => {
    const damage = DAMAGE[code];
    if (damage) warn(damage);
  };
  let structure: TiffStructure;
  try {
    structure = readTiff(tiff);
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    warn('exif-bad-header');
    return result;
  }
  // Without IFD0, the header's offset is what failed.
  if (structure.ifds.length === 0) for (const code of structure.warnings) warnDamage(code);
  // An IFD whose declared entries run past the block is garbage (often a flipped count): its
  // "entries" are other structures' bytes, so nothing in it, or reached through it, is used or zeroed.
  const garbage: boolean[] = [];
  for (const [i, ifd] of structure.ifds.entries()) {
    garbage[i] = ifd.truncated || (ifd.parent !== undefined && garbage[ifd.parent] === true);
    if (ifd.truncated) warn('exif-pointer-outside');
    if (garbage[i]) continue;
    const firstUnchecked = ifd.offset + 2 + MAX_IFD_ENTRIES * 12;
    if (ifd.declared > MAX_IFD_ENTRIES && firstUnchecked + 12 <= tiff.length) result.uncheckedEntries.push(firstUnchecked);
    for (const entry of ifd.entries) {
      if (entry.fault === 'outside') result.outsideEntries.push(entry.at);
      if (entry.fault) continue;
      if (SUB_IFD_TAGS.has(entry.tag)) {
        if (!isWellFormedPointer(entry)) warn('exif-pointer-type');
        continue;
      }
      if (ifd.name !== 'IFD0') continue;
      if (entry.tag === TAGS.orientation && entry.type === 3) {
        const value = entryUint(tiff, structure, entry);
        if (value !== undefined) result.ifd0.orientation = value;
        continue;
      }
      const key = IFD0_TEXT.find(([tag]) => tag === entry.tag)?.[1];
      const text = key ? entryText(tiff, entry, tiff.length) : undefined;
      if (key && text) result.ifd0[key] = text;
    }
    for (const code of ifd.warnings) warnDamage(code);
  }
  return result;
}

/**
 * A copy of the block in which every entry whose values lie past its end
 * counts zero values (the block itself when there is none). exifr trusts
 * counts: one flipped bit (a GPS rational's count 1 → 0x01000001) made it
 * allocate 134 MB and spend seconds on a 404-byte block. Zero bytes are zero
 * in both byte orders, and an entry of count 0 is skipped by exifr alone,
 * where a bad type would make it drop the whole IFD. That is what the copy
 * does to an IFD longer than MAX_IFD_ENTRIES (65 535 entries after a bit
 * flip): the first entry nobody checked gets type 0, so exifr gives up on that
 * IFD there, as it did on such garbage before, and reads the others.
 */
export function withoutOutsideEntries(tiff: Uint8Array, check: TiffCheck = checkTiff(tiff)): Uint8Array {
  if (check.outsideEntries.length === 0 && check.uncheckedEntries.length === 0) return tiff;
  const copy = tiff.slice();
  for (const entry of check.outsideEntries) copy.fill(0, entry + 4, entry + 8);
  for (const entry of check.uncheckedEntries) copy.fill(0, entry + 2, entry + 4);
  return copy;
}
