/**
 * PNG walker (PNG 3rd edition §5, §11; Extensions 1.5 for eXIf).
 * Steps over IDAT by its declared length without reading it, reads the
 * metadata chunks (text, eXIf, iCCP, tIME, caBX…), checks their CRCs
 * (a bad CRC is a warning: the chunk is still metadata to show and remove),
 * and reports any bytes after IEND as a trailer: PNG §5.6 puts IEND last, but
 * phones append motion video and editors their own data there, which tools
 * that stop at IEND never show.
 */
import { Unzlib } from 'fflate';
import { ascii, checkAbort, crc32, indexOfNul, latin1Text, startsWith, TEXT_CAP, u32be, utf8Text } from './bytes';
import { FormatError, MAX_IMAGE_RUNS, type BlockKind, type ByteRange, type ByteSource, type Inventory, type MetadataBlock } from './types';

/** Chunks the image needs to display as before; the cleaner always keeps them and the walker does not list them. */
export const PNG_IMAGE_CHUNKS = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'sBIT',
  'pHYs',
  'bKGD',
  'cICP',
  'mDCV',
  'cLLI',
  'mDCv',
  'cLLi',
  'acTL',
  'fcTL',
  'fdAT',
]);
/** Metadata chunks larger than this are listed but not read (no CRC check, no text). */
const READ_CAP = 8 * 1024 * 1024;
/** More chunks than this in one file can only be crafted. */
const MAX_CHUNKS = 1_000_000;

/**
 * Walks a PNG; throws FormatError when the signature or IHDR is missing.
 * `imageData`: runs of whole IDAT/fdAT chunks to step over in one move (see WalkOptions.imageData).
 */
export async function walkPng(src: ByteSource, signal?: AbortSignal, imageData: readonly ByteRange[] = []): Promise<Inventory> {
  const size = src.size;
  const inv: Inventory = { format: 'png', size, blocks: [], warnings: [] };
  const known = new Map(imageData.filter((r) => r.length > 0 && r.offset >= 8 && r.offset + r.length <= size).map((r) => [r.offset, r.length]));
  const runs: ByteRange[] = [];
  /** Adds image-data bytes at `offset` to the current run, or starts a new one. */
  const addToRun = (offset: number, length: number): void => {
    const last = runs.at(-1);
    if (last && last.offset + last.length === offset) last.length += length;
    else runs.push({ offset, length });
  };
  const sig = await src.read(0, 8);
  if (!startsWith(sig, '\x89PNG\r\n\x1a\n')) throw new FormatError('not-an-image', 'No PNG signature.');
  let pos = 8;
  let sawData = false;
  let ended = false;
  for (let n = 0; pos < size; n++) {
    checkAbort(signal);
    if (n > MAX_CHUNKS) throw new FormatError('corrupt', 'Too many PNG chunks.');
    const skip = n > 0 ? known.get(pos) : undefined;
    if (skip !== undefined) {
      sawData = true;
      addToRun(pos, skip);
      pos += skip;
      continue;
    }
    const h = await src.read(pos, 8);
    if (h.length < 8) {
      inv.warnings.push('truncated');
      break;
    }
    const len = u32be(h, 0);
    const type = ascii(h, 4, 8);
    if (!/^[A-Za-z]{4}$/.test(type) || len > 0x7fffffff) {
      if (n === 0) throw new FormatError('corrupt', 'The first PNG chunk is malformed.');
      // Garbage where a chunk header should be: the image cannot go on from here.
      inv.warnings.push('png-bad-chunk');
      if (sawData) inv.imageEnd = pos;
      ended = sawData;
      break;
    }
    if (n === 0 && type !== 'IHDR') throw new FormatError('corrupt', 'The first PNG chunk is not IHDR.');
    const end = pos + 12 + len;
    const truncated = end > size;
    if (truncated) inv.warnings.push('truncated');
    if (type === 'IHDR') {
      const d = await src.read(pos + 8, 8);
      inv.width = u32be(d, 0);
      inv.height = u32be(d, 4);
    } else if (type === 'IDAT' || type === 'fdAT') {
      sawData = true;
      if (!truncated) addToRun(pos, end - pos);
    } else if (type === 'IEND') {
      if (sawData) inv.imageEnd = Math.min(end, size);
      ended = true;
      if (!truncated && end < size) {
        inv.blocks.push({ kind: 'trailer', label: 'after IEND', offset: end, length: size - end, dataOffset: end, dataLength: size - end });
      }
      break;
    } else if (!PNG_IMAGE_CHUNKS.has(type) && !isCriticalUnknown(type)) {
      const block = await describeChunk(src, type, pos, len, truncated, inv.warnings);
      inv.blocks.push(block);
      if (block.label === 'eXIf' && !inv.exif && block.dataLength >= 8) inv.exif = { offset: block.dataOffset, length: block.dataLength };
    }
    if (truncated) break;
    pos = end;
  }
  if (!ended && sawData) {
    inv.imageEnd = size;
    if (!inv.warnings.includes('truncated')) inv.warnings.push('truncated');
  }
  if (!sawData) inv.warnings.push('png-no-image-data');
  if (runs.length > 0 && runs.length <= MAX_IMAGE_RUNS) inv.imageRuns = runs;
  return inv;
}

/** An unknown critical chunk (upper-case first letter, e.g. Apple's CgBI) is image structure: never list or remove it. */
function isCriticalUnknown(type: string): boolean {
  const c = type.charCodeAt(0);
  return c >= 0x41 && c <= 0x5a;
}

