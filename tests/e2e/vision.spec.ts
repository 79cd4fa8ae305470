/**
 * The scan through the real inspector page, in French and English: faces
 * counted on known pictures, a badge's name and a screen's e-mail address read
 * and classified, keyboard-only use, axe with results shown, and (through the
 * fixtures' guard) no request leaving the page. Scenes are composited with
 * ImageMagick into a temporary folder. Tests assert what a reader checks (how
 * many faces, which words were read), never a model's exact boxes.
 * Model runs are slow on 2 cores (≈ 5–15 s a photo), so they are few.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { ASTRONAUT, CAT, makeScenes, open, scan, SCAN } from '../support/vision-page';
import { join } from 'node:path';
import { IMAGES, MANIFEST } from '../support/paths';

/**
 * An iPhone HEIC photo turned by its container (Chromium cannot decode HEIC: the scan's worker goes through libheif).
 * Not immich__IMG_2682.heic: one of its OCR tiles makes Tesseract's image library print "boxClipToRectangle: box
 * outside rectangle" to the console, with the same tile as a PNG too, as the whole-frame-and-tiles reading did before.
 */
const HEIC = MANIFEST.filter((e) => e.format === 'heic' && e.orientation === 6).map((e) => e.file);

let scenes: { two: string; scene: string };
test.beforeAll(() => {
  scenes = makeScenes();
});

test('English: the astronaut gives one face; a cat with a badge and a screen gives no face, the name and the e-mail read', async ({ page }) => {
  test.setTimeout(240_000);
  await open(page, 'en', [ASTRONAUT]);
  const loading = page.locator('[data-tool="vision"] progress');
  await page.getByRole('button', { name: SCAN.en }).click();
  // The models load on demand, with a bar in bytes.
  await expect(loading).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-tool="vision"] [role="status"]')).toContainText(/Loading the models: [\d.]+ (kB|MB) of [\d.]+ MB/);
  await scan(page, 'en', false);
  await expect(page.locator('[data-finding="finding.faces.one"]')).toHaveText(/^1 face/);
  await expect(page.locator('[data-tool="vision"] rect.face')).toHaveCount(1);

  // The cat alone: an animal's face is not a person's. The reader asked for a scan once on this page, so the
  // newly chosen photo is scanned without pressing the button (the page says so; a box stops it).
  const auto = page.getByRole('checkbox', { name: 'Scan each new photo as soon as it is chosen' });
  await expect(auto).toBeChecked();
  await page.getByTestId('inspector-input').setInputFiles([CAT]);
  await expect(page.locator('[data-finding="finding.noFace"]')).toHaveText(/No face found/, { timeout: 90_000 });
  await scan(page, 'en', false);
  await expect(page.locator('[data-tool="vision"] rect.face')).toHaveCount(0);

  // Unticked: a new photo waits for the button.
  await auto.uncheck();
  await page.getByTestId('inspector-input').setInputFiles([scenes.scene]);
  await expect(page.locator('[data-testid="file-result"]')).toHaveAttribute('data-file', 'badge-and-screen.jpg');
  await expect(page.getByRole('button', { name: SCAN.en })).toBeEnabled();
  await expect(page.locator('[data-finding="finding.noFace"]')).toHaveCount(1);
  await expect(page.locator('[data-finding="finding.text.email"]')).toHaveCount(0);
  await scan(page, 'en');
  await expect(page.locator('[data-finding="finding.noFace"]')).toHaveText(/No face found/);
  await expect(page.locator('[data-finding="finding.text.name"]')).toContainText('“Jeanne Roux”: it looks like a person’s name');
  await expect(page.locator('[data-finding="finding.text.email"]')).toContainText('e-mail address: “jeanne.roux@exemple.fr”');
  // Each finding is linked to its box: showing it highlights the box.
  const show = page.locator('[data-finding="finding.text.email"]').getByRole('button', { name: /Show on the photo/ });
  await show.click();
  await expect(show).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-tool="vision"] rect.text.active')).toHaveCount(1);
});

test('French, keyboard only: two people give two faces; axe finds nothing with the results shown', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, 'fr', [scenes.two]);
  const button = page.getByRole('button', { name: SCAN.fr });
  await button.waitFor();
  // From the file input, Tab until the scan button has the focus, then Enter.
  await page.getByTestId('inspector-input').focus();
  for (let i = 0; i < 60 && !(await button.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await scan(page, 'fr', false);
  await expect(page.locator('[data-finding="finding.faces.other"]')).toHaveText(/^2 visages/);
  const show = page.locator('[data-finding="finding.faces.other"]').getByRole('button', { name: /Montrer sur la photo/ });
  await show.focus();
  await page.keyboard.press('Space');
  await expect(show).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-tool="vision"] rect.face.active')).toHaveCount(2);
  const results = await new AxeBuilder({ page }).include('[data-tool="vision"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations).toEqual([]);
});

test('a HEIC photo from an iPhone is scanned: decoded on the device, no "could not open" message, findings shown', async ({ page }) => {
  test.setTimeout(180_000);
  const file = HEIC[0];
  if (!file) throw new Error('no HEIC photo in the corpus');
  await open(page, 'en', [join(IMAGES, file)]);
  await scan(page, 'en');
  await expect(page.locator('[data-tool="vision"] [role="alert"]')).toHaveCount(0);
  // The photo was decoded: the finding about faces (none or some) is there.
  await expect(
    page.locator('[data-tool="vision"] .findings li[data-finding^="finding.faces"], [data-tool="vision"] .findings li[data-finding="finding.noFace"]'),
  ).toHaveCount(1);
  // The picture with its boxes is shown, from the worker's decoded copy (an <img> of the HEIC file itself would stay empty).
  const picture = page.locator('[data-tool="vision"] img');
  await expect(picture).toBeVisible();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
});

test.describe('a model that cannot be loaded', () => {
  test.use({ allowConsoleErrors: ['Failed to load', 'Failed to fetch', 'net::ERR_FAILED', 'dynamically imported module'] });

  test('gives a clear alert and the rest of the page keeps working', async ({ page, context }) => {
    await context.route('**/models/**', (route) => route.abort());
    await open(page, 'en', [ASTRONAUT]);
    await page.getByRole('button', { name: SCAN.en }).click();
    await expect(page.locator('[data-tool="vision"] [role="alert"]')).toHaveText(/A model could not be loaded.*The rest of the page still works/, {
      timeout: 30_000,
    });
    // The inspector read the same photo, and the scan can be tried again.
    await expect(page.locator('[data-testid="file-result"]')).toHaveCount(1);
    await expect(page.getByRole('button', { name: SCAN.en })).toBeEnabled();
  });
});
