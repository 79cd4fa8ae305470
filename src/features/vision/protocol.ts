/**
 * The scan's messages between the page and its worker, and the shapes of the
 * libraries' output the worker relies on. Both sides parse what they receive
 * with these schemas (safeParse), so a malformed message is an error, never a cast.
 */
import { z } from 'zod';
import { boxSchema } from './geometry';
import { textKindSchema } from './classify';
import { sceneCueSchema } from './scene';

/** Page → worker: scan one photo. */
export const scanRequestSchema = z.object({
  type: z.literal('scan'),
  /** Matches the replies to the request. */
  id: z.string(),
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
  /** Values for the key's placeholders; strings read from the picture are untrusted text. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
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
  /** Anything else (a bug). */
  'internal',
]);
export type Failure = z.infer<typeof failureSchema>;

/** Worker → page. */
export const scanReplySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('loading'),
    id: z.string(),
    /** Bytes of model and library files received so far, and how many the scan needs. */
    loaded: z.number().nonnegative(),
    total: z.number().nonnegative(),
  }),
  z.object({
    type: z.literal('step'),
    id: z.string(),
    step: z.enum(['decode', 'faces', 'text']),
    /** For text: tiles read so far out of `of`. */
    done: z.number().int().nonnegative(),
    of: z.number().int().nonnegative(),
  }),
  z.object({
    type: z.literal('visual'),
    id: z.string(),
    /** Oriented size of the photo, in pixels. */
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    /** Long edge of the copy the detectors looked at (smaller than the photo's when it was downscaled). */
    scannedEdge: z.number().int().positive(),
    faces: z.array(faceSchema),
    objects: z.array(objectSchema),
  }),
  z.object({
    type: z.literal('done'),
    id: z.string(),
    lines: z.array(textLineSchema),
    /** False when the OCR could not run; faces and objects stand. */
    textRead: z.boolean(),
    findings: z.array(findingSchema),
  }),
  z.object({ type: z.literal('failed'), id: z.string(), failure: failureSchema, detail: z.string() }),
]);
export type ScanReply = z.infer<typeof scanReplySchema>;
export type VisualReply = Extract<ScanReply, { type: 'visual' }>;

/** The part of Human's result the worker reads (Human's own types are not checked at run time). */
export const humanResultSchema = z.object({
  face: z.array(z.object({ boxRaw: z.tuple([z.number(), z.number(), z.number(), z.number()]), score: z.number() })),
  object: z.array(z.object({ boxRaw: z.tuple([z.number(), z.number(), z.number(), z.number()]), score: z.number(), label: z.string() })),
});

/** The part of tesseract.js's `blocks` output the worker reads. */
export const tesseractWordSchema = z.object({
  text: z.string(),
  confidence: z.number(),
  bbox: z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() }),
});
export const tesseractPageSchema = z.object({
  blocks: z
    .array(z.object({ paragraphs: z.array(z.object({ lines: z.array(z.object({ words: z.array(tesseractWordSchema) })) })) }))
    .nullable(),
});
