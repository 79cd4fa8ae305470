/** The pages of the built site, read from dist/ (run after `npm run build`). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages as listPages } from '../../scripts/built-pages.mjs';
import { ROOT } from './paths';

export const DIST = process.env['BYA_DIST'] ? join(ROOT, process.env['BYA_DIST']) : join(ROOT, 'dist');

/** Every built HTML page as a URL path (`/cours/01-trend/`), 404 pages excluded unless asked. */
export function builtPages(include404 = false): string[] {
  if (!existsSync(DIST)) throw new Error('dist/ is missing: run `npm run build` first');
  return listPages(DIST, include404);
}
