/**
 * A big batch for the cleaner, made fast: three large noisy JPEGs (one
 * progressive, one turned by its EXIF orientation), one PNG and two WebP
 * photos are drawn by ImageMagick and given GPS, camera and XMP metadata by
 * exiftool; the rest of the batch are byte-level variants of them (a comment
 * segment or a text chunk with unique bytes inserted after the metadata), so
 * each file is distinct and valid and decodes to its base's pixels. Plus the
 * in-page probes a batch run reads: a heartbeat (timer and animation frame
 * gaps) and every value the progress bar takes.
 *
 * Shared by tests/e2e/batch.spec.ts and scripts/bench-batch.mjs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * @typedef {{ name: string, kind: 'jpeg' | 'png' | 'webp', args: string[], orientation?: number }} BaseSpec
 * @typedef {{ path: string, name: string, base: string, format: 'jpeg' | 'png' | 'webp', bytes: number }} BatchFile
 */

/** @type {BaseSpec[]} */
const BASES = [
  { name: 'base-a.jpg', kind: 'jpeg', args: ['-size', '4000x3000', '-seed', '11', '-quality', '98'] },
  { name: 'base-b.jpg', kind: 'jpeg', args: ['-size', '4600x3450', '-seed', '12', '-quality', '97', '-interlace', 'Plane'] },
  { name: 'base-c.jpg', kind: 'jpeg', args: ['-size', '3456x4608', '-seed', '13', '-quality', '97'], orientation: 6 },
  { name: 'base-d.png', kind: 'png', args: ['-size', '2400x1800', '-seed', '14'] },
  { name: 'base-e.webp', kind: 'webp', args: ['-size', '2000x1500', '-seed', '15', '-quality', '92'] },
  { name: 'base-f.webp', kind: 'webp', args: ['-size', '1800x1800', '-seed', '16', '-quality', '92'] },
];

/** Metadata every base gets: what the cleaner must remove. */
const METADATA = [
  '-Make=BatchCam',
  '-Model=B50',
  '-SerialNumber=5050505050',
  '-DateTimeOriginal=2025:06:01 09:30:00',
  '-GPSLatitude=48.8584',
  '-GPSLatitudeRef=N',
  '-GPSLongitude=2.2945',
  '-GPSLongitudeRef=E',
  '-XMP-dc:Description=batch test',
  '-XMP-photoshop:City=Paris',
];

/**
 * mulberry32: small, seeded, deterministic (also the fuzz mutations' generator, tests/support/mutations.ts).
 * @param {number} seed
 * @returns {() => number}
 */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uniqueBytes(label, size, seed) {
  const rnd = prng(seed);
  const out = Buffer.alloc(size);
  const head = Buffer.from(`${label} `, 'latin1');
  head.copy(out);
  for (let i = head.length; i < size; i++) out[i] = 0x20 + Math.floor(rnd() * 95);
  return out;
}

/** Offset just after a JPEG's SOI and APPn segments (where a COM segment may go). */
function afterAppSegments(bytes) {
  let i = 2;
  while (i + 4 <= bytes.length && bytes[i] === 0xff && bytes[i + 1] >= 0xe0 && bytes[i + 1] <= 0xef) i += 2 + bytes.readUInt16BE(i + 2);
  return i;
}

/** A JPEG with a COM segment of unique bytes after its metadata: same pixels, different file. */
export function jpegVariant(base, label, seed) {
  const at = afterAppSegments(base);
  const body = uniqueBytes(label, 200 + (seed % 60_000), seed);
  const head = Buffer.from([0xff, 0xfe, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([base.subarray(0, at), head, body, base.subarray(at)]);
}

/** A PNG with a tEXt chunk of unique bytes after IHDR: same pixels, different file. */
export function pngVariant(base, label, seed) {
  const data = Buffer.concat([Buffer.from('Comment\0', 'latin1'), uniqueBytes(label, 100 + (seed % 4_000), seed)]);
  const type = Buffer.from('tEXt', 'latin1');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, data])) >>> 0);
  return Buffer.concat([base.subarray(0, 33), len, type, data, crc, base.subarray(33)]);
}

function run(cmd, args, env) {
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
}

/**
 * ImageMagick's Debian policy caps the pixel cache below what a 16-megapixel
 * compare needs; this writes a roomier policy into `dir` and returns the
 * environment that makes `convert`/`compare` use it.
 */
export function roomyMagick(dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'policy.xml'),
    '<policymap><policy domain="resource" name="memory" value="2GiB"/><policy domain="resource" name="map" value="4GiB"/><policy domain="resource" name="disk" value="8GiB"/><policy domain="resource" name="area" value="1GP"/></policymap>',
  );
  return { MAGICK_CONFIGURE_PATH: dir };
}

/**
 * Writes the batch into `dir`: `count` files (default 50) totalling at least
 * `minBytes` (default 500 MB), JPEG, PNG and WebP. Returns the files in batch
 * order and the base each derives from (same decoded pixels).
 * @param {string} dir
 * @param {{ count?: number, minBytes?: number }} [options]
 * @returns {{ files: BatchFile[], bases: Record<string, string>, totalBytes: number }}
 */
