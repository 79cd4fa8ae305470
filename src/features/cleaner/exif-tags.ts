/**
 * What the verifier needs from the EXIF left in a clean file, read by the one
 * EXIF reader (src/formats/exif.ts readTiff): which tags IFD0 holds and
 * whether more IFDs follow. It is stricter than the reader: an IFD0 the reader
 * had to cap or cut short is unreadable here, and the verifier treats
 * unreadable EXIF as unsafe. Pure, no DOM.
 */
import { entryUint, exifHeaderLength, MAX_IFD_ENTRIES, readTiff, TAGS, type TiffStructure } from '../../formats/exif';
import { FormatError } from '../../formats/types';

/** What IFD0 of an EXIF structure holds. */
export interface ExifOutline {
  /** Tag ids found in IFD0, in file order (entries of unknown type included). */
  tags: number[];
  /** Orientation value when IFD0 has a SHORT Orientation tag. */
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

/**
 * Reads IFD0 of a TIFF structure starting at its byte-order mark ("II*\0" or
 * "MM\0*"). Some writers put "Exif\0\0" before it (WebP, notably); that
 * prefix is skipped. Throws ExifUnreadable when the structure is malformed.
 */
export function outlineExif(bytes: Uint8Array): ExifOutline {
  const tiff = bytes.subarray(exifHeaderLength(bytes));
  let structure: TiffStructure;
  try {
    structure = readTiff(tiff);
  } catch (error) {
    if (error instanceof FormatError) throw new ExifUnreadable(error.message);
    throw error;
  }
  const ifd0 = structure.ifds.find((ifd) => ifd.name === 'IFD0');
  if (!ifd0) throw new ExifUnreadable('IFD0 outside the data');
  if (ifd0.declared > MAX_IFD_ENTRIES) throw new ExifUnreadable('too many entries');
  if (ifd0.next === undefined) throw new ExifUnreadable('IFD0 runs past the data');
  const shortOrientation = ifd0.entries.find((e) => e.tag === TAGS.orientation && e.type === 3);
  const orientation = shortOrientation && entryUint(tiff, structure, shortOrientation);
  const tags = ifd0.entries.map((e) => e.tag);
  return orientation === undefined ? { tags, hasNextIfd: ifd0.next !== 0 } : { tags, orientation, hasNextIfd: ifd0.next !== 0 };
}
