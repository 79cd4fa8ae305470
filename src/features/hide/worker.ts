/**
 * Hide's worker (a module worker): decodes the original photo at full size
 * with its orientation applied, paints the regions on an OffscreenCanvas,
 * encodes (JPEG 0.92, PNG for a PNG), then walks the result with the site's
 * own format walker and hands it over only when it carries no metadata (the
 * JFIF header and the sRGB profile the browser writes are all that may stay;
 * anything more is removed losslessly with the cleaner's code, then checked
 * again). Nothing here touches the network.
 */
import { blobSource, sniffBytes, walk, type CleanOptions } from '../../formats/index';
import { serve } from '../../lib/worker-serve';
import { JPEG_QUALITY } from '../cleaner/convert';
import { cleanLossless, verifyBlob } from '../cleaner/lossless';
import { mimeFor, neutralName } from '../cleaner/naming';
import { zipBlobs } from '../cleaner/zip';
import { downscale } from '../vision/geometry';
import { canvasAttempts } from './fit';
import { paintRegion } from './paint';
import { HIDE_PROTOCOL, type HideFailure, type HideReply } from './protocol';
import { toPixels, type Region } from './regions';

/**
 * What may stay in an exported file: no orientation (it is in the pixels
 * now), and the colour profile the browser's encoder writes (Chromium: an sRGB
 * profile, research vision-2026-12 §3.4); verify.ts allows nothing else.
 */
const EXPORT_POLICY: CleanOptions = { keepOrientation: false, keepColorProfile: true };
/** Quality of the preview: it is only shown, and a quicker encode keeps it responsive. */
const PREVIEW_QUALITY = 0.8;

type Format = 'jpeg' | 'png';

const fail = (failure: HideFailure, detail: string): HideReply => ({ type: 'failed', failure, detail: detail.slice(0, 300) });

serve(self, HIDE_PROTOCOL, async (request): Promise<HideReply> => {
  if (request.type === 'zip') {
    try {
      return { type: 'zipped', blob: await zipBlobs(request.entries) };
    } catch {
      return fail('internal', 'the ZIP could not be built');
    }
  }
  const started = performance.now();
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(request.file, { imageOrientation: 'from-image' });
  } catch (error) {
    return fail('decode', String(error));
  }
  try {
    if (request.type === 'preview') {
      const size = downscale(bitmap.width, bitmap.height, request.maxEdge);
      const drawn = await draw(bitmap, size, request.regions, 'jpeg', PREVIEW_QUALITY);
      return drawn ? { type: 'preview', blob: drawn } : fail('canvas', 'no canvas');
    }
    return await exportFull(bitmap, request.file, request.regions, request.position, request.maxArea, started);
  } finally {
    bitmap.close();
  }
});

async function exportFull(
  bitmap: ImageBitmap,
  file: Blob,
  regions: readonly Region[],
  position: number,
  maxArea: number | undefined,
  started: number,
): Promise<HideReply> {
  const phases = { decode: performance.now() - started, draw: 0, encode: 0, verify: 0 };
  const format: Format = sniffBytes(new Uint8Array(await file.slice(0, 16).arrayBuffer())) === 'png' ? 'png' : 'jpeg';
  for (const size of canvasAttempts(bitmap.width, bitmap.height, maxArea)) {
    const encoded = await draw(bitmap, size, regions, format, JPEG_QUALITY, phases);
    if (!encoded) continue;
    const verifying = performance.now();
    const checked = await verified(encoded);
    phases.verify = performance.now() - verifying;
    if (!checked) return fail('verify', 'metadata left after cleaning');
    return {
      type: 'exported',
      blob: checked.blob,
      name: neutralName(position, format),
      format,
      width: size.width,
      height: size.height,
      fullWidth: bitmap.width,
      fullHeight: bitmap.height,
      removed: checked.removed,
      left: checked.left,
      ms: performance.now() - started,
      phases,
    };
  }
  return fail('canvas', `no canvas size worked for ${bitmap.width}×${bitmap.height}`);
}

/**
 * Draws, paints and encodes at one size; undefined when the browser refuses
 * that canvas: no context, a probe pixel that does not read back (Safari
 * past its cap hands out a canvas that draws nothing), or an encoder that throws.
 */
async function draw(
  bitmap: ImageBitmap,
  size: { width: number; height: number },
  regions: readonly Region[],
  format: Format,
  quality: number,
  phases?: { draw: number; encode: number },
): Promise<Blob | undefined> {
  try {
    const drawing = performance.now();
    const canvas = new OffscreenCanvas(size.width, size.height);
    const context = canvas.getContext('2d', { willReadFrequently: false });
    if (!context) return undefined;
    context.fillStyle = 'rgb(1, 2, 3)';
    context.fillRect(size.width - 1, size.height - 1, 1, 1);
    const probe = context.getImageData(size.width - 1, size.height - 1, 1, 1).data;
    if (probe[0] !== 1 || probe[1] !== 2 || probe[2] !== 3 || probe[3] !== 255) return undefined;
    context.clearRect(0, 0, size.width, size.height);
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    for (const region of regions) {
      const rect = toPixels(region.box, size.width, size.height);
      if (rect.w === 0 || rect.h === 0) continue;
      const image = context.getImageData(rect.x, rect.y, rect.w, rect.h);
      paintRegion(image, { x: 0, y: 0, w: rect.w, h: rect.h }, region.style);
      context.putImageData(image, rect.x, rect.y);
    }
    const encoding = performance.now();
    if (phases) phases.draw = encoding - drawing;
    const blob = await canvas.convertToBlob(format === 'png' ? { type: mimeFor('png') } : { type: mimeFor('jpeg'), quality });
    if (phases) phases.encode = performance.now() - encoding;
    return blob;
  } catch (error) {
    // A canvas too large for the browser throws a DOMException or a RangeError (allocation); anything else is a bug, and says so.
    if (error instanceof DOMException || error instanceof RangeError) return undefined;
    throw error;
  }
}

/** The file when the walker finds nothing to remove; else the cleaner's lossless copy when that one passes; else undefined. */
async function verified(blob: Blob): Promise<{ blob: Blob; removed: number; left: HideReplyLeft } | undefined> {
  const first = await verifyBlob(blob, EXPORT_POLICY, 'converted');
  if (first.verdict.ok) return { blob, removed: 0, left: first.verdict.left.map((l) => l.kind) };
  const source = blobSource(blob);
  const inventory = await walk(source);
  const cleaned = await cleanLossless(blob, EXPORT_POLICY, inventory, source);
  const second = await verifyBlob(cleaned.blob, EXPORT_POLICY, 'converted');
  if (!second.verdict.ok) return undefined;
  return { blob: cleaned.blob, removed: cleaned.plan.removed.length, left: second.verdict.left.map((l) => l.kind) };
}

type HideReplyLeft = Extract<HideReply, { type: 'exported' }>['left'];
