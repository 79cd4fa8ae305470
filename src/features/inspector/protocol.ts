/**
 * The one message protocol between the inspector's page code (client.ts) and
 * its worker (worker.ts), carried by the shared worker bridge (src/lib/worker-bridge.ts),
 * which owns the request ids. Both sides parse what they receive with these
 * schemas, and the worker checks its answer before sending it. The limits are
 * applied where the data is made (`capReading` in limits.ts): a list longer
 * than its limit is cut there and the reading says how much was left out.
 */
import { z } from 'zod';
import { FORMAT_ERROR_CODES, imageFormatSchema } from '../../formats/schemas';
import { LABEL_KEYS } from './labels';

/** Caps keep a hostile file from flooding the page with text (a tag can hold megabytes). */
export const MAX_TEXT = 2_000;
export const MAX_TAGS = 3_000;

/** How many entries each list of a reading may hold (the schema's limits, and where `capReading` cuts). */
export const LIST_NAMES = ['serials', 'people', 'words', 'prompts', 'history', 'blocks', 'tags'] as const;
export type ListName = (typeof LIST_NAMES)[number];
export const LIST_LIMITS: Readonly<Record<ListName, number>> = {
  serials: 50,
  people: 50,
  words: 100,
  prompts: 50,
  history: 100,
  blocks: MAX_TAGS,
  tags: MAX_TAGS,
};

const text = z.string().max(MAX_TEXT);

/** Reader-facing error codes (each has a message in both languages: `inspector.error.<code>`). */
export const readErrorCodeSchema = z.enum([
  ...FORMAT_ERROR_CODES,
  'timeout',
  'unreadable',
  /** A bug on our side (a message refused by the protocol, a worker that crashed): the cause is shown. */
  'internal',
]);
export type ReadErrorCode = z.infer<typeof readErrorCodeSchema>;

/** Problems that did not stop the reading but that the reader should know (shown in role=alert). */
export const damageCodeSchema = z.enum([
  'exif-bad-header',
  'exif-loop',
  'exif-pointer-outside',
  'exif-pointer-type',
  'exif-bad-entry',
  'exif-unreadable',
  'gps-empty',
  'file-truncated',
  'container-damaged',
]);
export type DamageCode = z.infer<typeof damageCodeSchema>;

/** One row of the full tag table. */
export const tagRowSchema = z.object({
  /** Where the tag lives: IFD0, ExifIFD, GPS, IFD1, Interop, XMP, IPTC, ICC, PNG text… */
  group: z.string().max(40),
  /** The tag's name (exifr's English key, or the PNG keyword). */
  name: text,
  /** The value as display text (untrusted; rendered as text only). */
  value: text,
});
export type TagRow = z.infer<typeof tagRowSchema>;

/**
 * A labelled value for a card: the label's i18n key (see labels.ts), where the
 * value was found as the full tag table names it (group and tag name or PNG
 * keyword, untrusted), and the value (untrusted text).
 */
export const labelledSchema = z.object({
  label: z.enum(LABEL_KEYS),
  group: z.string().max(40),
  name: text,
  value: text,
  /** For a list value (keywords…) longer than MAX_TEXT: how many of its items did not fit in `value`. */
  more: z.number().int().positive().optional(),
});
export type Labelled = z.infer<typeof labelledSchema>;

/** One step of an XMP edit history (xmpMM:History). */
export const historyStepSchema = z.object({
  action: text.optional(),
  when: text.optional(),
  agent: text.optional(),
  changed: text.optional(),
});
export type HistoryStep = z.infer<typeof historyStepSchema>;

/** Everything the inspector learned about one file (worker → page). */
export const readingSchema = z.object({
  /** Format detected from the first bytes. */
  format: imageFormatSchema,
  /** File size in bytes. */
  size: z.number().int().nonnegative(),
  /** Pixel size of the main image when the container states it. */
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  /** Every metadata block: kind, the container's label, where, how big. */
  blocks: z.array(z.object({ kind: z.string().max(40), label: z.string().max(80), offset: z.number(), length: z.number() })).max(LIST_LIMITS.blocks),
  /** Signed decimal degrees (south/west negative), altitude in metres, direction in degrees from north. */
  gps: z
    .object({
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
      altitude: z.number().optional(),
      direction: z.number().optional(),
    })
    .optional(),
  /** Date and time taken as written in the photo ("2025:04:05 14:32:10"). */
  takenAt: text.optional(),
  /** UTC offset as written ("+02:00"). */
  offset: text.optional(),
  make: text.optional(),
  model: text.optional(),
  lens: text.optional(),
  software: text.optional(),
  /** Serial numbers and unique IDs (body, lens, image unique ID, XMP document IDs…). */
  serials: z.array(labelledSchema).max(LIST_LIMITS.serials),
  /** Names: artist, creator, copyright, by-line, IPTC/XMP person fields. */
  people: z.array(labelledSchema).max(LIST_LIMITS.people),
  /** Words: descriptions, titles, captions, keywords, places written as text. */
  words: z.array(labelledSchema).max(LIST_LIMITS.words),
  /** Free text chunks (PNG tEXt/iTXt, WebP/XMP prompts): AI prompts and parameters often live here. */
  prompts: z.array(labelledSchema).max(LIST_LIMITS.prompts),
  /** XMP edit history, oldest first. */
  history: z.array(historyStepSchema).max(LIST_LIMITS.history),
  /** EXIF orientation (1–8). */
  orientation: z.number().int().min(1).max(8).optional(),
  /** The embedded IFD1 JPEG thumbnail: absolute position in the file and its pixel size. */
  thumbnail: z
    .object({
      offset: z.number().int().nonnegative(),
      length: z.number().int().positive(),
      width: z.number().int().positive().optional(),
      height: z.number().int().positive().optional(),
    })
    .optional(),
  /** Every tag read, for the searchable table. */
  tags: z.array(tagRowSchema).max(LIST_LIMITS.tags),
  /** How many entries of each list were left out by the limits (absent: none). */
  omitted: z.partialRecord(z.enum(LIST_NAMES), z.number().int().positive()).optional(),
  /** Damage found while reading (the rest of the reading is still shown). */
  damage: z.array(damageCodeSchema).max(20),
});
export type Reading = z.infer<typeof readingSchema>;

/** Page → worker: read this file. */
export const requestSchema = z.object({ file: z.instanceof(Blob) });
export type InspectorRequest = z.infer<typeof requestSchema>;

/** Worker → page, before the answer: the quick first look at a large JPEG's headers (the complete reading follows). */
export const progressSchema = z.object({ quick: readingSchema });
export type InspectorProgress = z.infer<typeof progressSchema>;

/** Worker → page: the reading, or why there is none. */
export const replySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reading'), reading: readingSchema }),
  z.object({ type: z.literal('failed'), code: readErrorCodeSchema }),
]);
export type InspectorReply = z.infer<typeof replySchema>;

/** The inspector's protocol, for the bridge (page) and serve (worker). */
export const INSPECTOR_PROTOCOL = { request: requestSchema, reply: replySchema, progress: progressSchema };
