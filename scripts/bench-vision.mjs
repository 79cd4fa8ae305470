/**
 * `npm run bench:vision`: the scan on a 12 MP photo (4032 × 3024, two
 * portraits, a badge and a screen composited with ImageMagick) through the
 * built inspector page in headless Chromium:
 * - bytes the scan ships (raw and gzip, per file under dist/models/ it fetches here);
 * - cold (empty cache, new worker), cached (HTTP cache warm, new page and
 *   worker) and warm (same worker, models in memory) runs: time from the
 *   button to the first face result (boxes shown) and to all findings;
 * - each step inside the scan's worker (library import, WebAssembly compile,
 *   model load, decode, downscale, detect, each OCR pass), read from the
 *   worker's User Timing measures (`vision:<step>`, see worker.ts);
 * - peak JS heap of the scan's worker and peak resident memory of the renderer.
 *
 * BENCH_RUNS=n (default 3) repeats the three runs and prints medians.
 * BYA_DIST=dist-before,dist benches two builds side by side, run after run in
 * turn, so both see the same load (the machine is shared: compare only
 * numbers from one invocation).
 * Each build is served by scripts/static-server.mjs (with its _headers, so the
 * workers run under their own CSP, as a reader's do) on a port the system
 * picks: it can never reuse another build's server.
 * Needs `npm run build` first and ImageMagick.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { startMemorySampler } from './batch-corpus.mjs';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { serve } from './static-server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DISTS = (process.env.BYA_DIST ?? 'dist')
  .split(',')
  .map((d) => d.trim())
  .filter(Boolean);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const SHARED = process.env.SHARED_DIR ?? resolve(ROOT, '../shared');
const VISION = join(SHARED, 'fixtures', 'vision');
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const FONT_REGULAR = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const mb = (bytes) => (bytes / 1e6).toFixed(2);
const s = (ms) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : '–');
const RUN_KINDS = /** @type {const} */ (['cold', 'cached', 'warm']);

