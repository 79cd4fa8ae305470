/**
 * The scan's message bodies between the page and its worker (the shared
 * bridge, src/lib/worker-bridge.ts, owns the envelope and the request id).
 * Both sides parse what they receive with these schemas, so a malformed
 * message is an error, never a cast.
 */
import { z } from 'zod';
import { boxSchema } from './geometry';
import { textKindSchema } from './classify';
import { sceneCueSchema } from './scene';

/** Page → worker: scan one photo. */
export const scanRequestSchema = z.object({
  type: z.literal('scan'),
  /** The photo as chosen; only read. */
  file: z.instanceof(Blob),
  /** OCR languages: French always, English too (both pages read both: a badge in Paris may be in English). */
  languages: z.array(z.enum(['fra', 'eng'])).min(1),
});
export type ScanRequest = z.infer<typeof scanRequestSchema>;

/** A face a detector found. */
export const faceSchema = z.object({
  /** Refers to it from findings. */
  id: z.string(),
  box: boxSchema,
  /** The detector's score, 0–1. */
  score: z.number(),
});

/** A COCO object. */
export const objectSchema = z.object({
  id: z.string(),
  /** COCO label as the detector names it ("cell phone", "tv"). */
  label: z.string().min(1),
  box: boxSchema,
  score: z.number(),
});

/** One line of text read from the picture (untrusted: shown as text only). */
export const textLineSchema = z.object({
  id: z.string(),
  text: z.string(),
  box: boxSchema,
  /** The lowest word confidence, 0–100. */
  confidence: z.number(),
  /** What it looks like, most telling first (at least `text`). */
  kinds: z.array(z.object({ kind: textKindSchema, value: z.string() })).min(1),
});
export type TextLine = z.infer<typeof textLineSchema>;

/** One line of the readable list, linked to boxes on the picture. */
export const findingSchema = z.object({
  id: z.string(),
  /** What the line is about, for grouping and styling. */
  subject: z.enum(['face', 'people', 'text', 'object', 'scene', 'nothing']),
  /** i18n key in the vision namespace. */
  key: z.string().min(1),
  /**
   * Values for the key's placeholders; strings read from the picture are untrusted text.
   * (An object, not z.record: no page used z.record, and it would have added 2 KB of zod to every page's shared chunk.)
   */
  params: z.object({
    /** How many faces, people or objects. */
    count: z.number().int().optional(),
    /** The whole line read. */
    text: z.string().optional(),
    /** The part of it that matched its kind. */
    value: z.string().optional(),
  }),
  /** COCO labels the page translates and lists in {objects}. */
  labels: z.array(z.string()),
  /** Ids of the boxes it refers to. */
  boxes: z.array(z.string()),
  /** The scene cue, when subject is scene. */
  cue: sceneCueSchema.optional(),
});
export type Finding = z.infer<typeof findingSchema>;

/** Why a scan stopped; selects the message the reader sees. */
export const failureSchema = z.enum([
  /** The browser has no WebAssembly (or it is turned off). */
  'no-wasm',
  /** The device ran out of memory for a model. */
  'memory',
  /** A model or library file could not be fetched or started. */
  'model-load',
  /** The photo could not be decoded. */
  'decode',
  /** The scan ran over its time budget and was stopped. */
  'timeout',
  /** The worker stopped by itself (often: the device was short of memory). */
  'crashed',
  /** Anything else (a bug). */
  'internal',
]);
export type Failure = z.infer<typeof failureSchema>;

/** Worker → page, before the answer: loading, each step, and faces and objects as soon as they are known. */
export const scanProgressSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('loading'),
    /** Bytes of model and library files received so far, and how many the scan needs. */
    loaded: z.number().nonnegative(),
    total: z.number().nonnegative(),
  }),
  z.object({
    type: z.literal('step'),
    step: z.enum(['decode', 'faces', 'text']),
    /** For text: passes read so far out of `of`. */
    done: z.number().int().nonnegative(),
    of: z.number().int().nonnegative(),
  }),
  z.object({
    type: z.literal('visual'),
    /** Oriented size of the photo, in pixels. */
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    /** Long edge of the copy the detectors looked at (smaller than the photo's when it was downscaled). */
    scannedEdge: z.number().int().positive(),
    faces: z.array(faceSchema),
    objects: z.array(objectSchema),
    /** A JPEG of the copy the detectors saw, when the browser cannot show the photo itself (HEIC outside Safari): the page shows it instead. */
    preview: z.instanceof(Blob).optional(),
  }),
  z.object({
    type: z.literal('text'),
    /** Lines read so far (every OCR pass so far, merged); the answer holds them all. */
    lines: z.array(textLineSchema),
    /** Findings so far, text included, so the reader sees a name or an e-mail as soon as its region is read ("no text" is never claimed here). */
    findings: z.array(findingSchema),
  }),
]);
export type ScanProgress = z.infer<typeof scanProgressSchema>;
export type VisualProgress = Extract<ScanProgress, { type: 'visual' }>;

/** Worker → page: the answer. */
export const scanReplySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('done'),
    lines: z.array(textLineSchema),
    /** False when the OCR could not run; faces and objects stand. */
    textRead: z.boolean(),
    findings: z.array(findingSchema),
  }),
  z.object({ type: z.literal('failed'), failure: failureSchema, detail: z.string() }),
]);
export type ScanReply = z.infer<typeof scanReplySchema>;

/** The scan's three bodies, for the bridge (page) and serve (worker). */
export const VISION_PROTOCOL = { request: scanRequestSchema, reply: scanReplySchema, progress: scanProgressSchema };
