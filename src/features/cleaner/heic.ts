/**
 * HEIC decoding with libheif compiled to WebAssembly. Loaded only when the
 * reader chooses a HEIC photo that the browser cannot decode itself (every
 * browser but Safari): the decoder is 1.4 MB. The .wasm is served from our own
 * origin (a `?url` import) and compiled under the page's 'wasm-unsafe-eval'.
 */
import wasmUrl from 'libheif-js/libheif-wasm/libheif.wasm?url';
import libheifFactory from 'libheif-js/libheif-wasm/libheif.js';
import { z } from 'zod';

/** Pixels as libheif's display() fills them (the shape of ImageData). */
interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** The part of libheif's JavaScript wrapper we use, checked at runtime (its typings omit it). */
const heifImageSchema = z.object({
  get_width: z.custom<() => number>((v) => typeof v === 'function'),
  get_height: z.custom<() => number>((v) => typeof v === 'function'),
  display: z.custom<(target: Pixels, done: (result: Pixels | null) => void) => void>((v) => typeof v === 'function'),
  free: z.custom<() => void>((v) => typeof v === 'function'),
});
const decoderSchema = z.object({ decode: z.custom<(bytes: Uint8Array) => unknown>((v) => typeof v === 'function') });
const moduleSchema = z.object({ HeifDecoder: z.custom<new () => unknown>((v) => typeof v === 'function') });

let ready: Promise<z.infer<typeof moduleSchema>> | undefined;

function loadLibheif(): Promise<z.infer<typeof moduleSchema>> {
  ready ??= (async () => {
    const response = await fetch(wasmUrl);
    if (!response.ok) throw new Error(`libheif.wasm: HTTP ${response.status}`);
    const wasmBinary = await response.arrayBuffer();
    const module = await new Promise<unknown>((resolve, reject) => {
      const instance: unknown = libheifFactory({
        wasmBinary,
        locateFile: () => wasmUrl,
        onRuntimeInitialized: () => resolve(instance),
        onAbort: (reason: unknown) => reject(new Error(`libheif aborted: ${String(reason)}`)),
        // Keep libheif's own logging out of the console (it reports decode problems we already handle).
        print: () => undefined,
        printErr: () => undefined,
      });
    });
    const parsed = moduleSchema.safeParse(module);
    if (!parsed.success) throw new Error('libheif: unexpected module shape');
    return parsed.data;
  })();
  return ready;
}

/**
 * Decodes the primary image of a HEIC file to RGBA pixels. libheif applies
 * the HEIF transformations (irot rotation, imir mirror, clap crop), so the
 * pixels come out the way the photo is meant to be seen.
 */
export async function decodeHeic(file: Blob): Promise<ImageData> {
  const libheif = await loadLibheif();
  const decoder = decoderSchema.parse(new libheif.HeifDecoder());
  const images = z.array(z.unknown()).parse(decoder.decode(new Uint8Array(await file.arrayBuffer())));
  const first = heifImageSchema.safeParse(images[0]);
  if (!first.success) throw new Error('libheif: no image in the file');
  const image = first.data;
  try {
    const width = image.get_width();
    const height = image.get_height();
    const target = new ImageData(width, height);
    const filled = await new Promise<Pixels | null>((resolve) => image.display(target, resolve));
    if (!filled) throw new Error('libheif: decoding failed');
    return target;
  } finally {
    for (const other of images) {
      const parsed = heifImageSchema.safeParse(other);
      if (parsed.success) parsed.data.free();
    }
  }
}
