/**
 * The one message protocol between the cleaner's page code (client.ts) and
 * its worker (worker.ts), carried by the shared worker bridge
 * (src/lib/worker-bridge.ts), which owns the request ids. Both sides parse
 * what they receive with these schemas, and the worker checks its answer
 * before sending it.
 */
import { z } from 'zod';
import { blockKindSchema, FORMAT_ERROR_CODES, imageFormatSchema } from '../../formats/schemas';

/** What the reader asked to keep (mirrors CleanOptions in src/formats/types.ts). */
export const cleanOptionsSchema = z.object({
  /** Keep the orientation so the photo does not turn sideways. */
  keepOrientation: z.boolean().default(true),
  /** Keep the ICC colour profile so colours do not shift. */
  keepColorProfile: z.boolean().default(true),
});

/** The formats module owns these words; the cleaner's messages reuse them. */
export { blockKindSchema, imageFormatSchema };

/** Why a file could not be cleaned; selects the message the reader sees. */
export const failureCodeSchema = z.enum([
  ...FORMAT_ERROR_CODES,
  /** TIFF: we explain how to export a JPEG/PNG instead. */
  'tiff',
  /** GIF: same. */
  'gif',
  /** HEIC/AVIF that neither the browser nor the WebAssembly decoder could decode. */
  'decode-failed',
  /** The output still held something it should not: refused. */
  'verify-failed',
  /** The file took longer than its time budget; the worker was restarted. */
  'timeout',
  /** Anything else (a bug): the batch continues. */
  'internal',
]);

const blob = z.instanceof(Blob);

/** Page → worker. */
export const requestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('clean'),
    /** The original; only read, never modified. */
    file: blob,
    options: cleanOptionsSchema,
  }),
  z.object({
    type: z.literal('zip'),
    /** Clean files and the (already unique) names they get in the archive. */
    entries: z.array(z.object({ name: z.string().min(1), blob })),
  }),
  z.object({
    type: z.literal('png'),
    /** A clean file, re-encoded losslessly as PNG for the clipboard. */
    blob,
  }),
]);
export type CleanerRequest = z.infer<typeof requestSchema>;

/** Worker → page before the answer: a HEIC/AVIF is being decoded (its budget is extended). */
export const progressSchema = z.object({ type: z.literal('converting') });
export type CleanerProgress = z.infer<typeof progressSchema>;

/** A successful clean, verified. */
export const cleanedSchema = z.object({
  type: z.literal('cleaned'),
  /** 'lossless': image bytes untouched; 'converted': decoded and re-encoded as JPEG (HEIC/AVIF). */
  mode: z.enum(['lossless', 'converted']),
  /** The format the original really was (from its bytes). */
  sourceFormat: imageFormatSchema,
  /** The format of the clean file. */
  format: z.enum(['jpeg', 'png', 'webp']),
  /** The clean file. */
  blob,
  /** Sizes in bytes, before and after. */
  originalSize: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
  /** What was removed, by kind (count and bytes). */
  removed: z.array(z.object({ kind: blockKindSchema, count: z.number().int(), bytes: z.number().int() })),
  /** What the verification walk found left on purpose, and why. */
  left: z.array(z.object({ kind: blockKindSchema, reason: z.enum(['orientation', 'icc', 'needed', 'harmless']) })),
  /** Time spent on this file, in milliseconds. */
  ms: z.number().nonnegative(),
  /** Where that time went: reading the original's structure, building the clean file, verifying it (ms). */
  phases: z.object({ walk: z.number(), clean: z.number(), verify: z.number() }),
});
export type Cleaned = z.infer<typeof cleanedSchema>;

/** A refused file, with the reason. */
export const failedSchema = z.object({
  type: z.literal('failed'),
  code: failureCodeSchema,
  /** For 'verify-failed': what was still there (stable codes, not reader text). */
  leftovers: z.array(z.string()).default([]),
  /** For 'internal' (a bug on our side): what went wrong, shown so it can be reported. */
  cause: z.string().max(500).optional(),
});
export type Failed = z.infer<typeof failedSchema>;

/** Worker → page: the answer. */
export const responseSchema = z.discriminatedUnion('type', [
  cleanedSchema,
  failedSchema,
  z.object({
    type: z.literal('zipped'),
    /** The archive (entries stored, not compressed: JPEG/PNG/WebP do not shrink). */
    blob,
  }),
  z.object({
    type: z.literal('png'),
    /** The clean file's pixels as a PNG. */
    blob,
  }),
]);
export type CleanerResponse = z.infer<typeof responseSchema>;

/** The cleaner's protocol, for the bridge (page) and serve (worker). */
export const CLEANER_PROTOCOL = { request: requestSchema, reply: responseSchema, progress: progressSchema };
