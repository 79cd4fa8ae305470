/**
 * The photo cleaner, end to end on the real page: every readable JPEG, PNG and
 * WebP of the fixture corpus is cleaned in the browser, downloaded, and judged
 * by exiftool (no metadata left but what the reader kept) and ImageMagick
 * (identical decoded pixels). Needs exiftool, compare and identify on PATH.
 */
import AxeBuilder from '@axe-core/playwright';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { decodedSize, exiftool, hasIcc, leftoverTags, pixelDifference } from '../support/cleaner-oracle';
import { brokenFixtures } from '../support/expectations';
import { IMAGES, MANIFEST, tempDir } from '../support/paths';
import { expect, test } from './fixtures';

const PAGE = '/en/tools/inspector/';
const READABLE = MANIFEST.filter((e) => ['jpeg', 'png', 'webp'].includes(e.format) && !e.broken);
/** Files that cannot be cleaned safely (cut off, empty, or not an image at all), and broken ones whose damage is in metadata that goes. */
const UNREADABLE = brokenFixtures('refused');
const DAMAGED_METADATA = brokenFixtures('cleaned');
const HEIC = MANIFEST.filter((e) => e.format === 'heic');
const KEEP_ALL = { orientation: true, icc: true };

async function open(page: Page): Promise<Locator> {
  await page.goto(PAGE);
  const tool = page.locator('[data-tool="cleaner"]');
  // The island wakes when it scrolls into view (client:visible), as it does for a reader.
  await tool.scrollIntoViewIfNeeded();
  await expect(tool.locator('astro-island')).not.toHaveAttribute('ssr');
  return tool;
}

async function clean(tool: Locator, files: string[]): Promise<void> {
  await tool.locator('input[type="file"]').setInputFiles(files.map((f) => join(IMAGES, f)));
  await expect(tool.getByRole('status')).toContainText('Finished', { timeout: 240_000 });
}

function card(tool: Locator, file: string): Locator {
  return tool.getByRole('article').filter({ has: tool.page().getByRole('heading', { name: file, exact: true }) });
}

/** Clicks the card's download button and saves the file; returns its path and suggested name. */
async function download(tool: Locator, file: string, dir: string): Promise<{ path: string; name: string }> {
  const page = tool.page();
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    card(tool, file)
      .getByRole('button', { name: /^Download / })
      .click(),
  ]);
  const name = dl.suggestedFilename();
  const path = join(dir, `${file}--${name}`);
  await dl.saveAs(path);
  return { path, name };
}

test('every readable JPEG, PNG and WebP comes out free of metadata, with identical pixels and its colour profile', async ({ page }) => {
  test.setTimeout(600_000);
  const tool = await open(page);
  const dir = tempDir('bya-cleaner-');
  await clean(
    tool,
    READABLE.map((e) => e.file),
  );
  await expect(tool.getByRole('alert')).toHaveCount(0);
  for (const entry of READABLE) {
    await test.step(entry.file, async () => {
      const { path } = await download(tool, entry.file, dir);
      const tags = exiftool(path);
      expect.soft(leftoverTags(tags, KEEP_ALL), `${entry.file}: metadata left`).toEqual([]);
      // The oracle itself must see what the original carries, or the line above proves nothing.
      if (entry.has_gps || entry.has_xmp || entry.has_iptc || entry.make !== null)
        expect.soft(leftoverTags(exiftool(join(IMAGES, entry.file)), KEEP_ALL), `${entry.file}: oracle sees the original's metadata`).not.toEqual([]);
      expect.soft(pixelDifference(join(IMAGES, entry.file), path), `${entry.file}: pixels differ`).toBe(0);
      if (entry.has_icc) expect.soft(hasIcc(tags), `${entry.file}: colour profile kept`).toBe(true);
      if (entry.orientation !== null && entry.orientation !== 1)
        expect.soft(tags['IFD0:Orientation'], `${entry.file}: orientation kept`).toBe(entry.orientation);
    });
  }
});

