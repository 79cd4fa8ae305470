/**
 * Drives whatever tools a page has, without knowing them: chooses files in
 * every file input, fills every text field, clicks every button that does not
 * leave the page. Used by the privacy crawler, the offline test and the
 * hostile-input test so they cover tools that did not exist when written.
 */
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { IMAGES } from './paths';

/** Real corpus files the crawler feeds to file inputs: GPS JPEG, HEIC, PNG with EXIF, WebP, an empty file. */
export const CRAWL_FIXTURES = [
  'ianare__DSCN0010.jpg',
  'ianare__IMG_5195.HEIC',
  'exifr__png_with_exif_and_gps.png',
  'immich__denali.webp',
  'synthetic__zero_length.jpg',
].map((f) => join(IMAGES, f));

/** Lets a tool react: no request in flight, then a short pause for worker replies and rendering. */
export async function settle(page: Page, ms = 400): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(ms);
}

/** Sets each file, one after the other, on every file input of the page. Returns how many inputs there were. */
export async function chooseFiles(page: Page, files: readonly string[]): Promise<number> {
  const inputs = page.locator('input[type="file"]');
  const count = await inputs.count();
  for (let i = 0; i < count; i++) {
    for (const file of files) {
      await inputs.nth(i).setInputFiles(file);
      await settle(page);
    }
  }
  return count;
}

/** Text fields a reader can type in (text-like inputs and textareas, visible and enabled). */
const TEXT_FIELDS =
  'main textarea, main input:not([type]), main input[type="text"], main input[type="search"], main input[type="email"], main input[type="url"], main input[type="tel"]';

/** Fills every visible, enabled text field with `value`. Returns how many were filled. */
export async function fillTextFields(page: Page, value: string): Promise<number> {
  const fields = page.locator(TEXT_FIELDS);
  let filled = 0;
  for (let i = 0; i < (await fields.count()); i++) {
    const field = fields.nth(i);
    if (!(await field.isVisible()) || !(await field.isEditable())) continue;
    await field.fill(value);
    filled++;
  }
  await settle(page, 150);
  return filled;
}

/**
 * Clicks each visible, enabled button in the page's main content once. A click
 * that leaves the page is undone (back to the page), so the rest still gets clicked.
 * Returns how many buttons were clicked.
 */
export async function clickButtons(page: Page, limit = 40): Promise<number> {
  const start = page.url();
  const buttons = page.locator('main button, main [role="button"]');
  let clicked = 0;
  for (let i = 0; i < Math.min(await buttons.count(), limit); i++) {
    const button = buttons.nth(i);
    if (!(await button.isVisible()) || !(await button.isEnabled())) continue;
    // A button covered or removed by an earlier click is not a privacy question: skip it.
    const ok = await button.click({ timeout: 3_000 }).then(
      () => true,
      () => false,
    );
    if (!ok) continue;
    clicked++;
    await settle(page, 200);
    if (page.url() !== start) await page.goto(start);
  }
  return clicked;
}
