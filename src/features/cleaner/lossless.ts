/**
 * Lossless cleaning and verification, as run inside the worker: the clean
 * file is `new Blob(parts)` where parts are slices of the original and a few
 * new bytes, so image data is never copied through JavaScript. The output is
 * then walked again with the same walker and judged by verify.ts.
 */
import { assemble, blobSource, bufferSource, planClean, planToBlobParts, walk, type ByteSource, type CleanOptions, type CleanPlan, type Inventory } from '../../formats/index';
import { WHOLE } from '../../formats/source';
import { ExifUnreadable, outlineExif, type ExifOutline } from './exif-tags';
import { mimeFor } from './naming';
import { jpegTailIsCopiedScan, pngImageRunsInOutput, verifyClean, type CleanMode, type Verdict } from './verify';

/** Cleans a JPEG, PNG or WebP whose inventory is known; pass the source the walk used so its cached headers are not read again. */
export async function cleanLossless(file: Blob, options: CleanOptions, inventory: Inventory, source: ByteSource = blobSource(file)): Promise<{ blob: Blob; plan: CleanPlan }> {
  const plan = await planClean(source, options, inventory);
  const blob = new Blob(planToBlobParts(plan, file), { type: mimeFor(plan.format) });
  return { blob, plan };
}

/**
 * Walks a clean file again and judges it; the output inventory is returned for the report.
 * With `copied` (a lossless JPEG clean: its plan and the full walk of the
 * original), the output is walked only up to its first SOS, and the rest is
 * accepted when jpegTailIsCopiedScan() shows it is the original's scan data,
 * copied to the original's true EOI, and the output ends with FF D9: the
 * same verdict as a full walk (see jpegTailIsCopiedScan) for 3 reads instead
 * of re-reading the whole scan. With `copied.source` (the walk's source of a
 * small original, read whole), the output's bytes are assembled in memory
 * from the plan's parts and walked in full. For a lossless PNG clean, the output walk
 * steps over the original's image-data runs copied into it. Any other shape
 * falls back to the full walk.
 */
export async function verifyBlob(
  blob: Blob,
  options: CleanOptions,
  mode: CleanMode,
  copied?: { plan: CleanPlan; original: Inventory; source?: ByteSource },
): Promise<{ verdict: Verdict; inventory: Inventory }> {
  let source = blobSource(blob);
  let inventory: Inventory | undefined;
  if (copied?.source && copied.original.size <= WHOLE && copied.plan.size === blob.size) {
    // A small original was read whole by the walk: the clean file's bytes are assembled from the very
    // parts the Blob was made of (the cached original and the new bytes) and walked in full, without
    // another Blob read (each costs 4–20 ms in a Chromium worker, more than the whole walk).
    source = bufferSource(assemble(copied.plan, await copied.source.read(0, copied.original.size)));
  } else if (copied && copied.plan.format === 'jpeg') {
    const head = await walk(source, { scan: 'headers' });
    if (head.format === 'jpeg' && head.headersOnly && head.scanStart !== undefined && jpegTailIsCopiedScan(copied.plan, copied.original, head.scanStart)) {
      const last = await source.read(blob.size - 2, 2);
      if (last[0] === 0xff && last[1] === 0xd9) {
        const { headersOnly: _skipped, ...rest } = head;
        inventory = { ...rest, imageEnd: blob.size };
      }
    }
  }
  // A PNG's image-data runs, copied from the original, are stepped over (see pngImageRunsInOutput).
  inventory ??= await walk(source, copied && source.size > WHOLE ? { imageData: pngImageRunsInOutput(copied.plan, copied.original) } : {});
  let exif: ExifOutline | 'unreadable' | undefined;
  if (inventory.exif) {
    try {
      exif = outlineExif(await source.read(inventory.exif.offset, inventory.exif.length));
    } catch (error) {
      if (!(error instanceof ExifUnreadable)) throw error;
      exif = 'unreadable';
    }
  }
  return { verdict: verifyClean(inventory, options, exif, mode), inventory };
}
