/**
 * Temporary local adapter with the same signature as the inspector's
 * `summarizePhoto(file, signal)` (src/features/inspector/summarize.ts, in
 * progress on the `inspector` branch). Swap the import in profile.svelte.ts
 * when it lands. It reads only the metadata segments (exifr reads the file in
 * small slices) and validates exifr's untyped output with zod.
 */
import { z } from 'zod';
import { photoSummarySchema, type PhotoSummary } from '../photos/summary';

const text = z.union([z.string(), z.number()]).transform(String);
/** A language-alternative XMP value ({lang, value}) or a plain string. */
const langText = z.union([text, z.object({ value: text }).transform((v) => v.value)]);

/**
 * The exifr sections we use (segment-split output, raw values). Each section
 * is validated on its own, so one odd value only costs that section.
 */
const sections = {
  ifd0: z.object({ Make: text.optional(), Model: text.optional(), Software: text.optional(), Artist: text.optional(), Copyright: text.optional() }),
  ifd1: z.object({ ThumbnailOffset: z.number().optional(), ThumbnailLength: z.number().optional() }),
  exif: z.object({
    DateTimeOriginal: text.optional(), CreateDate: text.optional(), OffsetTimeOriginal: text.optional(),
    LensModel: text.optional(), BodySerialNumber: text.optional(), SerialNumber: text.optional(), ImageUniqueID: text.optional(),
  }),
  gps: z.object({ latitude: z.number().optional(), longitude: z.number().optional(), GPSAltitude: z.number().optional() }),
  /** XMP Dublin Core (creator names). */
  dc: z.object({ creator: z.union([langText, z.array(langText)]).optional() }),
  /** XMP aux namespace (Adobe): serial number and lens. */
  aux: z.object({ SerialNumber: text.optional(), Lens: text.optional() }),
  iptc: z.object({ Byline: z.union([text, z.array(text)]).optional() }),
};
const SECTION_KEYS = ['ifd0', 'ifd1', 'exif', 'gps', 'dc', 'aux', 'iptc'] as const satisfies readonly (keyof typeof sections)[];
type Sections = { [K in keyof typeof sections]?: z.infer<(typeof sections)[K]> };

function readSections(raw: unknown): Sections {
  const out: Sections = {};
  if (raw === null || typeof raw !== 'object') return out;
  const pick = <K extends keyof typeof sections>(key: K): void => {
    const parsed = sections[key].safeParse(Reflect.get(raw, key));
    if (parsed.success) Object.assign(out, { [key]: parsed.data });
  };
  SECTION_KEYS.forEach(pick);
  return out;
}

/** Magic bytes → format; null when the file is not an image we read. */
export function sniffFormat(head: Uint8Array): PhotoSummary['format'] | null {
  const ascii = (from: number, to: number): string => String.fromCharCode(...head.subarray(from, to));
  if (head[0] === 0xff && head[1] === 0xd8) return 'jpeg';
  if (head[0] === 0x89 && ascii(1, 4) === 'PNG') return 'png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(0, 2) === 'II' || ascii(0, 2) === 'MM') return 'tiff';
  if (ascii(0, 3) === 'GIF') return 'gif';
  if (ascii(4, 8) === 'ftyp') return /avi[fs]/.test(ascii(8, 12)) ? 'avif' : 'heic';
  return null;
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** EXIF gives Artist and Copyright; keep the names, drop "©2009 … all rights reserved" noise. */
function names(...values: string[]): string[] {
  const cleaned = values.map((v) => v.replace(/©|\(c\)|copyright|all rights reserved|\d{4}/gi, '').replace(/\s+/g, ' ').trim().replace(/^[,/\s]+|[,/\s]+$/g, '')).filter((v) => v.length > 1);
  return [...new Set(cleaned)].slice(0, 20).map((v) => v.slice(0, 200));
}

/** Thrown for a file that is not a photo we can read (the UI explains it). */
export class UnreadablePhotoError extends Error {}

/** Reads the privacy-relevant facts of one photo; never uploads anything. */
export async function summarizePhoto(file: Blob, signal?: AbortSignal): Promise<PhotoSummary> {
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  signal?.throwIfAborted();
  const format = sniffFormat(head);
  if (!format) throw new UnreadablePhotoError('not an image');
  const { default: exifr } = await import('exifr');
  let raw: unknown = {};
  try {
    // exifr reads a Blob in slices with FileReader; where that is missing (Node tests) it gets the bytes.
    const input = typeof FileReader === 'undefined' ? await file.arrayBuffer() : file;
    raw = (await exifr.parse(input, { tiff: true, ifd1: true, exif: true, gps: true, xmp: true, iptc: true, icc: false, reviveValues: false, mergeOutput: false, translateValues: false })) ?? {};
  } catch {
    raw = {}; // a damaged or metadata-free file: report "nothing found", not an error
  }
  signal?.throwIfAborted();
  const m = readSections(raw);
  const lat = m.gps?.latitude;
  const lon = m.gps?.longitude;
  const gps = lat !== undefined && lon !== undefined && Number.isFinite(lat) && Number.isFinite(lon) && !(lat === 0 && lon === 0)
    ? { lat, lon, ...(m.gps?.GPSAltitude !== undefined ? { altitude: m.gps.GPSAltitude } : {}) }
    : undefined;
  const takenRaw = m.exif?.DateTimeOriginal ?? m.exif?.CreateDate;
  const taken = takenRaw ? /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(takenRaw) : null;
  const candidate = {
    format,
    gps,
    takenAt: taken ? `${taken[1]}-${taken[2]}-${taken[3]}T${taken[4]}:${taken[5]}:${taken[6]}` : undefined,
    offset: m.exif?.OffsetTimeOriginal?.slice(0, 10),
    make: m.ifd0?.Make?.trim().slice(0, 200) || undefined,
    model: m.ifd0?.Model?.trim().slice(0, 200) || undefined,
    lens: (m.exif?.LensModel ?? m.aux?.Lens)?.slice(0, 200),
    software: m.ifd0?.Software?.trim().slice(0, 200) || undefined,
    hasSerial: Boolean(m.exif?.BodySerialNumber ?? m.exif?.SerialNumber ?? m.aux?.SerialNumber ?? m.exif?.ImageUniqueID),
    people: names(...[m.ifd0?.Artist, m.ifd0?.Copyright].filter((v): v is string => v !== undefined), ...list(m.dc?.creator), ...list(m.iptc?.Byline)),
    hasThumbnail: (m.ifd1?.ThumbnailLength ?? 0) > 0,
    isSample: false,
  };
  // Drop undefined keys (exactOptionalPropertyTypes) before validation.
  const result = photoSummarySchema.safeParse(JSON.parse(JSON.stringify(candidate)));
  if (!result.success) throw new UnreadablePhotoError(result.error.message);
  return result.data;
}
