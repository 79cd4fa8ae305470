/**
 * Our typed adapter over exifr 7 (last released 2021). exifr's output is
 * `any`; everything it returns is parsed with zod here before use, and the
 * gaps measured on the fixture corpus (each workaround below names its file) are
 * closed by feeding exifr slices the container walker found:
 * - WebP: exifr has no WebP reader → we pass it the EXIF TIFF slice itself.
 * - PNG text chunks (AI prompts) → taken from the walker's inventory.
 * - An empty GPS block yields NaN coordinates → no location, flagged as damage.
 * - One bad IFD0 entry hides the whole IFD0 (Sony DSC-HX5V) → retry without
 *   IFD0, and read Make/Model/Orientation with our tolerant TIFF reader.
 * - exifr.thumbnail() returns the whole file for Kodak ProBack/empty_gps →
 *   we never call it; the thumbnail is IFD1's JPEGInterchangeFormat range,
 *   checked to lie inside the EXIF block and to start with a JPEG SOI.
 * Pure (no DOM): runs in the worker and in Node tests.
 */
import { z } from 'zod';
import * as exifr from 'exifr/dist/full.esm.mjs';
import { isSof } from '../../formats/jpeg';
import type { ByteSource, Inventory, MetadataBlock } from '../../formats/types';
import { groupName, PICKS, tagLabel, textLabel, type PickName } from './labels';
import { checkTiff, withoutOutsideEntries } from './tiff';
import { capReading, listText } from './limits';
import { MAX_TEXT, type DamageCode, type HistoryStep, type Labelled, type Reading, type TagRow } from './protocol';

/** exifr's per-block output: a record of tag name → value of unknown shape. */
const blockSchema = z.record(z.string(), z.unknown());
const exifOutputSchema = z.object({
  ifd0: blockSchema.optional(),
  exif: blockSchema.optional(),
  gps: blockSchema.optional(),
  ifd1: blockSchema.optional(),
  interop: blockSchema.optional(),
  errors: z.array(z.unknown()).optional(),
});
type ExifOutput = z.infer<typeof exifOutputSchema>;
type Block = Record<string, unknown>;

/** The EXIF TIFF structure is at most this big in practice (JPEG APP1 ≤ 64 KiB; HEIC items a few hundred KiB). */
const MAX_EXIF_BYTES = 8 * 1024 * 1024;
/** XMP / IPTC / ICC slices we parse are capped too: a hostile file cannot make us read more. */
const MAX_SIDECAR_BYTES = 4 * 1024 * 1024;

const BASE_OPTIONS = {
  makerNote: false,
  userComment: true,
  xmp: false,
  iptc: false,
  icc: false,
  jfif: false,
  ihdr: false,
  mergeOutput: false,
  // Raw values: dates stay as written ("2025:04:05 14:32:10"), not turned into Dates in the wrong zone.
  reviveValues: false,
  translateValues: false,
  translateKeys: true,
  sanitize: true,
  silentErrors: true,
  chunked: false,
} as const;

