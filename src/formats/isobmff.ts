/**
 * HEIF/AVIF walker (ISO/IEC 14496-12 boxes, ISO/IEC 23008-12 items).
 * Reads the top-level boxes, then the `meta` box: item infos (infe v0–v3),
 * locations (iloc v0–v2, construction methods 0 and 1 with idat), references
 * (thmb, cdsc) and properties (ispe for the size, colr for the ICC profile).
 * Reports the Exif item (its payload starts with a 4-byte offset to the TIFF
 * header), XMP (mime application/rdf+xml), thumbnails, C2PA boxes. Media data
 * is never read. Cleaning ISOBMFF is out of scope.
 */
import { ascii, checkAbort, indexOfNul, u16be, u32be, uintBe, utf8Text } from './bytes';
import { FormatError, type ByteSource, type ImageFormat, type Inventory, type MetadataBlock } from './types';

/** A meta box is a few KB (tens of KB for grids); more than 16 MiB is not a photo we can help with. */
const META_CAP = 16 * 1024 * 1024;
const MAX_BOXES = 100_000;
const MAX_ITEMS = 100_000;
/** UUIDs of boxes that carry metadata at the top level. */
const C2PA_UUID = 'd8fec3d61b0e483c92975828877ec481';
const XMP_UUID = 'be7acfcb97a942e89c71999491e3afac';

interface Box {
  type: string;
  /** Header position (relative to the buffer it was found in, or absolute at top level). */
  start: number;
  dataStart: number;
  end: number;
}

/** Iterates the boxes of `b[start, end)`; stops at the first malformed header. */
function* boxes(b: Uint8Array, start: number, end: number, warnings: string[]): Generator<Box> {
  let pos = start;
  for (let n = 0; pos + 8 <= end && n < MAX_BOXES; n++) {
    let size = u32be(b, pos);
    const type = ascii(b, pos + 4, pos + 8);
    let header = 8;
    if (size === 1) {
      size = uintBe(b, pos + 8, 8);
      header = 16;
    } else if (size === 0) size = end - pos;
    if (size < header || pos + size > end) {
      warnings.push('heif-bad-box');
      return;
    }
    yield { type, start: pos, dataStart: pos + header, end: pos + size };
    pos += size;
  }
}

interface Item {
  id: number;
  type: string;
  contentType?: string;
  extents: Array<{ offset: number; length: number }>;
}

/** Walks a HEIC or AVIF file. */
export async function walkIsobmff(src: ByteSource, format: ImageFormat, signal?: AbortSignal): Promise<Inventory> {
  const size = src.size;
  const inv: Inventory = { format, size, blocks: [], warnings: [] };
  let pos = 0;
  let meta: { start: number; bytes: Uint8Array } | undefined;
  for (let n = 0; pos + 8 <= size; n++) {
    checkAbort(signal);
    if (n > MAX_BOXES) throw new FormatError('corrupt', 'Too many boxes.');
    const h = await src.read(pos, 32);
    let boxSize = u32be(h, 0);
    const type = ascii(h, 4, 8);
    let header = 8;
    if (boxSize === 1) {
      boxSize = uintBe(h, 8, 8);
      header = 16;
    } else if (boxSize === 0) boxSize = size - pos;
    if (!/^[\x20-\x7e]{4}$/.test(type) || boxSize < header) {
      if (n === 0) throw new FormatError('corrupt', 'Malformed first box.');
      inv.warnings.push('heif-bad-box');
      break;
    }
    const end = pos + boxSize;
    if (end > size) inv.warnings.push('truncated');
    const clampedEnd = Math.min(end, size);
    if (type === 'meta' && !meta) {
      if (boxSize > META_CAP) throw new FormatError('too-large', 'The meta box is too large.');
      meta = { start: pos, bytes: await src.read(pos, clampedEnd - pos) };
    } else if (type === 'jumb' || (type === 'uuid' && hex(h.subarray(header, header + 16)) === C2PA_UUID)) {
      inv.blocks.push(block('c2pa', type === 'jumb' ? 'jumb' : 'uuid C2PA', pos, clampedEnd, pos + header));
    } else if (type === 'uuid' && hex(h.subarray(header, header + 16)) === XMP_UUID) {
      inv.blocks.push(block('xmp', 'uuid XMP', pos, clampedEnd, pos + header + 16));
    }
    pos = clampedEnd;
  }
  inv.imageEnd = pos;
  if (!meta) {
    inv.warnings.push('heif-no-meta');
    return inv;
  }
  await readMeta(src, meta.start, meta.bytes, inv);
  inv.blocks.sort((a, b) => a.offset - b.offset);
  return inv;
}

