/**
 * The pages of a built site: every HTML file under `dist` as a URL path
 * (`/cours/01-trend/`), sorted, skipping `_astro/` and `pagefind/`. Shared by
 * the JS-weight script and the browser tests (tests/support/pages.ts).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * @param {string} dist the built site's folder
 * @param {boolean} [include404] also list the 404 pages
 * @returns {string[]}
 */
export function builtPages(dist, include404 = true) {
  /** @type {string[]} */
  const out = [];
  /** @param {string} dir */
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== '_astro' && name !== 'pagefind') walk(full);
      } else if (name.endsWith('.html')) {
        const rel = `/${relative(dist, full).replaceAll('\\', '/')}`;
        const path = rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
        if (include404 || !/(^|\/)404(\/|\.html)/.test(path)) out.push(path);
      }
    }
  };
  walk(dist);
  return out.sort();
}
