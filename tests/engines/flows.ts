/**
 * The core flows, written once and run in Firefox ESR and in WebKitGTK (see
 * firefox.test.ts and webkit.test.ts): the inspector on one file of each
 * format against exiftool's truth, the cleaner with the clean Blob read back
 * and judged by exiftool and ImageMagick, the profile, offline after a first
 * visit, the privacy crawl of every built page, and two crowded files (100
 * PNG text chunks, 200 XMP keywords) read in under a second with "and N more".
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROUTES } from '../../src/i18n/routes';
import { decodedSize, exiftool, leftoverTags, pixelDifference } from '../support/cleaner-oracle';
import { builtPages } from '../support/pages';
import { writeCrowded } from '../support/crowded';
import { IMAGES, ROOT, truthFor } from '../support/paths';
import { launch, type Engine, type EngineName } from './support/engine';
import { startSite, type Site } from './support/site';
import { startTrap, type Trap } from './support/trap';

const TIME_ZONE = 'Europe/Paris';
const INSPECTOR = ROUTES.inspector.en;

/** One real corpus file per format the inspector reads. */
export const ONE_OF_EACH = {
  JPEG: 'ianare__DSCN0010.jpg',
  HEIC: 'ianare__IMG_5195.HEIC',
  PNG: 'exifr__png_with_exif_and_gps.png',
  WEBP: 'mei__HTC_Desire.webp',
  TIFF: 'exifr__002.tiff',
  AVIF: 'exifr__Irvine_CA.avif',
} as const;

