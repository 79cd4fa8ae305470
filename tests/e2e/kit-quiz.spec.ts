import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { axeBothSchemes } from '../support/kit';
import { ROOT } from '../support/paths';
import { expect, test } from './fixtures';

interface Question {
  id: string;
  kind: 'single' | 'multiple';
  options: { id: string; correct: boolean }[];
}
const DIR = join(ROOT, 'src/content/quiz');
const QUESTIONS: Question[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ id: f.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Omit<Question, 'id'>) }));

const PAGES = [
  {
    locale: 'fr',
    path: '/outils/quiz/',
    check: 'Vérifier ma réponse',
    retry: 'Recommencer',
    right: 'Bonne réponse.',
    wrong: 'Pas tout à fait.',
    final: (c: number, t: number) => `${c} bonne(s) réponse(s) sur ${t}.`,
    progress: (a: number, t: number, c: number) => `${a} question(s) sur ${t} traitée(s), ${c} juste(s)`,
    need: 'Choisissez d’abord une réponse.',
  },
  {
    locale: 'en',
    path: '/en/tools/quiz/',
    check: 'Check my answer',
    retry: 'Start again',
    right: 'Right.',
    wrong: 'Not quite.',
    final: (c: number, t: number) => `${c} right out of ${t}.`,
    progress: (a: number, t: number, c: number) => `${a} of ${t} questions answered, ${c} right`,
    need: 'Choose an answer first.',
  },
] as const;

/** Ticks the right options of a question, or a wrong set (the first wrong option only). */
async function answer(page: Page, q: Question, right: boolean): Promise<void> {
  const box = page.locator(`[data-question="${q.id}"]`);
  const picks = right ? q.options.filter((o) => o.correct) : q.options.filter((o) => !o.correct).slice(0, 1);
  for (const o of picks) await box.locator(`input[value="${o.id}"]`).check();
}

for (const p of PAGES) {
  test.describe(`quiz (${p.locale})`, () => {
    test('scores a known set of answers, then retry starts over', async ({ page }) => {
      await page.goto(p.path);
      await expect(page.locator('.quiz[data-ready="true"]')).toBeVisible();
      expect(QUESTIONS.length).toBeGreaterThanOrEqual(20);
      // Right on every odd-numbered question, wrong on every even one.
      const expected = QUESTIONS.filter((_, i) => i % 2 === 0).length;
      for (const [i, q] of QUESTIONS.entries()) {
        await answer(page, q, i % 2 === 0);
        const box = page.locator(`[data-question="${q.id}"]`);
        await box.getByRole('button', { name: p.check }).click();
        await expect(box.locator('.verdict')).toHaveText(i % 2 === 0 ? p.right : p.wrong);
        await expect(box.locator('.verdict')).toBeFocused();
      }
      await expect(page.locator('.quiz-score')).toContainText(p.final(expected, QUESTIONS.length));
      await expect(page.locator('.quiz > [role="status"]')).toContainText(p.final(expected, QUESTIONS.length));

      await page.getByRole('button', { name: p.retry }).click();
      await expect(page.locator('.quiz-intro')).toBeFocused();
      await expect(page.locator('.verdict')).toHaveCount(0);
      await expect(page.locator('.quiz input:checked')).toHaveCount(0);
      await expect(page.locator('.quiz-score')).toContainText(p.progress(0, QUESTIONS.length, 0));
      // A fresh round scores again from zero.
      const first = QUESTIONS[0];
      if (!first) throw new Error('no question');
      await answer(page, first, true);
      await page.locator(`[data-question="${first.id}"]`).getByRole('button', { name: p.check }).click();
      await expect(page.locator('.quiz-score')).toContainText(p.progress(1, QUESTIONS.length, 1));
    });

    test('a multiple-answer question is wrong when one right answer is missing', async ({ page }) => {
      await page.goto(p.path);
      await expect(page.locator('.quiz[data-ready="true"]')).toBeVisible();
      const q = QUESTIONS.find((x) => x.kind === 'multiple' && x.options.filter((o) => o.correct).length > 1);
      if (!q) throw new Error('no multiple-answer question');
      const box = page.locator(`[data-question="${q.id}"]`);
      const firstRight = q.options.find((o) => o.correct);
      await box.locator(`input[value="${firstRight?.id ?? ''}"]`).check();
      await box.getByRole('button', { name: p.check }).click();
      await expect(box.locator('.verdict')).toHaveText(p.wrong);
    });

    test('keyboard alone answers and checks; nothing ticked gives an alert; axe passes in each state', async ({ page }) => {
      test.setTimeout(240_000);
      const violations: string[] = [];
      await page.goto(p.path);
      await expect(page.locator('.quiz[data-ready="true"]')).toBeVisible();
      // The page as loaded is checked by axe in both schemes in site.spec.ts; here only the states that follow.

      const [q1, q2] = QUESTIONS;
      if (!q1 || !q2) throw new Error('need two questions');
      const box1 = page.locator(`[data-question="${q1.id}"]`);
      // Checking with nothing ticked: an alert, focus stays on the button.
      await box1.getByRole('button', { name: p.check }).focus();
      await page.keyboard.press('Enter');
      await expect(box1.getByRole('alert')).toHaveText(p.need);
      await expect(box1.getByRole('button', { name: p.check })).toBeFocused();
      violations.push(...(await axeBothSchemes(page, 'alert')));

      // Shift+Tab back into the options, Space ticks, Tab to the button, Enter checks.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Space');
      await expect(box1.locator('input:checked')).toHaveCount(1);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect(box1.locator('.verdict')).toBeFocused();
      // Tab from the verdict goes on to the lesson link, then into question 2.
      await page.keyboard.press('Tab');
      await expect(box1.locator('.feedback a')).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(page.locator(`[data-question="${q2.id}"] input`).first()).toBeFocused();
      violations.push(...(await axeBothSchemes(page, 'one checked')));

      for (const q of QUESTIONS.slice(1)) {
        await answer(page, q, true);
        await page.locator(`[data-question="${q.id}"]`).getByRole('button', { name: p.check }).click();
      }
      await expect(page.locator('.score-final')).toBeVisible();
      violations.push(...(await axeBothSchemes(page, 'finished')));
      expect(violations).toEqual([]);
    });
  });
}
