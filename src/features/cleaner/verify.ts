/**
 * The verification rules: after cleaning, the output is walked again with the
 * same walker, and this module decides whether it may be handed to the
 * reader. A file that still holds something the reader asked to remove is
 * refused. Pure, no DOM, so unit tests reach every rule.
 */
import { keepReason } from '../../formats/clean';
import { TAGS } from '../../formats/exif';
import type { BlockKind, ByteRange, CleanOptions, CleanPlan, Inventory, KeepReason, MetadataBlock } from '../../formats/types';
import type { ExifOutline } from './exif-tags';

/** Something found in the output that should not be there. */
export type Leftover =
  | BlockKind // a block the keep policy does not keep
  | 'gps' // a GPS IFD pointer in the EXIF that remains
  | 'exif-tags' // EXIF tags other than Orientation
  | 'exif-unreadable'; // an EXIF structure the verifier cannot read (treated as unsafe)

/** How the clean file was made. */
export type CleanMode =
  /** Metadata blocks left out, image bytes copied as they are. */
  | 'lossless'
  /** Decoded and re-encoded by a canvas (HEIC/AVIF → JPEG): only what the canvas writes can be there. */
  | 'converted';

/** The verifier's decision about one clean file. */
export interface Verdict {
  /** True when nothing the reader asked to remove is left. */
  ok: boolean;
  /** What was found that should not be there (empty when ok). */
  problems: Leftover[];
  /** What is left on purpose, and why (shown to the reader). */
  left: Array<{ kind: BlockKind; reason: KeepReason }>;
}

/**
 * Judges a clean file. `inventory` is the walk of the output; `exif` is the
 * outline of its EXIF structure (when it has one), or 'unreadable'.
 * Rules: every block but EXIF may stay only for the reason the cleaner's own
 * keep policy gives (keepReason in src/formats/clean.ts: JFIF, Adobe, and an
 * ICC profile when the reader kept it, or the one a canvas-made JPEG carries),
 * so the verifier is never more lenient than the cleaner: an unknown chunk,
 * which the cleaner removes, is a failure here. EXIF only when orientation is
 * kept, and then IFD0 holds Orientation alone, with no GPS/EXIF pointers and
 * no IFD1 thumbnail.
 */
export function verifyClean(inventory: Inventory, options: CleanOptions, exif: ExifOutline | 'unreadable' | undefined, mode: CleanMode = 'lossless'): Verdict {
  const problems = new Set<Leftover>();
  const left: Verdict['left'] = [];
  // The canvas that made a converted file may write its own colour profile.
  const policy = mode === 'converted' ? { ...options, keepColorProfile: true } : options;
  for (const block of inventory.blocks) {
    const kind = block.kind;
    if (kind === 'exif') {
      const exifProblems = judgeExif(exif, options, mode);
      if (exifProblems.length === 0) left.push({ kind, reason: 'orientation' });
      for (const p of exifProblems) problems.add(p);
      continue;
    }
    const reason = keepReason(block, inventory.format, policy);
    if (reason) left.push({ kind, reason });
    else problems.add(kind);
  }
  if (inventory.imageEnd !== undefined && inventory.imageEnd < inventory.size) problems.add('trailer');
  // One line per kind: an ICC profile split over nine APP2 segments is one profile.
  const unique = left.filter((item, i) => left.findIndex((other) => other.kind === item.kind) === i);
  return { ok: problems.size === 0, problems: [...problems], left: unique };
}

function judgeExif(exif: ExifOutline | 'unreadable' | undefined, options: CleanOptions, mode: CleanMode): Leftover[] {
  if (exif === undefined || exif === 'unreadable') return ['exif-unreadable'];
  const out: Leftover[] = [];
  // A converted file has its orientation applied to the pixels: no EXIF at all is expected.
  if (!options.keepOrientation || mode === 'converted') out.push('exif');
  if (exif.tags.includes(TAGS.gpsIfd)) out.push('gps');
  if (exif.tags.some((tag) => tag !== TAGS.orientation)) out.push('exif-tags');
  if (exif.hasNextIfd) out.push('thumbnail');
  return out;
}

/**
 * Whether everything from `outputScanStart` (the first SOS of a lossless JPEG
 * clean, found by a headers-only walk of the output) to the end of the output
 * is one byte range copied from the original, from its first SOS to the true
 * end of image that the full walk of the original established, with no
 * metadata block inside that range. When it is, the full walk of the output
 * would read exactly the bytes the original's walk already read from its first
 * SOS on, and make the same decisions: the walker's state there is the same
 * ("in a scan"), so it would find the same blocks (none) and end at the same
 * EOI, which is the end of the output (no trailer). Walking the output's scan
 * again would only re-read ~22 MB (~250–650 ms in Chromium) to learn that.
 * The caller also checks that the output really ends with FF D9.
 */
export function jpegTailIsCopiedScan(plan: CleanPlan, original: Inventory, outputScanStart: number): boolean {
  const { scanStart, imageEnd } = original;
  if (plan.format !== 'jpeg' || original.format !== 'jpeg' || original.headersOnly || scanStart === undefined || imageEnd === undefined) return false;
  if (original.blocks.some((b) => b.offset >= scanStart && b.offset < imageEnd)) return false;
  let out = 0;
  for (let i = 0; i < plan.parts.length; i++) {
    const part = plan.parts[i]!;
    const length = part.kind === 'copy' ? part.length : part.data.length;
    if (outputScanStart >= out && outputScanStart < out + length) {
      return (
        i === plan.parts.length - 1 &&
        part.kind === 'copy' &&
        out + length === plan.size &&
        part.offset + (outputScanStart - out) === scanStart &&
        part.offset + part.length === imageEnd
      );
    }
    out += length;
  }
  return false;
}

/**
 * Where the original's PNG image-data runs (Inventory.imageRuns) sit in the
 * clean file: each run that lies whole inside a part copied from the original
 * is at the same place relative to that part. The output walk can step over
 * these (WalkOptions.imageData): the bytes are the original's, which its walk
 * found to be nothing but whole IDAT/fdAT chunks, so a chunk-by-chunk walk
 * would find the same thing there. Empty when the plan is not a PNG's.
 */
export function pngImageRunsInOutput(plan: CleanPlan, original: Inventory): ByteRange[] {
  if (plan.format !== 'png' || original.format !== 'png' || !original.imageRuns) return [];
  const out: ByteRange[] = [];
  let at = 0;
  for (const part of plan.parts) {
    if (part.kind === 'copy') {
      for (const run of original.imageRuns) {
        if (run.offset >= part.offset && run.offset + run.length <= part.offset + part.length)
          out.push({ offset: at + run.offset - part.offset, length: run.length });
      }
      at += part.length;
    } else at += part.data.length;
  }
  return out;
}

/** One line of the "what was removed" list. */
export interface RemovedSummary {
  kind: BlockKind;
  /** How many blocks of this kind. */
  count: number;
  /** Their total size in bytes. */
  bytes: number;
}

/** Groups removed blocks by kind, in the order each kind first appears in the file. */
export function summarizeRemoved(blocks: readonly MetadataBlock[]): RemovedSummary[] {
  const byKind = new Map<BlockKind, RemovedSummary>();
  for (const b of blocks) {
    const row = byKind.get(b.kind) ?? { kind: b.kind, count: 0, bytes: 0 };
    row.count += 1;
    row.bytes += b.length;
    byKind.set(b.kind, row);
  }
  return [...byKind.values()];
}