test('with both options off, nothing at all is kept: no colour profile, no orientation', async ({ page }) => {
  const tool = await open(page);
  await tool.getByRole('checkbox', { name: /orientation/i }).uncheck();
  await tool.getByRole('checkbox', { name: /colour profile/i }).uncheck();
  const files = ['ianare__landscape_8.jpg', 'mei__Issue_280_dotnet.png', 'immich__denali.webp'];
  await clean(tool, files);
  const dir = tempDir('bya-cleaner-off-');
  for (const file of files) {
    const { path } = await download(tool, file, dir);
    const tags = exiftool(path);
    expect(hasIcc(tags), `${file}: profile removed`).toBe(false);
    expect(leftoverTags(tags, { orientation: false, icc: false }), `${file}: metadata left`).toEqual([]);
    expect(pixelDifference(join(IMAGES, file), path)).toBe(0);
  }
});

test('files that cannot be cleaned safely get a clear message each, and the batch goes on', async ({ page }) => {
  const tool = await open(page);
  const good = 'exifr__noexif.jpg';
  await clean(tool, [...UNREADABLE, ...DAMAGED_METADATA, good, 'exifr__tif-with-iptc-icc-xmp.tif']);
  for (const file of UNREADABLE) {
    const alert = card(tool, file).getByRole('alert');
    await expect(alert, file).toContainText(file);
    await expect(alert, file).toContainText(/empty|not a photo|incomplete|damaged/);
    await expect(card(tool, file).getByRole('button', { name: /^Download / })).toHaveCount(0);
  }
  for (const file of DAMAGED_METADATA) await expect(card(tool, file).getByRole('button', { name: /^Download / }), file).toBeVisible();
  await expect(card(tool, 'exifr__tif-with-iptc-icc-xmp.tif').getByRole('alert')).toContainText('Export the photo as JPEG or PNG');
  await expect(card(tool, good).getByRole('button', { name: /^Download / })).toBeVisible();
  await expect(tool.getByRole('status')).toContainText(`${UNREADABLE.length + 1} refused`);
});

