/**
 * Lossless cleaners for JPEG, PNG and WebP. A plan lists ranges of the
 * original file and a few new bytes, so the browser builds the clean file as
 * `new Blob(parts)` from `file.slice()`s: cost grows with the metadata, not
 * the picture (IDAT and VP8 payloads are never read; the JPEG needs its one
 * forward scan only to find the true end of image).
 *
 * Removed: EXIF (GPS, serials, MakerNotes, IFD1 thumbnail), XMP and Extended
 * XMP, IPTC/Photoshop, COM, PNG text/eXIf/tIME, C2PA/JUMBF, MPF, thumbnails,
 * vendor APPn and unknown chunks, and everything after the end of the image.
 * Kept: what the image needs to look the same (JFIF, Adobe APP14, PNG
 * tRNS/gAMA/…, WebP VP8/ALPH/ANIM…) and, by default, the orientation (as a
 * fresh orientation-only EXIF) and the ICC profile.
 */
import { concatBytes, crc32, putU32be, putU32le, u32be } from './bytes';
import { orientationOnlyExif, readExifFacts } from './exif';
import { walkWebpStructure, VP8X_FLAGS } from './webp';
import { walk } from './walk';
import {
  FormatError,
  type ByteSource,
  type CleanOptions,
  type CleanPart,
  type CleanPlan,
  type ImageFormat,
  type Inventory,
  type KeepReason,
  type MetadataBlock,
  DEFAULT_CLEAN_OPTIONS,
} from './types';

/** EXIF larger than this is not read for its Orientation (a JPEG APP1 is at most 64 KiB; PNG/WebP EXIF are rarely bigger). */
const EXIF_READ_CAP = 4 * 1024 * 1024;

/** Replace `length` bytes at `offset` of the original with `data` (nothing when absent); length 0 inserts. */
interface Edit {
  offset: number;
  length: number;
  data?: Uint8Array;
  /** A block describing inserted data, to report in `kept` with its offset in the clean file. */
  inserted?: { block: Omit<MetadataBlock, 'offset' | 'dataOffset'>; headerLength: number; reason: KeepReason };
}

/**
 * Plans the clean copy of a JPEG, PNG or WebP file. Pass the Inventory from
 * walk() when you have it (it is checked against the source); other formats
 * throw FormatError('unsupported'), files without image data FormatError('truncated').
 */
export async function planClean(source: ByteSource, options: CleanOptions = DEFAULT_CLEAN_OPTIONS, inventory?: Inventory): Promise<CleanPlan> {
  const inv = inventory ?? (await walk(source));
  checkInventory(source, inv);
  if (inv.format !== 'jpeg' && inv.format !== 'png' && inv.format !== 'webp') {
    throw new FormatError('unsupported', `Cleaning ${inv.format} files is not supported.`);
  }
  if (inv.imageEnd === undefined) throw new FormatError('truncated', 'The file ends before its image data.');
  const orientation = options.keepOrientation ? await readOrientation(source, inv) : undefined;
  switch (inv.format) {
    case 'jpeg':
      return planJpeg(inv, inv.imageEnd, options, orientation);
    case 'png':
      return planPng(source, inv, inv.imageEnd, options, orientation);
    case 'webp':
      return planWebp(source, options, orientation);
  }
}

/** Builds the clean file in memory from a plan and the original bytes (Node, tests). */
export function assemble(plan: CleanPlan, bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(plan.size);
  let o = 0;
  for (const part of plan.parts) {
    const chunk = part.kind === 'copy' ? bytes.subarray(part.offset, part.offset + part.length) : part.data;
    out.set(chunk, o);
    o += chunk.length;
  }
  return out;
}

/**
 * The clean file's bytes as a ByteSource, read through the plan's parts: a
 * copied range is read from the original's source (whose cache already holds
 * the headers its walk read), new bytes from memory. These are the very parts
 * the clean Blob is made of (planToBlobParts), so walking this source walks
 * the clean file, without another costly read of the Blob. A read that spans
 * parts is put together in a new buffer; one inside a single copied part is
 * the original source's own answer (a `scan` view, when scanning).
 */
