/**
 * Three hundred damaged photos through the real page: the mutations of the
 * Node fuzz test (tests/support/mutations.ts: bit flips, truncations, lengths
 * past the end, huge dimensions, IFD loops, oversized XMP and a zTXt bomb) of
 * the small corpus photos, chosen in batches of 100 in the inspector and in
 * the cleaner, in English and in French. Every file must get its card within a
 * bounded time, with a reading or a cleaned file or one clear localized
 * message (no blank card, no raw key, no stack, no "undefined"); the page must
 * keep answering (heartbeat); no cleaned file may hold a location (our walker
 * and exiftool, on the ZIPs); cleaning a cleaned file again must change
 * nothing; and (the fixtures' guard) nothing goes to another origin.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { z } from 'zod';
import { installProbes, readProbes, resetProbes } from '../../scripts/batch-corpus.mjs';
import { bufferSource } from '../../src/formats/source';
import type { Inventory } from '../../src/formats/types';
import { walk } from '../../src/formats/walk';
import { locationLeft } from '../support/format-oracle';
import { hasExiftool } from '../support/hostile';
import { MUTATIONS, prng } from '../support/mutations';
import { IMAGES, MANIFEST, ROOT, tempDir } from '../support/paths';
import { expect, test } from './fixtures';

const VARIANTS = 300;
const BATCH = 100;
/**
 * Longest a single file may take to get its outcome on screen: the corpus files
 * are < 900 KB and take a few ms to 0.8 s (a loaded 2-core machine); a HEIC or
 * AVIF the cleaner converts decodes every pixel in WebAssembly (2–6 s under
 * load here; the cleaner's own budget is 60 s + 5 s/MB, and a 'timeout' outcome fails the test anyway).
 */
const PER_FILE_MS = 5_000;
const PER_CONVERSION_MS = 30_000;
/** Longest gap of the page's heartbeat (see batch.spec.ts for why 2 s). */
const HEARTBEAT_MS = 2_000;
const IDEMPOTENT_SAMPLE = 24;

const PAGES = { en: '/en/tools/inspector/', fr: '/outils/inspecteur/' } as const;
type Lang = keyof typeof PAGES;
const strings = z.record(z.string(), z.string());
const load = (lang: Lang, ns: string): Record<string, string> => strings.parse(JSON.parse(readFileSync(join(ROOT, 'src/i18n', lang, `${ns}.json`), 'utf8')));
const I18N = {
  en: { inspector: load('en', 'inspector'), cleaner: load('en', 'cleaner') },
  fr: { inspector: load('fr', 'inspector'), cleaner: load('fr', 'cleaner') },
};
const LANGS: readonly Lang[] = ['en', 'fr', 'en'];

