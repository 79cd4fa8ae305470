/**
 * The one reader of TIFF-structured EXIF (TIFF 6.0 §2 "Image File Structure",
 * CIPA DC-008-2019 (EXIF 2.32) §4.6). Everything that looks inside an EXIF
 * block goes through readTiff(): the TIFF walker (its IFDs are the blocks,
 * tiff.ts), the cleaner (the Orientation to keep, clean.ts), the cleaner's
 * verifier (features/cleaner/exif-tags.ts) and the inspector (camera name
 * when exifr gives up, damage codes, and the copy handed to exifr,
 * features/inspector/tiff.ts).
 *
 * It never trusts a count or an offset: every value is bounds-checked against
 * the buffer, each IFD offset is visited once (loops such as "InteropIFD
 * pointer references previous IFD0" in mei__Kodak_ProBack.jpg stop there),
 * entries per IFD and IFDs per structure are capped, and sub-IFDs are
 * followed to a fixed depth. A bad entry is kept (its tag counts for the
 * verifier) but its value is never read.
 */
import { FormatError } from './types';

/** One IFD entry, as it stands in the file. */
export interface TiffEntry {
  tag: number;
  type: number;
  count: number;
  /** Where the 12-byte entry itself sits in the buffer. */
  at: number;
  /** Where its value sits in the buffer, or -1 when it cannot be read (see `fault`). */
  valueOffset: number;
  /** Why the value cannot be read: an unknown field type, or a value that lies past the buffer. */
  fault?: 'bad-type' | 'outside';
}

/** One image file directory, named as exiftool's -G1 groups (IFD0, IFD1, ExifIFD, GPS, InteropIFD). */
export interface TiffIfd {
  name: string;
  /** Offset of the IFD inside the TIFF structure. */
  offset: number;
  /** The entry count the IFD declares (entries may hold fewer: capped, or cut by the end of the buffer). */
  declared: number;
  /** True when the declared entries run past the end of the buffer. */
  truncated: boolean;
  entries: TiffEntry[];
  /** The next-IFD offset that follows the declared entries (0: none), undefined when it lies past the buffer. */
  next: number | undefined;
  /** Index in TiffStructure.ifds of the IFD whose pointer (or, for IFD1, next offset) led here; undefined for IFD0. */
  parent: number | undefined;
  /** The warnings raised by this IFD: its own entries, and the IFDs its pointers (and IFD0's next offset) lead to. */
  warnings: string[];
}

/** What readTiff found. */
export interface TiffStructure {
  littleEndian: boolean;
  ifds: TiffIfd[];
  /** Every non-fatal problem as a stable code ('exif-loop', 'exif-entry-out-of-bounds'…), in the order it was met. */
  warnings: string[];
}

/** Byte sizes of the TIFF field types 1–12 (TIFF 6.0 §2 "Types") and 13, IFD (TIFF Technical Note 1); 0 is invalid. */
const TYPE_SIZES = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4];
/** No real camera writes more than a few hundred entries in one IFD; more means garbage. */
export const MAX_IFD_ENTRIES = 1000;
/** Real files have at most 6 IFDs (IFD0, IFD1, ExifIFD, GPS, InteropIFD, and a second Interop); more means a loop or garbage. */
const MAX_IFDS = 16;
const MAX_DEPTH = 4;

/** Tag ids (TIFF 6.0 Appendix A, EXIF 2.32 §4.6.4–4.6.6), named once for every reader of EXIF. */
export const TAGS = {
  imageWidth: 0x0100,
  imageLength: 0x0101,
  make: 0x010f,
  model: 0x0110,
  orientation: 0x0112,
  software: 0x0131,
  artist: 0x013b,
  thumbnailOffset: 0x0201,
  thumbnailLength: 0x0202,
  xmp: 0x02bc,
  copyright: 0x8298,
  iptc: 0x83bb,
  photoshop: 0x8649,
  icc: 0x8773,
  exifIfd: 0x8769,
  gpsIfd: 0x8825,
  makerNote: 0x927c,
  interopIfd: 0xa005,
} as const;

/** Pointer tags to sub-IFDs (EXIF 2.32 §4.6.3), with the name the IFD they point to gets. */
export const SUB_IFD_TAGS: ReadonlyMap<number, string> = new Map([
  [TAGS.exifIfd, 'ExifIFD'],
  [TAGS.gpsIfd, 'GPS'],
  [TAGS.interopIfd, 'InteropIFD'],
]);

/** Device-linking identifiers (exiftool TagNames: OwnerName, BodySerialNumber, LensSerialNumber, ImageUniqueID, CameraSerialNumber, SerialNumber). */
export const SERIAL_TAGS: ReadonlySet<number> = new Set([0xa430, 0xa431, 0xa435, 0xa420, 0xc62f, 0xfde9]);

/** Length of the "Exif\0\0" header that JPEG APP1 puts before the TIFF structure, and some WebP writers copy; 0 when absent. */
export function exifHeaderLength(bytes: Uint8Array): number {
  return bytes.length >= 6 && bytes[0] === 0x45 && bytes[1] === 0x78 && bytes[2] === 0x69 && bytes[3] === 0x66 && bytes[4] === 0 && bytes[5] === 0 ? 6 : 0;
}

