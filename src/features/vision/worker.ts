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
import { OCR_MAX_EDGE, planReads, type Read } from './tiles';
import { halve, lumaOf, pgmOf, textMap, type Grey } from './textmap';
import { decodeUpright, type Decoded } from '../photos/decode';
import { groupLines, mergeWords, type Pass } from './words';

/** Long edge of the copy the detectors see: 0.6–1.9 s a detection here at 1,920 px, and Human caps its own input at 3,840 (research §3.1). */
export const DETECT_MAX_EDGE = 1920;
/** Tesseract's page segmentation modes: 11, sparse text found anywhere, read a small badge in a tile where the automatic layout (3) read nothing (research addendum); 3 reads a page or a screen that fills the frame. */
const PSM: Record<Read['layout'], string> = { sparse: '11', auto: '3' };

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

/**
 * Tesseract workers reading passes side by side. Each runs in its own thread,
 * so on 2 cores two of them read two regions at once (bench:vision: see the
 * commit that set this); more would only queue for the same cores and cost
 * ≈ 40 MB of memory each.
 */
export const OCR_WORKERS = Math.max(1, Math.min(2, self.navigator.hardwareConcurrency || 1));

/** Starts one tesseract.js worker (its own classic worker, from /models/, never a blob: URL). */
async function startReader(create: unknown, lib: unknown, languages: readonly ('fra' | 'eng')[], core: { url: string }): Promise<Tesseract.Worker> {
  if (typeof create !== 'function') throw new ScanError('model-load', 'tesseract.js did not load');
  const made = (await (Reflect.apply(create, lib, [
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
  ]) as Promise<unknown>)) as Tesseract.Worker;
  // Tesseract prints notes ("Estimating resolution as 582") to stderr, which the browser shows as console errors.
  await setParameters(made, { debug_file: '/dev/null' });
  return made;
}

let ocrFiles: Promise<unknown> | undefined;
let readersReady: Promise<Tesseract.Worker[]> | undefined;

/**
 * Fetches tesseract.js and the files its own workers fetch (their core and
 * the language data), so their bytes are counted and their requests then come
 * from the cache; resolves with the library's module. Network and cache only:
 * cheap beside Human's work, so it starts with the scan.
 */
function fetchOcrFiles(languages: readonly ('fra' | 'eng')[], core: string): Promise<unknown> {
  ocrFiles ??= timed('ocr-import', () =>
    Promise.all([
      importModule(asset('tesseract').url),
      ...languages.map((code) => fetchBytes(`lang-${code}`)),
      fetchBytes('tesseract-worker'),
      fetchBytes(core),
    ]),
  ).then(([mod]) => mod);
  ocrFiles.catch(() => {
    ocrFiles = undefined;
  });
  return ocrFiles;
}

/** The OCR workers, started once and kept with this worker (a failed start is tried again at the next scan). */
function loadOcr(languages: readonly ('fra' | 'eng')[]): Promise<Tesseract.Worker[]> {
  readersReady ??= (async () => {
    const core = asset(await coreRole());
    const mod = await fetchOcrFiles(languages, core.role);
    const lib = typeof mod === 'object' && mod !== null && 'default' in mod ? mod.default : undefined;
    const create = typeof lib === 'object' && lib !== null && 'createWorker' in lib ? lib.createWorker : undefined;
    const made = await timed('ocr-init', () => Promise.allSettled(Array.from({ length: OCR_WORKERS }, () => startReader(create, lib, languages, core))));
    const started = made.flatMap((m) => (m.status === 'fulfilled' ? [m.value] : []));
    const failed = made.find((m) => m.status === 'rejected');
    // One reader is enough to read (slower); none is "the text could not be read".
    if (started.length === 0) throw failed?.reason instanceof Error ? failed.reason : new ScanError('model-load', String(failed?.reason));
    ocr = started[0];
    return started;
  })();
  readersReady.catch(() => {
    readersReady = undefined;
  });
  return readersReady;
}

/** Decodes the photo upright (HEIC through libheif: photos/decode.ts); a photo nothing can decode is the reader's "could not open" message. */
async function decode(file: Blob): Promise<Decoded> {
  try {
    return await decodeUpright(file, timed);
  } catch (error) {
    throw new ScanError('decode', String(error));
  }
}

/** JPEG quality of the preview the page shows for a photo it cannot show itself: a picture to point boxes at, not a copy to keep. */
const PREVIEW_QUALITY = 0.85;

