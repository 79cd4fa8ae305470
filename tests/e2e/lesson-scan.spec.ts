/**
 * The scan in lesson 5 and its hand-over to "What they could learn", in French
 * and English: the sample photo we ship gives one face, a name and an e-mail
 * address read and classified; a photo of the reader's own is scanned from the
 * lesson's file input; nothing is stored until the reader presses "Use this
 * scan…", and then only counts and kinds (never the words read); the profile
 * starts with the boxes ticked and says why. Axe runs with the results shown.
 * Asserts what a reader sees, never a model's boxes. Model runs are slow on
 * 2 cores (≈ 5–15 s a photo), so they are few.
 */
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { FIXTURES, ROOT } from '../support/paths';
import { lessonPath, pathFor } from '../../src/i18n/routes';
import { CREDITS } from '../../src/features/vision/credits';

type Locale = 'fr' | 'en';
const SAMPLE = join(ROOT, 'public/samples/sample-badge.jpg');
const CAT = join(FIXTURES, 'vision', 'chelsea-cat.jpg');
const KEY = 'bya.lastScan.v1';
const TEXT = {
  fr: {
    sample: 'Scanner la photo d’exemple',
    done: 'Scan terminé',
    use: 'Utiliser ce scan dans « Ce qu’ils pourraient savoir »',
    open: 'Ouvrir « Ce qu’ils pourraient savoir »',
    face: /^1 visage/,
    name: '« Jeanne Roux »',
    email: 'jeanne.roux@example.fr',
    because: 'Parce que le détecteur de visages du scan, dans votre navigateur, a trouvé 1 visage dans la photo.',
    badge: 'Parce que le lecteur de texte du scan, dans votre navigateur, a lu dans la photo ce qui ressemble à un nom de personne',
    document: 'Parce que le lecteur de texte du scan, dans votre navigateur, a lu une adresse e-mail dans la photo.',
    myFace: 'Mon visage (trouvé par le scan)',
  },
  en: {
    sample: 'Scan the sample photo',
    done: 'Scan finished',
    use: 'Use this scan in “What they could learn”',
    open: 'Open “What they could learn”',
    face: /^1 face/,
    name: '“Jeanne Roux”',
    email: 'jeanne.roux@example.fr',
    because: 'Because the scan’s face detector, running in your browser, found 1 face in the photo.',
    badge: 'Because the scan’s text reader, running in your browser, read what looks like a person’s name in the photo',
    document: 'Because the scan’s text reader, running in your browser, read an e-mail address in the photo.',
    myFace: 'My face (found by the scan)',
  },
} as const;

const tool = (page: Page) => page.locator('[data-tool="vision"]');
const stored = (page: Page): Promise<string | null> => page.evaluate((key) => sessionStorage.getItem(key), KEY);

