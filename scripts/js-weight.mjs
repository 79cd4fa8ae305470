/**
 * JavaScript weight per page: loads every built page in headless Chromium
 * (served with its real headers by static-server.mjs) and adds up the gzip
 * size of every JavaScript file it downloads, first on load without any
 * interaction, then after scrolling to the bottom (which starts the
 * `client:visible` islands). Inline scripts (the theme script in <head> and
 * the site script Astro inlines: theme switch, reading progress, offline
 * notice) come with the HTML and are counted in their own columns.
 * Prints a plain-text table; always exits 0.
 */
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { DIST, serve } from './static-server.mjs';
import { existsSync } from 'node:fs';
import { builtPages } from './built-pages.mjs';

const isScript = (response) => response.request().resourceType() === 'script' || /javascript/.test(response.headers()['content-type'] ?? '');

/** Loads a page and measures the scripts, before and after scrolling. */
async function measure(context, url) {
  const page = await context.newPage();
  const seen = new Map();
  let phase = 'load';
  const pending = [];
  page.on('response', (response) => {
    if (!isScript(response) || seen.has(response.url())) return;
    pending.push(
      response.body().then(
        (body) => seen.set(response.url(), { phase, raw: body.length, gzip: gzipSync(body, { level: 9 }).length }),
        () => undefined,
      ),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  const inlineText = await page.evaluate(() =>
    [...document.scripts].filter((s) => !s.src && s.type !== 'application/json' && s.type !== 'application/ld+json').map((s) => s.textContent ?? ''),
  );
  const inline = inlineText.reduce(
    (a, text) => ({ count: a.count + 1, raw: a.raw + Buffer.byteLength(text), gzip: a.gzip + gzipSync(text, { level: 9 }).length }),
    { count: 0, raw: 0, gzip: 0 },
  );
  phase = 'scroll';
  await page.evaluate(async () => {
    for (let y = 0; y <= document.body.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo({ top: y, behavior: 'instant' }); // instant: the site's smooth scrolling would cut each step short
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await Promise.all(pending);
  await page.close();
  const sum = (rows) => rows.reduce((a, r) => ({ files: a.files + 1, raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { files: 0, raw: 0, gzip: 0 });
  const rows = [...seen.values()];
  return { load: sum(rows.filter((r) => r.phase === 'load')), all: sum(rows), inline, files: [...seen] };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (!existsSync(DIST)) {
  console.log(`No built site in ${DIST}: run \`npm run build\` first.`);
  process.exit(0);
}
const server = await serve(DIST);
const executablePath = findChromium();
const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
// Service workers off: they would precache every script and blur "what this page loads".
const context = await browser.newContext({ serviceWorkers: 'block' });
const rows = [];
const byFile = new Map();
for (const path of builtPages(DIST)) {
  const result = await measure(context, server.url + path);
  rows.push({ path, ...result });
  for (const [url, size] of result.files) {
    const file = url.replace(server.url, '');
    byFile.set(file, { ...size, pages: (byFile.get(file)?.pages ?? 0) + 1 });
  }
}
await browser.close();
await server.close();

const width = Math.max(...rows.map((r) => r.path.length), 4);
const header = `${'page'.padEnd(width)}  files  raw bytes  gzip bytes  | after scroll: files  gzip bytes  | inline: scripts  raw bytes  gzip bytes`;
console.log(header);
console.log('-'.repeat(header.length));
for (const r of rows) {
  console.log(
    `${r.path.padEnd(width)}  ${String(r.load.files).padStart(5)}  ${String(r.load.raw).padStart(9)}  ${String(r.load.gzip).padStart(10)}  |  ${String(r.all.files).padStart(17)}  ${String(r.all.gzip).padStart(10)}  |  ${String(r.inline.count).padStart(15)}  ${String(r.inline.raw).padStart(9)}  ${String(r.inline.gzip).padStart(10)}`,
  );
}
const total = rows.reduce((a, r) => ({ raw: a.raw + r.load.raw, gzip: a.gzip + r.load.gzip, after: a.after + r.all.gzip }), { raw: 0, gzip: 0, after: 0 });
console.log('-'.repeat(header.length));
console.log(`total over ${rows.length} pages: ${kb(total.raw)} raw, ${kb(total.gzip)} gzip on load; ${kb(total.after)} gzip after scroll`);
const inlineGzip = rows.map((r) => r.inline.gzip);
console.log(`inline scripts (in the HTML): ${Math.min(...inlineGzip)}–${Math.max(...inlineGzip)} B gzip per page`);
// What every page pays: the site-wide script (site-client.ts) and the chunks it imports.
const everywhere = [...byFile].filter(([, f]) => f.pages === rows.length);
for (const [file, f] of everywhere) console.log(`on every page: ${file} ${f.raw} B raw, ${f.gzip} B gzip`);
if (everywhere.length > 0) console.log(`on every page, together: ${kb(everywhere.reduce((a, [, f]) => a + f.gzip, 0))} gzip`);