/** The median of a list (NaN when empty). */
function median(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** A 12 MP scene: two portraits side by side, a badge and a screen, upscaled to 4032 × 3024. */
function makePhoto(dir) {
  const out = join(dir, 'scene-12mp.jpg');
  const astronaut = join(VISION, 'astronaut.jpg');
  execFileSync('convert', [
    astronaut,
    '(',
    astronaut,
    '-flop',
    ')',
    '+append',
    '-resize',
    '4032x3024!',
    '(',
    '-size',
    '600x340',
    'xc:white',
    '-bordercolor',
    '#1d4e89',
    '-border',
    '10',
    '-font',
    FONT,
    '-pointsize',
    '60',
    '-fill',
    'black',
    '-annotate',
    '+40+130',
    'Jeanne Roux',
    '-font',
    FONT_REGULAR,
    '-pointsize',
    '42',
    '-annotate',
    '+40+220',
    'Infirmière',
    ')',
    '-geometry',
    '+300+2500',
    '-composite',
    '(',
    '-size',
    '1300x700',
    'xc:#222',
    '(',
    '-size',
    '1240x640',
    'xc:white',
    '-font',
    FONT_REGULAR,
    '-pointsize',
    '56',
    '-fill',
    'black',
    '-annotate',
    '+40+120',
    'De : jeanne.roux@exemple.fr',
    '-annotate',
    '+40+230',
    '12 rue de la Paix, 75002 Paris',
    ')',
    '-geometry',
    '+30+30',
    '-composite',
    ')',
    '-geometry',
    '+2600+2200',
    '-composite',
    '-quality',
    '90',
    out,
  ]);
  return out;
}

/**
 * The steps the scan's worker timed, in ms from the button: each measure's
 * end, and its duration; measures with the same name (OCR passes) are summed,
 * with the first start and last end.
 * @returns {Promise<Record<string, { dur: number, end: number, count: number }>>}
 */
async function workerSteps(page, clickEpoch) {
  // The page runs other workers from /_astro/ too (the inspector's): the scan's is the one with the script-ready mark.
  let read;
  for (const worker of page.workers()) {
    const got = await worker
      .evaluate(() => ({
        origin: performance.timeOrigin,
        ready: performance.getEntriesByName('vision:script-ready')[0]?.startTime ?? NaN,
        measures: performance
          .getEntriesByType('measure')
          .filter((m) => m.name.startsWith('vision:'))
          .map((m) => ({ name: m.name.slice(7), start: m.startTime, dur: m.duration })),
      }))
      .catch(() => undefined);
    if (got && Number.isFinite(got.ready)) read = got;
  }
  if (!read) return {};
  const at = (t) => read.origin + t - clickEpoch;
  /** @type {Record<string, { dur: number, end: number, count: number }>} */
  const steps = {};
  // Until the worker's script ran: only meaningful when this click started the worker.
  if (at(0) >= -5) steps['worker start'] = { dur: at(read.ready), end: at(read.ready), count: 1 };
  for (const m of read.measures) {
    const step = (steps[m.name] ??= { dur: 0, end: -Infinity, count: 0 });
    step.dur += m.dur;
    step.end = Math.max(step.end, at(m.start + m.dur));
    step.count += 1;
  }
  return steps;
}

/** Scans the chosen photo once; times from the button to the first box and to the finished status. */
async function scanOnce(page) {
  const tool = page.locator('[data-tool="vision"]');
  const button = tool.getByRole('button', { name: 'Scan this photo' });
  await button.waitFor();
  const clickEpoch = await page.evaluate(() => performance.timeOrigin + performance.now());
  const started = await page.evaluate(() => performance.now());
  await button.click();
  const firstBox = page
    .waitForFunction(() => document.querySelector('[data-tool="vision"] rect.face, [data-tool="vision"] rect.object') !== null, undefined, {
      timeout: 300_000,
      polling: 20,
    })
    .then(() => page.evaluate(() => performance.now()));
  const firstText = page
    .waitForFunction(() => document.querySelector('[data-tool="vision"] rect.text') !== null, undefined, { timeout: 300_000, polling: 20 })
    .then(
      () => page.evaluate(() => performance.now()),
      () => NaN,
    );
  await page.waitForFunction(
    () =>
      /Scan finished|stopped|could not/.test(
        document.querySelector('[data-tool="vision"] [role="status"], [data-tool="vision"] [role="alert"]')?.textContent ?? '',
      ),
    undefined,
    { timeout: 300_000, polling: 20 },
  );
  const done = await page.evaluate(() => performance.now());
  const findings = await tool.locator('.findings li .sentence').allInnerTexts();
  const steps = await workerSteps(page, clickEpoch);
  const textMs = await Promise.race([firstText, Promise.resolve(NaN)]);
  return { faceMs: (await firstBox) - started, textMs: textMs - started, allMs: done - started, findings, steps };
}

async function openPage(context, base, photo) {
  const page = await context.newPage();
  /** @type {string[]} */
  const fetched = [];
  page.on('requestfinished', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/models/')) fetched.push(path);
  });
  await page.goto(`${base}/en/tools/inspector/`);
  // The reader's second visit has the service worker (it caches /models/ on first use): wait for it to control the page.
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 60_000 }).catch(() => undefined);
  await page.locator('.inspector[data-ready="true"]').waitFor();
  await page.getByTestId('inspector-input').setInputFiles([photo]);
  await page.locator('[data-tool="vision"]').scrollIntoViewIfNeeded();
  await page.locator('.scan[data-ready="true"]').waitFor();
  return { page, fetched };
}

