/**
 * The guesses worker (issue #16), apart from the scan's: on the reader's
 * request it loads face-api's runtime and its age/gender and expression
 * networks from /models/ (never bundled, never with the page), cuts each
 * face the scan found out of the photo, and replies with what the networks
 * guess. No detector runs here: the scan's boxes are reused.
 *
 * face-api bundles tfjs 4.22.0, the same version as Human, so it runs on the
 * WebAssembly backend from the same .wasm files the scan already cached.
 * Every path is set here (wasm folder, weights folder): nothing is left to a
 * library default that could point at a CDN.
 */
import { asset, folderOf } from '../assets';
import { ByteProgress, countingFetch } from '../loading';
import { serve } from '../../../lib/worker-serve';
import { squareCrop, NET_INPUT } from './crop';
import { ageGenderSchema, expressionsSchema, isFaceApi, manifestSchema, type FaceApi, type Tensor } from './library';
import { EXPRESSIONS, GUESSES_PROTOCOL, type FaceGuess, type GuessFailure, type GuessProgress, type GuessReply, type GuessRequest } from './protocol';
import { GUESS_ROLES } from './files';

class GuessError extends Error {
  constructor(
    readonly failure: GuessFailure,
    message: string,
  ) {
    super(message);
  }
}

function failureOf(error: unknown): GuessFailure {
  if (error instanceof GuessError) return error.failure;
  if (error instanceof RangeError || /memory|allocation|OOM/i.test(String(error))) return 'memory';
  return 'internal';
}

let api: FaceApi | undefined;

/** Stands for the DOM's Image and Video, which a worker lacks: face-api only tests `instanceof` against them, and nothing passed is one. */
class NoElement {
  readonly kind = 'none';
}

/** Loads one network's weights from its manifest; tfjs fetches the .bin next to it (through the counting fetch). */
async function loadNet(lib: FaceApi, net: { loadFromWeightMap: (map: unknown) => void }, role: string): Promise<void> {
  const url = asset(role).url;
  const response = await fetch(url);
  if (!response.ok) throw new GuessError('model-load', `${role}: HTTP ${response.status}`);
  const manifest = manifestSchema.safeParse(await response.json());
  if (!manifest.success) throw new GuessError('model-load', `${role}: ${manifest.error.message}`);
  net.loadFromWeightMap(await lib.tf.io.loadWeights(manifest.data, folderOf(url)));
}

async function loadApi(): Promise<FaceApi> {
  if (api) return api;
  const runtime = asset('guess-runtime').url;
  let mod: unknown;
  try {
    // Fetched whole first so its bytes are counted (an import is not a fetch); the import then comes from the models cache.
    const response = await fetch(runtime);
    if (!response.ok) throw new GuessError('model-load', `face-api: HTTP ${response.status}`);
    await response.arrayBuffer();
    mod = await import(/* @vite-ignore */ runtime);
  } catch (error) {
    if (error instanceof GuessError) throw error;
    throw new GuessError('model-load', String(error));
  }
  if (!isFaceApi(mod)) throw new GuessError('model-load', 'face-api did not load');
  // face-api finds neither a browser nor Node in a worker: give it what it checks tensors against (no DOM is used; input is a tensor).
  mod.env.setEnv({
    Canvas: OffscreenCanvas,
    CanvasRenderingContext2D: OffscreenCanvasRenderingContext2D,
    Image: NoElement,
    ImageData,
    Video: NoElement,
    createCanvasElement: () => new OffscreenCanvas(1, 1),
    createImageElement: () => new NoElement(),
    createVideoElement: () => new NoElement(),
    fetch: (url: string, init?: RequestInit) => fetch(url, init),
    readFile: () => Promise.reject(new Error('no file system')),
  });
  try {
    // The same tfjs version as Human's: the scan's cached .wasm files serve both. No threads (no COEP: research §3.1).
    mod.tf.setWasmPaths(folderOf(asset('tfjs-wasm-simd').url));
    await mod.tf.setBackend('wasm');
    await mod.tf.ready();
    await loadNet(mod, mod.nets.ageGenderNet, 'guess-age-json');
    await loadNet(mod, mod.nets.faceExpressionNet, 'guess-expression-json');
  } catch (error) {
    if (error instanceof GuessError) throw error;
    throw new GuessError('model-load', String(error));
  }
  if (mod.tf.getBackend() !== 'wasm') throw new GuessError('model-load', `backend ${mod.tf.getBackend()}`);
  api = mod;
  return mod;
}

async function decode(file: Blob): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (error) {
    throw new GuessError('decode', String(error));
  }
}

/** One face, cut out at the networks' input size, as a tensor (ImageData: no DOM). */
function faceTensor(lib: FaceApi, bitmap: ImageBitmap, box: GuessRequest['faces'][number]['box']): Tensor {
  const crop = squareCrop(box, bitmap.width, bitmap.height);
  const canvas = new OffscreenCanvas(NET_INPUT, NET_INPUT);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new GuessError('memory', 'no 2d context');
  ctx.drawImage(bitmap, crop.x, crop.y, crop.w, crop.h, 0, 0, NET_INPUT, NET_INPUT);
  return lib.tf.browser.fromPixels(ctx.getImageData(0, 0, NET_INPUT, NET_INPUT));
}

async function guessOne(lib: FaceApi, input: Tensor, faceId: string): Promise<FaceGuess> {
  const ageGender = ageGenderSchema.safeParse(await lib.nets.ageGenderNet.predictAgeAndGender(input));
  if (!ageGender.success) throw new GuessError('internal', `age/gender output: ${ageGender.error.message}`);
  const expressions = expressionsSchema.safeParse(await lib.nets.faceExpressionNet.predictExpressions(input));
  if (!expressions.success) throw new GuessError('internal', `expression output: ${expressions.error.message}`);
  const probabilities = expressions.data;
  return {
    faceId,
    age: Math.min(150, Math.max(0, ageGender.data.age)),
    gender: ageGender.data.gender,
    genderProbability: ageGender.data.genderProbability,
    expressions: EXPRESSIONS.map((expression) => ({ expression, probability: probabilities[expression] })),
  };
}

async function guess(request: GuessRequest, post: (progress: GuessProgress) => void): Promise<GuessReply> {
  if (typeof WebAssembly !== 'object') throw new GuessError('no-wasm', 'no WebAssembly');
  const progress = new ByteProgress(api ? 0 : GUESS_ROLES.reduce((sum, r) => sum + asset(r).bytes, 0), (loaded, total) =>
    post({ type: 'loading', loaded, total }),
  );
  const base = self.fetch.bind(self);
  // Only face-api's own folder is counted: the tfjs .wasm comes from the scan's folder, already cached and not in the total.
  self.fetch = countingFetch(base, folderOf(asset('guess-runtime').url), (n) => progress.add(n));
  try {
    const [lib, bitmap] = await Promise.all([loadApi(), decode(request.file)]);
    progress.finish();
    post({ type: 'working' });
    const started = performance.now();
    const guesses: FaceGuess[] = [];
    for (const face of request.faces) {
      const input = faceTensor(lib, bitmap, face.box);
      try {
        guesses.push(await guessOne(lib, input, face.id));
      } finally {
        input.dispose();
      }
    }
    bitmap.close();
    return { type: 'done', guesses, msPerFace: (performance.now() - started) / request.faces.length };
  } finally {
    self.fetch = base;
  }
}

serve(self, GUESSES_PROTOCOL, async (request, context): Promise<GuessReply> => {
  try {
    return await guess(request, context.progress);
  } catch (error) {
    return { type: 'failed', failure: failureOf(error), detail: String(error).slice(0, 300) };
  }
});
