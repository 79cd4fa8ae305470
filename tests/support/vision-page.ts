/**
 * The scan's page helpers, shared by the scan's and Hide's browser tests:
 * open the inspector with photos chosen, wait for the scan island, scan, and
 * the scenes composited with ImageMagick into a temporary folder (two people
 * side by side; a cat with a badge and a screen).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from '../e2e/fixtures';
import { FIXTURES, tempDir } from './paths';

export const VISION = join(FIXTURES, 'vision');
export const ASTRONAUT = join(VISION, 'astronaut.jpg');
export const CAT = join(VISION, 'chelsea-cat.jpg');
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const FONT_REGULAR = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
export const PAGE = { fr: '/outils/inspecteur/', en: '/en/tools/inspector/' } as const;
export const SCAN = { fr: 'Scanner cette photo', en: 'Scan this photo' } as const;

const magick = (args: string[]): void => {
  execFileSync('convert', args);
};

/** Opens the inspector page, chooses photos in the inspector, waits for the scan island. */
export async function open(page: Page, locale: 'fr' | 'en', files: string[]): Promise<void> {
  await page.goto(PAGE[locale]);
  await page.locator('.inspector[data-ready="true"]').waitFor();
  await page.getByTestId('inspector-input').setInputFiles(files);
  // The island wakes when it scrolls into view (client:visible). The inspector's results grow above it while
  // they are read, which can push it out of view again before the browser noticed it (seen once in a CI-like
  // run): scroll to it again until it is awake, as a reader's next scroll would.
  await expect(async () => {
    await page.locator('[data-tool="vision"]').scrollIntoViewIfNeeded();
    await expect(page.locator('.scan[data-ready="true"]')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}

/** Presses the scan button and waits for the findings list (or an alert). */
export async function scan(page: Page, locale: 'fr' | 'en', press = true): Promise<void> {
  if (press) await page.getByRole('button', { name: SCAN[locale] }).click();
  await expect(page.locator('[data-tool="vision"] .findings li').first()).toBeVisible({ timeout: 90_000 });
  // The scan's own status (Hide's panel, inside the island, has another).
  await expect(page.locator('[data-tool="vision"] .scan > [role="status"]')).toContainText(locale === 'fr' ? 'Scan terminé' : 'Scan finished', {
    timeout: 90_000,
  });
}

/** The scenes the tests need, made once into a temporary folder: two people side by side, and a cat with a badge and a screen beside it. */
export function makeScenes(): { two: string; scene: string } {
  const dir = tempDir('bya-vision-');
  const two = join(dir, 'two-people.jpg');
  const scene = join(dir, 'badge-and-screen.jpg');
  magick([ASTRONAUT, '(', ASTRONAUT, '-flop', ')', '+append', two]);
  magick([
    CAT,
    '-resize',
    '1800x1200!',
    // A badge about 300 px wide, its name about 25 px high: small in the frame, as on a table.
    '(',
    '-size',
    '300x170',
    'xc:white',
    '-bordercolor',
    '#1d4e89',
    '-border',
    '6',
    '-font',
    FONT,
    '-pointsize',
    '32',
    '-fill',
    'black',
    '-annotate',
    '+22+70',
    'Jeanne Roux',
    '-font',
    FONT_REGULAR,
    '-pointsize',
    '22',
    '-annotate',
    '+22+115',
    'Infirmière',
    ')',
    '-geometry',
    '+140+860',
    '-composite',
    // A screen: dark bezel, white page, a mail header.
    '(',
    '-size',
    '760x420',
    'xc:#222',
    '(',
    '-size',
    '720x380',
    'xc:white',
    '-font',
    FONT_REGULAR,
    '-pointsize',
    '34',
    '-fill',
    'black',
    '-annotate',
    '+30+80',
    'De : jeanne.roux@exemple.fr',
    '-annotate',
    '+30+150',
    'Objet : rendez-vous',
    ')',
    '-geometry',
    '+20+20',
    '-composite',
    ')',
    '-geometry',
    '+960+140',
    '-composite',
    scene,
  ]);
  return { two, scene };
}