export function planSource(plan: CleanPlan, original: ByteSource): ByteSource {
  const starts: number[] = [];
  let at = 0;
  for (const part of plan.parts) {
    starts.push(at);
    at += part.kind === 'copy' ? part.length : part.data.length;
  }
  const size = at;
  const clamp = (n: number): number => (Number.isFinite(n) && n > 0 ? Math.min(Math.floor(n), size) : 0);
  async function get(offset: number, length: number, transient: boolean): Promise<Uint8Array> {
    const start = clamp(offset);
    const end = clamp(start + Math.max(0, length));
    const pieces: Uint8Array[] = [];
    // The first part that holds `start`: the last one starting at or before it.
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1]! <= start) i++;
    for (let pos = start; pos < end && i < plan.parts.length; i++) {
      const part = plan.parts[i]!;
      const partStart = starts[i]!;
      const partLength = part.kind === 'copy' ? part.length : part.data.length;
      const from = pos - partStart;
      const n = Math.min(end, partStart + partLength) - pos;
      if (n <= 0) continue;
      if (part.kind === 'bytes') pieces.push(part.data.subarray(from, from + n));
      else {
        const readPart = transient && original.scan ? original.scan.bind(original) : original.read.bind(original);
        const bytes = await readPart(part.offset + from, n);
        if (bytes.length !== n) throw new FormatError('corrupt', 'The original file is shorter than its clean plan.');
        // A scan view is valid only until the next scan: a read over several parts keeps a copy.
        pieces.push(transient && end - start > n ? bytes.slice() : bytes);
      }
      pos += n;
    }
    return pieces.length === 1 ? pieces[0]! : concatBytes(pieces);
  }
  return {
    size,
    read: (offset, length) => get(offset, length, false),
    scan: (offset, length) => get(offset, length, true),
  };
}

/** The parts of a plan as Blob parts: slices of the original file (no copy through JavaScript) and the few new bytes. */
export function planToBlobParts(plan: CleanPlan, blob: Blob): BlobPart[] {
  return plan.parts.map((part) => (part.kind === 'copy' ? blob.slice(part.offset, part.offset + part.length) : new Uint8Array(part.data)));
}

/** An inventory may come from another thread: make sure it describes this source before trusting its offsets. */
function checkInventory(source: ByteSource, inv: Inventory): void {
  const inside = (offset: number, length: number): boolean =>
    Number.isInteger(offset) && Number.isInteger(length) && offset >= 0 && length >= 0 && offset + length <= source.size;
  const ok =
    inv.size === source.size &&
    inv.blocks.every((b) => inside(b.offset, b.length) && inside(b.dataOffset, b.dataLength)) &&
    (inv.imageEnd === undefined || inside(inv.imageEnd, 0)) &&
    (inv.exif === undefined || inside(inv.exif.offset, inv.exif.length));
  if (!ok) throw new FormatError('corrupt', 'The inventory does not match this file.');
}

/**
 * The keep policy, shared by the cleaner and its verifier: why a block of an
 * original may stay in the clean file, or undefined when it must go. EXIF is
 * never kept as it is (the cleaner writes a fresh orientation-only one), and
 * neither is any block this does not name, unknown chunks included.
 */
export function keepReason(block: MetadataBlock, format: ImageFormat, options: CleanOptions): KeepReason | undefined {
  switch (block.kind) {
    case 'jfif':
      return 'harmless'; // JPEG APP0: pixel density only
    case 'adobe':
      return 'needed'; // JPEG APP14: the colour transform a CMYK or YCCK image needs to decode
    case 'icc':
      // PNG: only the iCCP chunk is a colour profile decoders use; an ICC copied into a text chunk (ImageMagick's "Raw profile type icc") goes.
      return options.keepColorProfile && (format !== 'png' || block.label === 'iCCP') ? 'icc' : undefined;
    default:
      return undefined;
  }
}