function block(kind: MetadataBlock['kind'], label: string, offset: number, end: number, dataOffset: number): MetadataBlock {
  return { kind, label, offset, length: end - offset, dataOffset, dataLength: Math.max(0, end - dataOffset) };
}

function hex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

async function readMeta(src: ByteSource, metaAt: number, m: Uint8Array, inv: Inventory): Promise<void> {
  const w = inv.warnings;
  // meta is a FullBox in HEIF; QuickTime-style files omit version/flags (then 'hdlr' follows at once).
  const childrenAt = ascii(m, 12, 16) === 'hdlr' ? 8 : 12;
  const items = new Map<number, Item>();
  const thumbnails = new Set<number>();
  let primary: number | undefined;
  let idatAt: number | undefined;
  let ipco: Box | undefined;
  const associations = new Map<number, number[]>();
  for (const box of boxes(m, childrenAt, m.length, w)) {
    switch (box.type) {
      case 'pitm':
        primary = m[box.dataStart] === 0 ? u16be(m, box.dataStart + 4) : u32be(m, box.dataStart + 4);
        break;
      case 'iinf':
        readIinf(m, box, items, w);
        break;
      case 'iloc':
        readIloc(m, box, items, w);
        break;
      case 'iref':
        readIref(m, box, thumbnails, w);
        break;
      case 'idat':
        idatAt = metaAt + box.dataStart;
        break;
      case 'iprp':
        for (const child of boxes(m, box.dataStart, box.end, w)) {
          if (child.type === 'ipco') ipco = child;
          else if (child.type === 'ipma') readIpma(m, child, associations);
        }
        break;
    }
  }
  const properties = ipco ? [...boxes(m, ipco.dataStart, ipco.end, w)] : [];
  for (const prop of properties) {
    if (prop.type === 'colr') {
      const colourType = ascii(m, prop.dataStart, prop.dataStart + 4);
      if (colourType === 'prof' || colourType === 'rICC')
        inv.blocks.push(block('icc', `colr ${colourType}`, metaAt + prop.start, metaAt + prop.end, metaAt + prop.dataStart + 4));
    }
  }
  if (primary !== undefined) {
    for (const index of associations.get(primary) ?? []) {
      const prop = properties[index - 1];
      if (prop?.type === 'ispe') {
        inv.width = u32be(m, prop.dataStart + 4);
        inv.height = u32be(m, prop.dataStart + 8);
      }
    }
  }
  for (const item of items.values()) {
    const isXmp = item.type === 'mime' && item.contentType?.toLowerCase().startsWith('application/rdf+xml') === true;
    const isThumb = thumbnails.has(item.id);
    if (item.type !== 'Exif' && !isXmp && !isThumb) continue;
    const first = item.extents[0];
    if (!first) {
      w.push('heif-item-without-location');
      continue;
    }
    let offset = first.offset;
    if (offset < 0) {
      // construction method 1: the extent is inside idat
      if (idatAt === undefined) {
        w.push('heif-missing-idat');
        continue;
      }
      offset = idatAt + (-offset - 1);
    }
    const length = item.extents.length === 1 ? first.length : item.extents.reduce((s, e) => s + e.length, 0);
    if (item.extents.length > 1) w.push('heif-multi-extent-item');
    if (offset + first.length > inv.size) {
      w.push('truncated');
      continue;
    }
    if (item.type === 'Exif') {
      // ISO/IEC 23008-12 A.2.1: exif_tiff_header_offset (u32), then the TIFF header.
      const head = await src.read(offset, 4);
      const skip = 4 + u32be(head, 0);
      const b = block('exif', 'iinf item Exif', offset, offset + length, offset + skip);
      if (skip > first.length) {
        w.push('exif-bad-offset');
        b.dataOffset = offset + Math.min(skip, length);
        b.dataLength = 0;
      } else b.dataLength = first.length - skip;
      inv.blocks.push(b);
      if (!inv.exif && b.dataLength >= 8) inv.exif = { offset: b.dataOffset, length: b.dataLength };
    } else if (isXmp) {
      const b = block('xmp', 'iinf item mime XMP', offset, offset + length, offset);
      b.text = utf8Text(await src.read(offset, Math.min(first.length, 64 * 1024)));
      inv.blocks.push(b);
    } else {
      inv.blocks.push(block('thumbnail', `iinf item ${item.type} (thmb)`, offset, offset + length, offset));
    }
  }
}