/** What a flow found that differs from the truth; empty means it passed. */
type Problems = string[];

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls a page predicate until it returns true. */
async function waitFor<A extends unknown[]>(engine: Engine, what: string, fn: (...args: A) => unknown, args: A, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    const done = await engine.evaluate(z.boolean(), fn, ...args).catch((e: unknown) => {
      lastError = String(e); // e.g. a page still navigating; kept for the message
      return false;
    });
    if (done) return;
    if (Date.now() > end)
      throw new Error(`${engine.name}: timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${lastError})` : ''}`);
    await sleep(150);
  }
}

const present = (selector: string): boolean => document.querySelector(selector) !== null;

/**
 * Waits for an island's ready marker. WebKitGTK under Xvfb delivers
 * IntersectionObserver records (which client:visible waits for) late, and after
 * a programmatic scroll only on the next scroll: each poll nudges the page by a pixel.
 */
function wakeAndCheck(selector: string): boolean {
  // Up one pixel, then down again, instantly (a smooth scroll still under way would be cut short by a smooth nudge).
  const step = Reflect.get(window, '__byaNudge') === 1 ? -1 : 1;
  Reflect.set(window, '__byaNudge', step);
  window.scrollBy({ top: step, behavior: 'instant' });
  return document.querySelector(selector) !== null;
}

/** Waits until the site's server has had no request for `quietMs` (it hears workers and the service worker too). */
async function settle(site: Site, quietMs = 700, maxMs = 20_000): Promise<void> {
  const end = Date.now() + maxMs;
  let count = site.served.length;
  while (Date.now() < end) {
    await sleep(quietMs);
    if (site.served.length === count) return;
    count = site.served.length;
  }
}

const text = (v: unknown): string | undefined => (v === undefined || v === null || String(v).trim() === '' ? undefined : String(v).trim());

/** Marks the download button of the cleaner's card for `file` so a real click can reach it. Returns false when there is none. */
function markDownload(file: string): boolean {
  document.querySelectorAll('[data-bya-target]').forEach((e) => e.removeAttribute('data-bya-target'));
  for (const article of document.querySelectorAll('[data-tool="cleaner"] article')) {
    if (article.querySelector('.file-name')?.textContent.trim() !== file) continue;
    const button = [...article.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith('Download '));
    if (!button) return false;
    button.setAttribute('data-bya-target', 'download');
    const hook: unknown = Reflect.get(window, '__bya');
    if (typeof hook === 'object' && hook !== null) Reflect.set(hook, 'blobs', []);
    return true;
  }
  return false;
}

/** True once the page hook has kept a Blob. */
function blobCaptured(): boolean {
  const hook: unknown = Reflect.get(window, '__bya');
  const blobs: unknown = typeof hook === 'object' && hook !== null ? Reflect.get(hook, 'blobs') : undefined;
  return Array.isArray(blobs) && blobs.length > 0;
}

/** The last Blob the page handed to URL.createObjectURL, as base64 (null while there is none). */
async function lastBlob(): Promise<{ type: string; base64: string } | null> {
  const hook: unknown = Reflect.get(window, '__bya');
  const blobs: unknown = typeof hook === 'object' && hook !== null ? Reflect.get(hook, 'blobs') : undefined;
  if (!Array.isArray(blobs) || blobs.length === 0) return null;
  const blob: unknown = blobs[blobs.length - 1];
  if (!(blob instanceof Blob)) return null;
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { type: blob.type, base64: btoa(binary) };
}

/** CSP violations the page hook heard, and other-origin resources in the page's resource timing. */
function pageObservations(origin: string): { csp: string[]; foreign: string[]; resources: number; paths: string[]; reporting: boolean } {
  const hook: unknown = Reflect.get(window, '__bya');
  const csp: unknown = typeof hook === 'object' && hook !== null ? Reflect.get(hook, 'csp') : [];
  const reporting = typeof hook === 'object' && hook !== null && Reflect.get(hook, 'reporting') === true;
  const names = performance.getEntriesByType('resource').map((e) => e.name);
  const paths = names.filter((n) => n.startsWith(`${origin}/`)).map((n) => new URL(n).pathname);
  return {
    csp: Array.isArray(csp) ? csp.map(String) : [],
    foreign: names.filter((n) => !n.startsWith(`${origin}/`) && !/^(data|blob):/.test(n)),
    resources: names.length,
    paths,
    reporting,
  };
}
const observationsSchema = z.object({
  csp: z.array(z.string()),
  foreign: z.array(z.string()),
  resources: z.number(),
  paths: z.array(z.string()),
  reporting: z.boolean(),
});

/** Marks the n-th file input for the driver and scrolls it into view. */
function markFileInput(n: number): null {
  document.querySelectorAll('[data-bya-target]').forEach((e) => e.removeAttribute('data-bya-target'));
  const input = document.querySelectorAll('input[type="file"]')[n];
  input?.setAttribute('data-bya-target', 'file');
  input?.closest('astro-island, section, form, div')?.scrollIntoView({ block: 'center', behavior: 'instant' });
  return null;
}

/** Clicks each visible, enabled button of the page's main content once (at most 40), stopping if the page is left. */
async function clickEveryButton(path: string): Promise<number> {
  let clicked = 0;
  for (const button of [...document.querySelectorAll<HTMLButtonElement>('main button')].slice(0, 40)) {
    if (location.pathname !== path) break;
    if (!button.isConnected || button.disabled || button.getClientRects().length === 0) continue;
    button.click();
    clicked++;
    await new Promise((r) => setTimeout(r, 60));
  }
  return clicked;
}

/** Writes what a flow measured to .tmp/engines/<engine>-<flow>.json, for the notes. */
function record(engine: EngineName, flow: string, data: unknown): void {
  const dir = join(ROOT, '.tmp', 'engines');
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${engine}-${flow}.json`), JSON.stringify(data, null, 2));
  } catch {
    /* the notes are optional */
  }
}

/** Photos the crawl feeds to every file input: a JPEG with a location, and a HEIC (the WebAssembly decoder's path). */
const CRAWL_FILES = [ONE_OF_EACH.JPEG, ONE_OF_EACH.HEIC];