/** The blocks kept (with their reason) and removed, and the edits that leave the removed ones out of [0, end). */
function partition(
  blocks: readonly MetadataBlock[],
  end: number,
  reasonFor: (block: MetadataBlock) => KeepReason | undefined,
): { edits: Edit[]; removed: MetadataBlock[]; kept: CleanPlan['kept'] } {
  const edits: Edit[] = [];
  const removed: MetadataBlock[] = [];
  const kept: CleanPlan['kept'] = [];
  for (const block of blocks) {
    const reason = reasonFor(block);
    if (reason) kept.push({ block, reason });
    else {
      removed.push(block);
      if (block.offset < end) edits.push({ offset: block.offset, length: Math.min(block.length, end - block.offset) });
    }
  }
  return { edits, removed, kept };
}

/** IFD0 Orientation (1–8) of the primary EXIF, or undefined when absent, invalid or unreadable. */
async function readOrientation(source: ByteSource, inv: Inventory): Promise<number | undefined> {
  if (!inv.exif || inv.exif.length > EXIF_READ_CAP) return undefined;
  try {
    return readExifFacts(await source.read(inv.exif.offset, inv.exif.length)).orientation;
  } catch (error) {
    if (error instanceof FormatError) return undefined;
    throw error;
  }
}

function planJpeg(inv: Inventory, end: number, options: CleanOptions, orientation: number | undefined): CleanPlan {
  const { edits, removed, kept } = partition(inv.blocks, end, (block) => keepReason(block, 'jpeg', options));
  if (orientation !== undefined) {
    // EXIF 2.3 §4.5.4: APP1 follows SOI, or the JFIF APP0 when there is one.
    const first = inv.blocks[0];
    const at = first?.kind === 'jfif' && first.offset === 2 ? first.offset + first.length : 2;
    const tiff = orientationOnlyExif(orientation);
    const segment = new Uint8Array(4 + 6 + tiff.length);
    segment.set([0xff, 0xe1, 0x00, 2 + 6 + tiff.length, 0x45, 0x78, 0x69, 0x66, 0, 0]);
    segment.set(tiff, 10);
    edits.push({
      offset: at,
      length: 0,
      data: segment,
      inserted: {
        block: { kind: 'exif', label: 'APP1 Exif (orientation only)', length: segment.length, dataLength: tiff.length },
        headerLength: 10,
        reason: 'orientation',
      },
    });
  }
  return finish('jpeg', end, edits, removed, kept);
}

async function planPng(source: ByteSource, inv: Inventory, end: number, options: CleanOptions, orientation: number | undefined): Promise<CleanPlan> {
  const { edits, removed, kept } = partition(inv.blocks, end, (block) => keepReason(block, 'png', options));
  // PNG: an orientation-only eXIf only when it changes something (1 is the default).
  if (orientation !== undefined && orientation !== 1) {
    // Right after IHDR: 8-byte signature, then IHDR's length, type, data and CRC.
    const at = 8 + 12 + u32be(await source.read(8, 4), 0);
    const tiff = orientationOnlyExif(orientation);
    const chunk = new Uint8Array(12 + tiff.length);
    putU32be(chunk, 0, tiff.length);
    chunk.set([0x65, 0x58, 0x49, 0x66], 4); // eXIf
    chunk.set(tiff, 8);
    putU32be(chunk, 8 + tiff.length, crc32(chunk.subarray(4, 8 + tiff.length)));
    edits.push({
      offset: at,
      length: 0,
      data: chunk,
      inserted: {
        block: { kind: 'exif', label: 'eXIf (orientation only)', length: chunk.length, dataLength: tiff.length },
        headerLength: 8,
        reason: 'orientation',
      },
    });
  }
  return finish('png', end, edits, removed, kept);
}

