/**
 * Hide through the real inspector page, in French and English: scan, choose
 * what to hide, draw, download, and judge the file as a reader's tools would.
 * exiftool must find no EXIF, XMP, IPTC or GPS; ImageMagick must find the
 * oriented original's size, every hidden region changed and (for a solid
 * fill) uniform, and the rest of the picture within JPEG re-encoding noise of
 * the original, or identical for a PNG. Regions are read from the page as
 * painted (padded), never from a model's exact boxes. The fixtures' privacy
 * guard fails any test that makes a request to another origin.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { decodedSize, exiftool, leftoverTags } from '../support/cleaner-oracle';
import { IMAGES, MANIFEST, tempDir } from '../support/paths';
import { ASTRONAUT, makeScenes, open, scan, SCAN } from '../support/vision-page';

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const magick = (args: string[]): string => execFileSync('convert', args, { encoding: 'utf8' });

/** Writes metadata a reader would not want to hand over into a copy: GPS, camera, author in XMP and IPTC, a comment. */
function withMetadata(source: string, target: string, extra: string[] = []): string {
  copyFileSync(source, target);
  const run = spawnSync(
    'exiftool',
    [
      '-overwrite_original',
      '-GPSLatitude=48.8566',
      '-GPSLatitudeRef=N',
      '-GPSLongitude=2.3522',
      '-GPSLongitudeRef=E',
      '-Make=Canon',
      '-Model=EOS 5D',
      '-XMP-dc:Creator=Jeanne Roux',
      '-IPTC:By-line=Jeanne Roux',
      '-Comment=secret',
      ...extra,
      target,
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  return target;
}

/** The regions as painted, in pixels of a `width`×`height` picture (from the SVG's 0–1000 viewBox). */
async function paintedRegions(page: Page, width: number, height: number): Promise<Rect[]> {
  const rects = await page
    .locator('[data-tool="vision"] rect[data-region]')
    .evaluateAll((els) => els.map((el) => ['x', 'y', 'width', 'height'].map((a) => Number(el.getAttribute(a)))));
  return rects.map(([x = 0, y = 0, w = 0, h = 0]) => ({ x: (x / 1000) * width, y: (y / 1000) * height, w: (w / 1000) * width, h: (h / 1000) * height }));
}

/** ImageMagick's crop geometry of `r` shrunk by `inset` px on each side (JPEG blocks blur the edge of a fill). */
const crop = (r: Rect, inset: number): string =>
  `${Math.floor(r.w - 2 * inset)}x${Math.floor(r.h - 2 * inset)}+${Math.ceil(r.x + inset)}+${Math.ceil(r.y + inset)}`;

/** The picture with `regions` (grown by `margin` px) painted black: what is left to compare outside them. */
function outside(path: string, regions: readonly Rect[], margin: number, out: string): string {
  const draws = regions.flatMap((r) => [
    '-draw',
    `rectangle ${Math.floor(r.x - margin)},${Math.floor(r.y - margin)} ${Math.ceil(r.x + r.w + margin)},${Math.ceil(r.y + r.h + margin)}`,
  ]);
  magick([path, '-auto-orient', '-fill', 'black', ...draws, '-strip', `PNG24:${out}`]);
  return out;
}

/** `compare -metric` between two files (ImageMagick prints it on stderr; "inf" for identical pixels under PSNR). */
function metric(name: 'AE' | 'PSNR' | 'MAE', a: string, b: string): number {
  const run = spawnSync('compare', ['-metric', name, a, b, 'null:'], { encoding: 'utf8' });
  const first = run.stderr.trim().split(/\s+/)[0] ?? 'NaN';
  return first === 'inf' ? Number.POSITIVE_INFINITY : Number.parseFloat(first);
}

/**
 * Judges a downloaded file against its original, as a reader would: same
 * oriented size, no metadata, every region changed, solid regions uniform,
 * the rest as the original (identical pixels for a PNG).
 */
function judge(original: string, file: string, regions: readonly Rect[], format: 'jpeg' | 'png'): void {
  const dir = tempDir('bya-hide-judge-');
  const oriented = join(dir, 'oriented.png');
  magick([original, '-auto-orient', '-strip', `PNG24:${oriented}`]);
  expect(decodedSize(file)).toEqual(decodedSize(oriented));

  const tags = exiftool(file);
  // Only the picture's structure and the browser's sRGB profile may remain.
  expect(leftoverTags(tags, { orientation: false, icc: true })).toEqual([]);
  expect(Object.keys(tags).filter((k) => /^(IFD0|IFD1|ExifIFD|GPS|XMP[\w-]*|IPTC|Photoshop|MakerNotes)[:]/.test(k) || k === 'File:Comment')).toEqual([]);

  expect(regions.length).toBeGreaterThan(0);
  for (const [i, r] of regions.entries()) {
    const inset = format === 'jpeg' ? 4 : 1;
    if (r.w <= 2 * inset + 2 || r.h <= 2 * inset + 2) continue;
    const geometry = crop(r, inset);
    const spread = Number(magick([file, '-crop', geometry, '+repage', '-format', '%[fx:standard_deviation]', 'info:']));
    expect(spread, `region ${i} (${geometry}) is uniform`).toBeLessThan(0.01);
    const a = join(dir, `a${i}.png`);
    const b = join(dir, `b${i}.png`);
    magick([oriented, '-crop', geometry, '+repage', a]);
    magick([file, '-crop', geometry, '+repage', '-strip', `PNG24:${b}`]);
    expect(metric('MAE', a, b), `region ${i} (${geometry}) changed`).toBeGreaterThan(1000);
  }

  const before = outside(oriented, regions, format === 'jpeg' ? 8 : 1, join(dir, 'before.png'));
  const after = outside(file, regions, format === 'jpeg' ? 8 : 1, join(dir, 'after.png'));
  if (format === 'png') expect(metric('AE', before, after), 'pixels outside the regions').toBe(0);
  else expect(metric('PSNR', before, after), 'PSNR outside the regions (dB)').toBeGreaterThan(35);
}

/** Presses `button` (or runs `act`) and saves the download; returns its path and name. */
async function download(page: Page, act: () => Promise<void>, dir: string): Promise<{ path: string; name: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), act()]);
  const name = dl.suggestedFilename();
  const path = join(dir, name);
  await dl.saveAs(path);
  return { path, name };
}