interface Variant {
  name: string;
  path: string;
  mutation: string;
  source: string;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A message template as a regex: placeholders match anything. */
const templateRegex = (template: string): string =>
  template
    .split(/\{\w+\}/)
    .map(escape)
    .join('.+');

/** Text that must never reach a reader: untranslated keys, JavaScript leftovers, stack traces. */
function rawProblems(text: string, lang: Lang): string[] {
  const out: string[] = [];
  for (const bad of ['undefined', '[object Object]', 'NaN', 'Error:', 'TypeError', 'RangeError']) if (text.includes(bad)) out.push(`shows "${bad}"`);
  if (/\bat \S+ \(?\S+:\d+:\d+\)?/.test(text)) out.push('shows a stack trace');
  for (const ns of ['inspector', 'cleaner'] as const)
    for (const key of Object.keys(I18N[lang][ns]))
      if (key.includes('.') && new RegExp(`(^|\\s)${escape(key)}($|\\s)`).test(text)) out.push(`shows the raw key ${key}`);
  return out;
}

/** ~300 damaged variants of the small, real corpus photos (the Node fuzz test's corpus), written to `dir`. */
async function makeVariants(dir: string): Promise<Variant[]> {
  const corpus = MANIFEST.filter((m) => ['jpeg', 'png', 'webp', 'heic', 'avif', 'tiff'].includes(m.format) && m.bytes <= 900_000 && !m.synthetic);
  const names = Object.keys(MUTATIONS);
  const originals = new Map<string, { bytes: Uint8Array; inv: Inventory | undefined }>();
  for (const entry of corpus) {
    const bytes = new Uint8Array(readFileSync(join(IMAGES, entry.file)));
    let inv: Inventory | undefined;
    try {
      inv = await walk(bufferSource(bytes));
    } catch {
      inv = undefined;
    }
    originals.set(entry.file, { bytes, inv });
  }
  const out: Variant[] = [];
  for (let v = 0; v < VARIANTS; v++) {
    const fileIndex = v % corpus.length;
    const entry = corpus[fileIndex]!;
    // Each round over the corpus shifts the mutation, so every photo meets several kinds.
    const mutation = names[(v + Math.floor(v / corpus.length)) % names.length]!;
    const { bytes, inv } = originals.get(entry.file)!;
    const mutated = MUTATIONS[mutation]!(bytes, inv, prng(fileIndex * 10_007 + v + 500_000));
    const name = `v${String(v).padStart(3, '0')}-${mutation}-${entry.file}`;
    const path = join(dir, name);
    writeFileSync(path, mutated);
    out.push({ name, path, mutation, source: entry.file });
  }
  return out;
}

/** Records, in the page, when each inspector card changes status. */
async function watchInspectorCards(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log: Array<[number, string, string]> = [];
    Reflect.set(window, '__byaCards', log);
    const seen = new Map<Element, string>();
    const scan = (): void => {
      for (const card of document.querySelectorAll('[data-testid="file-result"]')) {
        const status = card.getAttribute('data-status') ?? '';
        if (seen.get(card) !== status) {
          seen.set(card, status);
          log.push([performance.now(), card.getAttribute('data-file') ?? '', status]);
        }
      }
    };
    new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
  });
}

/** Longest time a file spent between 'reading' and its outcome, per file name. */
async function inspectorTimes(page: Page): Promise<Map<string, number>> {
  const log = await page.evaluate(() => structuredClone(Reflect.get(window, '__byaCards') as Array<[number, string, string]>));
  const started = new Map<string, number>();
  const times = new Map<string, number>();
  for (const [t, file, status] of log) {
    if (status === 'reading') started.set(file, t);
    if ((status === 'done' || status === 'failed') && started.has(file)) times.set(file, t - started.get(file)!);
  }
  return times;
}

async function openInspector(page: Page, lang: Lang): Promise<void> {
  await page.goto(PAGES[lang]);
  await page.locator('.inspector[data-ready="true"]').waitFor();
}

async function openCleaner(page: Page, lang: Lang): Promise<Locator> {
  await page.goto(PAGES[lang]);
  const tool = page.locator('[data-tool="cleaner"]');
  await tool.scrollIntoViewIfNeeded();
  await expect(tool.locator('astro-island')).not.toHaveAttribute('ssr');
  return tool;
}

/** The ZIP of the cleaner's current batch, unpacked. */
async function downloadZip(page: Page, tool: Locator, dir: string): Promise<Record<string, Uint8Array>> {
  const [dl] = await Promise.all([page.waitForEvent('download'), tool.getByRole('button', { name: /ZIP/ }).click()]);
  const path = join(dir, `${Date.now()}.zip`);
  await dl.saveAs(path);
  return unzipSync(new Uint8Array(readFileSync(path)));
}

