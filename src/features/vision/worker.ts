/**
 * The scan's worker (a module worker). It decodes the photo, runs the face
 * and object detectors (Human on the tfjs WebAssembly backend) on a copy of
 * about 1,920 px, replies with those, then reads text (tesseract.js, French
 * and English) over overlapping tiles of a 2,560 px copy plus one
 * whole-frame pass, and replies with the classified lines and the findings.
 *
 * Every file comes from /models/ on this site (no library default is left to
 * point at a CDN), and the libraries are imported only when a scan starts.
 * tesseract.js runs in its own classic worker (it needs importScripts),
 * started from here with `workerBlobURL: false` (a blob: worker breaks the CSP).
 */
import type { Config, Human } from '@vladmandic/human';
import type Tesseract from 'tesseract.js';
import { relaxedSimd, simd } from 'wasm-feature-detect';
import { asset, folderOf } from './assets';
import { classifyLine } from './classify';
import { assembleFindings } from './findings';
import { downscale, toBox } from './geometry';
import { ByteProgress, countingFetch } from './loading';
import { humanResultSchema, tesseractPageSchema } from './library';
import { serve } from '../../lib/worker-serve';
import { VISION_PROTOCOL, type Failure, type ScanProgress, type ScanReply, type ScanRequest, type TextLine } from './protocol';
import { OCR_MAX_EDGE, planTiles } from './tiles';
import { groupLines, mergeWords, type Pass } from './words';

/** Long edge of the copy the detectors see: 0.6–1.9 s a detection here at 1,920 px, and Human caps its own input at 3,840 (research §3.1). */
export const DETECT_MAX_EDGE = 1920;
/** Tesseract's page segmentation modes: 11 is sparse text, found anywhere (research addendum); 3 is the automatic layout, for a page or screen that fills the frame. */
const PSM_SPARSE = '11';
const PSM_AUTO = '3';

type Post = (progress: ScanProgress) => void;

/**
 * Times one step as a User Timing measure named `vision:<step>`, which
 * `npm run bench:vision` reads from this worker after each scan (a measure
 * costs microseconds; the buffer is cleared at each scan's start).
 */
async function timed<T>(step: string, work: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(`vision:${step}`, { start });
  }
}

class ScanError extends Error {
  constructor(
    readonly failure: Failure,
    message: string,
  ) {
    super(message);
  }
}

/** A thrown error as one of the reader's messages. */
function failureOf(error: unknown): Failure {
  if (error instanceof ScanError) return error.failure;
  const text = String(error);
  if (error instanceof RangeError || /memory|allocation|OOM/i.test(text)) return 'memory';
  return 'internal';
}

let human: Human | undefined;
let ocr: Tesseract.Worker | undefined;

/** The tesseract core this browser can run (the same choice tesseract.js makes by itself, made here so its bytes are counted). */
async function coreRole(): Promise<string> {
  if (await relaxedSimd()) return 'core-relaxedsimd';
  return (await simd()) ? 'core-simd' : 'core';
}

/** Files this scan still has to load, for the progress bar. */
async function neededRoles(languages: readonly string[]): Promise<string[]> {
  const roles: string[] = [];
  if (!human)
    roles.push('human', 'face-json', 'face-bin', 'mesh-json', 'mesh-bin', 'object-json', 'object-bin', (await simd()) ? 'tfjs-wasm-simd' : 'tfjs-wasm');
  if (!ocr) roles.push('tesseract', 'tesseract-worker', await coreRole(), ...languages.map((l) => `lang-${l}`));
  return roles;
}

async function loadHuman(): Promise<Human> {
  if (human) return human;
  const mod = await timed('human-import', () => importModule(asset('human').url));
  const ctor = typeof mod === 'object' && mod !== null && 'Human' in mod ? mod.Human : undefined;
  if (typeof ctor !== 'function') throw new ScanError('model-load', 'Human did not load');
  const config: Partial<Config> = {
    backend: 'wasm',
    wasmPath: folderOf(asset('tfjs-wasm-simd').url),
    modelBasePath: folderOf(asset('face-json').url),
    // Models are cached by the service worker under /models/, not a second time in IndexedDB.
    cacheModels: false,
    warmup: 'none',
    debug: false,
    // Filters need WebGL; the WASM backend is the only one that works without a GPU (research §3.1).
    filter: { enabled: false },
    cacheSensitivity: 0,
    face: {
      enabled: true,
      // BlazeFace finds candidates; FaceMesh's score (kept only at ≥ 0.5) rejects an animal's face, which BlazeFace scores like a person's.
      detector: { modelPath: 'blazeface.json', maxDetected: 50, minConfidence: 0.5, rotation: false, return: false },
      mesh: { enabled: true, modelPath: 'facemesh.json', keepInvalid: false },
      iris: { enabled: false },
      description: { enabled: false },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
    },
    // Below 0.4 NanoDet saw a sink on the astronaut portrait and a mouse on the cat (0.31–0.32).
    object: { enabled: true, modelPath: asset('object-json').url, minConfidence: 0.4, maxDetected: 20 },
    body: { enabled: false },
    hand: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  };
  const made = Reflect.construct(ctor, [config]) as Human;
  try {
    await timed('human-init', () => made.init());
    await timed('human-load', () => made.load());
  } catch (error) {
    throw new ScanError('model-load', String(error));
  }
  const backend = backendOf(made);
  if (backend !== 'wasm') throw new ScanError('model-load', `backend ${backend}`);
  // Human logs a model that failed to load and goes on without it: a scan would then find nothing, silently.
  const missing = ['blazeface', 'facemesh', 'nanodet'].filter((m) => !made.models.loaded().includes(m));
  if (missing.length > 0) throw new ScanError('model-load', `not loaded: ${missing.join(', ')}`);
  human = made;
  return made;
}

