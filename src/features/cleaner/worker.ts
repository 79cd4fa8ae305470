/**
 * The cleaner's worker: takes one file at a time (the page sends them in
 * sequence), cleans it, verifies the result and answers with a small message
 * holding the clean Blob. Nothing here touches the network.
 */
import { blobSource, FormatError, walk, type CleanOptions } from '../../formats/index';
import { convertToJpeg } from './convert';
import { cleanLossless, verifyBlob } from './lossless';
import { requestSchema, type CleanerRequest, type CleanerResponse } from './protocol';
import { summarizeRemoved } from './verify';
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

  if (format === 'heic' || format === 'avif') {
    send({ type: 'converting', id });
    let blob: Blob;
    try {
      blob = await convertToJpeg(file, format);
    } catch {
      return { type: 'failed', id, code: 'decode-failed', leftovers: [] };
    }
    const converted = performance.now();
    const { verdict } = await verifyBlob(blob, options, 'converted');
    if (!verdict.ok) return { type: 'failed', id, code: 'verify-failed', leftovers: verdict.problems };
    return {
      type: 'cleaned',
      id,
      mode: 'converted',
      sourceFormat: format,
      format: 'jpeg',
      blob,
      originalSize: file.size,
      size: blob.size,
      removed: summarizeRemoved(inventory.blocks),
      left: verdict.left,
      ms: performance.now() - started,
      phases: { walk: walked - started, clean: converted - walked, verify: performance.now() - converted },
    };
  }

  const { blob, plan } = await cleanLossless(file, options, inventory, source);
  const planned = performance.now();
  const { verdict } = await verifyBlob(blob, options, 'lossless', { plan, original: inventory, source });
  if (!verdict.ok) return { type: 'failed', id, code: 'verify-failed', leftovers: verdict.problems };
  return {
    type: 'cleaned',
    id,
    mode: 'lossless',
    sourceFormat: format,
    format: plan.format,
    blob,
    originalSize: file.size,
    size: blob.size,
    removed: summarizeRemoved(plan.removed),
    left: verdict.left,
    ms: performance.now() - started,
    phases: { walk: walked - started, clean: planned - walked, verify: performance.now() - planned },
  };
}
