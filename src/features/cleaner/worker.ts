/**
 * The cleaner's worker: takes one file at a time (the page sends them in
 * sequence), cleans it, verifies the result and answers with a small message
 * holding the clean Blob. Nothing here touches the network.
 */
import { blobSource, FormatError, walk, type CleanOptions, type CleanPlan, type MetadataBlock } from '../../formats/index';
import { convertToJpeg } from './convert';
import { cleanLossless, verifyBlob } from './lossless';
import { requestSchema, type CleanerRequest, type CleanerResponse } from './protocol';
import { summarizeRemoved, type CleanMode } from './verify';
import { zipBlobs } from './zip';

function send(message: CleanerResponse): void {
  self.postMessage(message);
}

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = requestSchema.safeParse(event.data);
  if (!parsed.success) return; // not ours: the page only sends parsed requests
  void handle(parsed.data);
});

async function handle(request: CleanerRequest): Promise<void> {
  if (request.type === 'zip') {
    try {
      send({ type: 'zipped', id: request.id, blob: await zipBlobs(request.entries) });
    } catch {
      send({ type: 'failed', id: request.id, code: 'internal', leftovers: [] });
    }
    return;
  }
  try {
    send(await clean(request.id, request.file, request.options));
  } catch (error) {
    send({ type: 'failed', id: request.id, code: error instanceof FormatError ? error.code : 'internal', leftovers: [] });
  }
}

async function clean(id: string, file: Blob, options: CleanOptions): Promise<CleanerResponse> {
  const started = performance.now();
  // One source for the walk and the plan: the plan's reads (EXIF for the orientation, WebP chunk headers) hit its cache.
  const source = blobSource(file);
  const inventory = await walk(source);
  const walked = performance.now();
  const format = inventory.format;
  if (format === 'tiff' || format === 'gif') return { type: 'failed', id, code: format, leftovers: [] };

  // Either a canvas conversion (HEIC/AVIF → JPEG) or a lossless clean; then the same verification and answer.
  let made: { mode: CleanMode; format: CleanPlan['format']; blob: Blob; removed: MetadataBlock[]; copied?: Parameters<typeof verifyBlob>[3] };
  if (format === 'heic' || format === 'avif') {
    send({ type: 'converting', id });
    try {
      made = { mode: 'converted', format: 'jpeg', blob: await convertToJpeg(file, format), removed: inventory.blocks };
    } catch {
      return { type: 'failed', id, code: 'decode-failed', leftovers: [] };
    }
  } else {
    const { blob, plan } = await cleanLossless(file, options, inventory, source);
    made = { mode: 'lossless', format: plan.format, blob, removed: plan.removed, copied: { plan, original: inventory, source } };
  }
  const cleaned = performance.now();
  const { verdict } = await verifyBlob(made.blob, options, made.mode, made.copied);
  if (!verdict.ok) return { type: 'failed', id, code: 'verify-failed', leftovers: verdict.problems };
  return {
    type: 'cleaned',
    id,
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