/** Runs exifr on a TIFF slice; returns validated blocks (empty on failure). */
async function parseTiff(data: Uint8Array, blocks: { ifd0: boolean; exif: boolean; gps: boolean; ifd1: boolean; interop: boolean }): Promise<ExifOutput> {
  try {
    const raw: unknown = await exifr.parse(data, { ...BASE_OPTIONS, ...blocks });
    const parsed = exifOutputSchema.safeParse(raw ?? {});
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Runs one exifr segment parser (xmp, iptc, icc) on a slice. */
async function parseSidecar(bytes: Uint8Array, type: 'xmp' | 'iptc' | 'icc'): Promise<Block | undefined> {
  try {
    // Never pass a string: exifr treats strings as URLs and would fetch them.
    const raw: unknown = await exifr.sidecar(bytes, { ...BASE_OPTIONS, [type]: true }, type);
    const parsed = blockSchema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A value as short display text (binary shown as its size, nested values flattened). */
export function displayValue(value: unknown, depth = 0): string {
  let out: string;
  if (value === null || value === undefined) out = '';
  else if (typeof value === 'string') out = value;
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') out = String(value);
  else if (value instanceof Uint8Array) out = `(${value.length} bytes)`;
  else if (Array.isArray(value)) out = depth > 3 ? '…' : value.map((v) => displayValue(v, depth + 1)).join(', ');
  else if (typeof value === 'object') {
    if (depth > 3) out = '…';
    else {
      const entries = Object.entries(value).filter(([k]) => k !== 'parseType');
      const lang = entries.find(([k]) => k === 'value');
      out = lang && entries.length <= 2 ? displayValue(lang[1], depth + 1) : entries.map(([k, v]) => `${k}: ${displayValue(v, depth + 1)}`).join('; ');
    }
  } else out = '';
  return out.length > MAX_TEXT ? `${out.slice(0, MAX_TEXT - 1)}…` : out;
}

/** A text value from a block (strings, numbers, lang-alt objects, arrays of strings), trimmed; undefined if empty. */
function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null || value instanceof Uint8Array) return undefined;
  const text = displayValue(value).replace(/\0+$/, '').trim();
  return text === '' ? undefined : text;
}

/** Converts EXIF degrees/minutes/seconds + ref to signed decimal degrees; undefined when not finite. */
export function toDecimal(dms: unknown, ref: unknown): number | undefined {
  const parts = z.array(z.number()).min(1).max(3).safeParse(dms);
  let value: number;
  if (parts.success) {
    const [d = 0, m = 0, s = 0] = parts.data;
    value = d + m / 60 + s / 3600;
  } else if (typeof dms === 'number') value = dms;
  else return undefined;
  if (!Number.isFinite(value)) return undefined;
  const r = typeof ref === 'string' ? ref.trim().toUpperCase() : '';
  return r === 'S' || r === 'W' ? -Math.abs(value) : value;
}

/** Reads a GPS block into a location; NaN or missing coordinates → undefined (exifr gives NaN for empty GPS). */
export function gpsFromBlock(gps: Block | undefined): Reading['gps'] {
  if (!gps) return undefined;
  const lat = toDecimal(gps['GPSLatitude'], gps['GPSLatitudeRef']);
  const lon = toDecimal(gps['GPSLongitude'], gps['GPSLongitudeRef']);
  if (lat === undefined || lon === undefined || Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  const out: NonNullable<Reading['gps']> = { lat, lon };
  const alt = gps['GPSAltitude'];
  if (typeof alt === 'number' && Number.isFinite(alt)) {
    const ref = gps['GPSAltitudeRef'];
    const below = ref === 1 || (ref instanceof Uint8Array && ref[0] === 1);
    out.altitude = below ? -alt : alt;
  }
  const dir = gps['GPSImgDirection'];
  if (typeof dir === 'number' && Number.isFinite(dir)) out.direction = dir;
  return out;
}

/** True when a GPS block exists but holds no usable coordinates (e.g. immich__empty_gps.jpg). */
function gpsIsEmpty(gps: Block | undefined): boolean {
  return gps !== undefined && ('GPSLatitude' in gps || 'GPSLongitude' in gps) && gpsFromBlock(gps) === undefined;
}

/** XMP history steps (xmpMM:History) in order. */
function historyOf(xmp: Block | undefined): HistoryStep[] {
  const mm = blockSchema.safeParse(xmp?.['xmpMM']);
  if (!mm.success) return [];
  const raw = mm.data['History'];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const steps: HistoryStep[] = [];
  for (const item of list.slice(0, 100)) {
    const step = blockSchema.safeParse(item);
    if (!step.success) continue;
    const s: HistoryStep = {};
    const action = textOf(step.data['action']);
    const when = textOf(step.data['when']);
    const agent = textOf(step.data['softwareAgent']);
    const changed = textOf(step.data['changed']);
    if (action) s.action = action;
    if (when) s.when = when;
    if (agent) s.agent = agent;
    if (changed) s.changed = changed;
    steps.push(s);
  }
  return steps;
}

type Sources = Record<string, Block | undefined>;

/** The values of one card's tags (PICKS), each with its label and where it was found; a tag repeated with the same value is shown once. */
function pick(sources: Sources, spec: Readonly<Record<string, readonly PickName[]>>): Labelled[] {
  const out: Labelled[] = [];
  const seen = new Set<string>();
  for (const [where, names] of Object.entries(spec)) {
    const block = sources[where];
    if (!block) continue;
    for (const name of names) {
      const raw = block[name];
      // A list (keywords, subjects) keeps whole items and says how many did not fit.
      const items = Array.isArray(raw) ? raw.map((v) => textOf(v)).filter((v): v is string => v !== undefined) : undefined;
      const list = items && items.length > 1 ? listText(items) : undefined;
      const value = list ? list.text : textOf(raw);
      if (!value || seen.has(`${name}=${value}`)) continue;
      seen.add(`${name}=${value}`);
      const found: Labelled = { label: tagLabel(name), group: groupName(where), name, value };
      if (list && list.more > 0) found.more = list.more;
      out.push(found);
    }
  }
  return out;
}

/** Flattens blocks into table rows (XMP namespaces become `XMP-ns`); the input is bounded by the slice caps, and capReading cuts the list. */
function tableRows(groups: Array<[string, Block | undefined]>, xmp: Block | undefined): TagRow[] {
  const rows: TagRow[] = [];
  const push = (group: string, name: string, value: unknown): void => {
    rows.push({ group, name: name.slice(0, MAX_TEXT), value: displayValue(value) });
  };
  for (const [group, block] of groups) {
    if (!block) continue;
    for (const [name, value] of Object.entries(block)) push(group, name, value);
  }
  if (xmp) {
    for (const [ns, inner] of Object.entries(xmp)) {
      if (ns === 'xmlns') continue;
      const parsed = blockSchema.safeParse(inner);
      if (parsed.success && !Array.isArray(inner)) for (const [name, value] of Object.entries(parsed.data)) push(`XMP-${ns}`.slice(0, 40), name, value);
      else push('XMP', ns, inner);
    }
  }
  return rows;
}

async function readSlice(source: ByteSource, offset: number, length: number, cap: number): Promise<Uint8Array | undefined> {
  if (length <= 0 || length > cap || offset < 0 || offset + length > source.size) return undefined;
  const bytes = await source.read(offset, length);
  return bytes.length === length ? bytes : undefined;
}

/** Pixel size of a small JPEG from its SOFn marker (thumbnails are baseline JPEGs of a few KiB). */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    const len = ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0);
    if (isSof(marker)) {
      const height = ((bytes[i + 5] ?? 0) << 8) | (bytes[i + 6] ?? 0);
      const width = ((bytes[i + 7] ?? 0) << 8) | (bytes[i + 8] ?? 0);
      return width > 0 && height > 0 ? { width, height } : undefined;
    }
    if (len < 2) return undefined;
    i += 2 + len;
  }
  return undefined;
}