/**
 * Parses the IFD structure of a TIFF header at the start of `bytes`: IFD0,
 * IFD1 (the next IFD of IFD0), and the ExifIFD, GPS and InteropIFD their
 * pointers lead to. Throws FormatError ('truncated' or 'corrupt') without a
 * valid header; everything else is a warning.
 */
export function readTiff(bytes: Uint8Array): TiffStructure {
  if (bytes.length < 8) throw new FormatError('truncated', 'EXIF data is shorter than a TIFF header.');
  const le = bytes[0] === 0x49 && bytes[1] === 0x49;
  const be = bytes[0] === 0x4d && bytes[1] === 0x4d;
  if (!le && !be) throw new FormatError('corrupt', 'EXIF data has no TIFF byte-order mark.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(2, le) !== 42) throw new FormatError('corrupt', 'EXIF data has a bad TIFF magic number.');
  const warnings: string[] = [];
  const ifds: TiffIfd[] = [];
  const visited = new Set<number>();
  /** Records a warning, and which IFD raised it (undefined: the header's IFD0 offset). */
  const warn = (code: string, by: TiffIfd | undefined): void => {
    warnings.push(code);
    by?.warnings.push(code);
  };

  const readIfd = (offset: number, name: string, depth: number, parent?: number): TiffIfd | undefined => {
    const by = parent === undefined ? undefined : ifds[parent];
    if (ifds.length >= MAX_IFDS) {
      warn('exif-too-many-ifds', by);
      return undefined;
    }
    if (visited.has(offset)) {
      warn('exif-loop', by);
      return undefined;
    }
    if (offset < 8 || offset + 2 > bytes.length) {
      warn('exif-ifd-out-of-bounds', by);
      return undefined;
    }
    visited.add(offset);
    const declared = view.getUint16(offset, le);
    const nextAt = offset + 2 + declared * 12;
    const ifd: TiffIfd = {
      name,
      offset,
      declared,
      truncated: false,
      entries: [],
      next: nextAt + 4 <= bytes.length ? view.getUint32(nextAt, le) : undefined,
      parent,
      warnings: [],
    };
    const index = ifds.push(ifd) - 1;
    let count = declared;
    if (count > MAX_IFD_ENTRIES) {
      warn('exif-too-many-entries', ifd);
      count = MAX_IFD_ENTRIES;
    }
    const available = Math.floor((bytes.length - offset - 2) / 12);
    ifd.truncated = declared > available;
    if (count > available) {
      warn('exif-ifd-truncated', ifd);
      count = available;
    }
    for (let i = 0; i < count; i++) {
      const at = offset + 2 + i * 12;
      const tag = view.getUint16(at, le);
      const type = view.getUint16(at + 2, le);
      const n = view.getUint32(at + 4, le);
      const unit = TYPE_SIZES[type] ?? 0;
      if (unit === 0) {
        warn('exif-bad-type', ifd);
        ifd.entries.push({ tag, type, count: n, at, valueOffset: -1, fault: 'bad-type' });
        continue;
      }
      const size = unit * n;
      const valueOffset = size <= 4 ? at + 8 : view.getUint32(at + 8, le);
      if (valueOffset + size > bytes.length) {
        warn('exif-entry-out-of-bounds', ifd);
        ifd.entries.push({ tag, type, count: n, at, valueOffset: -1, fault: 'outside' });
      } else ifd.entries.push({ tag, type, count: n, at, valueOffset });
    }
    if (depth < MAX_DEPTH) {
      for (const entry of ifd.entries) {
        const child = SUB_IFD_TAGS.get(entry.tag);
        if (!child) continue;
        const target = readPointer(entry);
        // A pointer of 0 points nowhere (as a next-IFD offset of 0 does, TIFF 6.0 §2).
        if (target === undefined) warn('exif-bad-pointer', ifd);
        else if (target !== 0) readIfd(target, child, depth + 1, index);
      }
    }
    return ifd;
  };

  /** A sub-IFD pointer is a LONG, or an IFD (13); SHORT is read too, as exifr (and exiftool) do. */
  const readPointer = (entry: TiffEntry): number | undefined => {
    if (entry.valueOffset < 0 || entry.count < 1) return undefined;
    if (entry.type === 4 || entry.type === 13) return view.getUint32(entry.valueOffset, le);
    if (entry.type === 3) return view.getUint16(entry.valueOffset, le);
    return undefined;
  };

  const ifd0 = readIfd(view.getUint32(4, le), 'IFD0', 0);
  // IFD1 (the thumbnail) is the next IFD of IFD0; later ones are rare and unused here.
  if (ifd0?.next) readIfd(ifd0.next, 'IFD1', 1, 0);
  return { littleEndian: le, ifds, warnings };
}

/** Whether a sub-IFD pointer entry has the type and count EXIF 2.32 §4.6.3 gives it: one LONG (or one IFD, type 13). */
export function isWellFormedPointer(entry: TiffEntry): boolean {
  return (entry.type === 4 || entry.type === 13) && entry.count === 1;
}

/** Reads the first value of an entry as an unsigned integer (BYTE, SHORT, LONG); undefined otherwise. */
export function entryUint(bytes: Uint8Array, tiff: TiffStructure, entry: TiffEntry): number | undefined {
  if (entry.valueOffset < 0 || entry.count < 1) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.type === 1 || entry.type === 7) return view.getUint8(entry.valueOffset);
  if (entry.type === 3) return view.getUint16(entry.valueOffset, tiff.littleEndian);
  if (entry.type === 4 || entry.type === 13) return view.getUint32(entry.valueOffset, tiff.littleEndian);
  // Signed types seen in the wild for Orientation (exifpy__Sony_alpha_a58.JPG writes int32s); negative values are invalid anyway.
  if (entry.type === 8) return Math.max(0, view.getInt16(entry.valueOffset, tiff.littleEndian));
  if (entry.type === 9) return Math.max(0, view.getInt32(entry.valueOffset, tiff.littleEndian));
  return undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Reads an ASCII entry as UTF-8 (cameras and editors write UTF-8 there), cut at the first NUL and trimmed; at most `maxBytes` are read. */
export function entryText(bytes: Uint8Array, entry: TiffEntry, maxBytes = 256): string | undefined {
  if (entry.valueOffset < 0 || entry.type !== 2) return undefined;
  const raw = bytes.subarray(entry.valueOffset, entry.valueOffset + Math.min(entry.count, maxBytes));
  const nul = raw.indexOf(0);
  return utf8.decode(nul >= 0 ? raw.subarray(0, nul) : raw).trim();
}

/** What the tests' oracles and the cleaner need to know about one EXIF structure. */
export interface ExifFacts {
  /** IFD0 Orientation when it is a valid value 1–8 (the cleaner keeps it). */
  orientation?: number;
  /** A GPS IFD with at least one entry exists. */
  hasGps: boolean;
  /** Tag numbers of device-linking identifiers found (serial numbers, owner, unique IDs). */
  serialTags: number[];
  /** An IFD1 thumbnail (JPEG offset/length) is declared. */
  hasThumbnail: boolean;
  /** A MakerNote is present. */
  hasMakerNote: boolean;
  /** Every tag number in every IFD (for "nothing but Orientation" checks). */
  tags: Array<{ ifd: string; tag: number }>;
  make?: string;
  model?: string;
  warnings: string[];
}

/**
 * Summarises an EXIF TIFF structure; throws FormatError when it has no valid
 * TIFF header. The cleaner uses only `orientation`; the rest serves the
 * tests' oracles (tests/support/format-oracle.ts, formats-walk.test.ts).
 */
export function readExifFacts(bytes: Uint8Array): ExifFacts {
  const tiff = readTiff(bytes);
  const facts: ExifFacts = { hasGps: false, serialTags: [], hasThumbnail: false, hasMakerNote: false, tags: [], warnings: tiff.warnings };
  for (const ifd of tiff.ifds) {
    if (ifd.name === 'GPS' && ifd.entries.length > 0) facts.hasGps = true;
    for (const entry of ifd.entries) {
      facts.tags.push({ ifd: ifd.name, tag: entry.tag });
      if (SERIAL_TAGS.has(entry.tag)) facts.serialTags.push(entry.tag);
      if (entry.tag === TAGS.makerNote) facts.hasMakerNote = true;
      if (ifd.name === 'IFD1' && entry.tag === TAGS.thumbnailOffset) facts.hasThumbnail = true;
      if (ifd.name !== 'IFD0') continue;
      if (entry.tag === TAGS.orientation) {
        const v = entryUint(bytes, tiff, entry);
        if (v !== undefined && v >= 1 && v <= 8) facts.orientation = v;
      } else if (entry.tag === TAGS.make) {
        const v = entryText(bytes, entry);
        if (v !== undefined) facts.make = v;
      } else if (entry.tag === TAGS.model) {
        const v = entryText(bytes, entry);
        if (v !== undefined) facts.model = v;
      }
    }
  }
  return facts;
}

/**
 * Builds the smallest valid EXIF that keeps a photo upright: a big-endian TIFF
 * header and an IFD0 holding Orientation only (26 bytes). Nothing else, so no
 * date, camera or thumbnail survives cleaning.
 */
export function orientationOnlyExif(orientation: number): Uint8Array {
  if (!Number.isInteger(orientation) || orientation < 1 || orientation > 8) throw new RangeError(`Orientation must be 1–8, got ${orientation}`);
  return Uint8Array.of(
    0x4d,
    0x4d,
    0x00,
    0x2a, // "MM", 42
    0x00,
    0x00,
    0x00,
    0x08, // IFD0 at offset 8
    0x00,
    0x01, // one entry
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01, // Orientation, SHORT, count 1
    0x00,
    orientation,
    0x00,
    0x00, // value, left-justified
    0x00,
    0x00,
    0x00,
    0x00, // no next IFD
  );
}
