/**
 * The big batch, measured: 50 generated photos (more than 500 MB; JPEG,
 * progressive JPEG, PNG, WebP, all with GPS) cleaned in one choice of files on
 * the built site in headless Chromium, through the real UI. Prints total MB,
 * files, wall time, MB/s, per-file worker time, the peak JS heap of the page
 * and of the cleaner worker (DevTools protocol, sampled), the peak resident
 * memory of the renderer and browser processes (Linux /proc VmHWM), the
 * longest heartbeat gap of the page, and the same for the ZIP of the batch.
 * Usage: BYA_DIST=.tmp/dist BYA_PORT=4404 npm run build && BYA_DIST=.tmp/dist BYA_PORT=4404 npm run bench:batch
 * Options (environment): BENCH_BATCH_FILES (default 50), BENCH_BATCH_MB (default 500),
 * BENCH_BATCH_REPEAT (default 0): cleans the same batch that many more times, each on a fresh page,
 * and prints how many runs refused a photo and which (an intermittent stall only shows over many runs:
 * a stream read that never settled refused one photo in 4 runs of 19 before source.ts guarded reads).
 * Needs exiftool and ImageMagick (convert).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { installProbes, makeBatch, readProbes, resetProbes, startMemorySampler } from './batch-corpus.mjs';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.BYA_PORT ?? 4321);
const BASE = `http://127.0.0.1:${PORT}`;
const FILES = Number(process.env.BENCH_BATCH_FILES ?? 50);
const MIN_MB = Number(process.env.BENCH_BATCH_MB ?? 500);
const REPEAT = Number(process.env.BENCH_BATCH_REPEAT ?? 0);
const mb = (bytes) => (bytes / 1e6).toFixed(1);

async function serverUp() {
  try {
    return (await fetch(`${BASE}/`)).ok;
  } catch {
    return false;
  }
}

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    if (await serverUp()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('preview server did not start');
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)];
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bya-bench-batch-'));
  // Reuse a preview already serving this port (as Playwright does), else start one.
  const server = (await serverUp())
    ? undefined
    : spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(PORT)], { cwd: ROOT, stdio: 'ignore', detached: true });
  let browser;
  try {
    console.log(`Making ${FILES} photos of at least ${MIN_MB} MB in all (ImageMagick + exiftool)…`);
    const t0 = performance.now();
    const batch = makeBatch(dir, { count: FILES, minBytes: MIN_MB * 1e6 });
    console.log(`  ${batch.files.length} files, ${mb(batch.totalBytes)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await waitForServer();
    const executablePath = findChromium();
    browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
    const context = await browser.newContext({ acceptDownloads: true, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${BASE}/en/tools/inspector/`);
    const tool = page.locator('[data-tool="cleaner"]');
    await tool.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !document.querySelector('[data-tool="cleaner"] astro-island[ssr]'));
    await installProbes(page);
    const memory = await startMemorySampler(page);
    await page.waitForTimeout(300);
    await resetProbes(page);

    await page.evaluate(() => performance.clearMarks('cleaner:file'));
    const started = performance.now();
    await tool.locator('#cleaner-pick').setInputFiles(batch.files.map((f) => f.path));
    await page.waitForFunction(() => /Finished/.test(document.querySelector('[data-tool="cleaner"] [role="status"]')?.textContent ?? ''), undefined, {
      timeout: 900_000,
      polling: 50,
    });
    const wallMs = performance.now() - started;
    const probes = await readProbes(page);
    const mem = await memory.stop();
    const status = await tool.getByRole('status').textContent();
    // The cleaner's client marks each clean file with the worker's time (CLEAN_MARK in client.ts).
    const workerMs = await page.evaluate(() => performance.getEntriesByName('cleaner:file').map((m) => m.detail.ms));
    const times = probes.progress.map(([t]) => t);
    const stillMs = Math.max(times[0] - probes.started, ...times.slice(1).map((t, i) => t - times[i]));

    await resetProbes(page);
    const zipStarted = performance.now();
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), tool.getByRole('button', { name: /as one ZIP/ }).click()]);
    const zipPath = join(dir, 'clean.zip');
    await dl.saveAs(zipPath);
    const zipMs = performance.now() - zipStarted;
    const zipProbes = await readProbes(page);

    const worker = mem.workers.find((w) => w.title === 'cleaner') ?? mem.workers[0];
    const renderer = mem.renderers[0];
    console.log(`\n${status?.trim()}`);
    console.table([
      {
        files: batch.files.length,
        'total MB': mb(batch.totalBytes),
        'wall s': (wallMs / 1000).toFixed(1),
        'MB/s': (batch.totalBytes / 1e6 / (wallMs / 1000)).toFixed(0),
        'worker ms/file median/max': `${median(workerMs).toFixed(0)} / ${Math.max(...workerMs).toFixed(0)}`,
        'bar still max ms': stillMs.toFixed(0),
        'heartbeat max ms (timer/frame)': `${probes.timerMax.toFixed(0)} / ${probes.frameMax.toFixed(0)}`,
      },
    ]);
    console.table([
      {
        'page JS heap MB': mb(mem.pageHeap),
        'worker JS heap MB': mb(worker?.used ?? NaN),
        'worker ArrayBuffers MB': mb(worker?.backing ?? NaN),
        'renderer RSS before MB': mb(renderer?.rssBefore ?? NaN),
        'renderer VmHWM MB': mb(renderer?.hwm ?? NaN),
        'browser VmHWM MB': mb(mem.browser?.hwm ?? NaN),
        samples: mem.samples,
      },
    ]);
    console.table([
      {
        'ZIP MB': mb(statSync(zipPath).size),
        'ZIP s (click → saved)': (zipMs / 1000).toFixed(1),
        'heartbeat max ms while zipping': `${zipProbes.timerMax.toFixed(0)} / ${zipProbes.frameMax.toFixed(0)}`,
      },
    ]);
    console.log(
      "Heaps are sampled every 200 ms (Runtime.getHeapUsage); VmHWM is the kernel's peak resident memory of the process since it started (the renderer runs the page and its workers; the browser process holds Blob data).",
    );

    if (REPEAT > 0) {
      const runs = [];
      for (let i = 0; i < REPEAT; i++) {
        const again = await context.newPage();
        await again.goto(`${BASE}/en/tools/inspector/`);
        const cleaner = again.locator('[data-tool="cleaner"]');
        await cleaner.scrollIntoViewIfNeeded();
        await again.waitForFunction(() => !document.querySelector('[data-tool="cleaner"] astro-island[ssr]'));
        const t = performance.now();
        await cleaner.locator('#cleaner-pick').setInputFiles(batch.files.map((f) => f.path));
        await again.waitForFunction(() => /Finished/.test(document.querySelector('[data-tool="cleaner"] [role="status"]')?.textContent ?? ''), undefined, {
          timeout: 900_000,
          polling: 50,
        });
        // A refused photo's card says so (data-outcome); its name is the first word of its card.
        const refused = await cleaner
          .locator('article')
          .evaluateAll((articles) =>
            articles.filter((a) => a.getAttribute('data-outcome') !== 'cleaned').map((a) => (a.textContent ?? '').trim().split(/\s+/)[0]),
          );
        runs.push({ ms: performance.now() - t, refused });
        await again.close();
      }
      const failed = runs.filter((r) => r.refused.length > 0);
      const walls = runs.map((r) => r.ms / 1000);
      console.log(
        `\nRepeated ${REPEAT} times: ${failed.length} run(s) refused a photo${failed.length > 0 ? ` (${failed.map((r) => r.refused.join(', ')).join('; ')})` : ''}; wall ${Math.min(...walls).toFixed(1)}–${Math.max(...walls).toFixed(1)} s, median ${median(walls).toFixed(1)} s.`,
      );
    }
  } finally {
    await browser?.close();
    if (server) {
      try {
        process.kill(-server.pid);
      } catch {
        // best effort
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
