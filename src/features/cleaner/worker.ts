/**
 * The cleaner's worker: takes one request at a time (the bridge queues them),
 * cleans a file and verifies the result, or builds a ZIP, and answers with a
 * small message holding the Blob. The bridge's `serve` checks each answer
 * against the protocol before sending it. Nothing here touches the network.
 */
import { blobSource, FormatError, walk, type CleanOptions, type CleanPlan, type MetadataBlock } from '../../formats/index';
import { serve, type ServeContext } from '../../lib/worker-serve';
import { convertToJpeg, toPng } from './convert';
import { cleanLossless, verifyBlob } from './lossless';
import { CLEANER_PROTOCOL, type CleanerProgress, type CleanerResponse } from './protocol';
import { summarizeRemoved, type CleanMode } from './verify';
import { zipBlobs } from './zip';

serve(self, CLEANER_PROTOCOL, async (request, context): Promise<CleanerResponse> => {
  if (request.type === 'zip') {
    try {
      return { type: 'zipped', blob: await zipBlobs(request.entries) };
    } catch {
      return { type: 'failed', code: 'internal', leftovers: [], cause: 'the ZIP could not be built' };
    }
  }
  if (request.type === 'png') {
    try {
      return { type: 'png', blob: await toPng(request.blob) };
    } catch {
      return { type: 'failed', code: 'decode-failed', leftovers: [] };
    }
  }
  try {
    return await clean(request.file, request.options, context);
  } catch (error) {
    return { type: 'failed', code: error instanceof FormatError ? error.code : 'internal', leftovers: [] };
  }
});

async function clean(file: Blob, options: CleanOptions, context: ServeContext<CleanerProgress>): Promise<CleanerResponse> {
  const started = performance.now();
  // One source for the walk and the plan: the plan's reads (EXIF for the orientation, WebP chunk headers) hit its cache.
  const source = blobSource(file);
  const inventory = await walk(source);
  const walked = performance.now();
  const format = inventory.format;
  if (format === 'tiff' || format === 'gif') return { type: 'failed', code: format, leftovers: [] };

  // Either a canvas conversion (HEIC/AVIF → JPEG) or a lossless clean; then the same verification and answer.
  let made: { mode: CleanMode; format: CleanPlan['format']; blob: Blob; removed: MetadataBlock[]; copied?: Parameters<typeof verifyBlob>[3] };
  if (format === 'heic' || format === 'avif') {
    context.progress({ type: 'converting' });
    try {
      made = { mode: 'converted', format: 'jpeg', blob: await convertToJpeg(file, format), removed: inventory.blocks };
    } catch {
      return { type: 'failed', code: 'decode-failed', leftovers: [] };
    }
  } else {
    const { blob, plan } = await cleanLossless(file, options, inventory, source);
    made = { mode: 'lossless', format: plan.format, blob, removed: plan.removed, copied: { plan, original: inventory, source } };
  }
  const cleaned = performance.now();
  const { verdict } = await verifyBlob(made.blob, options, made.mode, made.copied);
  if (!verdict.ok) return { type: 'failed', code: 'verify-failed', leftovers: verdict.problems };
  return {
    type: 'cleaned',
    mode: made.mode,
    sourceFormat: format,
    format: made.format,
    blob: made.blob,
    originalSize: file.size,
    size: made.blob.size,
    removed: summarizeRemoved(made.removed),
    left: verdict.left,
    ms: performance.now() - started,
    phases: { walk: walked - started, clean: cleaned - walked, verify: performance.now() - cleaned },
  };
}
