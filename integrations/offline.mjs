// @ts-check
/**
 * Astro integration: after the build, writes the offline service worker
 * `dist/sw.js` from `src/sw/sw.ts`, with the list of every built file to
 * precache and a version hash of their contents baked in.
 *
 * The search index is built here too (Pagefind), just before the list is
 * taken: it has to exist by then or the search would not work offline.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import * as pagefind from 'pagefind';
import { listFiles, urlPathOf } from './dist-files.mjs';
import { workerHeaderProblems } from './security-headers.mjs';

/** Files that are for the host, not the browser, or that are the worker itself. */
export const NOT_PRECACHED = ['_headers', '_redirects', 'sw.js'];

/** Folders not precached: models are too big for every visitor; the worker caches each on first use (strategies.ts). */
export const NOT_PRECACHED_DIRS = ['models/'];

/**
 * The URL paths to precache for a list of built files.
 * @param {string[]} files POSIX paths relative to the build root
 * @returns {string[]}
 */
export function precacheUrls(files) {
  return files
    .filter((f) => !NOT_PRECACHED.includes(f) && !f.endsWith('.map') && !NOT_PRECACHED_DIRS.some((dir) => f.startsWith(dir)))
    .map(urlPathOf)
    .sort();
}

/**
 * A short hash of every precached file's path and bytes, plus the bundled
 * worker (every module it is made of, with the version left blank): it names
 * the cache, so a new build never reads an old one.
 * @param {{ path: string, bytes: Uint8Array }[]} files
 * @param {string} workerSource
 * @returns {string}
 */
export function buildVersion(files, workerSource) {
  const hash = createHash('sha256');
  for (const { path, bytes } of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    hash.update(path).update('\0').update(createHash('sha256').update(bytes).digest()).update('\0');
  }
  hash.update(workerSource);
  return hash.digest('hex').slice(0, 12);
}

/** @param {string} root */
async function buildSearchIndex(root) {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: root });
  if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  return added.page_count;
}

/** Stands for the version in the first bundle; must not occur anywhere else in the worker. */
const VERSION_PLACEHOLDER = '__bya_version_placeholder__';

/**
 * Bundles the worker with the precache list and the version, which is a hash
 * of the files and of the bundle itself (made with a placeholder version, then
 * filled in: esbuild keeps a string literal as it is).
 * @param {string} entry
 * @param {string[]} urls
 * @param {{ path: string, bytes: Uint8Array }[]} contents
 * @returns {Promise<{ code: string, version: string }>}
 */
export async function bundleWorker(entry, urls, contents) {
  const result = await build({
    entryPoints: [entry],
    write: false,
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    define: { __BYA_VERSION__: JSON.stringify(VERSION_PLACEHOLDER), __BYA_PRECACHE__: JSON.stringify(urls) },
  });
  const bundled = result.outputFiles[0]?.text ?? '';
  if (bundled.split(VERSION_PLACEHOLDER).length !== 2) throw new Error('sw.js: the version placeholder must occur exactly once in the bundle');
  const version = buildVersion(contents, bundled);
  return { code: bundled.replace(VERSION_PLACEHOLDER, version), version };
}

/**
 * Writes the search index and `sw.js` into a built site, then checks that
 * every script file of it gets a strict worker policy from `_headers`.
 * @param {string} root the built site's folder
 * @param {string} entry the worker's source
 * @param {{ info: (message: string) => void }} logger
 */
export async function writeOffline(root, entry, logger) {
  const pages = await buildSearchIndex(root);
  logger.info(`search index: ${pages} pages`);
  const files = (await listFiles(root)).filter((f) => precacheUrls([f]).length === 1);
  const contents = await Promise.all(files.map(async (f) => ({ path: f, bytes: await readFile(join(root, f)) })));
  const urls = precacheUrls(files);
  const { code, version } = await bundleWorker(entry, urls, contents);
  await writeFile(join(root, 'sw.js'), code);
  const bytes = contents.reduce((sum, f) => sum + f.bytes.length, 0);
  logger.info(`sw.js: version ${version}, ${urls.length} files to precache (${(bytes / 1024).toFixed(0)} KiB)`);
  // Pagefind's files and sw.js exist only now: the headers integration could not check them.
  const problems = workerHeaderProblems(await readFile(join(root, '_headers'), 'utf8'), await listFiles(root));
  if (problems.length > 0) throw new Error(`_headers: a worker script would run without a strict policy: ${problems.join('; ')}`);
}

/**
 * The integration.
 * @param {{ workerEntry?: string }} [options] where the worker's source lives (from the project root)
 * @returns {import('astro').AstroIntegration}
 */
export default function offline(options = {}) {
  const entry = options.workerEntry ?? 'src/sw/sw.ts';
  return {
    name: 'bya-offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await writeOffline(fileURLToPath(dir), entry, logger);
      },
    },
  };
}
