// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import { createHash } from 'node:crypto';
import { HEAD_SCRIPT } from './src/lib/head-script.mjs';
import securityHeaders from './integrations/security-headers.mjs';
import offline from './integrations/offline.mjs';
import visionAssets from './integrations/vision-assets.mjs';

/**
 * The Content Security Policy every page carries (as a <meta> tag; the
 * security-headers integration ships the same policy, per page, as an HTTP
 * header in dist/_headers for static hosts, plus frame-ancestors).
 * Astro adds the script-src/style-src hashes of what it bundles.
 * The referrer is set by <meta name="referrer"> (the CSP `referrer` directive is obsolete).
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "font-src 'self'",
  // Workers come from our own files only (new URL('./worker.ts', import.meta.url), Pagefind's
  // /pagefind/pagefind-worker.js): a blob: worker would inherit this page's policy instead of its own.
  "worker-src 'self'",
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
  // ES workers: a worker's rarely used parts (the HEIC decoder's glue) become chunks it imports on demand.
  vite: { cacheDir: './.tmp/vite-cache', worker: { format: 'es' } },
  trailingSlash: 'always',
  build: { format: 'directory' },
  prefetch: false,
  // No code blocks in the lessons; Shiki would colour them with inline styles, which the CSP refuses.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  // Order matters: the headers integration fills in page text before the offline one hashes the pages.
  integrations: [mdx(), svelte(), visionAssets(), securityHeaders(), offline()],
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: /** @type {any} */ (CSP_DIRECTIVES),
      scriptDirective: {
        hashes: [/** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(HEAD_SCRIPT).digest('base64')}`)],
      },
    },
  },
});