/** Text keywords whose content is really another metadata kind (ImageMagick/exiftool "Raw profile type …", XMP in iTXt). */
function kindForKeyword(keyword: string): BlockKind {
  const k = keyword.toLowerCase();
  if (k === 'xml:com.adobe.xmp' || k === 'raw profile type xmp') return 'xmp';
  if (k === 'raw profile type exif' || k === 'raw profile type app1') return 'exif';
  if (k === 'raw profile type iptc' || k === 'raw profile type 8bim') return 'iptc';
  if (k === 'raw profile type icc' || k === 'raw profile type icm') return 'icc';
  return 'text';
}

async function describeChunk(src: ByteSource, type: string, pos: number, len: number, truncated: boolean, warnings: string[]): Promise<MetadataBlock> {
  const available = Math.max(0, Math.min(len, src.size - pos - 8));
  const block: MetadataBlock = {
    kind: 'unknown-chunk',
    label: type,
    offset: pos,
    length: Math.min(12 + len, src.size - pos),
    dataOffset: pos + 8,
    dataLength: available,
  };
  switch (type) {
    case 'eXIf':
      block.kind = 'exif';
      break;
    case 'iCCP':
      block.kind = 'icc';
      break;
    case 'tIME':
      block.kind = 'time';
      break;
    case 'caBX':
      block.kind = 'c2pa';
      break;
    case 'tEXt':
    case 'zTXt':
    case 'iTXt':
      block.kind = 'text';
      break;
  }
  const readable = len <= READ_CAP && !truncated;
  if (!readable) return block;
  const data = await src.read(pos + 8, len + 4);
  const crc = u32be(data, len);
  const typeBytes = Uint8Array.of(type.charCodeAt(0), type.charCodeAt(1), type.charCodeAt(2), type.charCodeAt(3));
  if (crc32(typeBytes, data.subarray(0, len)) !== crc && !warnings.includes('png-crc')) warnings.push('png-crc');
  const body = data.subarray(0, len);
  if (type === 'eXIf' && startsWith(body, 'Exif\0\0')) {
    // Some writers keep the JPEG APP1 prefix; the TIFF header follows it.
    block.dataOffset += 6;
    block.dataLength -= 6;
    warnings.push('png-exif-header');
  }
  if (block.kind === 'text') {
    const nul = indexOfNul(body, 0, Math.min(body.length, 80));
    if (nul < 1) {
      warnings.push('png-bad-text');
      return block;
    }
    const keyword = latin1Text(body.subarray(0, nul));
    block.keyword = keyword;
    block.kind = kindForKeyword(keyword);
    const text = decodeText(type, body, nul, warnings);
    if (text !== undefined) block.text = text;
  }
  return block;
}

/** Decodes the text of a tEXt, zTXt or iTXt chunk whose keyword ends at `nul`, inflating at most TEXT_CAP bytes. */
function decodeText(type: string, body: Uint8Array, nul: number, warnings: string[]): string | undefined {
  if (type === 'tEXt') return latin1Text(body.subarray(nul + 1));
  if (type === 'zTXt') {
    const inflated = inflateCapped(body.subarray(nul + 2), warnings);
    return inflated ? latin1Text(inflated) : undefined;
  }
  // iTXt: keyword\0 flag method language\0 translated\0 text
  const flag = body[nul + 1] ?? 0;
  const langEnd = indexOfNul(body, nul + 3);
  if (langEnd < 0) return undefined;
  const transEnd = indexOfNul(body, langEnd + 1);
  if (transEnd < 0) return undefined;
  const raw = body.subarray(transEnd + 1);
  if (flag === 0) return utf8Text(raw);
  const inflated = inflateCapped(raw, warnings);
  return inflated ? utf8Text(inflated) : undefined;
}

/** Compressed text is fed to the inflater in pieces of this size: each piece can give at most ~4.2 MB (deflate's ratio is about 1032:1). */
const INFLATE_PIECE = 4096;

/**
 * Inflates zlib data but stops after TEXT_CAP bytes of output: 1 KB of zTXt
 * can expand to 1 MB, so the input is fed in INFLATE_PIECE pieces and
 * decompression stops as soon as the cap is reached (a 16 MB zTXt bomb costs
 * one piece). Each push costs fflate a fresh output buffer of ~160 KB, so the
 * pieces are not smaller: in 128-byte pieces, the 1.7 KB zTXt of a small
 * corpus PNG took 23–35 ms to walk in a Chromium worker, 2–10 ms in 4 KiB ones.
 */
function inflateCapped(data: Uint8Array, warnings: string[]): Uint8Array | undefined {
  const out: Uint8Array[] = [];
  let total = 0;
  // Set from the Unzlib callback: the cast keeps TypeScript from narrowing it to `false` for good.
  let done = false as boolean;
  const z = new Unzlib((chunk) => {
    if (done) return;
    out.push(chunk);
    total += chunk.length;
    if (total >= TEXT_CAP) done = true;
  });
  try {
    for (let i = 0; i < data.length && !done; i += INFLATE_PIECE) z.push(data.subarray(i, i + INFLATE_PIECE), i + INFLATE_PIECE >= data.length);
  } catch {
    warnings.push('png-bad-compressed-text');
    if (total === 0) return undefined;
  }
  const result = new Uint8Array(Math.min(total, TEXT_CAP));
  let o = 0;
  for (const c of out) {
    if (o >= result.length) break;
    const take = c.subarray(0, result.length - o);
    result.set(take, o);
    o += take.length;
  }
  return result;
}
