/**
 * HEIC/HEIF and AVIF → clean JPEG, on the device, inside the worker. A JPEG
 * encoded by a canvas carries no metadata at all; the orientation is applied to
 * the pixels first so nothing needs to be kept.
 */

/** JPEG quality of the canvas encoder: 0.92 is the browsers' own default and visually lossless for photos. */
export const JPEG_QUALITY = 0.92;

/**
 * Decodes with the browser when it can (Chromium decodes AVIF, Safari HEIC),
 * applying EXIF orientation (`imageOrientation: 'from-image'`); otherwise HEIC
 * goes through the WebAssembly decoder, loaded on first use.
 */
export async function convertToJpeg(file: Blob, format: 'heic' | 'avif'): Promise<Blob> {
  const source = await decode(file, format);
  const canvas = new OffscreenCanvas(source.width, source.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  if (source instanceof ImageData) context.putImageData(source, 0, 0);
  else {
    context.drawImage(source, 0, 0);
    source.close();
  }
  return canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
}

async function decode(file: Blob, format: 'heic' | 'avif'): Promise<ImageBitmap | ImageData> {
  try {
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (browserError) {
    if (format !== 'heic') throw browserError;
    const { decodeHeic } = await import('./heic');
    return decodeHeic(file);
  }
}

/**
 * A clean file's pixels as a PNG, for the clipboard (PNG is the one image type
 * browsers accept there). Decoded with the orientation applied, as a viewer
 * shows it; the PNG encoder is lossless, so the pixels are the clean file's.
 */
export async function toPng(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/png' });
}
