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
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { FIXTURES, tempDir } from '../support/paths';

const VISION = join(FIXTURES, 'vision');
const ASTRONAUT = join(VISION, 'astronaut.jpg');
const CAT = join(VISION, 'chelsea-cat.jpg');
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const FONT_REGULAR = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const PAGE = { fr: '/outils/inspecteur/', en: '/en/tools/inspector/' } as const;
const SCAN = { fr: 'Scanner cette photo', en: 'Scan this photo' } as const;

const magick = (args: string[]): void => {
  execFileSync('convert', args);
};

/** Opens the inspector page, chooses photos in the inspector, waits for the scan island. */
async function open(page: Page, locale: 'fr' | 'en', files: string[]): Promise<void> {
  await page.goto(PAGE[locale]);
  await page.locator('.inspector[data-ready="true"]').waitFor();
  await page.getByTestId('inspector-input').setInputFiles(files);
  await page.locator('[data-tool="vision"]').scrollIntoViewIfNeeded();
  await page.locator('.scan[data-ready="true"]').waitFor();
}

/** Presses the scan button and waits for the findings list (or an alert). */
async function scan(page: Page, locale: 'fr' | 'en'): Promise<void> {
  await page.getByRole('button', { name: SCAN[locale] }).click();
  await expect(page.locator('[data-tool="vision"] .findings li').first()).toBeVisible({ timeout: 90_000 });
  await expect(page.locator('[data-tool="vision"] [role="status"]')).toContainText(locale === 'fr' ? 'Scan terminé' : 'Scan finished', { timeout: 90_000 });
}

const findings = (page: Page) => page.locator('[data-tool="vision"] .findings li');

test('the astronaut portrait gives one face (English)', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, 'en', [ASTRONAUT]);
  await scan(page, 'en');
  console.log(await findings(page).allInnerTexts());
  await expect(page.locator('[data-finding="finding.faces.one"]')).toHaveCount(1);
});