test('each HEIC photo becomes a clean JPEG that decodes', async ({ page }) => {
  test.setTimeout(300_000);
  const tool = await open(page);
  await clean(
    tool,
    HEIC.map((e) => e.file),
  );
  const dir = tempDir('bya-cleaner-heic-');
  for (const entry of HEIC) {
    await test.step(entry.file, async () => {
      await expect(card(tool, entry.file)).toContainText('Converted from HEIC');
      const { path, name } = await download(tool, entry.file, dir);
      expect(name).toMatch(/^photo-\d+\.jpg$/);
      expect(readFileSync(path).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      // Only the canvas's own colour profile may be there: nothing about the person or the device.
      expect.soft(leftoverTags(exiftool(path), { orientation: false, icc: true }), `${entry.file}: metadata left`).toEqual([]);
      const size = decodedSize(path);
      expect(size.width).toBeGreaterThan(100);
      expect(size.height).toBeGreaterThan(100);
    });
  }
});

test('a batch downloads as one ZIP with one clean file per photo', async ({ page }) => {
  const tool = await open(page);
  const files = ['mei__Apple_iPhone_4.jpg', 'exifr__png_with_exif_and_gps.png', 'mei__HTC_Desire.webp'];
  await clean(tool, files);
  const [dl] = await Promise.all([page.waitForEvent('download'), tool.getByRole('button', { name: /as one ZIP/ }).click()]);
  expect(dl.suggestedFilename()).toBe('clean-photos.zip');
  const path = join(tempDir('bya-cleaner-zip-'), 'clean.zip');
  await dl.saveAs(path);
  const entries = unzipSync(new Uint8Array(readFileSync(path)));
  expect(Object.keys(entries).sort()).toEqual(['photo-1.jpg', 'photo-2.png', 'photo-3.webp']);
  const single = await download(tool, 'mei__Apple_iPhone_4.jpg', tempDir('bya-cleaner-zip1-'));
  expect(Buffer.from(entries['photo-1.jpg'] ?? new Uint8Array())).toEqual(readFileSync(single.path));
});

test('an idle cleaner stops its worker, and what it cleaned still downloads', async ({ page }) => {
  test.setTimeout(120_000);
  const tool = await open(page);
  const files = ['immich__IMG_2682.heic', 'mei__Apple_iPhone_4.jpg'];
  await clean(tool, files);
  // The worker that decoded the HEIC photo is still there right after the batch…
  expect(page.workers()).toHaveLength(1);
  const dir = tempDir('bya-cleaner-idle-');
  const before = await download(tool, 'mei__Apple_iPhone_4.jpg', tempDir('bya-cleaner-idle-before-'));
  // …and gone once it has had nothing to do for WORKER_IDLE_MS (10 s), with the WebAssembly decoder's memory.
  await expect.poll(() => page.workers().length, { timeout: 30_000, intervals: [1_000] }).toBe(0);
  const converted = await download(tool, 'immich__IMG_2682.heic', dir);
  expect(readFileSync(converted.path).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  expect(decodedSize(converted.path).width).toBeGreaterThan(100);
  const lossless = await download(tool, 'mei__Apple_iPhone_4.jpg', dir);
  expect(readFileSync(lossless.path)).toEqual(readFileSync(before.path));
  expect(pixelDifference(join(IMAGES, 'mei__Apple_iPhone_4.jpg'), lossless.path)).toBe(0);
  expect(leftoverTags(exiftool(lossless.path), KEEP_ALL)).toEqual([]);
  // A new worker builds the ZIP from the files the stopped one made.
  const [zip] = await Promise.all([page.waitForEvent('download'), tool.getByRole('button', { name: /as one ZIP/ }).click()]);
  const zipPath = join(dir, 'clean.zip');
  await zip.saveAs(zipPath);
  const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
  expect(Object.keys(entries).sort()).toEqual(['photo-1.jpg', 'photo-2.jpg']);
  expect(Buffer.from(entries['photo-1.jpg'] ?? new Uint8Array())).toEqual(readFileSync(converted.path));
  expect(Buffer.from(entries['photo-2.jpg'] ?? new Uint8Array())).toEqual(readFileSync(lossless.path));
  await expect.poll(() => page.workers().length, { timeout: 30_000, intervals: [1_000] }).toBe(0);
  // The next photo starts a new worker.
  await clean(tool, ['mei__HTC_Desire.webp']);
  await expect(card(tool, 'mei__HTC_Desire.webp').getByRole('button', { name: /^Download / })).toBeVisible();
  expect(page.workers()).toHaveLength(1);
});

test('cleaning a clean file changes nothing: same bytes', async ({ page }) => {
  const dir = tempDir('bya-cleaner-twice-');
  let tool = await open(page);
  const first: string[] = [];
  const files = ['exifr__issue-exifr-59.jpg', 'mei__Issue_280_dotnet.png', 'mei__Issue_473_Java.webp'];
  await clean(tool, files);
  for (const file of files) first.push((await download(tool, file, dir)).path);
  tool = await open(page);
  await tool.locator('input[type="file"]').setInputFiles(first);
  await expect(tool.getByRole('status')).toContainText('Finished');
  for (const path of first) {
    const name = path.slice(dir.length + 1);
    const again = await download(tool, name, tempDir('bya-cleaner-again-'));
    expect(readFileSync(again.path), name).toEqual(readFileSync(path));
  }
});

test('the clean file gets a neutral name the reader can change', async ({ page }) => {
  const tool = await open(page);
  const file = 'exifr__IMG_20180725_163423-tiny.jpg';
  await clean(tool, [file]);
  const field = card(tool, file).getByRole('textbox', { name: 'Name of the clean file' });
  await expect(field).toHaveValue('photo-1.jpg');
  const dir = tempDir('bya-cleaner-name-');
  expect((await download(tool, file, dir)).name).toBe('photo-1.jpg');
  await field.fill('my holiday/../beach.heic');
  await expect(card(tool, file).getByRole('button', { name: /^Download / })).toHaveText('Download my holiday-..-beach.jpg');
  expect((await download(tool, file, dir)).name).toBe('my holiday-..-beach.jpg');
});

test('the page sends nothing anywhere while cleaning', async ({ page, privacy }) => {
  const tool = await open(page);
  const before = privacy.requests.length;
  await clean(tool, ['synthetic__gps_SW_rio__immich_el_torcal_rocks.jpg', 'ianare__IMG_5195.HEIC']);
  const origin = new URL(page.url()).origin;
  // Only our own code (the worker, the HEIC decoder) may be fetched, from our own origin.
  for (const url of privacy.requests.slice(before))
    expect(url.startsWith(`${origin}/_astro/`) || url.startsWith('blob:') || url.startsWith('data:'), url).toBe(true);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the cleaned state has no accessibility violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const tool = await open(page);
    await clean(tool, ['mei__Samsung_GT-I9000_Galaxy_S.jpg', 'synthetic__zero_length.jpg', 'exifr__noexif.jpg']);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
