/**
 * Hide's worker (a module worker): decodes the original photo at full size
 * with its orientation applied, paints the regions on an OffscreenCanvas,
 * encodes (JPEG 0.92, PNG for a PNG), then walks the result with the site's
 * own format walker and hands it over only when it carries no metadata (the
 * JFIF header and the sRGB profile the browser writes are all that may stay;
 * anything more is removed losslessly with the cleaner's code, then checked
 * again). Nothing here touches the network.
 */
import { serve } from '../../lib/worker-serve';
import { decodeUpright } from '../photos/decode';
import { zipBlobs } from '../cleaner/zip';
import { downscale } from '../vision/geometry';
import { draw, exportFull, fail, type MakeCanvas } from './export';
import { HIDE_PROTOCOL, type HideReply } from './protocol';

/** Quality of the preview: it is only shown, and a quicker encode keeps it responsive. */
const PREVIEW_QUALITY = 0.8;

/** The browser's canvas (the 2D context is asked without willReadFrequently: the photo is read back only where regions are painted). */
const offscreen: MakeCanvas<ImageBitmap> = (width, height) => new OffscreenCanvas(width, height);

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
    // HEIC (which the scan reads through libheif) is decoded the same way here.
    ({ bitmap } = await decodeUpright(request.file));
  } catch (error) {
    return fail('decode', String(error));
  }
  try {
    if (request.type === 'preview') {
      const size = downscale(bitmap.width, bitmap.height, request.maxEdge);
      const drawn = await draw(bitmap, offscreen, size, request.regions, 'jpeg', PREVIEW_QUALITY);
      return drawn ? { type: 'preview', blob: drawn } : fail('canvas', 'no canvas');
    }
    return await exportFull(bitmap, offscreen, request.file, request.regions, request.position, request.maxArea, started);
  } finally {
    bitmap.close();
  }
});
