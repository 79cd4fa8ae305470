/** The pages of the built site, read from dist/ (run after `npm run build`). */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './paths';

export const DIST = process.env['BYA_DIST'] ? join(ROOT, process.env['BYA_DIST']) : join(ROOT, 'dist');

/** Every built HTML page as a URL path (`/cours/01-trend/`), 404 pages excluded unless asked. */
export function builtPages(include404 = false): string[] {
  if (!existsSync(DIST)) throw new Error('dist/ is missing: run `npm run build` first');
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name === '_astro' || name === 'pagefind') continue;
        walk(full);
      } else if (name.endsWith('.html')) {
        const rel = `/${relative(DIST, full).replaceAll('\\', '/')}`;
        const path = rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
        if (!include404 && /(^|\/)404(\/|\.html)/.test(path)) continue;
        out.push(path);
      }
    }
  };
  walk(DIST);
  return out.sort();
}