export function makeBatch(dir, { count = 50, minBytes = 500e6 } = {}) {
  const env = roomyMagick(join(dir, '.magick'));
  /** @type {Record<string, string>} */
  const bases = {};
  for (const spec of BASES) {
    const path = join(dir, spec.name);
    const out = spec.kind === 'png' ? `png24:${path}` : path;
    // Colour noise: incompressible, so the files are as big as detailed photos; 4:4:4 sampling for the JPEGs.
    run('convert', [...spec.args, 'xc:gray', '-attenuate', '2', '+noise', 'Gaussian', ...(spec.kind === 'jpeg' ? ['-sampling-factor', '1x1'] : []), out], env);
    run('exiftool', ['-q', '-overwrite_original', ...METADATA, ...(spec.orientation ? [`-Orientation#=${spec.orientation}`] : []), path]);
    bases[spec.name] = path;
  }
  const read = Object.fromEntries(Object.entries(bases).map(([name, path]) => [name, readFileSync(path)]));
  // Order: mostly JPEGs, a PNG every 12 files, the two WebPs as themselves.
  /** @type {BatchFile[]} */
  const files = [];
  const jpegs = BASES.filter((b) => b.kind === 'jpeg').map((b) => b.name);
  let pngs = 0;
  for (let i = 0; i < count; i++) {
    const n = String(i + 1).padStart(2, '0');
    let base;
    let bytes;
    if (i === 7 || i === 31) {
      base = i === 7 ? 'base-e.webp' : 'base-f.webp';
      bytes = read[base];
    } else if (i % 12 === 5) {
      base = 'base-d.png';
      bytes = pngs++ === 0 ? read[base] : pngVariant(read[base], `batch ${n}`, 1_000 + i);
    } else {
      base = jpegs[i % jpegs.length];
      bytes = jpegVariant(read[base], `batch ${n}`, 7_919 * (i + 1));
    }
    const format = base.endsWith('.png') ? 'png' : base.endsWith('.webp') ? 'webp' : 'jpeg';
    const name = `batch-${n}.${format === 'jpeg' ? 'jpg' : format}`;
    const path = join(dir, name);
    writeFileSync(path, bytes);
    files.push({ path, name, base, format, bytes: bytes.length });
  }
  const totalBytes = files.reduce((s, f) => s + statSync(f.path).size, 0);
  if (totalBytes < minBytes) throw new Error(`batch is ${(totalBytes / 1e6).toFixed(0)} MB, under the ${(minBytes / 1e6).toFixed(0)} MB asked`);
  return { files, bases, totalBytes };
}

/**
 * Installs the probes in the page (call after the cleaner island is awake):
 * a setTimeout chain and a requestAnimationFrame loop that record the longest
 * gap between two of their callbacks (and when it ended), the longest main-thread
 * task (Long Tasks API), and a MutationObserver that records every value the
 * cleaner's progress bar takes, with its time.
 * @param {import('@playwright/test').Page} page
 */
export async function installProbes(page) {
  await page.evaluate(() => {
    const probe = {
      timerMax: 0,
      timerMaxAt: 0,
      frameMax: 0,
      frameMaxAt: 0,
      longTaskMax: 0,
      longTasks: 0,
      timerTicks: 0,
      frameTicks: 0,
      progress: /** @type {Array<[number, number, number]>} */ ([]),
      started: performance.now(),
    };
    Reflect.set(window, '__byaProbe', probe);
    let lastTimer = performance.now();
    const tick = () => {
      const now = performance.now();
      if (now - lastTimer > probe.timerMax) {
        probe.timerMax = now - lastTimer;
        probe.timerMaxAt = now;
      }
      probe.timerTicks++;
      lastTimer = now;
      setTimeout(tick, 16);
    };
    setTimeout(tick, 16);
    // Tasks of the main thread longer than 50 ms, with their duration (Long Tasks API, Chromium).
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          probe.longTasks++;
          probe.longTaskMax = Math.max(probe.longTaskMax, entry.duration);
        }
      }).observe({ type: 'longtask' });
    } catch {
      /* no Long Tasks API: the heartbeat alone */
    }
    let lastFrame = performance.now();
    const frame = (/** @type {number} */ now) => {
      if (now - lastFrame > probe.frameMax) {
        probe.frameMax = now - lastFrame;
        probe.frameMaxAt = now;
      }
      probe.frameTicks++;
      lastFrame = now;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame((now) => {
      lastFrame = now;
      requestAnimationFrame(frame);
    });
    const record = () => {
      const bar = document.querySelector('#cleaner-progress');
      if (!(bar instanceof HTMLProgressElement)) return;
      const last = probe.progress[probe.progress.length - 1];
      if (!last || last[1] !== bar.value || last[2] !== bar.max) probe.progress.push([performance.now(), bar.value, bar.max]);
    };
    // The bar is created when a batch starts, then only its attributes change.
    new MutationObserver(record).observe(document.querySelector('[data-tool="cleaner"]') ?? document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['value', 'max'],
    });
  });
}

