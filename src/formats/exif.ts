/**
 * A minimal, defensive reader of TIFF-structured EXIF (CIPA DC-008, TIFF 6.0 §2).
 * It never trusts a count or an offset: every value is bounds-checked against
 * the buffer, each IFD offset is visited once (loops such as "InteropIFD
 * pointer references previous IFD0" in mei__Kodak_ProBack.jpg stop there),
 * entries per IFD and IFDs per file are capped, and sub-IFDs are followed to
 * a fixed depth. It reads only what verification and cleaning need:
 * Orientation, whether GPS or serial numbers are present, the thumbnail.
 */
import { FormatError } from './types';

/** One IFD entry; `valueOffset` is where its value sits in the buffer, or -1 when the value lies outside it. */
export interface TiffEntry {
  tag: number;
  type: number;
  count: number;
  valueOffset: number;
}

/** One image file directory, named as exiftool's -G1 groups (IFD0, IFD1, ExifIFD, GPS, InteropIFD). */
export interface TiffIfd {
  name: string;
  /** Offset of the IFD inside the TIFF structure. */
  offset: number;
  entries: TiffEntry[];
}

/** What readTiff found. */
export interface TiffStructure {
  littleEndian: boolean;
  ifds: TiffIfd[];
  /** Non-fatal problems as stable codes ('exif-loop', 'exif-entry-out-of-bounds'…). */
  warnings: string[];
}

/** Sizes of the TIFF field types 1–13 (TIFF 6.0 §2 plus IFD type 13). */
const TYPE_SIZES = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4];
/** No real camera writes more than a few hundred entries; more means garbage. */
const MAX_ENTRIES = 1000;
const MAX_IFDS = 32;
const MAX_DEPTH = 4;

/** Tag numbers this module cares about. */
export const TAGS = {
  orientation: 0x0112,
  make: 0x010f,
  model: 0x0110,
  exifIfd: 0x8769,
  gpsIfd: 0x8825,
  interopIfd: 0xa005,
  makerNote: 0x927c,
  thumbnailOffset: 0x0201,
  thumbnailLength: 0x0202,
  xmp: 700,
  iptc: 33723,
  photoshop: 34377,
  icc: 34675,
  imageWidth: 256,
  imageLength: 257,
} as const;

/** Device-linking identifiers (exiftool TagNames: OwnerName, BodySerialNumber, LensSerialNumber, ImageUniqueID, CameraSerialNumber, SerialNumber). */
export const SERIAL_TAGS = new Set([0xa430, 0xa431, 0xa435, 0xa420, 0xc62f, 0xfde9]);

/** Parses the IFD structure of a TIFF header at the start of `bytes`; throws FormatError('corrupt') without a valid header. */
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
  const nextOf = new Map<TiffIfd, number>();

  const readIfd = (offset: number, name: string, depth: number): TiffIfd | undefined => {
    if (ifds.length >= MAX_IFDS) return warn('exif-too-many-ifds');
    if (visited.has(offset)) return warn('exif-loop');
    if (offset < 8 || offset + 2 > bytes.length) return warn('exif-ifd-out-of-bounds');
    visited.add(offset);
    const rawCount = view.getUint16(offset, le);
    let count = rawCount;
    if (count > MAX_ENTRIES) {
      warnings.push('exif-too-many-entries');
      count = MAX_ENTRIES;
    }
    const available = Math.floor((bytes.length - offset - 2) / 12);
    if (count > available) {
      warnings.push('exif-ifd-truncated');
      count = available;
    }
    const entries: TiffEntry[] = [];
    for (let i = 0; i < count; i++) {
      const e = offset + 2 + i * 12;
      const tag = view.getUint16(e, le);
      const type = view.getUint16(e + 2, le);
      const n = view.getUint32(e + 4, le);
      const unit = TYPE_SIZES[type] ?? 0;
      if (unit === 0) {
        warnings.push('exif-bad-type');
        continue;
      }
      const size = unit * n;
      let valueOffset = size <= 4 ? e + 8 : view.getUint32(e + 8, le);
      if (!Number.isFinite(size) || valueOffset + size > bytes.length) {
        warnings.push('exif-entry-out-of-bounds');
        valueOffset = -1;
      }
      entries.push({ tag, type, count: n, valueOffset });
    }
    const ifd: TiffIfd = { name, offset, entries };
    ifds.push(ifd);
    const nextAt = offset + 2 + rawCount * 12;
    if (nextAt + 4 <= bytes.length) nextOf.set(ifd, view.getUint32(nextAt, le));
    if (depth < MAX_DEPTH) {
      for (const entry of entries) {
        const child = entry.tag === TAGS.exifIfd ? 'ExifIFD' : entry.tag === TAGS.gpsIfd ? 'GPS' : entry.tag === TAGS.interopIfd ? 'InteropIFD' : undefined;
        if (!child) continue;
        const target = readLong(entry);
        if (target !== undefined) readIfd(target, child, depth + 1);
        else warnings.push('exif-bad-pointer');
      }
    }
    return ifd;
  };

  const readLong = (entry: TiffEntry): number | undefined => {
    if (entry.valueOffset < 0 || entry.count < 1) return undefined;
    if (entry.type === 4 || entry.type === 13) return view.getUint32(entry.valueOffset, le);
    if (entry.type === 3) return view.getUint16(entry.valueOffset, le);
    return undefined;
  };

  function warn(code: string): undefined {
    warnings.push(code);
    return undefined;
  }

  const ifd0 = readIfd(view.getUint32(4, le), 'IFD0', 0);
  if (ifd0) {
    // IFD1 (the thumbnail) is the next IFD of IFD0; later ones are rare and unused here.
    const next = nextOf.get(ifd0) ?? 0;
    if (next !== 0) readIfd(next, 'IFD1', 1);
  }
  return { littleEndian: le, ifds, warnings };
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

/** Reads an ASCII entry (trimmed at the first NUL, capped at 256 characters). */
export function entryText(bytes: Uint8Array, entry: TiffEntry): string | undefined {
  if (entry.valueOffset < 0 || entry.type !== 2) return undefined;
  const raw = bytes.subarray(entry.valueOffset, entry.valueOffset + Math.min(entry.count, 256));
  const nul = raw.indexOf(0);
  let s = '';
  for (const c of nul >= 0 ? raw.subarray(0, nul) : raw) s += String.fromCharCode(c);
  return s.trim();
}

/** What verification and cleaning need to know about one EXIF structure. */
export interface ExifFacts {
  /** IFD0 Orientation when it is a valid value 1–8. */
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

/** Summarises an EXIF TIFF structure; throws FormatError when it has no valid TIFF header. */
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
    0x4d, 0x4d, 0x00, 0x2a, // "MM", 42
    0x00, 0x00, 0x00, 0x08, // IFD0 at offset 8
    0x00, 0x01, // one entry
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, // Orientation, SHORT, count 1
    0x00, orientation, 0x00, 0x00, // value, left-justified
    0x00, 0x00, 0x00, 0x00, // no next IFD
  );
}