/** The profile tool in French then English: the browser's zone, the photo's findings, and whether the "signals hidden" note shows. */
async function readProfile(engine: Engine, expect_: { hiddenCallout: boolean }): Promise<Problems> {
  const problems: Problems = [];
  const LOCALES = [
    ['fr', ROUTES.profile.fr, 'Italie', '22 octobre 2008', 'Fuseau horaire masqué ou générique (Atlantic/Reykjavik)', 'Ce dossier est donc réduit'],
    ['en', ROUTES.profile.en, 'Italy', '22 October 2008', 'Time zone hidden or generic (Atlantic/Reykjavik)', 'So this dossier is reduced'],
  ] as const;
  for (const [locale, path, country, date, zoneHidden, reduced] of LOCALES) {
    await engine.goto(path);
    await waitFor(engine, 'the profile tool', wakeAndCheck, ['.profile-tool[data-ready="true"]']);
    await engine.setFiles('.profile-file input[type="file"]', [join(IMAGES, ONE_OF_EACH.JPEG)]);
    await waitFor(engine, 'the photo’s findings', present, ['[data-finding="photo.device"]'], 30_000);
    await waitFor(engine, 'the place', () => (document.querySelector('[data-finding="photo.place"]')?.textContent ?? '').includes('Arezzo'), [], 15_000).catch(
      () => undefined,
    );
    const seen = await engine.evaluate(z.record(z.string(), z.string()), () => {
      const out: Record<string, string> = {};
      for (const f of document.querySelectorAll('[data-finding]')) out[f.getAttribute('data-finding') ?? ''] = f.textContent.replace(/\s+/g, ' ').trim();
      for (const id of ['browser-hidden', 'browser-rfp']) {
        const note = document.querySelector(`[data-testid="${id}"]`);
        if (note) out[id] = note.textContent.trim();
      }
      return out;
    });
    const has = (id: string, word: string): void => {
      if (!(seen[id] ?? '').includes(word)) problems.push(`${locale} ${id}: “${seen[id] ?? 'missing'}” lacks “${word}”`);
    };
    has('photo.place', 'Arezzo');
    has('photo.place', country);
    has('photo.taken', date);
    has('photo.device', 'NIKON COOLPIX P6000');
    if (expect_.hiddenCallout) {
      // Firefox 153's resistFingerprinting reports Atlantic/Reykjavik (not UTC) to every site: the page must not
      // place the reader in Iceland, and must say why the dossier is reduced.
      has('browser-rfp', 'resistFingerprinting');
      has('browser-rfp', reduced);
      has('browser.timeZone', zoneHidden);
    } else {
      has('browser.timeZone', TIME_ZONE);
      for (const id of ['browser-hidden', 'browser-rfp']) if (seen[id]) problems.push(`${locale}: note ${id} shown in a plain browser: ${seen[id]}`);
    }
  }
  return problems;
}

