/**
 * The opt-in guesses tier (issue #16) through the real inspector page, in
 * English and French: the astronaut portrait (an adult woman) is scanned,
 * nothing of the tier is requested before the reader opts in, then one face
 * gets an age guess worded as a guess and no "possibly a child" line. axe runs
 * with the guesses shown; the fixtures' privacy guard checks every request.
 * Only what is robust is asserted: a number for the age, never its value.
 */
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { FIXTURES } from '../support/paths';

const ASTRONAUT = join(FIXTURES, 'vision', 'astronaut.jpg');
const PAGE = { fr: '/outils/inspecteur/', en: '/en/tools/inspector/' } as const;
/** French puts a no-break space before “:” and inside a byte count: any space matches. */
const spaced = (pattern: string): RegExp => new RegExp(pattern.replace(/ /g, '\\s'));

const TEXT = {
  en: {
    scan: 'Scan this photo',
    finished: 'Scan finished',
    optIn: /^Show what a model guesses about these faces \(downloads about [\d.]+ MB more\)$/,
    done: 'Guesses shown for 1 face',
    age: /^Age: about \d+\. The model is off by 4\.5 years on average, so anywhere from \d+ to \d+\.$/,
    tag: 'a model’s guess, often wrong',
    law: /AI Act \(Regulation \(EU\) 2024\/1689\), Article 5\(1\)\(f\).*2 February 2025/,
  },
  fr: {
    scan: 'Scanner cette photo',
    finished: 'Scan terminé',
    optIn: spaced('^Montrer ce qu’un modèle devine de ces visages \\(environ [\\d,]+ Mo de plus à télécharger\\)$'),
    done: 'Suppositions affichées pour 1 visage',
    age: spaced('^Âge : environ \\d+ ans\\. Le modèle se trompe de 4,5 ans en moyenne : entre \\d+ et \\d+ ans, donc\\.$'),
    tag: 'supposition d’un modèle, souvent fausse',
    law: /règlement \(UE\) 2024\/1689\), article 5, paragraphe 1, point f\).*2 février 2025/,
  },
} as const;

/** The tier's own files: face-api's runtime and its two networks. */
const isTierFile = (url: string): boolean => url.includes('/models/@vladmandic/face-api@');

async function scanAstronaut(page: Page, locale: 'fr' | 'en'): Promise<void> {
  await page.goto(PAGE[locale]);
  await page.locator('.inspector[data-ready="true"]').waitFor();
  await page.getByTestId('inspector-input').setInputFiles([ASTRONAUT]);
  // The island wakes when scrolled into view; the inspector's results can push it out again (see vision.spec.ts).
  await expect(async () => {
    await page.locator('[data-tool="vision"]').scrollIntoViewIfNeeded();
    await expect(page.locator('.scan[data-ready="true"]')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await page.getByRole('button', { name: TEXT[locale].scan }).click();
  await expect(page.locator('.scan > [role="status"]')).toContainText(TEXT[locale].finished, { timeout: 120_000 });
}

for (const locale of ['en', 'fr'] as const) {
  test(`${locale}: the astronaut's face gets an age worded as a guess after the opt-in, no child line, and nothing loads before`, async ({ page, privacy }) => {
    test.setTimeout(240_000);
    const text = TEXT[locale];
    await scanAstronaut(page, locale);
    const panel = page.locator('[data-tool="vision"] .guesses');
    const optIn = panel.getByRole('button', { name: text.optIn });
    await expect(optIn).toBeVisible();
    // Nothing of the tier before the reader asks for it.
    expect(privacy.requests.filter(isTierFile)).toEqual([]);
    await expect(panel.locator('[data-guess]')).toHaveCount(0);

    if (locale === 'en') {
      // Progress in bytes, then cancel: the expression network's file is held so the load cannot finish first.
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/face_expression_model.bin', async (route) => {
        await held;
        await route.continue().catch(() => undefined);
      });
      await optIn.click();
      await expect(panel.locator('progress')).toBeVisible();
      await expect(panel.locator('[role="status"]')).toHaveText(/^Loading the guessing models: [\d.]+ (kB|MB) of 2\.1 MB\.$/);
      await panel.getByRole('button', { name: 'Cancel the guesses' }).click();
      await expect(panel.locator('[role="status"]')).toHaveText('Guesses cancelled.');
      await expect(panel.locator('[data-guess]')).toHaveCount(0);
      release();
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    }
    await optIn.click();
    await expect(panel).toHaveAttribute('data-guesses', /^(done|failed)$/, { timeout: 60_000 });
    const alert = panel.locator('[role="alert"]');
    if ((await alert.count()) > 0) throw new Error(`the guesses failed: ${await alert.getAttribute('data-detail')}`);
    await expect(panel.locator('[role="status"]')).toContainText(text.done, { timeout: 60_000 });
    expect(privacy.requests.filter(isTierFile).length).toBeGreaterThanOrEqual(5);
    // Every file of the tier came from this site's /models/ folder (the guard also fails on any other origin).
    expect(privacy.requests.filter((u) => u.includes('face-api') || u.includes('_model')).every((u) => new URL(u).pathname.startsWith('/models/'))).toBe(true);

    const faces = panel.locator('ul.faces > li');
    await expect(faces).toHaveCount(1);
    await expect(faces.first()).toHaveAttribute('data-face', 'face-0');
    await expect(faces.first().locator('[data-guess="age"]')).toHaveText(text.age);
    await expect(faces.first()).toContainText(text.tag);
    await expect(faces.first().locator('[data-guess="gender"]')).toHaveCount(1);
    await expect(faces.first().locator('[data-guess="expression"]')).toHaveCount(1);
    // What the model said and how fast, for the report (the list reporter prints it).
    console.log(`${(await faces.first().innerText()).replace(/\s+/g, ' ')} · ${await panel.getAttribute('data-ms-per-face')} ms a face`);
    // An adult woman: no "possibly a child" line.
    await expect(panel.locator('[data-guess="child"]')).toHaveCount(0);
    await expect(panel).toContainText(text.law);
    await expect(panel.getByRole('link', { name: /EUR-Lex/ })).toHaveAttribute('href', 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj');

    const results = await new AxeBuilder({ page }).include('[data-tool="vision"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations).toEqual([]);
  });
}
