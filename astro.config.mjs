// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import { createHash } from 'node:crypto';
import { THEME_INIT } from './src/lib/theme-init.mjs';

/**
 * The Content Security Policy every page carries (as a <meta> tag; the same
 * policy is shipped as an HTTP header in public/_headers for static hosts).
 * Astro adds the script-src/style-src hashes of what it bundles.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
];

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://avant-d-envoyer.example',
  // BYA_DIST lets parallel work trees build side by side without sharing dist/.
  outDir: process.env.BYA_DIST ?? './dist',
  cacheDir: './.tmp/astro-cache',
  vite: { cacheDir: './.tmp/vite-cache' },
  trailingSlash: 'always',
  build: { format: 'directory' },
  prefetch: false,
  devToolbar: { enabled: false },
  integrations: [mdx(), svelte()],
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: /** @type {any} */ (CSP_DIRECTIVES),
      scriptDirective: {
        hashes: [/** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(THEME_INIT).digest('base64')}`)],
      },
    },
  },
});
