/**
 * zod schemas for the formats words that cross a boundary (the cleaner's
 * worker messages). They mirror types.ts: the enums are made from its lists,
 * and the `Same` checks below make the compiler fail if the rest drifts apart.
 */
import { z } from 'zod';
import { IMAGE_FORMATS, KEEP_REASONS, type BlockKind, type CleanOptions, type FormatErrorCode } from './types';

/** Block kinds, as in types.ts BlockKind. */
export const blockKindSchema = z.enum(['exif', 'xmp', 'xmp-extended', 'iptc', 'icc', 'comment', 'text', 'time', 'mpf', 'c2pa', 'thumbnail', 'trailer', 'jfif', 'adobe', 'app-other', 'unknown-chunk']);

/** Formats recognised from a file's first bytes (IMAGE_FORMATS in types.ts). */
export const imageFormatSchema = z.enum(IMAGE_FORMATS);

/** Why a block is still in a clean file (KEEP_REASONS in types.ts). */
export const keepReasonSchema = z.enum(KEEP_REASONS);

/** Why a walker or cleaner refused a file (FormatErrorCode in types.ts); features extend it with their own codes. */
export const FORMAT_ERROR_CODES = ['empty', 'not-an-image', 'truncated', 'corrupt', 'too-large', 'unsupported'] as const;

<<<<<<< HEAD
=======
/** Compile-time proof that the lists above match types.ts exactly (`Same` is defined below). */
const vocabularyMatches: [
  Same<z.infer<typeof blockKindSchema>, BlockKind>,
  Same<z.infer<typeof imageFormatSchema>, ImageFormat>,
  Same<(typeof FORMAT_ERROR_CODES)[number], FormatErrorCode>,
] = [true, true, true];
// eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- marks the compile-time check as used
void vocabularyMatches;

/** One metadata block (see MetadataBlock in types.ts). */
export const metadataBlockSchema = z.object({
  /** What the block is. */
  kind: blockKindSchema,
  /** The container's own name for it. */
  label: z.string(),
  /** Where the block starts, header included. */
  offset,
  /** Full length, header included. */
  length: offset,
  /** Where its payload starts. */
  dataOffset: offset,
  /** Payload length. */
  dataLength: offset,
  /** PNG text keyword (untrusted). */
  keyword: z.string().exactOptional(),
  /** Text content, capped at 64 KiB (untrusted). */
  text: z.string().max(64 * 1024).exactOptional(),
});

/** The result of walk() (see Inventory in types.ts). */
export const inventorySchema = z.object({
  /** Format sniffed from the first bytes. */
  format: z.enum(['jpeg', 'png', 'webp', 'heic', 'avif', 'tiff', 'gif']),
  /** File size in bytes. */
  size: offset,
  /** Pixel width when the container states it. */
  width: offset.exactOptional(),
  /** Pixel height when the container states it. */
  height: offset.exactOptional(),
  /** Every metadata block, in file order. */
  blocks: z.array(metadataBlockSchema),
  /** Location of the primary EXIF TIFF structure. */
  exif: z.object({ offset, length: offset }).exactOptional(),
  /** Where the main image data ends. */
  imageEnd: offset.exactOptional(),
  /** JPEG: where the first SOS marker is. */
  scanStart: offset.exactOptional(),
  /** PNG: runs of consecutive image-data chunks. */
  imageRuns: z.array(z.object({ offset, length: offset })).max(MAX_IMAGE_RUNS).exactOptional(),
  /** The walk stopped at the image data (walk option scan: 'headers'). */
  headersOnly: z.boolean().exactOptional(),
  /** Non-fatal problems as stable codes. */
  warnings: z.array(z.string()),
});

>>>>>>> lint
/** What the reader asked the cleaner to keep (defaults: keep both). */
export const cleanOptionsSchema = z.object({
  /** Keep an orientation-only EXIF so the photo does not turn sideways. */
  keepOrientation: z.boolean().default(true),
  /** Keep the ICC colour profile so colours do not shift. */
  keepColorProfile: z.boolean().default(true),
});

// Compile-time agreement between the schemas and the shared types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
<<<<<<< HEAD
const vocabularyMatches: [Same<z.infer<typeof blockKindSchema>, BlockKind>, Same<(typeof FORMAT_ERROR_CODES)[number], FormatErrorCode>, Same<z.output<typeof cleanOptionsSchema>, CleanOptions>] = [
  true,
  true,
  true,
];
void vocabularyMatches;
=======
const blockAgrees: Same<z.infer<typeof metadataBlockSchema>, MetadataBlock> = true;
const inventoryAgrees: Same<z.infer<typeof inventorySchema>, Inventory> = true;
const optionsAgree: Same<z.output<typeof cleanOptionsSchema>, CleanOptions> = true;
// eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- marks the compile-time checks as used
void [blockAgrees, inventoryAgrees, optionsAgree];
>>>>>>> lint
