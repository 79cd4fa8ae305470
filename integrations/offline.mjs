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
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import * as pagefind from 'pagefind';
import { listFiles, urlPathOf } from './dist-files.mjs';

/** Files that are for the host, not the browser, or that are the worker itself. */
export const NOT_PRECACHED = ['_headers', '_redirects', 'sw.js'];

/**
 * The URL paths to precache for a list of built files.
 * @param {string[]} files POSIX paths relative to the build root
 * @returns {string[]}
 */
export function precacheUrls(files) {
  // models/: the scan's ≈ 21 MB, versioned by path and cached apart on first use (integrations/vision-assets.mjs).
  return files.filter((f) => !NOT_PRECACHED.includes(f) && !f.endsWith('.map') && !f.startsWith('models/')).map(urlPathOf).sort();
}

/**
 * A short hash of every precached file's path and bytes, plus the worker's
 * source: it names the cache, so a new build never reads an old one.
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
        const root = fileURLToPath(dir);
        const pages = await buildSearchIndex(root);
        logger.info(`search index: ${pages} pages`);
        const files = (await listFiles(root)).filter((f) => precacheUrls([f]).length === 1);
        const contents = await Promise.all(files.map(async (f) => ({ path: f, bytes: await readFile(join(root, f)) })));
        const version = buildVersion(contents, await readFile(entry, 'utf8'));
        const urls = precacheUrls(files);
        await build({
          entryPoints: [entry],
          outfile: join(root, 'sw.js'),
          bundle: true,
          format: 'iife',
          target: 'es2022',
          minify: true,
          legalComments: 'none',
          logLevel: 'warning',
          define: { __BYA_VERSION__: JSON.stringify(version), __BYA_PRECACHE__: JSON.stringify(urls) },
        });
        const bytes = contents.reduce((sum, f) => sum + f.bytes.length, 0);
        logger.info(`sw.js: version ${version}, ${urls.length} files to precache (${(bytes / 1024).toFixed(0)} KiB)`);
      },
    },
  };
}
