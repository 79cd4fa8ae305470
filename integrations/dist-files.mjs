// @ts-check
/**
 * Helpers shared by the build integrations: walk the built site and map its
 * files to the URL paths a browser asks for. Pure (file-system reads only) so
 * unit tests can reach them.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * Every file under `root`, as sorted POSIX paths relative to it (`en/verify/index.html`).
 * @param {string} root
 * @returns {Promise<string[]>}
 */
export async function listFiles(root) {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/**
 * The URL path a browser uses for a built file. The site is built with
 * `build.format: 'directory'` and `trailingSlash: 'always'`, so
 * `en/verify/index.html` is served as `/en/verify/`; other files keep their name.
 * @param {string} file POSIX path relative to the build root
 * @returns {string}
 */
export function urlPathOf(file) {
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  if (encoded === 'index.html') return '/';
  if (encoded.endsWith('/index.html')) return `/${encoded.slice(0, -'index.html'.length)}`;
  return `/${encoded}`;
}