/** One round on one build: cold, warm (same page), then cached (new page, same browser profile). */
async function round(browser, base, photo, withMemory) {
  const context = await browser.newContext();
  try {
    const cold = await openPage(context, base, photo);
    const memory = withMemory ? await startMemorySampler(cold.page) : undefined;
    const first = await scanOnce(cold.page);
    const warm = await scanOnce(cold.page);
    const mem = await memory?.stop();
    await cold.page.close();
    const again = await openPage(context, base, photo);
    const cached = await scanOnce(again.page);
    await again.page.close();
    return { results: { cold: first, cached, warm }, fetched: cold.fetched, cachedFetched: again.fetched, mem };
  } finally {
    await context.close();
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bya-bench-vision-'));
  /** @type {Array<{ name: string, dist: string, url: string, close: () => Promise<void> }>} */
  const builds = [];
  let browser;
  try {
    const photo = makePhoto(dir);
    for (const name of DISTS) {
      const dist = join(ROOT, name);
      // Port 0: the system picks a free port, so this never talks to another build's server.
      const { url, close } = await serve(dist, 0);
      builds.push({ name, dist, url, close });
    }
    const executablePath = findChromium();
    browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
    console.log(`Load before: ${execFileSync('uptime').toString().trim()}`);
    /** @type {Map<string, Array<Awaited<ReturnType<typeof round>>>>} */
    const rounds = new Map(builds.map((b) => [b.name, []]));
    for (let i = 0; i < RUNS; i++) {
      for (const b of builds) {
        const r = await round(browser, b.url, photo, i === 0);
        rounds.get(b.name)?.push(r);
        console.log(
          `run ${i + 1}/${RUNS} ${b.name}: ${RUN_KINDS.map((k) => `${k} ${s(r.results[k].faceMs)} / ${s(r.results[k].textMs)} / ${s(r.results[k].allMs)} s`).join('; ')}`,
        );
      }
    }
    console.log(`Load after: ${execFileSync('uptime').toString().trim()}`);

    for (const b of builds) {
      const list = rounds.get(b.name) ?? [];
      const firstRound = list[0];
      if (!firstRound) continue;
      console.log(`\n=== ${b.name} (${list.length} run${list.length > 1 ? 's' : ''}, medians) ===`);
      const sizes = [...new Set(firstRound.fetched)].map((path) => {
        const bytes = readFileSync(join(b.dist, decodeURIComponent(path)));
        return { file: path, 'raw MB': mb(bytes.length), 'gzip MB': mb(path.endsWith('.gz') ? bytes.length : gzipSync(bytes, { level: 9 }).length) };
      });
      const total = (key) => mb(sizes.reduce((sum, r) => sum + Number(r[key]) * 1e6, 0));
      console.log('Files the scan fetched (a .gz is sent as is):');
      console.table([...sizes, { file: 'total', 'raw MB': total('raw MB'), 'gzip MB': total('gzip MB') }]);
      console.log('Scan of a 12 MP JPEG (4032 × 3024), seconds from the button:');
      console.table(
        RUN_KINDS.map((k) => ({
          run: {
            cold: 'cold (empty cache, new worker)',
            cached: 'cached (models in the service worker cache, new page and worker)',
            warm: 'warm (same worker, models loaded)',
          }[k],
          'first face result': s(median(list.map((r) => r.results[k].faceMs))),
          'first text line': s(median(list.map((r) => r.results[k].textMs))),
          'all findings': s(median(list.map((r) => r.results[k].allMs))),
        })),
      );
      const names = [...new Set(list.flatMap((r) => RUN_KINDS.flatMap((k) => Object.keys(r.results[k].steps))))];
      console.log('Steps in the worker: duration, and (in brackets) when it ended, seconds from the button; OCR passes summed (×count):');
      console.table(
        names.map((name) => {
          /** @type {Record<string, string>} */
          const row = { step: name };
          for (const k of RUN_KINDS) {
            const got = list.map((r) => r.results[k].steps[name]).filter(Boolean);
            if (got.length === 0) {
              row[k] = '–';
              continue;
            }
            const count = median(got.map((g) => g.count));
            row[k] = `${s(median(got.map((g) => g.dur)))} (${s(median(got.map((g) => g.end)))})${count > 1 ? ` ×${count}` : ''}`;
          }
          return row;
        }),
      );
      const worker = firstRound.mem?.workers.find((w) => w.title === 'vision');
      console.log(
        `Peak JS heap of the scan's worker: ${mb(worker?.used ?? NaN)} MB (+ ${mb(worker?.backing ?? NaN)} MB of ArrayBuffers); peak resident memory (VmHWM) of the renderer: ${mb(firstRound.mem?.renderers[0]?.hwm ?? NaN)} MB (first run).`,
      );
      console.log(`Requests to /models/ on the cached run: ${firstRound.cachedFetched.length} (answered by the service worker's model cache).`);
      console.log('Findings (first cold run):');
      for (const f of firstRound.results.cold.findings) console.log(`- ${f}`);
    }
    console.log('\nThe machine is shared: timings swing by ±50 % between runs; compare builds only within one invocation.');
  } finally {
    await browser?.close();
    for (const b of builds) await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