export function defineFlows(name: EngineName): void {
  describe(name, () => {
    let trap: Trap;
    let site: Site;
    let engine: Engine;

    beforeAll(async () => {
      trap = await startTrap();
      site = await startSite();
      engine = await launch(name, { base: site.base, trapPort: trap.port, timeZone: TIME_ZONE });
    }, 60_000);

    afterAll(async () => {
      // A beforeAll that failed part-way leaves some of these unset, whatever their types say.
      /* eslint-disable @typescript-eslint/no-unnecessary-condition */
      // Over the whole run: what the server served that the driver's request events never mentioned.
      if (site && engine?.driverRequests) {
        const driverSaw = new Set(engine.driverRequests.filter((u) => u.startsWith(`${site.base}/`)).map((u) => new URL(u).pathname));
        const served = new Set(site.served);
        record(name, 'driver-coverage', { served: served.size, driverMissed: [...served].filter((p) => !driverSaw.has(p)) });
      }
      await engine?.close();
      await site?.stop();
      await trap?.close();
      /* eslint-enable @typescript-eslint/no-unnecessary-condition */
    });

    it('inspector: a PNG with 100 text chunks and a JPEG with 200 keywords are read in under a second, with what was left out said', async () => {
      const crowded = writeCrowded();
      await engine.goto(INSPECTOR);
      await waitFor(engine, 'the inspector island', wakeAndCheck, ['.inspector[data-ready="true"]']);
      const problems: Problems = [];
      for (const [path, name] of [
        [crowded.png, 'crowded-100-text-chunks.png'],
        [crowded.jpeg, 'crowded-200-keywords.jpg'],
      ] as const) {
        await engine.evaluate(z.null(), () => {
          performance.clearMarks();
          return null;
        });
        // As a reader does: the picker gets focus (which starts the worker, see warmUp) and the file dialog takes a moment.
        await engine.evaluate(z.null(), () => {
          document.querySelector<HTMLInputElement>('[data-testid="inspector-input"]')?.focus();
          return null;
        });
        await sleep(1_500);
        await engine.setFiles('[data-testid="inspector-input"]', [path]);
        await waitFor(
          engine,
          `${name} read`,
          (file: string) => document.querySelector(`[data-testid="file-result"][data-file="${file}"][data-status="done"]`) !== null,
          [name],
          30_000,
        );
        const seen = await engine.evaluate(
          z.object({ ms: z.number().nullable(), omitted: z.array(z.string()), more: z.array(z.string()), alerts: z.number() }),
          () => {
            const start = performance.getEntriesByName('inspector:batch-start')[0]?.startTime;
            const done = performance.getEntriesByName('inspector:batch-done')[0]?.startTime;
            return {
              ms: start === undefined || done === undefined ? null : done - start,
              omitted: [...document.querySelectorAll('[data-testid="card-omitted"]')].map((e) => e.textContent.trim()),
              more: [...document.querySelectorAll('[data-testid="field-more"]')].map((e) => e.textContent.trim()),
              alerts: document.querySelectorAll('[data-testid="file-result"] [role="alert"]').length,
            };
          },
        );
        if (seen.ms === null || seen.ms >= 1_000) problems.push(`${name}: read in ${seen.ms ?? 'unknown'} ms (budget 1,000 ms)`);
        if (seen.alerts > 0) problems.push(`${name}: ${seen.alerts} alert(s)`);
        if (name.endsWith('.png') && !seen.omitted.some((t) => t.startsWith('And 50 more text block(s)')))
          problems.push(`${name}: no "And 50 more text block(s)" (${JSON.stringify(seen.omitted)})`);
        if (name.endsWith('.jpg') && !seen.more.some((t) => /^and \d+ more/.test(t)))
          problems.push(`${name}: no "and N more" on the keywords (${JSON.stringify(seen.more)})`);
        record(engine.name, `crowded-${name}`, seen);
      }
      expect(problems).toEqual([]);
    }, 90_000);

    it('inspector: one file of each format shows exiftool’s truth', async () => {
      await engine.goto(INSPECTOR);
      await waitFor(engine, 'the inspector island', wakeAndCheck, ['.inspector[data-ready="true"]']);
      const files = Object.values(ONE_OF_EACH);
      await engine.setFiles(
        '[data-testid="inspector-input"]',
        files.map((f) => join(IMAGES, f)),
      );
      await waitFor(
        engine,
        'every file read',
        (n: number) =>
          document.querySelectorAll('[data-testid="file-result"]').length === n &&
          document.querySelectorAll('[data-testid="file-result"][data-status="waiting"], [data-testid="file-result"][data-status="reading"]').length === 0,
        [files.length],
        60_000,
      );
      const cards = await engine.evaluate(
        z.array(
          z.object({
            file: z.string(),
            status: z.string(),
            meta: z.string(),
            alerts: z.array(z.string()),
            cards: z.array(z.string()),
            fields: z.record(z.string(), z.object({ raw: z.string().nullable(), text: z.string() })),
          }),
        ),
        () =>
          [...document.querySelectorAll('[data-testid="file-result"]')].map((card) => ({
            file: card.getAttribute('data-file') ?? '',
            status: card.getAttribute('data-status') ?? '',
            meta: card.querySelector('.meta')?.textContent.trim() ?? '',
            alerts: [...card.querySelectorAll('[role="alert"]')].map((a) => a.textContent.trim()),
            cards: [...card.querySelectorAll('[data-card]')].map((c) => c.getAttribute('data-card') ?? ''),
            fields: Object.fromEntries(
              [...card.querySelectorAll('[data-field]')].map((f) => [
                f.getAttribute('data-field') ?? '',
                { raw: f.getAttribute('data-raw'), text: f.textContent.trim() },
              ]),
            ),
          })),
      );
      const problems: Problems = [];
      for (const [format, file] of Object.entries(ONE_OF_EACH)) {
        const card = cards.find((c) => c.file === file);
        if (!card) {
          problems.push(`${format}: no result card`);
          continue;
        }
        if (card.status !== 'done') problems.push(`${format}: status ${card.status}`);
        if (card.alerts.length) problems.push(`${format}: alert ${card.alerts.join(' | ')}`);
        if (!card.meta.includes(format === 'WEBP' ? 'WEBP' : format)) problems.push(`${format}: meta says ${card.meta}`);
        const truth = truthFor(file);
        for (const [field, tag] of [
          ['make', 'IFD0:Make'],
          ['model', 'IFD0:Model'],
          ['taken', 'ExifIFD:DateTimeOriginal'],
        ] as const) {
          const expected = text(truth[tag]);
          const shown = card.fields[field];
          if (expected === undefined) {
            if (field !== 'taken' && shown) problems.push(`${format}: ${field} shown (${shown.text}) but exiftool has none`);
          } else if (shown?.raw !== expected) problems.push(`${format}: ${field} ${JSON.stringify(shown?.raw)} ≠ exiftool ${JSON.stringify(expected)}`);
        }
        const lat = truth['Composite:GPSLatitude'];
        const lon = truth['Composite:GPSLongitude'];
        if (typeof lat === 'number' && typeof lon === 'number') {
          if (card.fields['gps-lat']?.text !== lat.toFixed(5)) problems.push(`${format}: latitude ${card.fields['gps-lat']?.text} ≠ ${lat.toFixed(5)}`);
          if (card.fields['gps-lon']?.text !== lon.toFixed(5)) problems.push(`${format}: longitude ${card.fields['gps-lon']?.text} ≠ ${lon.toFixed(5)}`);
          if (!card.cards.includes('location')) problems.push(`${format}: no location card`);
        } else if (card.fields['gps-lat']) problems.push(`${format}: a location shown that exiftool does not see`);
        if (text(truth['IFD0:Make']) !== undefined && !card.cards.includes('device')) problems.push(`${format}: no device card`);
      }
      record(name, 'inspector', cards);
      expect(problems).toEqual([]);
    }, 90_000);

    it('cleaner: JPEG, PNG and WebP come out clean and pixel-identical; HEIC becomes a clean JPEG', async () => {
      await engine.goto(INSPECTOR);
      await engine.evaluate(z.null(), () => {
        document.querySelector('[data-tool="cleaner"]')?.scrollIntoView({ block: 'start', behavior: 'instant' });
        return null;
      });
      await waitFor(engine, 'the cleaner island', wakeAndCheck, ['[data-tool="cleaner"] astro-island:not([ssr])']);
      const lossless = [ONE_OF_EACH.JPEG, ONE_OF_EACH.PNG, ONE_OF_EACH.WEBP];
      const files = [...lossless, ONE_OF_EACH.HEIC];
      await engine.setFiles(
        '[data-tool="cleaner"] input[type="file"]',
        files.map((f) => join(IMAGES, f)),
      );
      await waitFor(
        engine,
        'the batch finished',
        () => (document.querySelector('[data-tool="cleaner"] [role="status"]')?.textContent ?? '').includes('Finished'),
        [],
        120_000,
      );
      const dir = mkdtempSync(join(tmpdir(), `bya-engines-${name}-`));
      const problems: Problems = [];
      const alerts = await engine.evaluate(z.array(z.string()), () =>
        [...document.querySelectorAll('[data-tool="cleaner"] [role="alert"]')].map((a) => a.textContent.trim()),
      );
      for (const file of files) {
        if (!(await engine.evaluate(z.boolean(), markDownload, file))) {
          problems.push(`${file}: no download button${alerts.length ? ` (alerts: ${alerts.join(' | ')})` : ''}`);
          continue;
        }
        await engine.click('[data-bya-target="download"]').catch(async (e: unknown) => {
          const why = await engine.evaluate(z.string(), () => {
            const b = document.querySelector('[data-bya-target="download"]');
            if (!b) return 'gone';
            const r = b.getBoundingClientRect();
            const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
            return `${JSON.stringify(r)} disabled=${String(b.hasAttribute('disabled'))} hit=${hit?.outerHTML.slice(0, 200) ?? 'none'} scrollY=${scrollY}`;
          });
          throw new Error(`${String(e)} — ${why}`);
        });
        await waitFor(engine, `the clean Blob of ${file}`, blobCaptured, []);
        const blob = await engine.evaluate(z.object({ type: z.string(), base64: z.string() }).nullable(), lastBlob);
        if (!blob) throw new Error('no blob');
        const out = join(dir, `clean-${file}${file === ONE_OF_EACH.HEIC ? '.jpg' : ''}`);
        writeFileSync(out, Buffer.from(blob.base64, 'base64'));
        if (file === ONE_OF_EACH.HEIC) {
          const bytes = Buffer.from(blob.base64, 'base64');
          if (!bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) problems.push(`${file}: not a JPEG`);
          const left = leftoverTags(exiftool(out), { orientation: false, icc: true });
          if (left.length) problems.push(`${file}: metadata left ${left.join(', ')}`);
          if (decodedSize(out).width <= 100) problems.push(`${file}: decoded too small`);
          continue;
        }
        const left = leftoverTags(exiftool(out), { orientation: true, icc: true });
        if (left.length) problems.push(`${file}: metadata left ${left.join(', ')}`);
        // The oracle must see the original's metadata, or "nothing left" proves nothing.
        if (leftoverTags(exiftool(join(IMAGES, file)), { orientation: true, icc: true }).length === 0)
          problems.push(`${file}: the oracle sees no metadata in the original`);
        const differing = pixelDifference(join(IMAGES, file), out);
        if (differing !== 0) problems.push(`${file}: ${differing} pixels differ`);
      }
      record(name, 'cleaner', { dir, alerts, problems });
      expect(problems).toEqual([]);
    }, 180_000);

    it('profile: the browser’s time zone, and a photo’s place, date and device, in French and in English', async () => {
      const problems = await readProfile(engine, { hiddenCallout: false });
      expect(problems).toEqual([]);
    }, 90_000);

    if (name === 'firefox') {
      it('profile with privacy.resistFingerprinting: the page says the browser hid signals, in both languages', async () => {
        const rfp = await launch('firefox', {
          base: site.base,
          trapPort: trap.port,
          timeZone: TIME_ZONE,
          firefoxPrefs: { 'privacy.resistFingerprinting': true },
        });
        try {
          expect(await readProfile(rfp, { hiddenCallout: true })).toEqual([]);
        } finally {
          await rfp.close();
        }
      }, 90_000);
    }

    it('offline: after one visit, with the network cut, every page loads and the inspector reads a photo', async () => {
      await engine.goto('/');
      expect(await engine.evaluate(z.boolean(), () => 'serviceWorker' in navigator && window.isSecureContext), 'service workers available').toBe(true);
      // Registered 3 s after the load, then the whole build is precached (about 7 MB).
      await waitFor(engine, 'the service worker to control the page', () => navigator.serviceWorker.controller !== null, [], 90_000);
      const cached = await engine.evaluate(z.object({ names: z.array(z.string()), count: z.number() }), async () => {
        const names = await caches.keys();
        const cache = await caches.open(names[0] ?? '');
        return { names, count: (await cache.keys()).length };
      });
      expect(cached.names).toEqual([expect.stringMatching(/^bya-[0-9a-f]{12}$/)]);
      const pages = builtPages();
      expect(cached.count).toBeGreaterThan(pages.length);
      // Cut the network: in the browser where the driver can (Firefox), and for every engine by stopping the server.
      const inBrowser = await engine.setOffline(true);
      await site.stop();
      const problems: Problems = [];
      try {
        for (const path of pages) {
          await engine.goto(path).catch((e: unknown) => problems.push(`${path}: ${String(e).slice(0, 160)}`));
          const page = await engine
            .evaluate(z.object({ lang: z.string(), h1: z.boolean(), banner: z.boolean() }), () => ({
              lang: document.documentElement.lang,
              h1: (document.querySelector('h1')?.getBoundingClientRect().height ?? 0) > 0,
              banner: document.querySelector('#offline-status')?.hasAttribute('hidden') === false,
            }))
            .catch(() => ({ lang: '', h1: false, banner: false }));
          if (page.lang !== (path.startsWith('/en/') ? 'en' : 'fr')) problems.push(`${path}: lang ${page.lang || 'missing (not served)'}`);
          if (!page.h1) problems.push(`${path}: no visible h1`);
          // The banner follows navigator.onLine: only a browser that was itself cut knows it is offline.
          if (inBrowser && !page.banner) problems.push(`${path}: no offline banner`);
          if (path === ROUTES.inspector.fr || path === ROUTES.inspector.en) {
            await waitFor(engine, 'the inspector island offline', wakeAndCheck, ['.inspector[data-ready="true"]']).catch(async (e: unknown) => {
              const state = await engine
                .evaluate(z.string(), () => {
                  const island = document.querySelector('.inspector')?.closest('astro-island');
                  const scripts = performance
                    .getEntriesByType('resource')
                    .filter((r) => r.name.includes('Inspector'))
                    .map((r) => r.name);
                  return `island ssr=${String(island?.hasAttribute('ssr'))} url=${island?.getAttribute('component-url') ?? '?'} loaded=${scripts.join(',') || 'none'}`;
                })
                .catch(() => '?');
              problems.push(`${path}: ${String(e)} — ${state}`);
            });
            await engine.setFiles('[data-testid="inspector-input"]', [join(IMAGES, ONE_OF_EACH.JPEG)]);
            await waitFor(engine, 'a card read offline', present, ['[data-testid="file-result"] [data-card="location"]'], 60_000).catch(async (e: unknown) => {
              const state = await engine
                .evaluate(
                  z.string(),
                  () =>
                    [...document.querySelectorAll('[data-testid="file-result"]')]
                      .map((c) => `${c.getAttribute('data-status') ?? ''}: ${c.textContent.replace(/\s+/g, ' ').slice(0, 200)}`)
                      .join(' | ') || 'no result card',
                )
                .catch(() => '?');
              problems.push(`${path}: ${String(e)} — ${state}`);
            });
          }
        }
      } finally {
        await site.start();
        await engine.setOffline(false);
      }
      record(name, 'offline', { inBrowser, cached, problems });
      expect(problems).toEqual([]);
    }, 240_000);

    it('privacy crawl: every built page, its file inputs fed real photos, and no request to another origin', async () => {
      const origin = site.base;
      const isLocal = (url: string): boolean => url.startsWith(`${origin}/`) || /^(data|blob|about):/.test(url);
      const pageSaw = new Set<string>();
      const rows: {
        path: string;
        ms: number;
        inputs: number;
        clicks: number;
        csp: string[];
        pageForeign: string[];
        driverForeign: string[] | null;
        trap: string[];
        resources: number;
      }[] = [];
      const servedBefore = site.served.length;
      const driverBefore = engine.driverRequests?.length ?? 0;
      for (const path of builtPages(true)) {
        const pageStart = Date.now();
        const driverStart = engine.driverRequests?.length ?? 0;
        const trapStart = trap.hits.length;
        await engine.goto(path);
        await settle(site, 400);
        const inputs = await engine.evaluate(z.number(), () => document.querySelectorAll('input[type="file"]').length);
        for (let i = 0; i < inputs; i++) {
          // A tool wakes when it scrolls into view (client:visible), as it does for a reader.
          await engine.evaluate(z.null(), markFileInput, i);
          await waitFor(
            engine,
            `file input ${i} of ${path} to wake`,
            (n: number) => {
              const island = document.querySelectorAll('input[type="file"]')[n]?.closest('astro-island');
              // See wakeAndCheck: WebKitGTK wants a scroll before it reports the island visible.
              const step = Reflect.get(window, '__byaNudge') === 1 ? -1 : 1;
              Reflect.set(window, '__byaNudge', step);
              window.scrollBy({ top: step, behavior: 'instant' });
              return !island?.hasAttribute('ssr');
            },
            [i],
            15_000,
          );
          for (const file of CRAWL_FILES) {
            await engine.evaluate(z.null(), markFileInput, i);
            await engine.setFiles('[data-bya-target="file"]', [join(IMAGES, file)]);
            await settle(site, 500);
          }
        }
        const clicks = await engine.evaluate(z.number(), clickEveryButton, path);
        await settle(site, 400);
        const seen = await engine.evaluate(observationsSchema, pageObservations, origin);
        for (const p of seen.paths) pageSaw.add(p);
        pageSaw.add(path);
        rows.push({
          path,
          ms: Date.now() - pageStart,
          inputs,
          clicks,
          csp: seen.csp,
          pageForeign: seen.foreign,
          driverForeign: engine.driverRequests ? engine.driverRequests.slice(driverStart).filter((u) => !isLocal(u)) : null,
          trap: trap.hits.slice(trapStart),
          resources: seen.resources,
        });
      }
      // What each observer can see, measured: the server hears every same-origin request (pages, workers, the
      // service worker); the driver's list (Firefox) and the page's resource timing see only part of it.
      const served = new Set(site.served.slice(servedBefore));
      const driverSaw = new Set((engine.driverRequests?.slice(driverBefore) ?? []).filter(isLocal).map((u) => new URL(u).pathname));
      const coverage = {
        servedPaths: served.size,
        pageTimingMissed: [...served].filter((p) => !pageSaw.has(p)).slice(0, 30),
        driverSawOfThem: engine.driverRequests ? [...served].filter((p) => driverSaw.has(p)).length : null,
        driverMissed: engine.driverRequests ? [...served].filter((p) => !driverSaw.has(p)).slice(0, 30) : null,
        reportingObserver: (await engine.evaluate(observationsSchema, pageObservations, origin)).reporting,
      };
      record(name, 'crawl', { coverage, rows });
      expect(rows.filter((r) => r.inputs > 0).length, 'pages whose file inputs were fed').toBeGreaterThanOrEqual(4);
      expect(
        rows.reduce((n, r) => n + r.clicks, 0),
        'buttons clicked',
      ).toBeGreaterThan(20);
      expect(rows.flatMap((r) => [...r.csp, ...r.pageForeign, ...(r.driverForeign ?? []), ...r.trap].map((x) => `${r.path}: ${x}`))).toEqual([]);
    }, 300_000);

    it('self-check: the observers do see a request to another origin', async () => {
      await engine.goto('/');
      // A load the page's CSP refuses: the page hook hears the violation.
      await engine.evaluate(z.null(), () => {
        const img = new Image();
        img.src = 'https://tracker.invalid/pixel.gif';
        document.body.append(img);
        return null;
      });
      await waitFor(engine, 'the CSP violation', () => JSON.stringify(Reflect.get(window, '__bya') ?? {}).includes('tracker.invalid'), [], 10_000);
      // A top-level navigation (no page CSP applies to it): it reaches the trap proxy.
      const before = trap.hits.length;
      await engine.goto('http://tracker.invalid/self-check').catch(() => undefined);
      const end = Date.now() + 10_000;
      while (trap.hits.length === before && Date.now() < end) await sleep(100);
      expect(trap.hits.slice(before)).toContain('GET http://tracker.invalid/self-check');
      if (engine.driverRequests) expect(engine.driverRequests.some((u) => u.includes('tracker.invalid/self-check'))).toBe(true);
    }, 60_000);
  });
}
