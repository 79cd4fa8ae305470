/**
 * Decodes a photo upright, in a worker, for the tools that work on its
 * pixels (the scan and Hide). HEIC, which Chromium and Firefox cannot
 * decode, goes through the cleaner's libheif decoder (WebAssembly, 1.4 MB,
 * fetched only for such a photo; libheif applies the HEIF rotation and
 * mirror itself). Worker-only: it uses createImageBitmap and OffscreenCanvas
 * types, and imports the decoder on demand.
 */
import { sniffBytes } from '../../formats/sniff';

/** The photo upright, and whether it took the WebAssembly decoder (the page then cannot show the file itself). */
export interface Decoded {
  bitmap: ImageBitmap;
  viaLibheif: boolean;
}

/** True when the bytes are a HEIF/HEIC file (the ftyp brands: src/formats/sniff.ts). */
async function isHeic(file: Blob): Promise<boolean> {
  return sniffBytes(new Uint8Array(await file.slice(0, 64).arrayBuffer())) === 'heic';
}

/**
 * The photo decoded with its orientation applied. Rejects when nothing can
 * decode it; each caller turns that into its own "could not open" message.
 * `measure` times the libheif step (the scan's bench reads it).
 */
export async function decodeUpright(file: Blob, measure: <T>(step: string, work: () => Promise<T>) => Promise<T> = (_, work) => work()): Promise<Decoded> {
  try {
    return { bitmap: await createImageBitmap(file, { imageOrientation: 'from-image' }), viaLibheif: false };
  } catch (error) {
    if (!(await isHeic(file))) throw error;
  }
  const { decodeHeic } = await import('../cleaner/heic');
  return { bitmap: await createImageBitmap(await measure('heic-decode', () => decodeHeic(file))), viaLibheif: true };
}
