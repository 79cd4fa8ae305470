/**
 * `npm run bench:hide`: Hide's export of a 12 MP JPEG (4032 × 3024, made with
 * ImageMagick) in headless Chromium, through the built site's own Hide worker
 * (the file under dist/_astro/ that holds it), as the page sends it: decode
 * with orientation, paint four regions (three solid, one coarse pixels), encode
 * JPEG 0.92, walk and verify. Five runs after one warm-up; prints each, the
 * median, the worker's own time per phase, and a control (a bare decode, draw
 * and encode of the same file in the page) with the load average, since a
 * shared machine's load changes everything. Target: under 1.5 s (issue #16).
 * Needs `npm run build` first and ImageMagick. Serves with `astro preview` on
 * BYA_PORT (reusing a server already there, as Playwright does).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, process.env.BYA_DIST ?? 'dist');
const PORT = Number(process.env.BYA_PORT ?? 4321);
const BASE = `http://127.0.0.1:${PORT}`;
const SHARED = process.env.SHARED_DIR ?? resolve(ROOT, '../shared');
const RUNS = 5;

async function serverUp() {
  try {
    return (await fetch(`${BASE}/`)).ok;
  } catch {
    return false;
  }
}

/** The built Hide worker: the one script under dist/_astro/ that carries its failure text. */
function hideWorkerPath() {
  const dir = join(DIST, '_astro');
  const found = readdirSync(dir).filter((f) => f.endsWith('.js') && readFileSync(join(dir, f), 'utf8').includes('metadata left after cleaning'));
  if (found.length !== 1) throw new Error(`expected one Hide worker in dist/_astro, found ${found.length}: run npm run build`);
  return `/_astro/${found[0]}`;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const dir = mkdtempSync(join(tmpdir(), 'bya-bench-hide-'));
const photo = join(dir, 'photo-12mp.jpg');
execFileSync('convert', [
  join(SHARED, 'fixtures', 'vision', 'astronaut.jpg'),
  '-resize',
  '4032x3024!',
  '-attenuate',
  '0.4',
  '+noise',
  'Gaussian',
  '-quality',
  '90',
  photo,
]);
const server = (await serverUp())
  ? undefined
  : spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(PORT)], { cwd: ROOT, stdio: 'ignore', detached: true });
let browser;
try {
  for (let i = 0; i < 60 && !(await serverUp()); i++) await new Promise((r) => setTimeout(r, 500));
  const executablePath = findChromium();
  browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
  const page = await browser.newPage();
  await page.goto(`${BASE}/en/tools/inspector/`);
  const bytes = readFileSync(photo).toString('base64');
  const result = await page.evaluate(
    async ({ url, base64, runs }) => {
      const file = new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'photo.jpg', { type: 'image/jpeg' });
      const regions = [
        { id: 'face-0', kind: 'face', box: { x: 0.3, y: 0.05, w: 0.2, h: 0.3 }, style: 'fill' },
        { id: 'face-1', kind: 'face', box: { x: 0.55, y: 0.05, w: 0.15, h: 0.25 }, style: 'pixelate' },
        { id: 'line-0', kind: 'text', box: { x: 0.1, y: 0.8, w: 0.3, h: 0.05 }, style: 'fill' },
        { id: 'drawn-1', kind: 'drawn', box: { x: 0.6, y: 0.6, w: 0.3, h: 0.3 }, style: 'fill' },
      ];
      const worker = new Worker(url, { type: 'module' });
      let id = 0;
      const once = () =>
        new Promise((resolve, reject) => {
          const started = performance.now();
          const mine = ++id;
          worker.onmessage = (event) => {
            if (event.data.id !== mine) return;
            const body = event.data.body;
            if (event.data.kind !== 'done' || body.type !== 'exported') reject(new Error(JSON.stringify(event.data).slice(0, 300)));
            else
              resolve({
                total: performance.now() - started,
                worker: body.ms,
                phases: body.phases,
                size: body.blob.size,
                width: body.width,
                height: body.height,
                left: body.left,
              });
          };
          worker.postMessage({ id: mine, body: { type: 'export', file, regions, position: 1 } });
        });
      // The control: a bare decode, draw and encode of the same file in the page, with nothing painted or checked.
      // On a shared, loaded machine it shows what the machine itself costs at that moment (Hide adds the rest).
      const control = async () => {
        const started = performance.now();
        const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        canvas.getContext('2d').drawImage(bitmap, 0, 0);
        bitmap.close();
        await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
        return performance.now() - started;
      };
      await once(); // warm-up: the worker's script and the encoder load once
      const out = [];
      for (let i = 0; i < runs; i++) out.push({ ...(await once()), control: await control() });
      worker.terminate();
      return out;
    },
    { url: hideWorkerPath(), base64: bytes, runs: RUNS },
  );
  const first = result[0];
  console.log(`Hide export, 12 MP JPEG (${first.width} × ${first.height}), 4 regions, headless Chromium, ${RUNS} runs after a warm-up:`);
  for (const [i, r] of result.entries())
    console.log(
      `  run ${i + 1}: ${(r.total / 1000).toFixed(2)} s (worker ${(r.worker / 1000).toFixed(2)} s: ${Object.entries(r.phases)
        .map(([k, v]) => `${k} ${Math.round(v)} ms`)
        .join(', ')}), ${(r.size / 1e6).toFixed(2)} MB, left: ${r.left.join(', ') || 'nothing'}; control ${(r.control / 1000).toFixed(2)} s`,
    );
  const total = median(result.map((r) => r.total));
  console.log(
    `  median: ${(total / 1000).toFixed(2)} s (worker ${(median(result.map((r) => r.worker)) / 1000).toFixed(2)} s), control ${(median(result.map((r) => r.control)) / 1000).toFixed(2)} s; target under 1.50 s: ${total < 1500 ? 'met' : 'NOT met'}`,
  );
  console.log(
    `  load average after: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );
} finally {
  await browser?.close();
  if (server?.pid) process.kill(-server.pid);
  rmSync(dir, { recursive: true, force: true });
}