/** exiftool's tags for every file of `dir`, by file name. */
function exiftoolDir(dir: string): Map<string, Record<string, unknown>> {
  const run = spawnSync('exiftool', ['-j', '-G1', '-a', '-n', '-q', '-q', dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.error) throw run.error;
  const parsed = z.array(z.record(z.string(), z.unknown())).parse(JSON.parse(run.stdout || '[]'));
  return new Map(parsed.map((tags) => [String(tags['SourceFile']).split('/').pop() ?? '', tags]));
}

test.describe.configure({ mode: 'serial' });

let variants: Variant[] = [];
let workDir = '';
test.beforeAll(async () => {
  workDir = tempDir('bya-fuzz-page-');
  variants = await makeVariants(workDir);
  expect(variants).toHaveLength(VARIANTS);
  expect(new Set(variants.map((v) => v.mutation)).size).toBe(Object.keys(MUTATIONS).length);
});
test.afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test('inspector: 300 damaged photos each get a reading or one clear localized message, in bounded time, and the page never freezes', async ({ page }) => {
  // About 35 s on a quiet 2-core machine, 75 s at a load average of 10.
  test.setTimeout(240_000);
  const outcomes: Record<string, number> = {};
  let maxMs = 0;
  let maxGap = 0;
  for (let b = 0; b * BATCH < variants.length; b++) {
    const lang = LANGS[b % LANGS.length]!;
    const t = I18N[lang].inspector;
    const batch = variants.slice(b * BATCH, (b + 1) * BATCH);
    await openInspector(page, lang);
    await installProbes(page);
    await watchInspectorCards(page);
    await resetProbes(page);
    await page.getByTestId('inspector-input').setInputFiles(batch.map((v) => v.path));
    await expect(page.getByTestId('inspector-status')).toHaveText(t['status.done']!.replace('{count}', String(batch.length)), { timeout: 90_000 });
    const probes = await readProbes(page);
    maxGap = Math.max(maxGap, probes.timerMax, probes.frameMax);
    expect(probes.timerMax, `batch ${b}: longest timer gap (ms)`).toBeLessThan(HEARTBEAT_MS);
    expect(probes.frameMax, `batch ${b}: longest frame gap (ms)`).toBeLessThan(HEARTBEAT_MS);
    const times = await inspectorTimes(page);
    const slowest = [...times]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 3)
      .map(([f, ms]) => `${f} ${ms.toFixed(0)} ms`);
    const during = await page.evaluate(
      (at) =>
        (Reflect.get(window, '__byaCards') as Array<[number, string, string]>).filter(([time, , status]) => time <= at && status === 'reading').at(-1)?.[1],
      Math.max(probes.timerMaxAt, probes.frameMaxAt),
    );
    console.log(
      `fuzz-page inspector batch ${b} (${lang}): slowest ${slowest.join(', ')}; longest gap ${probes.timerMax.toFixed(0)}/${probes.frameMax.toFixed(0)} ms while reading ${during}; longest task ${probes.longTaskMax.toFixed(0)} ms (${probes.longTasks} over 50 ms)`,
    );

    const cards = await page.locator('[data-testid="file-result"]').evaluateAll((els) =>
      els.map((el) => ({
        file: el.getAttribute('data-file') ?? '',
        status: el.getAttribute('data-status') ?? '',
        text: (el as HTMLElement).innerText,
        error: el.querySelector('[data-testid="file-error"]')
          ? {
              code: el.querySelector('[data-testid="file-error"]')?.getAttribute('data-code') ?? '',
              heading: el.querySelector('[data-testid="file-error"] strong')?.textContent ?? '',
              message: el.querySelector('[data-testid="file-error"] p')?.textContent ?? '',
            }
          : undefined,
        damage: [...el.querySelectorAll('[data-testid="file-damage"] li')].map((li) => ({ code: li.getAttribute('data-code') ?? '', text: li.textContent })),
        cards: el.querySelectorAll('.cards > *').length,
        none: el.querySelector('[data-testid="file-none"]') !== null,
      })),
    );
    expect(cards.map((c) => c.file)).toEqual(batch.map((v) => v.name));
    for (const card of cards) {
      const label = `${lang} ${card.file}`;
      expect.soft(['done', 'failed'], `${label}: finished`).toContain(card.status);
      expect.soft(rawProblems(card.text.replaceAll(card.file, ''), lang), `${label}: text a reader should never see`).toEqual([]);
      const ms = times.get(card.file);
      expect.soft(ms, `${label}: time to outcome`).toBeDefined();
      maxMs = Math.max(maxMs, ms ?? 0);
      expect.soft(ms ?? Infinity, `${label}: time to outcome (ms)`).toBeLessThan(PER_FILE_MS);
      if (card.status === 'failed') {
        const key = `error.${card.error?.code}`;
        outcomes[`failed:${card.error?.code}`] = (outcomes[`failed:${card.error?.code}`] ?? 0) + 1;
        expect.soft(card.error?.code, `${label}: not a timeout (a hang)`).not.toBe('timeout');
        expect.soft(t[key], `${label}: ${key} has a message`).toBeDefined();
        expect.soft(card.error?.heading, label).toBe(t['error.heading']);
        expect.soft(card.error?.message, label).toBe(t[key]);
      } else {
        outcomes['read'] = (outcomes['read'] ?? 0) + 1;
        if (card.damage.length > 0) outcomes['read with damage'] = (outcomes['read with damage'] ?? 0) + 1;
        for (const d of card.damage) expect.soft(d.text, `${label}: damage ${d.code} is explained`).toBe(t[`damage.${d.code}`]);
        // Not blank: findings, or the sentence that there are none.
        expect.soft(card.cards > 0 || card.none, `${label}: shows findings or says there are none`).toBe(true);
      }
    }
  }
  console.log(
    `fuzz-page inspector: ${variants.length} variants; outcomes ${JSON.stringify(outcomes)}; max time per file ${maxMs.toFixed(0)} ms; max heartbeat gap ${maxGap.toFixed(0)} ms`,
  );
});