/** The tfjs backend Human runs on (its `tf` is typed `any`). */
function backendOf(made: Human): string {
  const tf: unknown = made.tf;
  const getBackend: unknown = typeof tf === 'object' && tf !== null ? Reflect.get(tf, 'getBackend') : undefined;
  return typeof getBackend === 'function' ? String(Reflect.apply(getBackend, tf, [])) : 'none';
}

/**
 * Sets Tesseract parameters by name, as the strings Tesseract reads: the PSM
 * enum of its typings exists only in the library, which loads at run time.
 */
async function setParameters(worker: Tesseract.Worker, params: Record<string, string>): Promise<void> {
  const set: unknown = Reflect.get(worker, 'setParameters');
  if (typeof set !== 'function') throw new ScanError('internal', 'tesseract.js: no setParameters');
  await (Reflect.apply(set, worker, [params]) as Promise<unknown>);
}

/** Imports a library from /models/ (not bundled: it stays out of the per-build precache); a failure is the reader's "a model could not be loaded". */
async function importModule(url: string): Promise<unknown> {
  try {
    return (await import(/* @vite-ignore */ url)) as unknown;
  } catch (error) {
    throw new ScanError('model-load', String(error));
  }
}

/** Fetches one file whole (bytes counted), to warm the cache for the files tesseract.js's own worker fetches. */
async function fetchBytes(role: string): Promise<void> {
  const response = await fetch(asset(role).url).catch((error: unknown) => {
    throw new ScanError('model-load', `${role}: ${String(error)}`);
  });
  if (!response.ok) throw new ScanError('model-load', `${role}: HTTP ${response.status}`);
  await response.arrayBuffer();
}

async function loadOcr(languages: readonly ('fra' | 'eng')[]): Promise<Tesseract.Worker> {
  if (ocr) return ocr;
  const core = asset(await coreRole());
  // The files tesseract.js's own worker fetches are fetched here first, so their bytes are counted; its requests then come from the cache.
  const [mod] = await timed('ocr-import', () =>
    Promise.all([
      importModule(asset('tesseract').url),
      ...languages.map((code) => fetchBytes(`lang-${code}`)),
      fetchBytes('tesseract-worker'),
      fetchBytes(core.role),
    ]),
  );
  const lib = typeof mod === 'object' && mod !== null && 'default' in mod ? mod.default : undefined;
  const create = typeof lib === 'object' && lib !== null && 'createWorker' in lib ? lib.createWorker : undefined;
  if (typeof create !== 'function') throw new ScanError('model-load', 'tesseract.js did not load');
  const made = (await timed(
    'ocr-init',
    () =>
      Reflect.apply(create, lib, [
        [...languages],
        1, // OEM 1: LSTM only, the data shipped
        {
          workerPath: asset('tesseract-worker').url,
          corePath: core.url,
          langPath: folderOf(asset(`lang-${languages[0] ?? 'fra'}`).url),
          workerBlobURL: false,
          gzip: true,
          cacheMethod: 'none',
          legacyCore: false,
          legacyLang: false,
        },
      ]) as Promise<unknown>,
  )) as Tesseract.Worker;
  // Tesseract prints notes ("Estimating resolution as 582") to stderr, which the browser shows as console errors.
  await setParameters(made, { debug_file: '/dev/null' });
  ocr = made;
  return made;
}

/** Decodes the photo upright; a format the browser cannot decode is the reader's "could not open" message. */
async function decode(file: Blob): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (error) {
    throw new ScanError('decode', String(error));
  }
}

