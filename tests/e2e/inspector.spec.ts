/**
 * The photo inspector in a real browser, over the whole fixture corpus:
 * exiftool's truth on screen for every readable file, a clear alert for every
 * broken one, keyboard-only use, axe in light and dark, untrusted text shown
 * as text, and (through the fixtures' guard) no request leaving the page.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FileChooser, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { IMAGES, MANIFEST, tempDir, truthFor } from '../support/paths';

const PAGE_EN = '/en/tools/inspector/';
const PAGE_FR = '/outils/inspecteur/';
const ALL = readdirSync(IMAGES).sort();
const brokenNames = new Set(MANIFEST.filter((m) => m.broken || m.format === 'empty' || m.format === 'html').map((m) => m.file));

function result(page: Page, file: string): Locator {
  return page.locator(`[data-testid="file-result"][data-file="${file}"]`);
}

/** Opens the inspector and waits until its island runs. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('.inspector[data-ready="true"]').waitFor();
}

async function choose(page: Page, files: string[]): Promise<void> {
  await page.getByTestId('inspector-input').setInputFiles(files);
  await expect(page.locator('[data-testid="file-result"]')).toHaveCount(files.length);
  await expect(page.locator('[data-testid="file-result"][data-status="waiting"], [data-testid="file-result"][data-status="reading"]')).toHaveCount(0, {
    timeout: 60_000,
  });
}

const text = (v: unknown): string | undefined => (v === undefined || v === null || String(v).trim() === '' ? undefined : String(v).trim());

test('every fixture goes through the page: truth for readable files, an alert for broken ones', async ({ page }) => {
  // 57 files and a few hundred checks; with two test workers on two cores it took up to 2.1 min here.
  test.setTimeout(300_000);
  await open(page, PAGE_EN);
  await choose(
    page,
    ALL.map((f) => join(IMAGES, f)),
  );
  await expect(page.getByTestId('inspector-status')).toHaveText(`${ALL.length} file(s) read.`);
  for (const file of ALL) {
    const card = result(page, file);
    if (brokenNames.has(file)) {
      await expect(card.getByRole('alert'), file).toHaveCount(1);
      continue;
    }
    await expect(card, file).toHaveAttribute('data-status', 'done');
    await expect(card.getByRole('alert'), `${file} shows no error`).toHaveCount(0);
    const truth = truthFor(file);
    for (const [field, tag] of [
      ['make', 'IFD0:Make'],
      ['model', 'IFD0:Model'],
      ['taken', 'ExifIFD:DateTimeOriginal'],
    ] as const) {
      const expected = text(truth[tag]);
      const value = card.locator(`[data-field="${field}"]`);
      if (expected === undefined) {
        if (field !== 'taken') await expect(value, `${file} ${field}`).toHaveCount(0);
      } else await expect(value, `${file} ${field}`).toHaveAttribute('data-raw', expected);
    }
    const lat = truth['Composite:GPSLatitude'];
    const lon = truth['Composite:GPSLongitude'];
    if (typeof lat === 'number' && typeof lon === 'number') {
      await expect(card.locator('[data-field="gps-lat"]'), `${file} lat`).toHaveText(lat.toFixed(5));
      await expect(card.locator('[data-field="gps-lon"]'), `${file} lon`).toHaveText(lon.toFixed(5));
    } else {
      await expect(card.locator('[data-field="gps-lat"]'), `${file} has no location`).toHaveCount(0);
    }
  }
});

test('the three WebP files show their EXIF (exifr alone cannot read WebP)', async ({ page }) => {
  await open(page, PAGE_EN);
  const webp = ALL.filter((f) => f.endsWith('.webp'));
  expect(webp).toHaveLength(3);
  await choose(
    page,
    webp.map((f) => join(IMAGES, f)),
  );
  await expect(result(page, 'immich__denali.webp').locator('[data-field="make"]')).toHaveText('Canon');
  await expect(result(page, 'mei__HTC_Desire.webp').locator('[data-field="gps-lat"]')).toHaveText('45.50067');
  await expect(result(page, 'mei__Issue_473_Java.webp').locator('[data-field="gps-lon"]')).toHaveText('-122.04097');
});

test('an idle inspector stops its worker; the cards stay and the next photo is read by a new one', async ({ page }) => {
  test.setTimeout(90_000);
  await open(page, PAGE_EN);
  await choose(page, [join(IMAGES, 'mei__HTC_Desire.webp')]);
  expect(page.workers()).toHaveLength(1);
  // Stopped once it has had nothing to read for WORKER_IDLE_MS (10 s).
  await expect.poll(() => page.workers().length, { timeout: 30_000, intervals: [1_000] }).toBe(0);
  await expect(result(page, 'mei__HTC_Desire.webp').locator('[data-field="gps-lat"]')).toHaveText('45.50067');
  await choose(page, [join(IMAGES, 'mei__Issue_473_Java.webp')]);
  await expect(result(page, 'mei__Issue_473_Java.webp').locator('[data-field="gps-lon"]')).toHaveText('-122.04097');
  expect(page.workers()).toHaveLength(1);
});

test('a PNG named .jpg is read as a PNG, beside broken files that do not disturb it', async ({ page }) => {
  await open(page, PAGE_FR);
  const files = ['synthetic__png_named_jpg__exifr_png_with_exif_and_gps.jpg', 'synthetic__html_page_named.jpg', 'synthetic__zero_length.jpg'];
  await choose(
    page,
    files.map((f) => join(IMAGES, f)),
  );
  const png = result(page, files[0] ?? '');
  await expect(png.locator('.meta')).toContainText('PNG');
  await expect(png.locator('[data-field="gps-lat"]')).toHaveText('50.29960');
  await expect(result(page, 'synthetic__html_page_named.jpg').getByRole('alert')).toContainText('n’est pas une image');
  await expect(result(page, 'synthetic__zero_length.jpg').getByRole('alert')).toContainText('vide');
});

test('keyboard only: Tab to the file control, choose, read the cards and filter the table', async ({ page }) => {
  await open(page, PAGE_EN);
  const input = page.getByTestId('inspector-input');
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (await input.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(input).toBeFocused();
  // Space on the focused file input opens the chooser. Once in three full runs (never in 12 runs of this test
  // alone), Playwright was not told of the chooser the first press opened; a second press, on the still focused
  // input, is still the keyboard alone. It is noted on the test when it happens.
  const pressSpace = async (): Promise<FileChooser> => {
    const chooser = page.waitForEvent('filechooser', { timeout: 10_000 });
    await page.keyboard.press('Space');
    return chooser;
  };
  const chooser = await pressSpace().catch(async () => {
    test.info().annotations.push({ type: 'second Space press', description: 'the file chooser was not reported for the first press' });
    await expect(input).toBeFocused();
    return pressSpace();
  });
  await chooser.setFiles(join(IMAGES, 'mei__Apple_iPhone_4.jpg'));
  const card = result(page, 'mei__Apple_iPhone_4.jpg');
  await expect(card.locator('[data-field="model"]')).toHaveText('iPhone 4');
  // Tab onward to the technical details and open them with the keyboard.
  const summary = card.locator('summary');
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await summary.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(summary).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(card.getByLabel('Filter tags')).toBeFocused();
  await page.keyboard.type('GPSLatitudeRef');
  await expect(card.getByTestId('tag-table').locator('tbody tr')).toHaveCount(1);
  await expect(card.locator('[data-tag="GPS:GPSLatitudeRef"]')).toHaveText('N');
});

test('the sample photo: every card, the pre-crop thumbnail warning, the summary handed to the profile on request', async ({ page }) => {
  await open(page, PAGE_EN);
  await page.getByRole('button', { name: 'Try the sample photo' }).click();
  const card = result(page, 'sample-lyon.jpg');
  await expect(card).toHaveAttribute('data-status', 'done');
  for (const id of ['location', 'time', 'device', 'people', 'history', 'thumbnail']) await expect(card.locator(`[data-card="${id}"]`)).toHaveCount(1);
  await expect(card.getByTestId('card-warning')).toBeVisible();
  await expect(card.getByTestId('thumbnail-image')).toBeVisible();
  await expect(card.locator('[data-field="offset"]')).toHaveText('+02:00');
  await expect(card.getByRole('link', { name: /How to avoid it \(Location\)/ })).toHaveAttribute('href', '/en/course/02-metadata/#gps');
  // Reading stores nothing; the reader's button hands the summary over for this tab.
  expect(await page.evaluate(() => sessionStorage.getItem('bya.lastPhoto.v1'))).toBeNull();
  const use = card.getByRole('button', { name: 'Use this photo in “What they could learn”' });
  await use.click();
  await expect(use).toHaveAttribute('aria-pressed', 'true');
  const saved = await page.evaluate(() => sessionStorage.getItem('bya.lastPhoto.v1'));
  expect(JSON.parse(saved ?? '{}')).toMatchObject({ isSample: true, make: 'Apple' });
  // Dates and edit steps in the page's words; the file's own text stays in data-raw.
  const taken = card.locator('[data-field="taken"]');
  await expect(taken).toHaveText('5 April 2025 at 14:32:10');
  await expect(taken).toHaveAttribute('data-raw', '2025:04:05 14:32:10');
  const history = card.locator('[data-card="history"] dt');
  await expect(history).toHaveText([
    '5 April 2025 at 14:32:10 (UTC+02:00) · created',
    '5 April 2025 at 18:01:12 (UTC+02:00) · edited',
    '5 April 2025 at 18:03:44 (UTC+02:00) · cropped',
  ]);
  await open(page, PAGE_FR);
  await page.getByRole('button', { name: 'Essayer avec la photo d’exemple' }).click();
  const fr = result(page, 'sample-lyon.jpg');
  await expect(fr.locator('[data-field="taken"]')).toHaveText('5 avril 2025 à 14:32:10');
  await expect(fr.locator('[data-card="history"] dt')).toHaveText([
    '5 avril 2025 à 14:32:10 (UTC+02:00) · créé',
    '5 avril 2025 à 18:01:12 (UTC+02:00) · modifié',
    '5 avril 2025 à 18:03:44 (UTC+02:00) · recadré',
  ]);
});

test('a serial number and an author are labelled in plain words, in French and in English, with the tag name beneath', async ({ page }) => {
  const file = 'exifr__issue-exifr-59.jpg';
  const truth = truthFor(file);
  const labels = [
    [PAGE_FR, 'Numéro de série du boîtier', 'Auteur'],
    [PAGE_EN, 'Camera body serial number', 'Author'],
  ] as const;
  for (const [path, serialLabel, authorLabel] of labels) {
    await open(page, path);
    await choose(page, [join(IMAGES, file)]);
    const card = result(page, file);
    const row = (cardId: string, tag: string): Locator =>
      card.locator(`[data-card="${cardId}"] .row`).filter({ has: page.locator('code', { hasText: new RegExp(`^${tag}$`) }) });
    const serial = row('device', 'ExifIFD:SerialNumber');
    await expect(serial.locator('dd'), path).toHaveText(String(truth['ExifIFD:SerialNumber']));
    await expect(serial.locator('dt'), path).toHaveText(`${serialLabel} ExifIFD:SerialNumber`);
    const artist = row('people', 'IFD0:Artist');
    await expect(artist.locator('dd'), path).toHaveText(String(truth['IFD0:Artist']));
    await expect(artist.locator('dt'), path).toHaveText(`${authorLabel} IFD0:Artist`);
    // The IPTC by-line is the same concept: same label, its own technical name.
    await expect(row('people', 'IPTC:Byline').locator('dt'), path).toHaveText(`${authorLabel} IPTC:Byline`);
    // No card label is a bare tag name any more.
    await expect(card.locator('[data-card="device"] dt, [data-card="people"] dt').filter({ hasText: /^(SerialNumber|Artist|Byline)$/ })).toHaveCount(0);
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violations with results shown (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await open(page, PAGE_EN);
    await choose(page, [join(IMAGES, 'mei__Apple_iPhone_5.jpg'), join(IMAGES, 'synthetic__html_page_named.jpg'), join(IMAGES, 'immich__empty_gps.jpg')]);
    await page.getByRole('button', { name: 'Try the sample photo' }).click();
    await expect(result(page, 'sample-lyon.jpg')).toHaveAttribute('data-status', 'done');
    await page.locator('details summary').first().click();
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('a tag and a file name holding HTML are shown as text', async ({ page }) => {
  const dir = tempDir();
  const name = '<b>bold<img src=x onerror=alert(2)>.jpg';
  const path = join(dir, name);
  copyFileSync(join(IMAGES, 'ianare__Canon_40D.jpg'), path);
  execFileSync('exiftool', ['-q', '-overwrite_original', '-Artist=<img src=x onerror=alert(1)>', path]);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await open(page, PAGE_EN);
  await choose(page, [path]);
  const card = result(page, name);
  await expect(card.locator('.file-name')).toHaveText(name);
  await expect(card.locator('[data-card="people"] dd').first()).toHaveText('<img src=x onerror=alert(1)>');
  await expect(page.locator('main img[src="x"]')).toHaveCount(0);
  await expect(page.locator('main b')).toHaveCount(0);
  expect(dialogs).toBe(0);
});
