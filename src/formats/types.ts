/**
 * Shared vocabulary of the container walkers and cleaners (pure TypeScript,
 * no DOM). The inspector and the cleaner both speak it; keep it stable.
 *
 * A walker reads a file through a ByteSource (random access to slices, so a
 * 30 MB photo is never read whole just to list its metadata) and returns an
 * Inventory: every metadata block, where it sits and how big it is.
 * A cleaner returns a CleanPlan: the clean file as a list of parts that are
 * either ranges of the original or a few new bytes, so the browser can build
 * the output as `new Blob(parts)` from `file.slice()`s without copying image
 * data through JavaScript.
 */

/** Random access to the bytes of a file (a File in the browser, a Buffer in Node). */
export interface ByteSource {
  /** Total size in bytes. */
  readonly size: number;
  /** Reads `length` bytes at `offset` (fewer if the file ends first). */
  read(offset: number, length: number): Promise<Uint8Array>;
  /**
   * Optional: `read` for a forward pass that looks at each piece once (the
   * JPEG entropy scan). The returned view is valid only until the next
   * `scan` call: the source may reuse its memory (a Blob source does, which
   * about halves the cost of a pass over a big file). Bytes to keep must be
   * copied or read with `read`.
   */
  scan?(offset: number, length: number): Promise<Uint8Array>;
}

import { IMAGE_FORMATS } from './image-formats';

export { IMAGE_FORMATS };
/** Formats recognised from a file's first bytes (never from its name or MIME type). */
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** What a metadata block is, in the words the UI and lessons use. */
export type BlockKind =
  | 'exif' // TIFF-structured EXIF (IFD0, ExifIFD, GPS, IFD1 thumbnail, MakerNotes)
  | 'xmp' // XMP packet (incl. edit history, IPTC Core/Ext in XMP)
  | 'xmp-extended' // JPEG Extended XMP segments
  | 'iptc' // Photoshop IRB / IPTC-IIM (JPEG APP13, PNG zTXt "Raw profile type iptc")
  | 'icc' // colour profile
  | 'comment' // JPEG COM
  | 'text' // PNG tEXt/zTXt/iTXt not otherwise classified (e.g. AI prompts)
  | 'time' // PNG tIME
  | 'mpf' // JPEG APP2 MPF (multi-picture: extra images)
  | 'c2pa' // C2PA / JUMBF provenance (JPEG APP11, PNG caBX, ISOBMFF jumb/uuid)
  | 'thumbnail' // an embedded preview outside EXIF (e.g. HEIC thumbnail item)
  | 'trailer' // bytes after the end of the image (motion-photo video, depth map…)
  | 'jfif' // JPEG APP0 JFIF/JFXX (resolution; harmless)
  | 'adobe' // JPEG APP14 Adobe (colour transform; needed for CMYK/YCCK)
  | 'app-other' // any other APPn segment (vendor data: Ducky, Ocad, HDR gain maps…)
  | 'unknown-chunk'; // a PNG/WebP/ISOBMFF chunk or box we do not classify

/** One metadata block found in a file. Offsets are absolute byte positions. */
export interface MetadataBlock {
  kind: BlockKind;
  /** The container's own name for it: 'APP1', 'COM', 'tEXt', 'EXIF', 'XMP ', 'iinf item Exif'… */
  label: string;
  /** Where the block starts (its header included). */
  offset: number;
  /** Its full length in bytes (header included). */
  length: number;
  /** Where its payload starts (e.g. the TIFF header for EXIF, the packet for XMP). */
  dataOffset: number;
  /** Payload length. */
  dataLength: number;
  /** PNG text chunks: the keyword (untrusted text). */
  keyword?: string;
  /** Text content when it is text (PNG text chunks, COM, XMP), capped at 64 KiB; untrusted. */
  text?: string;
}

/** A range of bytes of a file. */
export interface ByteRange {
  offset: number;
  length: number;
}

/** Inventory.imageRuns lists at most this many runs. */
export const MAX_IMAGE_RUNS = 64;

/** The result of walking a file. */
export interface Inventory {
  format: ImageFormat;
  /** File size in bytes. */
  size: number;
  /** Pixel size of the main image when the container states it (IHDR, SOFn, VP8X/VP8/VP8L, ispe). */
  width?: number;
  height?: number;
  /** Every metadata block, in file order. */
  blocks: MetadataBlock[];
  /** Where the primary EXIF TIFF structure is (starts at the byte-order mark), if any. */
  exif?: { offset: number; length: number };
  /** Where the main image data ends (JPEG EOI + 2, PNG IEND end, RIFF end…). */
  imageEnd?: number;
  /** JPEG: where the first SOS marker (the start of the image data) is. */
  scanStart?: number;
  /**
   * PNG: the runs of consecutive image-data chunks (IDAT, fdAT), in file
   * order; absent when there are more than MAX_IMAGE_RUNS (only a crafted
   * file interleaves that many other chunks with its image data).
   */
  imageRuns?: ByteRange[];
  /**
   * True when the walk stopped at the image data (walk option `scan: 'headers'`):
   * `blocks` lists only what comes before it, `imageEnd` is undefined and
   * nothing after it (segments between scans, trailer) was looked at.
   */
  headersOnly?: boolean;
  /** Non-fatal problems, as stable codes (e.g. 'exif-truncated', 'png-crc'). */
  warnings: string[];
}

/** Why a file cannot be read or cleaned; `code` selects the reader-facing message. */
export type FormatErrorCode =
  | 'empty' // 0 bytes
  | 'not-an-image' // unknown signature (HTML page, text, PDF…)
  | 'truncated' // ends before its structure does
  | 'corrupt' // structure contradicts itself (lengths past the end, loops…)
  | 'too-large' // declared sizes beyond our limits
  | 'unsupported'; // a real image format we do not clean (TIFF, GIF…)

export class FormatError extends Error {
  constructor(
    readonly code: FormatErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FormatError';
  }
}

/** What the reader asked the cleaner to keep. */
export interface CleanOptions {
  /** Keep the orientation (as a minimal orientation-only EXIF) so the photo does not turn sideways. Default true. */
  keepOrientation: boolean;
  /** Keep the ICC colour profile so colours do not shift. Default true. */
  keepColorProfile: boolean;
}

export const DEFAULT_CLEAN_OPTIONS: CleanOptions = { keepOrientation: true, keepColorProfile: true };

/** One part of the clean file: a range of the original, or new bytes. */
export type CleanPart = { kind: 'copy'; offset: number; length: number } | { kind: 'bytes'; data: Uint8Array };

/**
 * Why a block is still in a clean file: the orientation-only EXIF the cleaner
 * writes, the ICC profile the reader kept, a segment the image needs to
 * decode (JPEG APP14 Adobe), or one that says nothing about the person
 * (JPEG APP0 JFIF). The policy is clean.ts keepReason().
 */
export const KEEP_REASONS = ['orientation', 'icc', 'needed', 'harmless'] as const;
export type KeepReason = (typeof KEEP_REASONS)[number];

/** How to build the clean file, and what it leaves out. */
export interface CleanPlan {
  format: 'jpeg' | 'png' | 'webp';
  parts: CleanPart[];
  /** Total size of the clean file. */
  size: number;
  /** Blocks that were left out. */
  removed: MetadataBlock[];
  /** Blocks that were kept, each with the reason. */
  kept: Array<{ block: MetadataBlock; reason: KeepReason }>;
}
