/**
 * zod schemas for the formats words that cross a boundary (the cleaner's
 * worker messages). They mirror types.ts: the enums are made from its lists,
 * and the `Same` checks below make the compiler fail if the rest drifts apart.
 */
import { z } from 'zod';
import { IMAGE_FORMATS, KEEP_REASONS, type BlockKind, type CleanOptions, type FormatErrorCode } from './types';

/** Block kinds, as in types.ts BlockKind. */
export const blockKindSchema = z.enum([
  'exif',
  'xmp',
  'xmp-extended',
  'iptc',
  'icc',
  'comment',
  'text',
  'time',
  'mpf',
  'c2pa',
  'thumbnail',
  'trailer',
  'jfif',
  'adobe',
  'app-other',
  'unknown-chunk',
]);

/** Formats recognised from a file's first bytes (IMAGE_FORMATS in types.ts). */
export const imageFormatSchema = z.enum(IMAGE_FORMATS);

/** Why a block is still in a clean file (KEEP_REASONS in types.ts). */
export const keepReasonSchema = z.enum(KEEP_REASONS);

/** Why a walker or cleaner refused a file (FormatErrorCode in types.ts); features extend it with their own codes. */
export const FORMAT_ERROR_CODES = ['empty', 'not-an-image', 'truncated', 'corrupt', 'too-large', 'unsupported'] as const;

/** What the reader asked the cleaner to keep (defaults: keep both). */
export const cleanOptionsSchema = z.object({
  /** Keep an orientation-only EXIF so the photo does not turn sideways. */
  keepOrientation: z.boolean().default(true),
  /** Keep the ICC colour profile so colours do not shift. */
  keepColorProfile: z.boolean().default(true),
});

// Compile-time agreement between the schemas and the shared types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const vocabularyMatches: [
  Same<z.infer<typeof blockKindSchema>, BlockKind>,
  Same<(typeof FORMAT_ERROR_CODES)[number], FormatErrorCode>,
  Same<z.output<typeof cleanOptionsSchema>, CleanOptions>,
] = [true, true, true];
// eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- marks the compile-time check as used
void vocabularyMatches;