const decoder = new TextDecoder('utf-8');

/**
 * Walker warnings that describe an oddity, not damage: the data is read in full.
 * ('webp-exif-header': an EXIF chunk starting "Exif\0\0", as in mei__Issue_473_Java.webp.)
 */
const NOT_DAMAGE = new Set(['webp-exif-header']);

/** Everything we can learn from one file, given the walker's inventory of it. */
export async function readPhoto(source: ByteSource, inventory: Inventory): Promise<Reading> {
  const damage = new Set<DamageCode>();
  for (const w of inventory.warnings) {
    if (NOT_DAMAGE.has(w)) continue;
    damage.add(w.includes('trunc') ? 'file-truncated' : 'container-damaged');
  }

  // EXIF: exifr on the TIFF slice (all formats, WebP included).
  let exif: ExifOutput = {};
  let tiffBytes: Uint8Array | undefined;
  let fallback: ReturnType<typeof checkTiff>['ifd0'] = {};
  if (inventory.exif) {
    tiffBytes = await readSlice(source, inventory.exif.offset, inventory.exif.length, MAX_EXIF_BYTES);
    if (tiffBytes) {
      const check = checkTiff(tiffBytes);
      fallback = check.ifd0;
      for (const w of check.warnings) if (w !== 'exif-bad-entry') damage.add(w);
      // exifr gets a copy without the counts that point past the block (see withoutOutsideEntries).
      tiffBytes = withoutOutsideEntries(tiffBytes, check);
      exif = await parseTiff(tiffBytes, { ifd0: true, exif: true, gps: true, ifd1: true, interop: true });
      if (!exif.ifd0 && !exif.exif && !exif.gps) {
        // One bad IFD0 entry hides everything (exifr gives up on the IFD): retry without IFD0,
        // which exifr then only scans for the EXIF/GPS pointers. Passing `tiff: true` would
        // re-enable IFD0, so the option sets name each block instead.
        const rest = await parseTiff(tiffBytes, { ifd0: false, exif: true, gps: true, ifd1: false, interop: false });
        const thumb = await parseTiff(tiffBytes, { ifd0: false, exif: false, gps: false, ifd1: true, interop: false });
        exif = { ...rest, ...(thumb.ifd1 ? { ifd1: thumb.ifd1 } : {}) };
        if (!exif.exif && !exif.gps && Object.keys(fallback).length === 0) damage.add('exif-unreadable');
      }
    } else damage.add('exif-unreadable');
  }

  // XMP, IPTC, ICC: each block's payload through exifr's segment parsers.
  let xmp: Block | undefined;
  let iptc: Block | undefined;
  let icc: Block | undefined;
  const prompts: Labelled[] = [];
  const comments: Labelled[] = [];
  for (const block of inventory.blocks) {
    if (block.kind === 'xmp' && !xmp) {
      const bytes =
        block.text !== undefined ? new TextEncoder().encode(block.text) : await readSlice(source, block.dataOffset, block.dataLength, MAX_SIDECAR_BYTES);
      if (bytes) xmp = await parseSidecar(bytes, 'xmp');
    } else if (block.kind === 'iptc' && !iptc) {
      const bytes = await readSlice(source, block.dataOffset, block.dataLength, MAX_SIDECAR_BYTES);
      if (bytes) iptc = await parseSidecar(bytes, 'iptc');
    } else if (block.kind === 'icc' && !icc && inventory.blocks.filter((b) => b.kind === 'icc').length === 1) {
      const bytes = await readSlice(source, block.dataOffset, block.dataLength, MAX_SIDECAR_BYTES);
      if (bytes) icc = await parseSidecar(bytes, 'icc');
    } else if (block.kind === 'text' && block.text !== undefined) {
      const name = (block.keyword ?? block.label).slice(0, MAX_TEXT);
      prompts.push({ label: textLabel(name), group: 'Text', name, value: displayValue(block.text) });
    } else if (block.kind === 'comment') {
      const text = block.text ?? decoder.decode((await readSlice(source, block.dataOffset, block.dataLength, 65_536)) ?? new Uint8Array());
      const value = textOf(text);
      if (value) comments.push({ label: 'text.comment', group: 'Text', name: block.label, value });
    }
  }

  const { ifd0, gps, ifd1, interop } = exif;
  const exifIfd = exif.exif;
  const xmpNs = (ns: string): Block | undefined => {
    const parsed = blockSchema.safeParse(xmp?.[ns]);
    return parsed.success ? parsed.data : undefined;
  };
  const sources: Sources = {
    ifd0,
    exif: exifIfd,
    iptc,
    'xmp:aux': xmpNs('aux'),
    'xmp:exifEX': xmpNs('exifEX'),
    'xmp:xmpMM': xmpNs('xmpMM'),
    'xmp:photoshop': xmpNs('photoshop'),
    'xmp:dc': xmpNs('dc'),
    'xmp:Iptc4xmpExt': xmpNs('Iptc4xmpExt'),
    'xmp:Iptc4xmpCore': xmpNs('Iptc4xmpCore'),
    'xmp:MP': xmpNs('MP'),
    'xmp:mwg-rs': xmpNs('mwg-rs'),
    'xmp:lr': xmpNs('lr'),
  };

  if (gpsIsEmpty(gps)) damage.add('gps-empty');
  const reading: Reading = {
    format: inventory.format,
    size: inventory.size,
    blocks: inventory.blocks.map((b: MetadataBlock) => ({ kind: b.kind, label: b.label.slice(0, 80), offset: b.offset, length: b.length })),
    serials: pick(sources, PICKS.serials),
    people: pick(sources, PICKS.people),
    words: [...pick(sources, PICKS.words), ...comments],
    prompts,
    history: historyOf(xmp),
    tags: [],
    damage: [],
  };
  if (inventory.width && inventory.height) {
    reading.width = inventory.width;
    reading.height = inventory.height;
  }
  const location = gpsFromBlock(gps);
  if (location) reading.gps = location;

  const str = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? textOf(v) : undefined);
  const takenAt = str(exifIfd?.['DateTimeOriginal']) ?? str(exifIfd?.['CreateDate']);
  const offset = str(exifIfd?.['OffsetTimeOriginal']) ?? str(exifIfd?.['OffsetTime']);
  const make = str(ifd0?.['Make']) ?? fallback.make;
  const model = str(ifd0?.['Model']) ?? fallback.model;
  const lens = str(exifIfd?.['LensModel']) ?? str(xmpNs('aux')?.['Lens']) ?? str(exifIfd?.['LensMake']);
  const software = str(ifd0?.['Software']) ?? fallback.software ?? str(xmpNs('xmp')?.['CreatorTool']);
  if (takenAt) reading.takenAt = takenAt;
  if (offset) reading.offset = offset;
  if (make) reading.make = make;
  if (model) reading.model = model;
  if (lens) reading.lens = lens;
  if (software) reading.software = software;
  if (fallback.artist && !reading.people.some((p) => p.value === fallback.artist))
    reading.people.push({ label: tagLabel('Artist'), group: 'IFD0', name: 'Artist', value: fallback.artist });
  const orientation = ifd0?.['Orientation'] ?? fallback.orientation;
  if (typeof orientation === 'number' && Number.isInteger(orientation) && orientation >= 1 && orientation <= 8) reading.orientation = orientation;

  // The IFD1 thumbnail: a JPEG inside the EXIF block (never "the whole file").
  const thumbOffset = ifd1?.['ThumbnailOffset'];
  const thumbLength = ifd1?.['ThumbnailLength'];
  if (
    inventory.exif &&
    tiffBytes &&
    typeof thumbOffset === 'number' &&
    typeof thumbLength === 'number' &&
    thumbLength > 0 &&
    thumbOffset + thumbLength <= tiffBytes.length
  ) {
    const bytes = tiffBytes.subarray(thumbOffset, thumbOffset + thumbLength);
    const size = jpegSize(bytes);
    if (size) reading.thumbnail = { offset: inventory.exif.offset + thumbOffset, length: thumbLength, ...size };
  }

  const iccDescription = icc
    ? { ProfileDescription: icc['ProfileDescription'], DeviceManufacturer: icc['DeviceManufacturer'], DeviceModel: icc['DeviceModel'] }
    : undefined;
  reading.tags = tableRows(
    [
      ['IFD0', ifd0 ?? (Object.keys(fallback).length > 0 ? fallback : undefined)],
      ['ExifIFD', exifIfd],
      ['GPS', gps],
      ['Interop', interop],
      ['IFD1', ifd1],
      ['IPTC', iptc],
      ['ICC', iccDescription],
    ],
    xmp,
  );
  // Every text block has its own row (two chunks with one keyword are two rows), after the blocks above.
  for (const text of [...prompts, ...comments]) reading.tags.push({ group: 'Text', name: text.name, value: text.value });
  reading.damage = [...damage];
  return capReading(reading);
}
