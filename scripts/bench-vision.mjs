/**
 * `npm run bench:vision`: the scan on a 12 MP photo (4032 × 3024, two
 * portraits, a badge and a screen composited with ImageMagick) through the
 * built inspector page in headless Chromium, per step:
 * - bytes the scan ships (raw and gzip, per file under dist/models/ it fetches here);
 * - cold (empty cache, new worker), cached (HTTP cache warm, new page and
 *   worker) and warm (same worker, models in memory) runs: time from the
 *   button to the first face result (boxes shown) and to all findings;
 * - peak JS heap of the scan's worker and peak resident memory of the renderer.
 * Needs `npm run build` first and ImageMagick. Serves with `astro preview` on
 * BYA_PORT (reusing a server already there, as Playwright does).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { startMemorySampler } from './batch-corpus.mjs';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, process.env.BYA_DIST ?? 'dist');
const PORT = Number(process.env.BYA_PORT ?? 4321);
const BASE = `http://127.0.0.1:${PORT}`;
const SHARED = process.env.SHARED_DIR ?? resolve(ROOT, '../shared');
const VISION = join(SHARED, 'fixtures', 'vision');
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const FONT_REGULAR = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const mb = (bytes) => (bytes / 1e6).toFixed(2);
const s = (ms) => (ms / 1000).toFixed(2);

async function serverUp() {
  try {
    return (await fetch(`${BASE}/`)).ok;
  } catch {
    return false;
  }
}

/** A 12 MP scene: two portraits side by side, a badge and a screen, upscaled to 4032 × 3024. */
function makePhoto(dir) {
  const out = join(dir, 'scene-12mp.jpg');
  const astronaut = join(VISION, 'astronaut.jpg');
  execFileSync('convert', [
    astronaut, '(', astronaut, '-flop', ')', '+append', '-resize', '4032x3024!',
    '(', '-size', '600x340', 'xc:white', '-bordercolor', '#1d4e89', '-border', '10', '-font', FONT, '-pointsize', '60', '-fill', 'black', '-annotate', '+40+130', 'Jeanne Roux', '-font', FONT_REGULAR, '-pointsize', '42', '-annotate', '+40+220', 'Infirmière', ')',
    '-geometry', '+300+2500', '-composite',
    '(', '-size', '1300x700', 'xc:#222', '(', '-size', '1240x640', 'xc:white', '-font', FONT_REGULAR, '-pointsize', '56', '-fill', 'black', '-annotate', '+40+120', 'De : jeanne.roux@exemple.fr', '-annotate', '+40+230', '12 rue de la Paix, 75002 Paris', ')', '-geometry', '+30+30', '-composite', ')',
    '-geometry', '+2600+2200', '-composite', '-quality', '90', out,
  ]);
  return out;
}

/** Scans the chosen photo once; times from the button to the first box and to the finished status. */
async function scanOnce(page) {
  const tool = page.locator('[data-tool="vision"]');
  const started = await page.evaluate(() => performance.now());
  await tool.getByRole('button', { name: 'Scan this photo' }).click();
  const firstBox = page.waitForFunction(() => document.querySelector('[data-tool="vision"] rect.face, [data-tool="vision"] rect.object') !== null, undefined, { timeout: 300_000, polling: 20 }).then(() => page.evaluate(() => performance.now()));
  await page.waitForFunction(() => /Scan finished|stopped|could not/.test(document.querySelector('[data-tool="vision"] [role="status"], [data-tool="vision"] [role="alert"]')?.textContent ?? ''), undefined, { timeout: 300_000, polling: 20 });
  const done = await page.evaluate(() => performance.now());
  const findings = await tool.locator('.findings li .sentence').allInnerTexts();
  return { faceMs: (await firstBox) - started, allMs: done - started, findings };
}

async function openPage(context, photo) {
  const page = await context.newPage();
  /** @type {string[]} */
  const fetched = [];
  page.on('requestfinished', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/models/')) fetched.push(path);
  });
  await page.goto(`${BASE}/en/tools/inspector/`);
  await page.locator('.inspector[data-ready="true"]').waitFor();
  await page.getByTestId('inspector-input').setInputFiles([photo]);
  await page.locator('[data-tool="vision"]').scrollIntoViewIfNeeded();
  await page.locator('.scan[data-ready="true"]').waitFor();
  return { page, fetched };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bya-bench-vision-'));
  const server = (await serverUp()) ? undefined : spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(PORT)], { cwd: ROOT, stdio: 'ignore', detached: true });
  let browser;
  try {
    const photo = makePhoto(dir);
    for (let i = 0; i < 120 && !(await serverUp()); i++) await new Promise((r) => setTimeout(r, 500));
    const executablePath = findChromium();
    browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
    const context = await browser.newContext({ serviceWorkers: 'block' });

    const cold = await openPage(context, photo);
    const memory = await startMemorySampler(cold.page);
    const first = await scanOnce(cold.page);
    const warm = await scanOnce(cold.page);
    const mem = await memory.stop();
    await cold.page.close();
    const again = await openPage(context, photo);
    const cached = await scanOnce(again.page);

    const sizes = [...new Set(cold.fetched)].map((path) => {
      const bytes = readFileSync(join(DIST, decodeURIComponent(path)));
      return { file: path, 'raw MB': mb(bytes.length), 'gzip MB': mb(path.endsWith('.gz') ? bytes.length : gzipSync(bytes, { level: 9 }).length) };
    });
    const total = (key) => mb(sizes.reduce((sum, r) => sum + Number(r[key]) * 1e6, 0));
    console.log('\nFiles the scan fetched (a .gz is sent as is):');
    console.table([...sizes, { file: 'total', 'raw MB': total('raw MB'), 'gzip MB': total('gzip MB') }]);
    console.log('Scan of a 12 MP JPEG (4032 × 3024), seconds from the button:');
    console.table([
      { run: 'cold (empty cache, new worker)', 'first face result': s(first.faceMs), 'all findings': s(first.allMs) },
      { run: 'cached (HTTP cache, new page and worker)', 'first face result': s(cached.faceMs), 'all findings': s(cached.allMs) },
      { run: 'warm (same worker, models loaded)', 'first face result': s(warm.faceMs), 'all findings': s(warm.allMs) },
    ]);
    const worker = mem.workers.find((w) => w.title === 'vision');
    console.log(`Peak JS heap of the scan's worker: ${mb(worker?.used ?? NaN)} MB (+ ${mb(worker?.backing ?? NaN)} MB of ArrayBuffers); peak resident memory (VmHWM) of the renderer: ${mb(mem.renderers[0]?.hwm ?? NaN)} MB.`);
    console.log(`Requests to /models/ on the cached run: ${again.fetched.length} (served by the HTTP cache or revalidated).`);
    console.log('\nFindings (cold run):');
    for (const f of first.findings) console.log(`- ${f}`);
    console.log('\nThe machine is shared: timings swing by ±50 % between runs.');
  } finally {
    await browser?.close();
    if (server?.pid) process.kill(-server.pid);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