/** A copy of the bitmap with its long edge at most `maxEdge`. */
function scaledCopy(bitmap: ImageBitmap, maxEdge: number): OffscreenCanvas {
  const size = downscale(bitmap.width, bitmap.height, maxEdge);
  const canvas = new OffscreenCanvas(size.width, size.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new ScanError('memory', 'no 2d context');
  ctx.drawImage(bitmap, 0, 0, size.width, size.height);
  return canvas;
}

/** One OCR pass over part of the grey copy, as words in the copy's pixels. */
async function readArea(worker: Tesseract.Worker, grey: Grey, { area, layout }: Read): Promise<Pass> {
  await setParameters(worker, { tessedit_pageseg_mode: PSM[layout] });
  const result = await worker.recognize(new Blob([pgmOf(grey, area)]), {}, { blocks: true, text: false });
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

/** The lines of all passes so far, merged, grouped and classified (in fractions of the picture). */
function linesOf(passes: readonly Pass[], width: number, height: number): TextLine[] {
  return groupLines(mergeWords(passes, width, height)).map((line, i) => ({
    id: `text-${i}`,
    text: line.text,
    box: toBox(line.box, width, height),
    confidence: line.confidence,
    kinds: classifyLine(line.text),
  }));
}

/**
 * Reads the text of the picture: a grey copy of at most OCR_MAX_EDGE, a map
 * of where it may hold text (textmap.ts), and one sparse-text pass per region
 * of it (tiles.ts), shared between the OCR workers. After each pass the lines
 * so far go to the page (`onLines`), so a name or an e-mail shows as soon as
 * its region is read.
 */
async function readText(
  readers: readonly Tesseract.Worker[],
  bitmap: ImageBitmap,
  onLines: (lines: TextLine[], done: number, of: number) => void,
): Promise<TextLine[]> {
  const { grey, reads } = await timed('ocr-plan', () => {
    const copy = scaledCopy(bitmap, OCR_MAX_EDGE);
    const ctx = copy.getContext('2d');
    if (!ctx) throw new ScanError('memory', 'no 2d context');
    const rgba = ctx.getImageData(0, 0, copy.width, copy.height).data;
    const full = lumaOf(rgba, copy.width, copy.height);
    // The map is made at half size: 4× fewer pixels to test, and a printed stroke of 3 px or more is still a sharp edge there.
    return { grey: full, reads: planReads(textMap(halve(full)), 2, full.width, full.height) };
  });
  const passes: Pass[] = [];
  let next = 0;
  onLines([], 0, reads.length);
  await Promise.all(
    readers.map(async (reader) => {
      for (let area = reads[next++]; area; area = reads[next++]) {
        const read = area;
        passes.push(await timed(`ocr-${read.layout}`, () => readArea(reader, grey, read)));
        onLines(linesOf(passes, grey.width, grey.height), passes.length, reads.length);
      }
    }),
  );
  return timed('ocr-merge', () => linesOf(passes, grey.width, grey.height));
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
    const [detector, { bitmap, viaLibheif }] = await Promise.all([loadHuman(), timed('decode', () => decode(request.file))]);
    // The OCR's files are fetched while Human detects (its WebAssembly holds this thread; the fetches run elsewhere).
    // Fetched beside Human's own import and load, they made the first face result slower (bench:vision, medians of
    // 3: cold 10.8 → 13.5 s, cached 9.5 → 11.3 s; Human's import 1.7 → 3.4 s). The OCR workers, which compile 3.9 MB of
    // WebAssembly each, start once faces and objects are shown: started beside Human, they made it about twice as slow.
    if (!readersReady) fetchOcrFiles(request.languages, await coreRole()).catch(() => undefined);
    post({ type: 'step', step: 'faces', done: 0, of: 1 });
    const copy = await timed('downscale', () => scaledCopy(bitmap, DETECT_MAX_EDGE));
    const raw = humanResultSchema.safeParse(await timed('detect', () => detector.detect(copy)));
    if (!raw.success) throw new ScanError('internal', `Human output: ${raw.error.message}`);
    const faces = raw.data.face.map((f, i) => ({ id: `face-${i}`, box: boxOfRaw(f.boxRaw), score: f.score }));
    const objects = raw.data.object.map((o, i) => ({ id: `object-${i}`, label: o.label, box: boxOfRaw(o.boxRaw), score: o.score }));
    // The page cannot show a HEIC photo (an <img> is decoded by the same browser): it gets the copy the detectors saw.
    const preview = viaLibheif ? await copy.convertToBlob({ type: 'image/jpeg', quality: PREVIEW_QUALITY }) : undefined;
    post({
      type: 'visual',
      width: bitmap.width,
      height: bitmap.height,
      scannedEdge: Math.max(copy.width, copy.height),
      faces,
      objects,
      ...(preview ? { preview } : {}),
    });
    // The list starts with faces and objects now, not after the last OCR pass (10–40 s later on a busy 12 MP photo here).
    post({ type: 'text', lines: [], findings: assembleFindings({ faces, objects, lines: [], textRead: false }) });

    let lines: TextLine[] = [];
    let textRead = true;
    try {
      const ready = await loadOcr(request.languages);
      progress.finish();
      lines = await readText(ready, bitmap, (soFar, done, of) => {
        post({ type: 'step', step: 'text', done, of });
        // "No text" is not claimed before the last pass: textRead is false in the findings so far.
        if (soFar.length > 0) post({ type: 'text', lines: soFar, findings: assembleFindings({ faces, objects, lines: soFar, textRead: false }) });
      });
    } catch (error) {
      // Faces and objects stand; the page says the text could not be read.
      textRead = false;
      if (failureOf(error) === 'memory') throw error;
    } finally {
      bitmap.close();
    }
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
