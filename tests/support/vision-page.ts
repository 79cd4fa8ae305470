/**
 * The scan's page helpers, shared by the scan's and Hide's browser tests:
 * open the inspector with photos chosen, wait for the scan island, scan (the
 * composited scenes come from vision-scenes.ts).
 */
import type { Page } from '@playwright/test';
import { expect } from '../e2e/fixtures';

export { ASTRONAUT, CAT, VISION, makeScenes } from './vision-scenes';
export const PAGE = { fr: '/outils/inspecteur/', en: '/en/tools/inspector/' } as const;
export const SCAN = { fr: 'Scanner cette photo', en: 'Scan this photo' } as const;

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
