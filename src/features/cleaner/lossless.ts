/**
 * Lossless cleaning and verification, as run inside the worker: the clean
 * file is `new Blob(parts)` where parts are slices of the original and a few
 * new bytes, so image data is never copied through JavaScript. The output is
 * then walked again with the same walker and judged by verify.ts.
 */
import {
  blobSource,
  planClean,
  planSource,
  planToBlobParts,
  walk,
  type ByteSource,
  type CleanOptions,
  type CleanPlan,
  type Inventory,
} from '../../formats/index';
import { WHOLE } from '../../formats/source';
import { ExifUnreadable, outlineExif, type ExifOutline } from './exif-tags';
import { mimeFor } from './naming';
import { jpegTailIsCopiedScan, pngImageRunsInOutput, verifyClean, type CleanMode, type Verdict } from './verify';

/** Cleans a JPEG, PNG or WebP whose inventory is known; pass the source the walk used so its cached headers are not read again. */
export async function cleanLossless(
  file: Blob,
  options: CleanOptions,
  inventory: Inventory,
  source: ByteSource = blobSource(file),
): Promise<{ blob: Blob; plan: CleanPlan }> {
  const plan = await planClean(source, options, inventory);
  const blob = new Blob(planToBlobParts(plan, file), { type: mimeFor(plan.format) });
  return { blob, plan };
}

/**
 * Walks a clean file again and judges it; the output inventory is returned for the report.
 * With `copied` (a lossless clean: its plan and the walk of the original) and
 * its `source` (the one the walk read), the clean file is read through the
 * plan's parts (planSource): the very slices of the original and new bytes
 * its Blob is made of, with the headers served from the walk's cache, not
 * from another Blob read (each costs 1–20 ms in a Chromium worker, more than
 * a whole WebP walk). A big lossless JPEG's output (or any lossless JPEG's,
 * without the plan's source) is walked up to its first SOS, and the rest is
 * accepted when jpegTailIsCopiedScan() shows it is the original's scan data,
 * copied to the original's true EOI, and the output ends with FF D9: the same
 * verdict as a full walk (see jpegTailIsCopiedScan) without scanning the
 * picture again. A PNG's output walk steps over the original's image-data
 * runs copied into it. Without `copied`, the Blob itself is walked in full.
 */
export async function verifyBlob(
  blob: Blob,
  options: CleanOptions,
  mode: CleanMode,
  copied?: { plan: CleanPlan; original: Inventory; source?: ByteSource },
): Promise<{ verdict: Verdict; inventory: Inventory }> {
  const planned =
    copied?.source && copied.plan.size === blob.size && copied.source.size === copied.original.size ? planSource(copied.plan, copied.source) : undefined;
  const source = planned ?? blobSource(blob);
  let inventory: Inventory | undefined;
  // A small original read through the plan is in the walk's cache: its full walk costs no Blob read.
  if (copied?.plan.format === 'jpeg' && (!planned || copied.original.size > WHOLE)) {
    const head = await walk(source, { scan: 'headers' });
    if (head.format === 'jpeg' && head.headersOnly && head.scanStart !== undefined && jpegTailIsCopiedScan(copied.plan, copied.original, head.scanStart)) {
      const last = await source.read(source.size - 2, 2);
      if (last[0] === 0xff && last[1] === 0xd9) {
        const { headersOnly: _skipped, ...rest } = head;
        inventory = { ...rest, imageEnd: source.size };
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
