/**
 * WebP walker (RIFF container, libwebp doc/webp-container-spec.txt, RFC 9649).
 * Lists the RIFF chunks, reads the VP8X flags and canvas (or the VP8/VP8L frame
 * size for simple files), and reports EXIF, XMP, ICCP and unknown chunks as
 * blocks; bytes after the RIFF size are a trailer.
 */
import { ascii, checkAbort, startsWith, u16le, u24le, u32le, utf8Text } from './bytes';
import { FormatError, type BlockKind, type ByteSource, type Inventory, type MetadataBlock } from './types';

/** VP8X flag bits (container spec, "Extended File Format"). */
export const VP8X_FLAGS = { icc: 0x20, alpha: 0x10, exif: 0x08, xmp: 0x04, animation: 0x02 } as const;
/** Chunks that hold the picture itself; the cleaner always keeps them and the walker does not list them. */
export const WEBP_IMAGE_CHUNKS = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF']);
const MAX_CHUNKS = 100_000;

/** One RIFF chunk: `offset` is its header, `end` is after its padding (clamped to the data present). */
export interface RiffChunk {
  fourcc: string;
  offset: number;
  /** Declared payload size (odd sizes are followed by one padding byte). */
  size: number;
  end: number;
}

/** The chunk list the cleaner needs besides the Inventory. */
export interface WebpStructure {
  chunks: RiffChunk[];
  /** End of the RIFF data as declared (clamped to the file size). */
  riffEnd: number;
  /** VP8X flags byte, when there is a VP8X chunk. */
  vp8xFlags?: number;
  /** VP8L alpha_is_used bit (needed to synthesise a VP8X for a simple lossless file). */
  losslessAlpha: boolean;
}

/** Walks a WebP file; see walkWebpStructure for the raw chunk list. */
export async function walkWebp(src: ByteSource, signal?: AbortSignal): Promise<Inventory> {
  return (await walkWebpStructure(src, signal)).inventory;
}

/** Walks a WebP file and returns both the Inventory and its chunk list. */
export async function walkWebpStructure(src: ByteSource, signal?: AbortSignal): Promise<{ inventory: Inventory; structure: WebpStructure }> {
  const size = src.size;
  const inv: Inventory = { format: 'webp', size, blocks: [], warnings: [] };
  const head = await src.read(0, 12);
  if (!startsWith(head, 'RIFF') || !startsWith(head, 'WEBP', 8)) throw new FormatError('not-an-image', 'No RIFF/WEBP header.');
  let riffEnd = 8 + u32le(head, 4);
  if (riffEnd > size) {
    inv.warnings.push('truncated');
    riffEnd = size;
  }
  const structure: WebpStructure = { chunks: [], riffEnd, losslessAlpha: false };
  let pos = 12;
  let sawImage = false;
  for (let n = 0; pos + 8 <= riffEnd; n++) {
    checkAbort(signal);
    if (n > MAX_CHUNKS) throw new FormatError('corrupt', 'Too many RIFF chunks.');
    const h = await src.read(pos, 8);
    const fourcc = ascii(h, 0, 4);
    const len = u32le(h, 4);
    // eslint-disable-next-line no-control-regex -- the range bounds a FourCC's bytes, its last one may be a control byte
    if (!/^[\x20-\x7e]{3}[\x00-\x7e]$/.test(fourcc)) {
      if (n === 0) throw new FormatError('corrupt', 'The first WebP chunk is malformed.');
      inv.warnings.push('webp-bad-chunk');
      break;
    }
    const declaredEnd = pos + 8 + len + (len & 1);
    const truncated = pos + 8 + len > riffEnd;
    if (truncated && !inv.warnings.includes('truncated')) inv.warnings.push('truncated');
    const end = Math.min(declaredEnd, riffEnd);
    structure.chunks.push({ fourcc, offset: pos, size: len, end });
    if (fourcc === 'VP8X') {
      const d = await src.read(pos + 8, 10);
      structure.vp8xFlags = d[0] ?? 0;
      inv.width = u24le(d, 4) + 1;
      inv.height = u24le(d, 7) + 1;
    } else if (fourcc === 'VP8 ' || fourcc === 'VP8L' || fourcc === 'ANMF') {
      sawImage = true;
      if (inv.width === undefined && fourcc !== 'ANMF') await readFrameSize(src, fourcc, pos + 8, inv, structure);
    } else if (!WEBP_IMAGE_CHUNKS.has(fourcc)) {
      const block = await describeChunk(src, fourcc, pos, len, end, inv.warnings);
      inv.blocks.push(block);
      if (block.kind === 'exif' && !inv.exif && block.dataLength >= 8) inv.exif = { offset: block.dataOffset, length: block.dataLength };
    }
    if (truncated) break;
    pos = declaredEnd;
  }
  if (sawImage) inv.imageEnd = riffEnd;
  else inv.warnings.push('webp-no-image-data');
  if (riffEnd < size && !inv.warnings.includes('truncated')) {
    inv.blocks.push({ kind: 'trailer', label: 'after RIFF', offset: riffEnd, length: size - riffEnd, dataOffset: riffEnd, dataLength: size - riffEnd });
  }
  return { inventory: inv, structure };
}

/** Frame size of a simple file: VP8 key frame header (RFC 6386 §9.1) or VP8L header (lossless spec §3). */
async function readFrameSize(src: ByteSource, fourcc: string, at: number, inv: Inventory, structure: WebpStructure): Promise<void> {
  const d = await src.read(at, 10);
  if (fourcc === 'VP8 ' && d[3] === 0x9d && d[4] === 0x01 && d[5] === 0x2a) {
    inv.width = u16le(d, 6) & 0x3fff;
    inv.height = u16le(d, 8) & 0x3fff;
  } else if (fourcc === 'VP8L' && d[0] === 0x2f) {
    const bits = u32le(d, 1);
    inv.width = (bits & 0x3fff) + 1;
    inv.height = ((bits >>> 14) & 0x3fff) + 1;
    structure.losslessAlpha = ((bits >>> 28) & 1) === 1;
  }
}

async function describeChunk(src: ByteSource, fourcc: string, pos: number, len: number, end: number, warnings: string[]): Promise<MetadataBlock> {
  // 'XMP\0' is a misspelling written by some phones (mei__Issue_473_Java.webp); it still holds an XMP packet.
  const kinds: Record<string, BlockKind> = { EXIF: 'exif', 'XMP ': 'xmp', 'XMP\0': 'xmp', ICCP: 'icc', C2PA: 'c2pa' };
  const available = Math.max(0, Math.min(len, end - pos - 8));
  const block: MetadataBlock = {
    kind: kinds[fourcc] ?? 'unknown-chunk',
    label: fourcc,
    offset: pos,
    length: end - pos,
    dataOffset: pos + 8,
    dataLength: available,
  };
  if (block.kind === 'exif') {
    const sig = await src.read(pos + 8, 6);
    if (startsWith(sig, 'Exif\0\0')) {
      // Not allowed by the container spec but written by some phones (mei__Issue_473_Java.webp).
      block.dataOffset += 6;
      block.dataLength = Math.max(0, block.dataLength - 6);
      warnings.push('webp-exif-header');
    }
  } else if (block.kind === 'xmp') {
    block.text = utf8Text(await src.read(block.dataOffset, block.dataLength));
  }
  return block;
}
