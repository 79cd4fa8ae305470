/**
 * HEIC decoding with libheif compiled to WebAssembly. Loaded only when the
 * reader chooses a HEIC photo that the browser cannot decode itself (every
 * browser but Safari): the decoder is 1.4 MB. The .wasm is served from our own
 * origin (a `?url` import) and compiled under the page's 'wasm-unsafe-eval'.
 */
import wasmUrl from 'libheif-js/libheif-wasm/libheif.wasm?url';
import { z } from 'zod';

/** Pixels as libheif's display() fills them (the shape of ImageData). */
interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** The part of libheif's HeifImage wrapper we use (its typings omit the wrapper). */
interface HeifImage {
  get_width(): number;
  get_height(): number;
  display(target: Pixels, done: (result: Pixels | null) => void): void;
  free(): void;
}

/** True when `value` has every listed method. */
function hasMethods(value: unknown, names: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return names.every((name) => typeof Reflect.get(value, name) === 'function');
}

// z.custom checks without copying: the wrapper's methods need their own `this`.
const heifImageSchema = z.custom<HeifImage>((v) => hasMethods(v, ['get_width', 'get_height', 'display', 'free']));
const decoderSchema = z.custom<{ decode(bytes: Uint8Array): unknown }>((v) => hasMethods(v, ['decode']));
const moduleSchema = z.custom<{ HeifDecoder: new () => unknown }>(
  (v) => typeof v === 'object' && v !== null && typeof Reflect.get(v, 'HeifDecoder') === 'function',
);

let ready: Promise<z.infer<typeof moduleSchema>> | undefined;

function loadLibheif(): Promise<z.infer<typeof moduleSchema>> {
  ready ??= (async () => {
    const response = await fetch(wasmUrl);
    if (!response.ok) throw new Error(`libheif.wasm: HTTP ${response.status}`);
    const wasmBinary = await response.arrayBuffer();
    // The glue script (~180 KB) is its own chunk, fetched only here, so the worker starts without it.
    const { default: libheifFactory } = await import('libheif-js/libheif-wasm/libheif.js');
    let initialised: () => void = () => undefined;
    let aborted: (reason: Error) => void = () => undefined;
    // With wasmBinary given, the runtime may initialise synchronously, before the factory returns.
    const runtimeReady = new Promise<void>((resolve, reject) => {
      initialised = resolve;
      aborted = reject;
    });
    const module: unknown = libheifFactory({
      wasmBinary,
      locateFile: () => wasmUrl,
      onRuntimeInitialized: () => initialised(),
      onAbort: (reason: unknown) => aborted(new Error(`libheif aborted: ${String(reason)}`)),
      // Keep libheif's own logging out of the console (it reports decode problems we already handle).
      print: () => undefined,
      printErr: () => undefined,
    });
    await runtimeReady;
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