/** A copy of the bitmap with its long edge at most `maxEdge`. */
function scaledCopy(bitmap: ImageBitmap, maxEdge: number): OffscreenCanvas {
  const size = downscale(bitmap.width, bitmap.height, maxEdge);
  const canvas = new OffscreenCanvas(size.width, size.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new ScanError('memory', 'no 2d context');
  ctx.drawImage(bitmap, 0, 0, size.width, size.height);
  return canvas;
}

/** One OCR pass over part of the copy, as words in the copy's pixels. */
async function readArea(worker: Tesseract.Worker, source: OffscreenCanvas, area: { x: number; y: number; w: number; h: number }): Promise<Pass> {
  const tile = new OffscreenCanvas(area.w, area.h);
  tile.getContext('2d')?.drawImage(source, area.x, area.y, area.w, area.h, 0, 0, area.w, area.h);
  const png = await tile.convertToBlob({ type: 'image/png' });
  const result = await worker.recognize(png, {}, { blocks: true, text: false });
  const page = tesseractPageSchema.safeParse(result.data);
  if (!page.success) throw new ScanError('internal', `tesseract output: ${page.error.message}`);
  const words = (page.data.blocks ?? []).flatMap((b) =>
    b.paragraphs.flatMap((p) =>
      p.lines.flatMap((l) =>
        l.words.map((w) => ({
          text: w.text,
          confidence: w.confidence,
          box: { x: area.x + w.bbox.x0, y: area.y + w.bbox.y0, w: w.bbox.x1 - w.bbox.x0, h: w.bbox.y1 - w.bbox.y0 },
        })),
      ),
    ),
  );
  return { area, words };
}

/** Reads the text of the picture: one whole-frame pass, then the tiles; lines classified. */
async function readText(worker: Tesseract.Worker, bitmap: ImageBitmap, post: (done: number, of: number) => void): Promise<TextLine[]> {
  const copy = await timed('ocr-downscale', () => scaledCopy(bitmap, OCR_MAX_EDGE));
  const whole = { x: 0, y: 0, w: copy.width, h: copy.height };
  const tiles = planTiles(copy.width, copy.height);
  const of = tiles.length + (tiles.length > 1 ? 1 : 0);
  const passes: Pass[] = [];
  if (tiles.length > 1) {
    await setParameters(worker, { tessedit_pageseg_mode: PSM_AUTO });
    passes.push(await timed('ocr-whole', () => readArea(worker, copy, whole)));
    post(1, of);
  }
  await setParameters(worker, { tessedit_pageseg_mode: PSM_SPARSE });
  for (const tile of tiles) {
    passes.push(await timed('ocr-tile', () => readArea(worker, copy, tile)));
    post(passes.length, of);
  }
  const lines = await timed('ocr-merge', () => groupLines(mergeWords(passes, copy.width, copy.height)));
  return lines.map((line, i) => ({
    id: `text-${i}`,
    text: line.text,
    box: toBox(line.box, copy.width, copy.height),
    confidence: line.confidence,
    kinds: classifyLine(line.text),
  }));
}

const boxOfRaw = ([x, y, w, h]: readonly [number, number, number, number]): { x: number; y: number; w: number; h: number } => {
  const c = (v: number): number => Math.min(1, Math.max(0, v));
  const x0 = c(x);
  const y0 = c(y);
  return { x: x0, y: y0, w: c(x + w) - x0, h: c(y + h) - y0 };
};

/** The whole scan of one photo: progress through `post`, then the answer. */
async function scan(request: ScanRequest, post: Post): Promise<ScanReply> {
  if (typeof WebAssembly !== 'object') throw new ScanError('no-wasm', 'no WebAssembly');
  performance.clearMeasures();
  const roles = await neededRoles(request.languages);
  const progress = new ByteProgress(
    roles.reduce((sum, r) => sum + asset(r).bytes, 0),
    (loaded, total) => post({ type: 'loading', loaded, total }),
  );
  const base = self.fetch.bind(self);
  self.fetch = countingFetch(base, '/models/', (n) => progress.add(n));
  try {
    post({ type: 'step', step: 'decode', done: 0, of: 1 });
    const [detector, bitmap] = await Promise.all([loadHuman(), timed('decode', () => decode(request.file))]);
    post({ type: 'step', step: 'faces', done: 0, of: 1 });
    const copy = await timed('downscale', () => scaledCopy(bitmap, DETECT_MAX_EDGE));
    const raw = humanResultSchema.safeParse(await timed('detect', () => detector.detect(copy)));
    if (!raw.success) throw new ScanError('internal', `Human output: ${raw.error.message}`);
    const faces = raw.data.face.map((f, i) => ({ id: `face-${i}`, box: boxOfRaw(f.boxRaw), score: f.score }));
    const objects = raw.data.object.map((o, i) => ({ id: `object-${i}`, label: o.label, box: boxOfRaw(o.boxRaw), score: o.score }));
    post({ type: 'visual', width: bitmap.width, height: bitmap.height, scannedEdge: Math.max(copy.width, copy.height), faces, objects });

    let lines: TextLine[] = [];
    let textRead = true;
    try {
      const reader = await loadOcr(request.languages);
      progress.finish();
      post({ type: 'step', step: 'text', done: 0, of: 1 });
      lines = await readText(reader, bitmap, (done, of) => post({ type: 'step', step: 'text', done, of }));
    } catch (error) {
      // Faces and objects stand; the page says the text could not be read.
      textRead = false;
      if (failureOf(error) === 'memory') throw error;
    }
    bitmap.close();
    return { type: 'done', lines, textRead, findings: assembleFindings({ faces, objects, lines, textRead }) };
  } finally {
    self.fetch = base;
  }
}

// When this script is running, after its fetch and module evaluation (read by npm run bench:vision).
performance.mark('vision:script-ready');
serve(self, VISION_PROTOCOL, async (request, context): Promise<ScanReply> => {
  try {
    return await scan(request, context.progress);
  } catch (error) {
    return { type: 'failed', failure: failureOf(error), detail: String(error).slice(0, 300) };
  }
});
