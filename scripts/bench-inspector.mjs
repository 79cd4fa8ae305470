/**
 * Inspector benchmark in headless Chromium against the built site:
 * time from the file input's `change` event to the first result on screen
 * (the island sets performance mark "inspector:first-result"), per format over
 * the fixture corpus (median), the page's peak JS heap (CDP Performance.getMetrics;
 * the worker's heap is not included), and a generated 24-megapixel JPEG,
 * beside `exiftool -j` on the same files.
 *
 * Usage: npm run build, then `BYA_DIST=.tmp/dist BYA_PORT=4403 npm run bench:inspector`.
 * Needs ImageMagick (convert) and exiftool for the big JPEG and the comparison.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const IMAGES = join(process.env.SHARED_DIR ?? resolve(ROOT, '../shared'), 'fixtures/images');
const MANIFEST = JSON.parse(readFileSync(join(IMAGES, '../manifest.json'), 'utf8'));
const PORT = Number(process.env.BYA_PORT ?? 4321);
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = 3;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function exiftoolMs(file) {
  const t0 = performance.now();
  execFileSync('exiftool', ['-j', file], { stdio: 'ignore' });
  return performance.now() - t0;
}

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${BASE}/`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no server on ${BASE}`);
}

function makeBigJpeg(dir) {
  const out = join(dir, 'big-24mp.jpg');
  // Plasma fractal noise compresses poorly, like a real detailed photo.
  execFileSync('convert', ['-size', '6000x4000', 'plasma:', '-attenuate', '0.6', '+noise', 'Gaussian', '-quality', '95', out]);
  execFileSync('exiftool', [
    '-q',
    '-overwrite_original',
    '-Make=Canon',
    '-Model=Canon EOS R6',
    '-DateTimeOriginal=2025:04:05 14:32:10',
    '-GPSLatitude=45.764',
    '-GPSLatitudeRef=N',
    '-GPSLongitude=4.8357',
    '-GPSLongitudeRef=E',
    out,
  ]);
  return out;
}

const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(PORT)], { cwd: ROOT, stdio: 'ignore', detached: true });
const tmp = mkdtempSync(join(tmpdir(), 'bya-bench-'));
try {
  await waitForServer();
  console.log('Generating a 24-megapixel JPEG…');
  const big = makeBigJpeg(tmp);
  const executablePath = findChromium();
  const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let peakHeap = 0;
  const sampleHeap = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    peakHeap = Math.max(peakHeap, used);
  };
  await page.goto(`${BASE}/en/tools/inspector/`);
  await page.locator('.inspector[data-ready="true"]').waitFor();
  await page.evaluate(() => {
    document.addEventListener('change', () => performance.mark('bench:change'), { capture: true });
  });
  const input = page.getByTestId('inspector-input');

  /** Time to the complete reading, per file. */
  const completes = new Map();
  async function timeOne(file) {
    // An empty choice first, so choosing the same file again is a real change.
    await input.setInputFiles([]);
    await page.evaluate(() => performance.clearMarks());
    await input.setInputFiles(file);
    // Wait for the complete reading too, so the next run starts with an idle worker.
    await page.waitForFunction(() => performance.getEntriesByName('inspector:batch-done').length > 0, undefined, { timeout: 30_000 });
    const [first, done] = await page.evaluate(() => {
      const a = performance.getEntriesByName('bench:change')[0];
      const b = performance.getEntriesByName('inspector:first-result')[0];
      const c = performance.getEntriesByName('inspector:batch-done')[0];
      return a && b && c ? [b.startTime - a.startTime, c.startTime - a.startTime] : [Number.NaN, Number.NaN];
    });
    await sampleHeap();
    completes.set(file, [...(completes.get(file) ?? []), done]);
    return first;
  }

  // Cold: the first file starts the worker and loads exifr.
  const cold = await timeOne(join(IMAGES, 'mei__Apple_iPhone_4.jpg'));
  const rows = new Map();
  for (const entry of MANIFEST) {
    if (entry.broken) continue;
    const file = join(IMAGES, entry.file);
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push(await timeOne(file));
    const row = rows.get(entry.format) ?? { files: 0, page: [], exiftool: [] };
    row.files++;
    row.page.push(median(times));
    row.exiftool.push(exiftoolMs(file));
    rows.set(entry.format, row);
  }
  const bigTimes = [];
  for (let i = 0; i < RUNS; i++) bigTimes.push(await timeOne(big));
  const bigExiftool = exiftoolMs(big);
  await browser.close();

  console.log(`\nChange → first result on screen (median of ${RUNS} runs per file, then median per format), warm worker`);
  console.log('format | files | page median ms | page max ms | exiftool -j median ms');
  console.log('---|---|---|---|---');
  for (const [format, row] of [...rows.entries()].sort()) {
    console.log(`${format} | ${row.files} | ${median(row.page).toFixed(1)} | ${Math.max(...row.page).toFixed(1)} | ${median(row.exiftool).toFixed(0)}`);
  }
  const bigMb = (statSync(big).size / 1e6).toFixed(1);
  console.log(`24 MP JPEG (${bigMb} MB) | 1 | ${median(bigTimes).toFixed(1)} | ${Math.max(...bigTimes).toFixed(1)} | ${bigExiftool.toFixed(0)}`);
  console.log(`24 MP JPEG complete reading (walker scans the whole file for trailers): median ${median(completes.get(big)).toFixed(1)} ms`);
  console.log(`\nCold start (worker + exifr load, first file): ${cold.toFixed(1)} ms`);
  console.log(`Peak JS heap of the page: ${(peakHeap / 1e6).toFixed(1)} MB`);
  console.log(`Target: 24 MP JPEG first result < 30 ms → ${median(bigTimes) < 30 ? 'met' : 'NOT met'}`);
} finally {
  try {
    process.kill(-server.pid);
  } catch {
    /* already gone */
  }
  rmSync(tmp, { recursive: true, force: true });
}
