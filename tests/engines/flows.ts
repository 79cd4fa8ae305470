/**
 * The core flows, written once and run in Firefox ESR and in WebKitGTK (see
 * firefox.test.ts and webkit.test.ts): the inspector on one file of each
 * format against exiftool's truth, the cleaner with the clean Blob read back
 * and judged by exiftool and ImageMagick, the profile, offline after a first
 * visit, and the privacy crawl of every built page.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROUTES } from '../../src/i18n/routes';
import { decodedSize, exiftool, leftoverTags, pixelDifference } from '../support/cleaner-oracle';
import { builtPages } from '../support/pages';
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
    if (Date.now() > end) throw new Error(`${engine.name}: timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${lastError})` : ''}`);
    await sleep(150);
  }
}

const present = (selector: string): boolean => document.querySelector(selector) !== null;

/** Waits until the site's server has had no request for `quietMs` (it hears workers and the service worker too). */
async function settle(site: Site, quietMs = 700, maxMs = 20_000): Promise<void> {
  const end = Date.now() + maxMs;
  let count = -1;
  while (Date.now() < end) {
    if (site.served.length === count) return;
    count = site.served.length;
    await sleep(quietMs);
  }
}

const text = (v: unknown): string | undefined => (v === undefined || v === null || String(v).trim() === '' ? undefined : String(v).trim());

/** Marks the download button of the cleaner's card for `file` so a real click can reach it. Returns false when there is none. */
function markDownload(file: string): boolean {
  document.querySelectorAll('[data-bya-target]').forEach((e) => e.removeAttribute('data-bya-target'));
  for (const article of document.querySelectorAll('[data-tool="cleaner"] article')) {
    if (article.querySelector('.file-name')?.textContent?.trim() !== file) continue;
    const button = [...article.querySelectorAll('button')].find((b) => (b.textContent ?? '').trim().startsWith('Download '));
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
function pageObservations(origin: string): { csp: string[]; foreign: string[]; resources: number; reporting: boolean } {
  const hook: unknown = Reflect.get(window, '__bya');
  const csp: unknown = typeof hook === 'object' && hook !== null ? Reflect.get(hook, 'csp') : [];
  const reporting = typeof hook === 'object' && hook !== null && Reflect.get(hook, 'reporting') === true;
  const names = performance.getEntriesByType('resource').map((e) => e.name);
  return { csp: Array.isArray(csp) ? csp.map(String) : [], foreign: names.filter((n) => !n.startsWith(`${origin}/`) && !/^(data|blob):/.test(n)), resources: names.length, reporting };
}
const observationsSchema = z.object({ csp: z.array(z.string()), foreign: z.array(z.string()), resources: z.number(), reporting: z.boolean() });

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
      await engine?.close();
      await site?.stop();
      await trap?.close();
    });

    it('inspector: one file of each format shows exiftool’s truth', async () => {
      await engine.goto(INSPECTOR);
      await waitFor(engine, 'the inspector island', present, ['.inspector[data-ready="true"]']);
      const files = Object.values(ONE_OF_EACH);
      await engine.setFiles('[data-testid="inspector-input"]', files.map((f) => join(IMAGES, f)));
      await waitFor(
        engine,
        'every file read',
        (n: number) => document.querySelectorAll('[data-testid="file-result"]').length === n && document.querySelectorAll('[data-testid="file-result"][data-status="waiting"], [data-testid="file-result"][data-status="reading"]').length === 0,
        [files.length],
        60_000,
      );
      const cards = await engine.evaluate(
        z.array(z.object({ file: z.string(), status: z.string(), meta: z.string(), alerts: z.array(z.string()), cards: z.array(z.string()), fields: z.record(z.string(), z.object({ raw: z.string().nullable(), text: z.string() })) })),
        () =>
          [...document.querySelectorAll('[data-testid="file-result"]')].map((card) => ({
            file: card.getAttribute('data-file') ?? '',
            status: card.getAttribute('data-status') ?? '',
            meta: card.querySelector('.meta')?.textContent?.trim() ?? '',
            alerts: [...card.querySelectorAll('[role="alert"]')].map((a) => a.textContent?.trim() ?? ''),
            cards: [...card.querySelectorAll('[data-card]')].map((c) => c.getAttribute('data-card') ?? ''),
            fields: Object.fromEntries([...card.querySelectorAll('[data-field]')].map((f) => [f.getAttribute('data-field') ?? '', { raw: f.getAttribute('data-raw'), text: f.textContent?.trim() ?? '' }])),
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
        for (const [field, tag] of [['make', 'IFD0:Make'], ['model', 'IFD0:Model'], ['taken', 'ExifIFD:DateTimeOriginal']] as const) {
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
        document.querySelector('[data-tool="cleaner"]')?.scrollIntoView();
        return null;
      });
      await waitFor(engine, 'the cleaner island', () => document.querySelector('[data-tool="cleaner"] astro-island:not([ssr])') !== null, []);
      const lossless = [ONE_OF_EACH.JPEG, ONE_OF_EACH.PNG, ONE_OF_EACH.WEBP];
      const files = [...lossless, ONE_OF_EACH.HEIC];
      await engine.setFiles('[data-tool="cleaner"] input[type="file"]', files.map((f) => join(IMAGES, f)));
      await waitFor(engine, 'the batch finished', () => (document.querySelector('[data-tool="cleaner"] [role="status"]')?.textContent ?? '').includes('Finished'), [], 120_000);
      const dir = mkdtempSync(join(tmpdir(), `bya-engines-${name}-`));
      const problems: Problems = [];
      const alerts = await engine.evaluate(z.array(z.string()), () => [...document.querySelectorAll('[data-tool="cleaner"] [role="alert"]')].map((a) => a.textContent?.trim() ?? ''));
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
        if (leftoverTags(exiftool(join(IMAGES, file)), { orientation: true, icc: true }).length === 0) problems.push(`${file}: the oracle sees no metadata in the original`);
        const differing = pixelDifference(join(IMAGES, file), out);
        if (differing !== 0) problems.push(`${file}: ${differing} pixels differ`);
      }
      record(name, 'cleaner', { dir, alerts, problems });
      expect(problems).toEqual([]);
    }, 180_000);
  });
}