test('cleaner: 300 damaged photos each get a verified clean file or one clear localized message; no location survives; cleaning again changes nothing', async ({
  page,
}) => {
  test.skip(!hasExiftool(), 'needs exiftool (Debian: libimage-exiftool-perl)');
  // About 70 s on a quiet 2-core machine, 200 s at a load average of 10 (the HEIC/AVIF conversions dominate).
  test.setTimeout(480_000);
  const outDir = join(workDir, 'clean');
  mkdirSync(outDir);
  const outcomes: Record<string, number> = {};
  let maxMs = 0;
  let maxLosslessMs = 0;
  let maxGap = 0;
  const cleaned: Array<{ variant: Variant; name: string; bytes: Uint8Array }> = [];
  for (let b = 0; b * BATCH < variants.length; b++) {
    const lang = LANGS[b % LANGS.length]!;
    const t = I18N[lang].cleaner;
    const batch = variants.slice(b * BATCH, (b + 1) * BATCH);
    const tool = await openCleaner(page, lang);
    await installProbes(page);
    await resetProbes(page);
    await tool.locator('#cleaner-pick').setInputFiles(batch.map((v) => v.path));
    const done = new RegExp(templateRegex(t['progress.done']!).replace(/\.\+/g, '\\d+'));
    await expect(tool.getByRole('status')).toHaveText(done, { timeout: 150_000 });
    const probes = await readProbes(page);
    maxGap = Math.max(maxGap, probes.timerMax, probes.frameMax);
    expect(probes.timerMax, `batch ${b}: longest timer gap (ms)`).toBeLessThan(HEARTBEAT_MS);
    expect(probes.frameMax, `batch ${b}: longest frame gap (ms)`).toBeLessThan(HEARTBEAT_MS);
    // The bar went up one file at a time (from 0 when it appeared); the time between value k and k+1 is the time of file k.
    expect(
      probes.progress.map(([, value]) => value),
      `batch ${b}: progress`,
    ).toEqual(Array.from({ length: batch.length + 1 }, (_, i) => i));
    const steps = probes.progress.map(([time]) => time);
    for (const [k, variant] of batch.entries()) {
      const ms = steps[k + 1]! - steps[k]!;
      maxMs = Math.max(maxMs, ms);
      const converts = /\.(heic|avif)$/i.test(variant.source);
      expect.soft(ms, `${variant.name}: time to outcome (ms)`).toBeLessThan(converts ? PER_CONVERSION_MS : PER_FILE_MS);
      if (!converts) maxLosslessMs = Math.max(maxLosslessMs, ms);
    }
    const slowest = batch.map((v, k) => [v.name, steps[k + 1]! - steps[k]!] as const).sort((x, y) => y[1] - x[1])[0];
    console.log(
      `fuzz-page cleaner batch ${b} (${lang}): slowest ${slowest?.[0]} ${slowest?.[1].toFixed(0)} ms; longest gap ${probes.timerMax.toFixed(0)}/${probes.frameMax.toFixed(0)} ms; longest task ${probes.longTaskMax.toFixed(0)} ms (${probes.longTasks} over 50 ms)`,
    );

    const messages = Object.entries(t)
      .filter(([k]) => k.startsWith('error.'))
      .map(([k, v]) => [k.slice('error.'.length), new RegExp(`^${templateRegex(v)}$`)] as const);
    const articles = await tool.getByRole('article').evaluateAll((els) =>
      els.map((el) => ({
        heading: el.querySelector('.file-name')?.textContent ?? '',
        text: (el as HTMLElement).innerText,
        alert: el.querySelector('[role="alert"]')?.textContent ?? null,
        download: el.querySelector('button')?.textContent ?? null,
      })),
    );
    expect(articles.map((a) => a.heading)).toEqual(batch.map((v) => v.name));
    for (const a of articles) {
      const label = `${lang} ${a.heading}`;
      expect.soft(rawProblems(a.text.replaceAll(a.heading, ''), lang), `${label}: text a reader should never see`).toEqual([]);
      expect.soft((a.alert === null) !== (a.download === null), `${label}: either a clean file or a message`).toBe(true);
      if (a.alert !== null) {
        // "{name}: {message}" in the page's language: the file's name, then one of the cleaner's messages.
        const shape = new RegExp(
          `^${t['file.error']!.split(/(\{\w+\})/)
            .map((part) => (part === '{name}' ? escape(a.heading) : part === '{message}' ? '([\\s\\S]+)' : escape(part)))
            .join('')}$`,
        );
        const message = shape.exec(a.alert)?.[1] ?? '';
        expect.soft(message, `${label}: the message names the file ("${a.alert}")`).not.toBe('');
        const code = messages.find(([, re]) => re.test(message))?.[0];
        expect.soft(code, `${label}: "${message}" is one of the cleaner's messages`).toBeDefined();
        expect.soft(code, `${label}: not a timeout (a hang)`).not.toBe('timeout');
        expect.soft(code, `${label}: not an internal error (a bug)`).not.toBe('internal');
        outcomes[`refused:${code}`] = (outcomes[`refused:${code}`] ?? 0) + 1;
      } else outcomes['cleaned'] = (outcomes['cleaned'] ?? 0) + 1;
    }

    // Every clean file of the batch, from the ZIP: no location by our walker, then by exiftool.
    const positions = articles.flatMap((a, i) => (a.download === null ? [] : [i]));
    if (positions.length === 0) continue;
    const entries = positions.length > 1 ? await downloadZip(page, tool, workDir) : {};
    for (const i of positions) {
      const name = Object.keys(entries).find((n) => n.startsWith(`photo-${i + 1}.`));
      expect.soft(name, `${batch[i]!.name}: in the ZIP`).toBeDefined();
      if (!name) continue;
      const bytes = entries[name]!;
      expect.soft(await locationLeft(bytes), `${batch[i]!.name}: location left (our walker)`).toEqual([]);
      const file = `b${b}-${name}`;
      writeFileSync(join(outDir, file), bytes);
      cleaned.push({ variant: batch[i]!, name: file, bytes });
    }
  }
  expect(cleaned.length, 'some variants are still clean-able').toBeGreaterThan(50);
  // The two oracles must see a location where there is one: EXIF GPS in an original, GPS in an injected XMP packet.
  const witnessDir = join(workDir, 'witness');
  mkdirSync(witnessDir);
  const xmpWitness = variants.find((v) => v.mutation === 'oversizedXmp' && v.source.endsWith('.jpg'))!;
  writeFileSync(join(witnessDir, 'exif.jpg'), readFileSync(join(IMAGES, 'immich__thompson-springs.jpg')));
  writeFileSync(join(witnessDir, 'xmp.jpg'), readFileSync(xmpWitness.path));
  const witness = exiftoolDir(witnessDir);
  for (const file of ['exif.jpg', 'xmp.jpg'])
    expect(
      Object.keys(witness.get(file) ?? {}).filter((k) => k.includes('GPS')),
      `exiftool sees the location in ${file}`,
    ).not.toEqual([]);
  expect(await locationLeft(readFileSync(join(witnessDir, 'exif.jpg'))), 'our walker sees EXIF GPS').not.toEqual([]);
  expect(await locationLeft(readFileSync(join(witnessDir, 'xmp.jpg'))), 'our walker sees XMP GPS').not.toEqual([]);
  const tags = exiftoolDir(outDir);
  expect(tags.size, 'exiftool read every clean file').toBe(cleaned.length);
  for (const c of cleaned) {
    const keys = Object.keys(tags.get(c.name) ?? {});
    expect
      .soft(
        keys.filter((k) => /GPS|^XMP|MakerNotes|Serial/i.test(k)),
        `${c.variant.name}: exiftool finds location, XMP or serial`,
      )
      .toEqual([]);
  }
  console.log(
    `fuzz-page cleaner: ${variants.length} variants; outcomes ${JSON.stringify(outcomes)}; max time per file ${maxMs.toFixed(0)} ms (${maxLosslessMs.toFixed(0)} ms without HEIC/AVIF conversions); max heartbeat gap ${maxGap.toFixed(0)} ms`,
  );

  // Idempotence on a sample spread over the formats: clean the clean files again, byte for byte the same.
  const byFormat = new Map<string, typeof cleaned>();
  for (const c of cleaned) byFormat.set(c.name.split('.').pop() ?? '', [...(byFormat.get(c.name.split('.').pop() ?? '') ?? []), c]);
  const sample: typeof cleaned = [];
  for (let k = 0; sample.length < Math.min(IDEMPOTENT_SAMPLE, cleaned.length); k++)
    for (const list of byFormat.values()) if (list[k] && sample.length < IDEMPOTENT_SAMPLE) sample.push(list[k]!);
  const againDir = join(workDir, 'again');
  mkdirSync(againDir);
  const tool = await openCleaner(page, 'en');
  await tool.locator('#cleaner-pick').setInputFiles(
    sample.map((c, k) => {
      const path = join(againDir, `${String(k).padStart(2, '0')}-${c.name}`);
      writeFileSync(path, c.bytes);
      return path;
    }),
  );
  await expect(tool.getByRole('status')).toHaveText(`Finished: ${sample.length} cleaned, 0 refused, out of ${sample.length}.`, { timeout: 60_000 });
  const again = await downloadZip(page, tool, workDir);
  for (const [k, c] of sample.entries()) {
    const name = Object.keys(again).find((n) => n.startsWith(`photo-${k + 1}.`));
    expect.soft(name && Buffer.from(again[name]!).equals(Buffer.from(c.bytes)), `${c.variant.name}: cleaning the clean file changes nothing`).toBe(true);
  }
});