/** Scrolls to the scan's controls (not the whole section, taller than a screen) until its island is awake (client:visible). */
async function wake(page: Page): Promise<void> {
  await expect(async () => {
    await tool(page).locator('.scan').scrollIntoViewIfNeeded();
    // Attached, not visible: before a choice the island shows nothing but an empty status line.
    await expect(tool(page).locator('.scan[data-ready="true"]')).toBeAttached({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}

/** Waits for a scan to finish and its findings to show. */
async function finished(page: Page, locale: Locale): Promise<void> {
  await expect(tool(page).locator('.findings li').first()).toBeVisible({ timeout: 120_000 });
  await expect(tool(page).locator('.scan > [role="status"]')).toContainText(TEXT[locale].done, { timeout: 120_000 });
}

/** What a reader checks on the sample's findings. */
async function sampleFindings(page: Page, locale: Locale): Promise<void> {
  await expect(tool(page).locator('[data-finding="finding.faces.one"]')).toHaveText(TEXT[locale].face);
  await expect(tool(page).locator('[data-finding="finding.text.name"]')).toContainText(TEXT[locale].name);
  await expect(tool(page).locator('[data-finding="finding.text.email"]')).toContainText(TEXT[locale].email);
  await expect(tool(page).locator('rect.face')).toHaveCount(1);
}

async function axe(page: Page, selector: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Presses "Use this scan…" (storage empty before, counts only after) and follows the link to the profile. */
async function handOver(page: Page, locale: Locale): Promise<void> {
  expect(await stored(page), 'nothing stored before the press').toBeNull();
  expect(await page.evaluate(() => sessionStorage.length), 'sessionStorage empty before the press').toBe(0);
  const use = tool(page).getByRole('button', { name: TEXT[locale].use });
  await use.focus();
  await page.keyboard.press('Enter');
  await expect(use).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => Object.keys(sessionStorage)), 'one summary, for this tab').toEqual([KEY]);
  const raw = (await stored(page)) ?? '';
  expect(JSON.parse(raw)).toMatchObject({ faces: 1, isSample: true });
  expect(raw).toMatch(/"kind":"name"/);
  expect(raw).toMatch(/"kind":"email"/);
  for (const word of ['Jeanne', 'Roux', 'jeanne.roux', 'example.fr']) expect(raw, 'no word read from the picture is stored').not.toContain(word);
  await tool(page).getByRole('link', { name: TEXT[locale].open }).click();
  await expect(page).toHaveURL(new RegExp(`${pathFor('profile', locale)}$`));
}

/** The profile starts with the scan's boxes ticked and says why; the reader can still untick. */
async function profileFromScan(page: Page, locale: Locale): Promise<void> {
  await expect(page.locator('.profile-tool[data-ready="true"]')).toBeVisible();
  await expect(page.getByTestId('visual-from-scan')).toBeVisible();
  const myFace = page.getByRole('checkbox', { name: TEXT[locale].myFace, exact: true });
  await expect(myFace).toBeChecked();
  await expect(page.locator('[data-finding="visual.face"] .profile-because')).toHaveText(TEXT[locale].because);
  await expect(page.locator('[data-finding="visual.badge"] .profile-because')).toContainText(TEXT[locale].badge);
  await expect(page.locator('[data-finding="visual.document"] .profile-because')).toHaveText(TEXT[locale].document);
  await expect(page.locator('[data-finding^="visual."]')).toHaveCount(3);
  await axe(page, '.profile');
  await myFace.uncheck();
  await expect(page.locator('[data-finding="visual.face"]')).toHaveCount(0);
}

test('French: lesson 5 scans the sample (1 face, the name and the e-mail read), runs under wasm-unsafe-eval, and hands counts to the profile', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto(lessonPath('05-visual-content', 'fr'));
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("'wasm-unsafe-eval'");
  await wake(page);
  // No model file is fetched until the reader asks.
  expect(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/models/')).length)).toBe(0);
  // From the keyboard; the focus stays on the button through the scan.
  const sample = tool(page).getByRole('button', { name: TEXT.fr.sample });
  await sample.focus();
  await page.keyboard.press('Enter');
  await finished(page, 'fr');
  await expect(sample).toBeFocused();
  await sampleFindings(page, 'fr');
  await axe(page, '[data-tool="vision"]');
  await handOver(page, 'fr');
  await profileFromScan(page, 'fr');
});

test('English: lesson 5 scans the sample, then a photo of the reader’s own chosen in the lesson; axe with the results shown', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(lessonPath('05-visual-content', 'en'));
  await wake(page);
  await tool(page).getByRole('button', { name: TEXT.en.sample }).click();
  await finished(page, 'en');
  await sampleFindings(page, 'en');
  await axe(page, '[data-tool="vision"]');
  // The reader's own photo: a cat, no human face; the previous findings are gone.
  await tool(page).getByLabel('or choose your own photo:').setInputFiles([CAT]);
  await expect(tool(page).locator('[data-finding="finding.noFace"]')).toHaveText(/No face found/, { timeout: 120_000 });
  await finished(page, 'en');
  await expect(tool(page).locator('[data-finding="finding.text.email"]')).toHaveCount(0);
  expect(await stored(page), 'nothing stored without the press').toBeNull();
});

test('English: the sample scanned on the inspector page hands its counts to the profile, which says why', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(pathFor('inspector', 'en'));
  await page.locator('.inspector[data-ready="true"]').waitFor();
  await page.getByTestId('inspector-input').setInputFiles([SAMPLE]);
  await wake(page);
  await tool(page).getByRole('button', { name: 'Scan this photo' }).click();
  await finished(page, 'en');
  await sampleFindings(page, 'en');
  await handOver(page, 'en');
  await profileFromScan(page, 'en');
});

test('the credits page lists every licence the scan ships and both sample photos, with no script file, linked from the footer and the scan', async ({
  page,
}) => {
  for (const locale of ['fr', 'en'] as const) {
    await page.goto(lessonPath('05-visual-content', locale));
    await tool(page)
      .getByRole('link', { name: locale === 'fr' ? 'Modèles, code et licences : voir les crédits.' : 'Models, code and licences: see the credits.' })
      .click();
    await expect(page).toHaveURL(new RegExp(`${pathFor('credits', locale)}$`));
    await expect(page.locator('[data-credit]')).toHaveCount(CREDITS.length);
    for (const c of CREDITS) await expect(page.locator(`[data-credit="${c.id}"] [data-licence]`)).toHaveText(c.licence);
    await expect(page.locator('[data-sample]')).toHaveCount(2);
    await expect(page.locator('[data-sample="badge"]')).toContainText(locale === 'fr' ? 'domaine public' : 'public domain');
    await expect(page.locator('script[src]')).toHaveCount(0);
    await page.goto(pathFor('home', locale));
    await page
      .locator('.site-footer')
      .getByRole('link', { name: locale === 'fr' ? 'Crédits et licences' : 'Credits and licences' })
      .click();
    await expect(page).toHaveURL(new RegExp(`${pathFor('credits', locale)}$`));
  }
});

test('lesson 5 downloads no script file until the reader scrolls to the scan', async ({ page }) => {
  for (const locale of ['fr', 'en'] as const) {
    const scripts: string[] = [];
    const onRequest = (request: { url: () => string; resourceType: () => string }): void => {
      if (['script', 'worker'].includes(request.resourceType()) || /\.m?js(\?|$)/.test(request.url())) scripts.push(request.url());
    };
    page.on('request', onRequest);
    await page.goto(lessonPath('05-visual-content', locale));
    await page.waitForLoadState('networkidle');
    expect(scripts, `${locale}: before the scan is in view`).toEqual([]);
    await wake(page);
    expect(scripts.length, `${locale}: the island wakes in view`).toBeGreaterThan(0);
    expect(
      scripts.filter((u) => u.includes('/models/')),
      `${locale}: no model before a scan is asked for`,
    ).toEqual([]);
    page.off('request', onRequest);
  }
});