/** Resets the probes' maxima (e.g. after the page settled, before a batch). */
export async function resetProbes(page) {
  await page.evaluate(() => {
    const probe = Reflect.get(window, '__byaProbe');
    probe.timerMax = 0;
    probe.frameMax = 0;
    probe.longTaskMax = 0;
    probe.longTasks = 0;
    probe.progress = [];
    probe.started = performance.now();
  });
}

/**
 * What the probes saw.
 * @returns {Promise<{ timerMax: number, timerMaxAt: number, frameMax: number, frameMaxAt: number, longTaskMax: number, longTasks: number, timerTicks: number, frameTicks: number, progress: Array<[number, number, number]>, started: number }>}
 */
export async function readProbes(page) {
  return page.evaluate(() => structuredClone(Reflect.get(window, '__byaProbe')));
}

/** Peak resident set (VmHWM) and current RSS of a process, in bytes, from /proc (Linux); undefined elsewhere. */
function procMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number((new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status) ?? [])[1] ?? NaN) * 1024;
    return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
  } catch {
    return undefined;
  }
}

/**
 * Samples memory while a batch runs, through the DevTools protocol:
 * the page's JS heap (Runtime.getHeapUsage), each dedicated worker's JS heap
 * and ArrayBuffer backing store (same call, sent to the worker target), and at
 * the end the peak resident memory (VmHWM) of the browser's renderer and
 * browser processes (SystemInfo.getProcessInfo gives their pids; Linux /proc).
 * Heaps are sampled every `intervalMs`, so short spikes between samples are missed;
 * VmHWM is the kernel's true peak.
 * @param {import('@playwright/test').Page} page
 */
export async function startMemorySampler(page, intervalMs = 200) {
  const cdp = await page.context().newCDPSession(page);
  /** @type {Map<string, { title: string, url: string, used: number, backing: number, gone?: boolean }>} */
  const workers = new Map();
  /** @type {Map<number, (result: any) => void>} */
  const waiting = new Map();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') workers.set(e.sessionId, { title: e.targetInfo.title, url: e.targetInfo.url, used: 0, backing: 0 });
  });
  cdp.on('Target.detachedFromTarget', (e) => {
    const w = workers.get(e.sessionId);
    if (w) w.gone = true;
  });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const msg = JSON.parse(e.message);
    if (msg.id !== undefined && waiting.has(msg.id)) {
      waiting.get(msg.id)(msg.result);
      waiting.delete(msg.id);
    }
  });
  // Non-flat sessions: Playwright's CDPSession cannot address a flat child session, so messages to a worker go through Target.sendMessageToTarget.
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const askWorker = (sessionId) =>
    new Promise((resolve) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve(undefined);
      }, 2_000);
      waiting.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(() => resolve(undefined));
    });
  const processes = async () => {
    const session = await page.context().browser()?.newBrowserCDPSession();
    try {
      return (await session?.send('SystemInfo.getProcessInfo'))?.processInfo ?? [];
    } catch {
      return [];
    } finally {
      await session?.detach().catch(() => undefined);
    }
  };
  /** Resident memory of each renderer when sampling starts (the batch's baseline). */
  const before = new Map((await processes()).filter((p) => p.type === 'renderer').map((p) => [p.id, procMemory(p.id)?.rss ?? NaN]));
  let pagePeak = 0;
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const h = await cdp.send('Runtime.getHeapUsage');
        pagePeak = Math.max(pagePeak, h.usedSize);
        for (const [sessionId, w] of workers) {
          if (w.gone) continue;
          const r = await askWorker(sessionId);
          if (!r) continue;
          w.used = Math.max(w.used, r.usedSize);
          w.backing = Math.max(w.backing, r.backingStorageSize ?? 0);
        }
        samples++;
      } catch {
        /* the page may be navigating */
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  return {
    /**
     * Stops sampling; returns peaks in bytes.
     * @returns {Promise<{ samples: number, pageHeap: number, workers: Array<{ title: string, url: string, used: number, backing: number }>, renderers: Array<{ pid: number, hwm: number, rss: number, rssBefore: number }>, browser: { pid: number, hwm: number, rss: number, rssBefore: number } | undefined }>}
     */
    async stop() {
      stopped = true;
      await loop;
      /** @type {Array<{ type: string, id: number }>} */
      const all = await processes();
      await cdp.detach().catch(() => undefined);
      const withMem = (p) => ({ pid: p.id, ...(procMemory(p.id) ?? { hwm: NaN, rss: NaN }), rssBefore: before.get(p.id) ?? NaN });
      const renderers = all
        .filter((p) => p.type === 'renderer')
        .map(withMem)
        .sort((a, b) => b.hwm - a.hwm);
      const browserProcess = all.find((p) => p.type === 'browser');
      return {
        samples,
        pageHeap: pagePeak,
        workers: [...workers.values()].map(({ title, url, used, backing }) => ({ title, url, used, backing })),
        renderers,
        browser: browserProcess ? withMem(browserProcess) : undefined,
      };
    },
  };
}
