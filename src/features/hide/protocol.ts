/**
 * Hide's message bodies between the page and its worker (the shared bridge,
 * src/lib/worker-bridge.ts, owns the envelope and the request id). Both sides
 * parse what they receive with these schemas; the worker checks its answer
 * before sending it.
 */
import { z } from 'zod';
import { blockKindSchema } from '../../formats/schemas';
import { regionSchema } from './regions';

const blob = z.instanceof(Blob);

/** More regions than anyone draws by hand or a scan finds (a crowd of 200 faces and text lines). */
export const MAX_REGIONS = 500;

/** Page → worker. */
export const hideRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('export'),
    /** The original photo, as the reader chose it; only read. */
    file: blob,
    regions: z.array(regionSchema).max(MAX_REGIONS),
    /** Position of the photo among the reader's photos (1-based): the neutral name `photo-1.jpg`. */
    position: z.number().int().positive(),
    /** A canvas area cap to apply on top of the browser's own (tests use it to show the smaller-export message). */
    maxArea: z.number().int().positive().optional(),
  }),
  z.object({
    type: z.literal('preview'),
    file: blob,
    regions: z.array(regionSchema).max(MAX_REGIONS),
    /** Long edge of the preview, in pixels: the page shows it, never saves it. */
    maxEdge: z.number().int().positive(),
  }),
  z.object({
    type: z.literal('zip'),
    /** Exported files and the (already unique) names they get in the archive. */
    entries: z.array(z.object({ name: z.string().min(1), blob })).min(1),
  }),
]);
export type HideRequest = z.infer<typeof hideRequestSchema>;

/** Why an export failed; selects the message the reader sees. */
export const hideFailureSchema = z.enum([
  /** The browser could not decode the photo. */
  'decode',
  /** No canvas size down to 1 MP worked (memory). */
  'canvas',
  /** The encoded file still held metadata the site could not remove: refused, never handed over. */
  'verify',
  /** The export ran over its time budget and was stopped. */
  'timeout',
  /** The worker stopped by itself or could not start (often: the device was short of memory). */
  'crashed',
  /** Anything else (a bug). */
  'internal',
]);
export type HideFailure = z.infer<typeof hideFailureSchema>;

/** Worker → page: the answer. */
export const hideReplySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('exported'),
    /** The verified file. */
    blob,
    /** The neutral name (naming.ts: `photo-1.jpg`). */
    name: z.string().min(1),
    format: z.enum(['jpeg', 'png']),
    /** Size of the file, and of the photo with its orientation applied (they differ only when the browser capped the canvas). */
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    fullWidth: z.number().int().positive(),
    fullHeight: z.number().int().positive(),
    /** Metadata blocks the encoder wrote and the cleaner then removed (0 in Chromium). */
    removed: z.number().int().nonnegative(),
    /** Blocks left on purpose (JFIF, the browser's sRGB profile): shown to the reader. */
    left: z.array(blockKindSchema),
    /** Worker time, for the bench: in all, and per phase (decode, draw with the regions painted, encode, verify). */
    ms: z.number().nonnegative(),
    phases: z.object({ decode: z.number(), draw: z.number(), encode: z.number(), verify: z.number() }),
  }),
  z.object({ type: z.literal('preview'), blob }),
  z.object({ type: z.literal('zipped'), blob }),
  z.object({ type: z.literal('failed'), failure: hideFailureSchema, detail: z.string().max(300) }),
]);
export type HideReply = z.infer<typeof hideReplySchema>;
export type Exported = Extract<HideReply, { type: 'exported' }>;

/** Hide's bodies for the bridge (page) and serve (worker); it sends no progress. */
export const HIDE_PROTOCOL = { request: hideRequestSchema, reply: hideReplySchema, progress: z.never() };
