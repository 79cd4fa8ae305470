/**
 * Lossless cleaning and verification, as run inside the worker: the clean
 * file is `new Blob(parts)` where parts are slices of the original and a few
 * new bytes, so image data is never copied through JavaScript. The output is
 * then walked again with the same walker and judged by verify.ts.
 */
import { blobSource, planClean, planToBlobParts, walk, type CleanOptions, type CleanPlan, type Inventory } from '../../formats/index';
import { ExifUnreadable, outlineExif, type ExifOutline } from './exif-tags';
import { mimeFor } from './naming';
import { verifyClean, type CleanMode, type Verdict } from './verify';

/** Cleans a JPEG, PNG or WebP whose inventory is known. */
export async function cleanLossless(file: Blob, options: CleanOptions, inventory: Inventory): Promise<{ blob: Blob; plan: CleanPlan }> {
  const plan = await planClean(blobSource(file), options, inventory);
  const blob = new Blob(planToBlobParts(plan, file), { type: mimeFor(plan.format) });
  return { blob, plan };
}

/** Walks a clean file again and judges it; the output inventory is returned for the report. */
export async function verifyBlob(blob: Blob, options: CleanOptions, mode: CleanMode): Promise<{ verdict: Verdict; inventory: Inventory }> {
  const source = blobSource(blob);
  const inventory = await walk(source);
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
