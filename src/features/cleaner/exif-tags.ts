/**
 * A small, defensive look inside a TIFF/EXIF structure, only to verify a clean
 * file: which tags IFD0 holds and whether more IFDs follow. Every offset is
 * bounds-checked and entry counts are capped, so a hostile file can neither
 * hang it nor make it read outside the bytes it is given. Pure, no DOM.
 */

/** TIFF tag id of Orientation (TIFF 6.0 §Orientation, EXIF 2.32 §4.6.4 A). */
export const TAG_ORIENTATION = 0x0112;
/** Tags that point to further IFDs carrying private data (EXIF, GPS, Interoperability). */
export const TAG_EXIF_IFD = 0x8769;
export const TAG_GPS_IFD = 0x8825;
export const TAG_INTEROP_IFD = 0xa005;

/** What IFD0 of an EXIF structure holds. */
export interface ExifOutline {
  /** Tag ids found in IFD0, in file order. */
  tags: number[];
  /** Orientation value (1–8) when IFD0 has a SHORT Orientation tag. */
  orientation?: number;
  /** True when IFD0 links to a next IFD (IFD1: the thumbnail). */
  hasNextIfd: boolean;
}

/** A TIFF structure we cannot read: treated as "may hold anything" by the verifier. */
export class ExifUnreadable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExifUnreadable';
  }
}

// A real IFD0 has a few dozen entries; 1,000 is far beyond any camera.
const MAX_ENTRIES = 1000;

/**
 * Reads IFD0 of a TIFF structure starting at its byte-order mark ("II*\0" or
 * "MM\0*"). Some writers put "Exif\0\0" before it (WebP, notably); that
 * prefix is skipped. Throws ExifUnreadable when the structure is malformed.
 */
export function outlineExif(bytes: Uint8Array): ExifOutline {
  let base = 0;
  if (bytes.length >= 6 && String.fromCharCode(...bytes.subarray(0, 4)) === 'Exif' && bytes[4] === 0 && bytes[5] === 0) base = 6;
  if (bytes.length < base + 8) throw new ExifUnreadable('too short for a TIFF header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const order = view.getUint16(base);
  if (order !== 0x4949 && order !== 0x4d4d) throw new ExifUnreadable('no byte-order mark');
  const little = order === 0x4949;
  if (view.getUint16(base + 2, little) !== 42) throw new ExifUnreadable('not TIFF (magic is not 42)');
  const ifd = base + view.getUint32(base + 4, little);
  if (ifd + 2 > bytes.length) throw new ExifUnreadable('IFD0 outside the data');
  const count = view.getUint16(ifd, little);
  if (count > MAX_ENTRIES) throw new ExifUnreadable('too many entries');
  const end = ifd + 2 + count * 12;
  if (end + 4 > bytes.length) throw new ExifUnreadable('IFD0 runs past the data');
  const tags: number[] = [];
  let orientation: number | undefined;
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    const tag = view.getUint16(entry, little);
    tags.push(tag);
    // Orientation is one SHORT (type 3), stored left-aligned in the value field.
    if (tag === TAG_ORIENTATION && view.getUint16(entry + 2, little) === 3) orientation = view.getUint16(entry + 8, little);
  }
  const next = view.getUint32(end, little);
  return orientation === undefined ? { tags, hasNextIfd: next !== 0 } : { tags, orientation, hasNextIfd: next !== 0 };
}