function readIinf(m: Uint8Array, box: Box, items: Map<number, Item>, w: string[]): void {
  const version = m[box.dataStart] ?? 0;
  const first = box.dataStart + 4 + (version === 0 ? 2 : 4);
  for (const infe of boxes(m, first, box.end, w)) {
    if (infe.type !== 'infe' || items.size >= MAX_ITEMS) continue;
    const v = m[infe.dataStart] ?? 0;
    let p = infe.dataStart + 4;
    let id: number;
    let type = 'mime';
    if (v >= 2) {
      id = v === 2 ? u16be(m, p) : u32be(m, p);
      p += v === 2 ? 2 : 4;
      p += 2; // item_protection_index
      type = ascii(m, p, p + 4);
      p += 4;
    } else {
      id = u16be(m, p);
      p += 4;
    }
    const nameEnd = indexOfNul(m, p, infe.end);
    const item: Item = items.get(id) ?? { id, type, extents: [] };
    item.type = type;
    if (type === 'mime' && nameEnd >= 0) {
      const ctEnd = indexOfNul(m, nameEnd + 1, infe.end);
      item.contentType = ascii(m, nameEnd + 1, ctEnd >= 0 ? ctEnd : infe.end);
    }
    items.set(id, item);
  }
}

function readIloc(m: Uint8Array, box: Box, items: Map<number, Item>, w: string[]): void {
  const version = m[box.dataStart] ?? 0;
  if (version > 2) {
    w.push('heif-iloc-version');
    return;
  }
  let p = box.dataStart + 4;
  const offsetSize = (m[p] ?? 0) >> 4;
  const lengthSize = (m[p] ?? 0) & 15;
  const baseSize = (m[p + 1] ?? 0) >> 4;
  const indexSize = version > 0 ? (m[p + 1] ?? 0) & 15 : 0;
  p += 2;
  const valid = (s: number): boolean => s === 0 || s === 4 || s === 8;
  if (!valid(offsetSize) || !valid(lengthSize) || !valid(baseSize) || !valid(indexSize)) {
    w.push('heif-iloc-field-size');
    return;
  }
  const count = version < 2 ? u16be(m, p) : u32be(m, p);
  p += version < 2 ? 2 : 4;
  for (let i = 0; i < count && i < MAX_ITEMS; i++) {
    if (p >= box.end) {
      w.push('heif-iloc-truncated');
      return;
    }
    const id = version < 2 ? u16be(m, p) : u32be(m, p);
    p += version < 2 ? 2 : 4;
    const method = version > 0 ? u16be(m, p) & 15 : 0;
    if (version > 0) p += 2;
    p += 2; // data_reference_index
    const base = uintBe(m, p, baseSize);
    p += baseSize;
    const extentCount = u16be(m, p);
    p += 2;
    const extents: Item['extents'] = [];
    for (let e = 0; e < extentCount; e++) {
      if (p + indexSize + offsetSize + lengthSize > box.end) {
        w.push('heif-iloc-truncated');
        return;
      }
      p += indexSize;
      const off = uintBe(m, p, offsetSize);
      p += offsetSize;
      const len = uintBe(m, p, lengthSize);
      p += lengthSize;
      // Method 1 offsets are relative to idat; encode them as negative numbers until idat is known.
      if (method === 0) extents.push({ offset: base + off, length: len });
      else if (method === 1) extents.push({ offset: -(base + off) - 1, length: len });
    }
    if (method === 2) w.push('heif-iloc-item-reference');
    const item = items.get(id) ?? { id, type: '', extents: [] };
    item.extents = extents;
    items.set(id, item);
  }
}

function readIref(m: Uint8Array, box: Box, thumbnails: Set<number>, w: string[]): void {
  const version = m[box.dataStart] ?? 0;
  const idSize = version === 0 ? 2 : 4;
  for (const ref of boxes(m, box.dataStart + 4, box.end, w)) {
    if (ref.type !== 'thmb') continue;
    const from = idSize === 2 ? u16be(m, ref.dataStart) : u32be(m, ref.dataStart);
    thumbnails.add(from);
  }
}

function readIpma(m: Uint8Array, box: Box, out: Map<number, number[]>): void {
  const version = m[box.dataStart] ?? 0;
  const flags = (m[box.dataStart + 3] ?? 0) & 1;
  let p = box.dataStart + 4;
  const count = u32be(m, p);
  p += 4;
  for (let i = 0; i < count && i < MAX_ITEMS && p < box.end; i++) {
    const id = version < 1 ? u16be(m, p) : u32be(m, p);
    p += version < 1 ? 2 : 4;
    const n = m[p] ?? 0;
    p += 1;
    const list: number[] = [];
    for (let a = 0; a < n && p < box.end; a++) {
      list.push(flags ? u16be(m, p) & 0x7fff : (m[p] ?? 0) & 0x7f);
      p += flags ? 2 : 1;
    }
    out.set(id, list);
  }
}