async function planWebp(source: ByteSource, options: CleanOptions, orientation: number | undefined): Promise<CleanPlan> {
  const { inventory: inv, structure } = await walkWebpStructure(source);
  if (inv.imageEnd === undefined) throw new FormatError('truncated', 'The file ends before its image data.');
  const end = structure.riffEnd;
  // The extended format (RFC 9649 §2.7) has one ICCP chunk: a second one goes.
  let iccKept = false as boolean;
  const { edits, removed, kept } = partition(inv.blocks, end, (block) => {
    const reason = keepReason(block, 'webp', options);
    if (reason !== 'icc') return reason;
    if (iccKept) return undefined;
    iccKept = true;
    return reason;
  });
  const vp8x = structure.chunks.find((c) => c.fourcc === 'VP8X');
  // Adding EXIF to a simple (VP8/VP8L only) file needs a VP8X header with the canvas size.
  const canAddExif = vp8x !== undefined || (inv.width !== undefined && inv.height !== undefined);
  const addExif = orientation !== undefined && canAddExif;
  const flags =
    ((structure.vp8xFlags ?? (structure.losslessAlpha ? VP8X_FLAGS.alpha : 0)) & ~(VP8X_FLAGS.icc | VP8X_FLAGS.exif | VP8X_FLAGS.xmp)) |
    (iccKept ? VP8X_FLAGS.icc : 0) |
    (addExif ? VP8X_FLAGS.exif : 0);
  if (vp8x) {
    // RFC 9649 §2.7: the VP8X ICC, EXIF and XMP flags must match the chunks present (a stale EXIF flag makes some decoders look for a chunk that is gone).
    if (flags !== structure.vp8xFlags) edits.push({ offset: vp8x.offset + 8, length: 1, data: Uint8Array.of(flags) });
  } else if (addExif && inv.width !== undefined && inv.height !== undefined) {
    const chunk = new Uint8Array(18);
    chunk.set([0x56, 0x50, 0x38, 0x58, 10, 0, 0, 0, flags]); // "VP8X", size 10, flags
    const w = inv.width - 1;
    const h = inv.height - 1;
    chunk.set([w & 0xff, (w >> 8) & 0xff, (w >> 16) & 0xff, h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff], 12);
    edits.push({ offset: 12, length: 0, data: chunk });
  }
  if (addExif) {
    const tiff = orientationOnlyExif(orientation); // 26 bytes: even, no padding needed
    const chunk = new Uint8Array(8 + tiff.length);
    chunk.set([0x45, 0x58, 0x49, 0x46]); // EXIF
    putU32le(chunk, 4, tiff.length);
    chunk.set(tiff, 8);
    edits.push({
      offset: end,
      length: 0,
      data: chunk,
      inserted: {
        block: { kind: 'exif', label: 'EXIF (orientation only)', length: chunk.length, dataLength: tiff.length },
        headerLength: 8,
        reason: 'orientation',
      },
    });
  }
  // RFC 9649 §2.5: the RIFF size counts everything after its own 8-byte header; it is patched once the total is known.
  const riffSize = new Uint8Array(4);
  edits.push({ offset: 4, length: 4, data: riffSize });
  const plan = finish('webp', end, edits, removed, kept);
  if (plan.size % 2 === 1) {
    // A last chunk that lost its padding byte to truncation: restore it so every chunk stays even.
    plan.parts.push({ kind: 'bytes', data: Uint8Array.of(0) });
    plan.size += 1;
  }
  putU32le(riffSize, 0, plan.size - 8);
  return plan;
}

/** Turns sorted edits over [0, end) into parts, and fills in the clean-file offsets of inserted blocks. */
function finish(format: CleanPlan['format'], end: number, edits: Edit[], removed: MetadataBlock[], kept: CleanPlan['kept']): CleanPlan {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.offset - b.e.offset || a.e.length - b.e.length || a.i - b.i)
    .map((x) => x.e);
  const parts: CleanPart[] = [];
  let cursor = 0;
  let out = 0;
  const copy = (offset: number, length: number): void => {
    if (length <= 0) return;
    const last = parts[parts.length - 1];
    if (last?.kind === 'copy' && last.offset + last.length === offset) last.length += length;
    else parts.push({ kind: 'copy', offset, length });
    out += length;
  };
  for (const edit of sorted) {
    if (edit.offset > cursor) copy(cursor, Math.min(edit.offset, end) - cursor);
    if (edit.data) {
      if (edit.inserted) {
        const { block, headerLength, reason } = edit.inserted;
        kept.push({ block: { ...block, offset: out, dataOffset: out + headerLength }, reason });
      }
      parts.push({ kind: 'bytes', data: edit.data });
      out += edit.data.length;
    }
    cursor = Math.max(cursor, Math.min(edit.offset + edit.length, end));
  }
  if (end > cursor) copy(cursor, end - cursor);
  return { format, parts, size: out, removed, kept };
}
