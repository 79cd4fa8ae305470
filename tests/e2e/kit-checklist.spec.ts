import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeBothSchemes } from '../support/kit';
import { ROOT } from '../support/paths';
import { expect, test } from './fixtures';

const KEY = 'bya.checklist.v1';
const stepIds = (locale: 'fr' | 'en'): string[] => {
  const data = JSON.parse(readFileSync(join(ROOT, 'src/content/checklist', `${locale}.json`), 'utf8')) as { groups: { steps: { id: string }[] }[] };
  return data.groups.flatMap((g) => g.steps.map((s) => s.id));
};

const PAGES = [
  { locale: 'fr', path: '/outils/reglages/', progress: (n: number, t: number) => `${n} étape(s) faite(s) sur ${t}.`, reset: 'Effacer mes coches', done: 'Terminé', print: 'Imprimer la liste', firstStep: 'Désactiver « Improve the model for everyone »' },
  { locale: 'en', path: '/en/tools/settings-checklist/', progress: (n: number, t: number) => `${n} of ${t} steps done.`, reset: 'Clear my ticks', done: 'All done', print: 'Print the checklist', firstStep: 'Switch off "Improve the model for everyone"' },
] as const;

for (const p of PAGES) {
  const total = stepIds(p.locale).length;

  test.describe(`settings checklist (${p.locale})`, () => {
    test('ticks survive a reload and the reset clears them', async ({ page }) => {
      await page.goto(p.path);
      await expect(page.locator('#settings-checklist[data-ready="true"]')).toBeVisible();
      const status = page.locator('.checklist-progress [role="status"]');
      await expect(status).toContainText(p.progress(0, total));
      await page.getByLabel(p.firstStep).check();
      await page.locator('#box-clean-photo').check();
      await expect(status).toContainText(p.progress(2, total));
      await expect(page.locator('.checklist-progress progress')).toHaveJSProperty('value', 2);

      await page.reload();
      await expect(page.locator('#settings-checklist[data-ready="true"]')).toBeVisible();
      await expect(page.getByLabel(p.firstStep)).toBeChecked();
      await expect(page.locator('#box-clean-photo')).toBeChecked();
      await expect(page.locator('#box-memory')).not.toBeChecked();
      await expect(status).toContainText(p.progress(2, total));

      const reset = page.getByRole('button', { name: p.reset });
      await reset.click();
      await expect(page.locator('input[data-step]:checked')).toHaveCount(0);
      await expect(status).toContainText(p.progress(0, total));
      await expect(reset).toBeFocused();
      expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
      await page.reload();
      await expect(page.locator('#settings-checklist[data-ready="true"]')).toBeVisible();
      await expect(page.locator('input[data-step]:checked')).toHaveCount(0);
    });

    for (const [label, raw] of [
      ['cut-off JSON', '{"broken'],
      ['a wrong shape', '{"v":1,"done":{"improve-model":true}}'],
      ['an unknown step and markup', '{"v":1,"done":["<img src=x>","no-such-step"]}'],
    ] as const) {
      test(`a stored value with ${label} is ignored and the checklist still works`, async ({ page }) => {
        await page.goto(p.path);
        await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, raw] as const);
        await page.reload();
        await expect(page.locator('#settings-checklist[data-ready="true"]')).toBeVisible();
        await expect(page.locator('input[data-step]:checked')).toHaveCount(0);
        await expect(page.locator('input[data-step]:disabled')).toHaveCount(0);
        await page.locator('#box-memory').check();
        await expect(page.locator('.checklist-progress [role="status"]')).toContainText(p.progress(1, total));
        expect(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY)) ?? 'null')).toEqual({ v: 1, done: ['memory'] });
      });
    }

    test('every step ticked shows the done state; keyboard alone ticks a step; axe passes in each state', async ({ page }) => {
      test.setTimeout(240_000);
      const violations: string[] = [];
      await page.goto(p.path);
      await expect(page.locator('#settings-checklist[data-ready="true"]')).toBeVisible();
      // The page as loaded is checked by axe in both schemes in site.spec.ts; here only the states that follow.

      // Keyboard: from the print button, Tab reaches the first step's box and Space ticks it.
      await page.getByRole('button', { name: p.print }).focus();
      await page.keyboard.press('Tab');
      await expect(page.getByLabel(p.firstStep)).toBeFocused();
      await page.keyboard.press('Space');
      await expect(page.getByLabel(p.firstStep)).toBeChecked();
      violations.push(...(await axeBothSchemes(page, 'one ticked')));

      for (const id of stepIds(p.locale)) await page.locator(`#box-${id}`).check();
      await expect(page.locator('.checklist-progress [role="status"]')).toContainText(p.done);
      await expect(page.locator('.checklist-progress progress')).toHaveJSProperty('value', total);
      violations.push(...(await axeBothSchemes(page, 'all done')));
      expect(violations).toEqual([]);
    });

    test('each step links to its lesson section and says how', async ({ page }) => {
      await page.goto(p.path);
      const step = page.locator('#step-improve-model');
      const prefix = p.locale === 'fr' ? '/cours/' : '/en/course/';
      await expect(step.locator('.why a')).toHaveAttribute('href', `${prefix}07-habits/#improve-model`);
      await expect(step.locator('.how li')).toHaveCount(3);
      await expect(page.locator('#step-clean-photo .tool-link a')).toHaveAttribute('href', p.locale === 'fr' ? '/outils/inspecteur/' : '/en/tools/inspector/');
    });

    test('the printed checklist fits on one page', async ({ page }) => {
      await page.goto(p.path);
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('#step-improve-model .how')).toBeHidden();
      await expect(page.locator('.checklist-progress')).toBeHidden();
      const pdf = await page.pdf({ format: 'A4', margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' } });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length).toBe(1);
    });
  });

  test.describe(`settings checklist without JavaScript (${p.locale})`, () => {
    test.use({ javaScriptEnabled: false });
    test('the steps are readable and the boxes are shown but inert', async ({ page }) => {
      await page.goto(p.path);
      await expect(page.locator('input[data-step]')).toHaveCount(total);
      await expect(page.locator('input[data-step]:disabled')).toHaveCount(total);
      await expect(page.getByText(p.firstStep, { exact: true })).toBeVisible();
      await expect(page.locator('#step-improve-model .how li').first()).toBeVisible();
    });
  });
}
