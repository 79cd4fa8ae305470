/** Builds the Pagefind search index for the built site (one index per language, by <html lang>). */
import { execFileSync } from 'node:child_process';

const site = process.env.BYA_DIST ?? 'dist';
execFileSync('npx', ['pagefind', '--site', site, '--silent'], { stdio: 'inherit' });