const hidePanel = (page: Page): Locator => page.locator('[data-tool="vision"] section.hide');

let scenes: { two: string; scene: string };
let dir: string;
test.beforeAll(() => {
  scenes = makeScenes();
  dir = tempDir('bya-hide-');
});

test('French: every face and text line of a JPEG and of a PNG hidden, each downloaded without metadata, then both in one ZIP', async ({ page }) => {
  test.setTimeout(300_000);
  const jpeg = withMetadata(ASTRONAUT, join(dir, 'IMG_20250405_143210.jpg'));
  const png = join(dir, 'astronaut.png');
  magick([ASTRONAUT, '-strip', `PNG24:${png}`]);
  await open(page, 'fr', [jpeg, png]);
  await scan(page, 'fr');
  const panel = hidePanel(page);
  await panel.getByRole('button', { name: 'Masquer tous les visages' }).click();
  const allText = panel.getByRole('button', { name: 'Masquer tout le texte' });
  if (await allText.isVisible()) await allText.click();
  await expect(page.locator('[data-finding="finding.faces.one"]').getByRole('button', { name: /^Masquer sur la copie/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(panel.getByRole('status')).toContainText('zone(s) à masquer');
  const jpegRegions = await paintedRegions(page, 512, 512);
  const first = await download(page, () => panel.getByRole('button', { name: 'Télécharger cette photo' }).click(), join(dir, 'one'));
  expect(first.name).toBe('photo-1.jpg');
  await expect(panel.getByRole('status')).toContainText('photo-1.jpg téléchargée\u00a0: 512 × 512 pixels, sans métadonnée (vérifié)');
  judge(jpeg, first.path, jpegRegions, 'jpeg');
  // The judge can fail: the original itself (metadata, regions unchanged) is refused.
  expect(() => judge(jpeg, jpeg, jpegRegions, 'jpeg')).toThrow();

  // The second photo: its own regions; the first one's stay.
  await page.locator('[data-tool="vision"] select').selectOption({ index: 1 });
  await scan(page, 'fr');
  await expect(panel.getByRole('heading', { name: 'Zones à masquer\u00a0: 0' })).toBeVisible();
  await panel.getByRole('button', { name: 'Masquer tous les visages' }).click();
  const pngRegions = await paintedRegions(page, 512, 512);
  const second = await download(page, () => panel.getByRole('button', { name: 'Télécharger cette photo' }).click(), join(dir, 'two'));
  expect(second.name).toBe('photo-2.png');
  judge(png, second.path, pngRegions, 'png');

  const zip = await download(page, () => panel.getByRole('button', { name: 'Tout télécharger en ZIP (2)' }).click(), join(dir, 'zip'));
  expect(zip.name).toBe('photos-masquees.zip');
  const listing = execFileSync('unzip', ['-Z1', zip.path], { encoding: 'utf8' }).trim().split('\n');
  expect(listing).toEqual(['photo-1.jpg', 'photo-2.png']);
  execFileSync('unzip', ['-o', '-d', join(dir, 'unzipped'), zip.path]);
  judge(jpeg, join(dir, 'unzipped', 'photo-1.jpg'), jpegRegions, 'jpeg');
  judge(png, join(dir, 'unzipped', 'photo-2.png'), pngRegions, 'png');
});

test('English, keyboard only: a turned photo with a badge and a screen; all text hidden, a region added, moved and resized with arrows, undo, preview, download; axe finds nothing', async ({
  page,
}) => {
  test.setTimeout(300_000);
  // Stored turned a quarter to the left, as a phone held upright stores its sensor's frame, and shown upright by EXIF
  // Orientation 6: the download must have the shown size. (Text that is itself sideways in the shown picture is not read
  // since OCR reads only where text may be, in sparse-text mode.)
  const stored = join(dir, 'stored.jpg');
  magick([scenes.scene, '-rotate', '-90', stored]);
  const turned = withMetadata(stored, join(dir, 'turned.jpg'), ['-Orientation=6', '-n']);
  await open(page, 'en', [turned]);
  const scanButton = page.getByRole('button', { name: SCAN.en });
  await scanButton.focus();
  await page.keyboard.press('Enter');
  await scan(page, 'en', false);
  const panel = hidePanel(page);

  const press = async (target: Locator, key = 'Enter'): Promise<void> => {
    await target.focus();
    await page.keyboard.press(key);
  };
  await press(panel.getByRole('button', { name: 'Hide all text' }));
  await expect(
    page
      .locator('[data-finding^="finding.text."]')
      .first()
      .getByRole('button', { name: /^Hide in the copy/ }),
  ).toHaveAttribute('aria-pressed', 'true');
  const textCount = await page.locator('[data-tool="vision"] rect[data-region]').count();
  expect(textCount).toBeGreaterThanOrEqual(2);

  // "Add a region" puts one in the middle and gives it the focus; arrows move it, Shift+arrows resize it.
  await press(panel.getByRole('button', { name: 'Add a region' }));
  const added = page.locator('[data-tool="vision"] rect[data-region^="drawn-"]');
  await expect(added).toBeFocused();
  await expect(added).toHaveAccessibleName('Drawn region 1, 40% from the left and 40% from the top, 20% wide and 20% high');
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowDown', 'Shift+ArrowRight', 'Shift+ArrowRight', 'Shift+ArrowDown'])
    await page.keyboard.press(key);
  await expect(added).toHaveAccessibleName('Drawn region 1, 43% from the left and 41% from the top, 22% wide and 21% high');
  await page.keyboard.press('Control+z');
  await expect(added).toHaveAccessibleName('Drawn region 1, 43% from the left and 41% from the top, 22% wide and 20% high');
  await expect(panel.getByRole('status')).toHaveText('Last change undone.');
  await expect(added).toBeFocused();
  await expect(panel.getByRole('list').getByRole('listitem')).toHaveCount(textCount + 1);
  // A second region, removed with Delete: the focus goes to the region now in its place, not to the page.
  await press(panel.getByRole('button', { name: 'Add a region' }));
  await expect(page.locator('[data-tool="vision"] rect[data-region="drawn-2"]')).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(page.locator('[data-tool="vision"] rect[data-region]')).toHaveCount(textCount + 1);
  await expect(page.locator('[data-tool="vision"] rect[data-region]').last()).toBeFocused();

  // Preview: the picture as it will be exported; then axe with the regions and the preview shown.
  const shown = { width: 1800, height: 1200 };
  const regions = await paintedRegions(page, shown.width, shown.height);
  const preview = panel.getByRole('button', { name: 'Show the result' });
  await press(preview);
  await expect(preview).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('img', { name: 'The photo as it will be exported, with its regions hidden' })).toBeVisible();
  await expect(preview).toBeFocused();
  const axe = await new AxeBuilder({ page }).include('[data-tool="vision"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations).toEqual([]);
  await press(preview);
  await expect(page.locator('[data-tool="vision"] rect[data-region]')).toHaveCount(textCount + 1);
  const axeRegions = await new AxeBuilder({ page })
    .include('[data-tool="vision"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(axeRegions.violations).toEqual([]);

  const downloadButton = panel.getByRole('button', { name: 'Download this photo' });
  const saved = await download(page, () => press(downloadButton), join(dir, 'keyboard'));
  await expect(downloadButton).toBeFocused();
  expect(saved.name).toBe('photo-1.jpg');
  await expect(panel.getByRole('status')).toContainText('photo-1.jpg downloaded: 1,800 × 1,200 pixels, no metadata (checked).');
  judge(turned, saved.path, regions, 'jpeg');
});

test.describe('an export that fails', () => {
  test('gives a clear alert; the regions stay, and the page keeps working', async ({ page, context }) => {
    test.setTimeout(240_000);
    // Only Hide's worker script is refused (found by its own text); the scan's and the inspector's load as usual.
    await context.route('**/_astro/*.js', async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (body.includes('metadata left after cleaning')) await route.abort();
      else await route.fulfill({ response, body });
    });
    await open(page, 'en', [ASTRONAUT]);
    await scan(page, 'en');
    const panel = hidePanel(page);
    await panel.getByRole('button', { name: 'Hide all faces' }).click();
    const download = panel.getByRole('button', { name: 'Download this photo' });
    await download.click();
    await expect(panel.getByRole('alert')).toHaveText('The export stopped (often, the device ran short of memory). Your regions are kept; try again.', {
      timeout: 60_000,
    });
    await expect(panel.getByRole('heading', { name: 'Regions to hide: 1' })).toBeVisible();
    await expect(page.locator('[data-tool="vision"] rect[data-region]')).toHaveCount(1);
    await expect(download).toBeEnabled();
    await expect(download).toBeFocused();
  });
});

test('a HEIC photo from an iPhone, which the browser cannot decode, is hidden at full size through the same decoder as the scan', async ({ page }) => {
  test.setTimeout(240_000);
  const heic = MANIFEST.find((e) => e.format === 'heic' && e.orientation === 6)?.file;
  if (!heic) throw new Error('no HEIC photo in the corpus');
  const original = join(IMAGES, heic);
  await open(page, 'en', [original]);
  await scan(page, 'en');
  const panel = hidePanel(page);
  await panel.getByRole('button', { name: 'Add a region' }).click();
  const saved = await download(page, () => panel.getByRole('button', { name: 'Download this photo' }).click(), join(dir, 'heic'));
  // A JPEG at the photo's full size (HEIF's own rotation may swap width and height), with no metadata left.
  expect(saved.name).toBe('photo-1.jpg');
  const stored = exiftool(original);
  const full = [Number(stored['File:ImageWidth']), Number(stored['File:ImageHeight'])];
  const out = decodedSize(saved.path);
  expect([out.width, out.height].sort((a, b) => a - b)).toEqual(full.sort((a, b) => a - b));
  const tags = exiftool(saved.path);
  expect(Object.keys(tags).filter((k) => /^(IFD0|IFD1|ExifIFD|GPS|XMP[\w-]*|IPTC|Photoshop|MakerNotes)[:]/.test(k))).toEqual([]);
  // The drawn region (in the middle) is one flat colour.
  const [region] = await paintedRegions(page, out.width, out.height);
  if (!region) throw new Error('no region painted');
  const spread = Number(magick([saved.path, '-crop', crop(region, 4), '+repage', '-format', '%[fx:standard_deviation]', 'info:']));
  expect(spread).toBeLessThan(0.01);
});
