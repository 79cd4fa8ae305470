import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeBothSchemes } from '../support/kit';
import { ROOT } from '../support/paths';
import { expect, test } from './fixtures';

const KEY = 'bya.checklist.v2';
const LEGACY_KEY = 'bya.checklist.v1';
interface Group {
  id: string;
  service?: string;
  steps: { id: string; title: string }[];
}
const groups = (locale: 'fr' | 'en'): Group[] =>
  (JSON.parse(readFileSync(join(ROOT, 'src/content/checklist', `${locale}.json`), 'utf8')) as { groups: Group[] }).groups;
/** Ids of the steps of the scopes given ('general' for the groups without a service). */
const stepsOf = (locale: 'fr' | 'en', scopes: readonly string[]): string[] =>
  groups(locale)
    .filter((g) => scopes.includes(g.service ?? 'general'))
    .flatMap((g) => g.steps.map((s) => s.id));
const ALL_STEPS = (locale: 'fr' | 'en'): number => groups(locale).flatMap((g) => g.steps).length;

const PAGES = [
  {
    locale: 'fr',
    path: '/outils/reglages/',
    progress: (n: number, t: number) => `${n} étape(s) faite(s) sur ${t} pour vos services.`,
    reset: 'Effacer mes coches',
    done: 'Terminé',
    print: 'Imprimer la liste',
    firstStep: 'Désactiver « Improve the model for everyone »',
    picker: 'Les services que vous utilisez',
    perService: (name: string, n: number, t: number) => `${name} : ${n} sur ${t}`,
    frUnconfirmed: 'libellé français non confirmé',
    read: 'lue le 2 décembre 2026',
  },
  {
    locale: 'en',
    path: '/en/tools/settings-checklist/',
    progress: (n: number, t: number) => `${n} of ${t} steps done for your services.`,
    reset: 'Clear my ticks',
    done: 'All done',
    print: 'Print the checklist',
    firstStep: 'Switch off "Improve the model for everyone"',
    picker: 'The services you use',
    perService: (name: string, n: number, t: number) => `${name}: ${n} of ${t}`,
    frUnconfirmed: 'French label unconfirmed',
    read: 'read on 2 December 2026',
  },
] as const;

for (const p of PAGES) {
  const chatgptAndGeneral = stepsOf(p.locale, ['chatgpt', 'general']).length;

  test.describe(`settings checklist (${p.locale})`, () => {
    test('choosing services shows their steps; ticks are kept per service across a reload and a service dropped and chosen again', async ({ page }) => {
      await page.goto(p.path);
      await expect(page.locator('#settings-checklist[data-ready="true"]')).toBeVisible();
      const status = page.locator('.checklist-progress [role="status"]');
      const picker = page.getByRole('group', { name: p.picker });
      // ChatGPT is chosen by default; the other services' groups are hidden.
      await expect(picker.getByRole('checkbox', { name: 'ChatGPT' })).toBeChecked();
      await expect(page.locator('section[data-scope="gemini"]')).toBeHidden();
      await expect(status).toContainText(p.progress(0, chatgptAndGeneral));

      await picker.getByRole('checkbox', { name: 'Google Gemini' }).check();
      await picker.getByRole('checkbox', { name: 'Mistral Le Chat' }).check();
      await expect(page.locator('section[data-scope="gemini"]')).toBeVisible();
      const shown = stepsOf(p.locale, ['chatgpt', 'gemini', 'le-chat', 'general']).length;
      await expect(status).toContainText(p.progress(0, shown));

      await page.getByLabel(p.firstStep).check();
      await page.locator('#box-gemini-keep-activity').check();
      await page.locator('#box-lechat-training-app').check();
      await page.locator('#box-clean-photo').check();
      await expect(status).toContainText(p.progress(4, shown));
      await expect(page.locator('[data-progress="gemini"]')).toHaveText(p.perService('Google Gemini', 1, stepsOf(p.locale, ['gemini']).length));
      expect(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY)) ?? 'null')).toEqual({
        v: 2,
        services: ['chatgpt', 'gemini', 'le-chat'],
        done: { chatgpt: ['improve-model'], gemini: ['gemini-keep-activity'], 'le-chat': ['lechat-training-app'], general: ['clean-photo'] },
      });

      await page.reload();
      await expect(page.locator('#settings-checklist[data-ready="true"]')).toBeVisible();
      await expect(page.locator('#box-gemini-keep-activity')).toBeChecked();
      await expect(page.locator('#box-memory')).not.toBeChecked();
      await expect(status).toContainText(p.progress(4, shown));

      // Dropping Le Chat hides its steps and leaves them out of the count; choosing it again brings its tick back.
      await picker.getByRole('checkbox', { name: 'Mistral Le Chat' }).uncheck();
      await expect(page.locator('section[data-scope="le-chat"]')).toBeHidden();
      await expect(status).toContainText(p.progress(3, stepsOf(p.locale, ['chatgpt', 'gemini', 'general']).length));
      await picker.getByRole('checkbox', { name: 'Mistral Le Chat' }).check();
      await expect(page.locator('#box-lechat-training-app')).toBeChecked();

      const reset = page.getByRole('button', { name: p.reset });
      await reset.click();
      await expect(page.locator('input[data-step]:checked')).toHaveCount(0);
      await expect(status).toContainText(p.progress(0, chatgptAndGeneral));
      await expect(reset).toBeFocused();
      expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
      await page.reload();
      await expect(page.locator('#settings-checklist[data-ready="true"]')).toBeVisible();
      await expect(page.locator('input[data-step]:checked')).toHaveCount(0);
    });

    test('the first version’s ticks are carried over to their services', async ({ page }) => {
      await page.goto(p.path);
      await page.evaluate(
        ([k, v]) => {
          localStorage.clear();
          localStorage.setItem(k, v);
        },
        [LEGACY_KEY, '{"v":1,"done":["improve-model","clean-photo"]}'] as const,
      );
      await page.reload();
      await expect(page.locator('#settings-checklist[data-ready="true"]')).toBeVisible();
      await expect(page.getByLabel(p.firstStep)).toBeChecked();
      await expect(page.locator('#box-clean-photo')).toBeChecked();
      await expect(page.locator('.checklist-progress [role="status"]')).toContainText(p.progress(2, chatgptAndGeneral));
    });

    for (const [label, raw] of [
      ['cut-off JSON', '{"broken'],
      ['a wrong shape', '{"v":2,"services":"chatgpt","done":[]}'],
      ['an unknown step and markup', '{"v":2,"services":["chatgpt"],"done":{"chatgpt":["<img src=x>","no-such-step"]}}'],
    ] as const) {
      test(`a stored value with ${label} is ignored and the checklist still works`, async ({ page }) => {
        await page.goto(p.path);
        await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, raw] as const);
        await page.reload();
        await expect(page.locator('#settings-checklist[data-ready="true"]')).toBeVisible();
        await expect(page.locator('input[data-step]:checked')).toHaveCount(0);
        await expect(page.locator('input[data-step]:disabled')).toHaveCount(0);
        await page.locator('#box-memory').check();
        await expect(page.locator('.checklist-progress [role="status"]')).toContainText(p.progress(1, chatgptAndGeneral));
        expect(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY)) ?? 'null')).toEqual({
          v: 2,
          services: ['chatgpt'],
          done: { chatgpt: ['memory'] },
        });
      });
    }

    test('every shown step ticked shows the done state; keyboard alone chooses a service and ticks a step; axe passes in each state', async ({ page }) => {
      test.setTimeout(240_000);
      const violations: string[] = [];
      await page.goto(p.path);
      await expect(page.locator('#settings-checklist[data-ready="true"]')).toBeVisible();
      // The page as loaded is checked by axe in both schemes in site.spec.ts; here only the states that follow.

      // Keyboard: Space on a service's box chooses it; from the print button, Tab reaches the first step's box.
      const grok = page.getByRole('group', { name: p.picker }).getByRole('checkbox', { name: 'xAI Grok' });
      await grok.focus();
      await page.keyboard.press('Space');
      await expect(grok).toBeChecked();
      await expect(page.locator('section[data-scope="grok"]')).toBeVisible();
      await page.getByRole('button', { name: p.print }).focus();
      await page.keyboard.press('Tab');
      await expect(page.getByLabel(p.firstStep)).toBeFocused();
      await page.keyboard.press('Space');
      await expect(page.getByLabel(p.firstStep)).toBeChecked();
      violations.push(...(await axeBothSchemes(page, 'one ticked')));

      const shown = stepsOf(p.locale, ['chatgpt', 'grok', 'general']);
      for (const id of shown) await page.locator(`#box-${id}`).check();
      await expect(page.locator('.checklist-progress [role="status"]')).toContainText(p.done);
      await expect(page.locator('.checklist-progress progress')).toHaveJSProperty('value', shown.length);
      violations.push(...(await axeBothSchemes(page, 'all done')));

      // Every service chosen: all groups visible, axe still clean.
      for (const name of ['Google Gemini', 'Meta AI', 'Microsoft Copilot', 'Mistral Le Chat'])
        await page.getByRole('group', { name: p.picker }).getByRole('checkbox', { name }).check();
      await expect(page.locator('section.checklist-group:visible')).toHaveCount(groups(p.locale).length);
      violations.push(...(await axeBothSchemes(page, 'every service')));
      expect(violations).toEqual([]);
    });

    test('each step says how, names its settings with the French label’s status, and gives its dated sources', async ({ page }) => {
      await page.goto(p.path);
      const step = page.locator('#step-improve-model');
      const prefix = p.locale === 'fr' ? '/cours/' : '/en/course/';
      await expect(step.locator('.why a')).toHaveAttribute('href', `${prefix}07-habits/#improve-model`);
      await expect(step.locator('.how li')).toHaveCount(3);
      await expect(step.locator('.setting-list li').first()).toContainText('Improve the model for everyone');
      await expect(step.locator('.setting-list li').first()).toContainText(p.frUnconfirmed);
      await expect(step.locator('.source-list a')).toHaveAttribute('href', 'https://help.openai.com/en/articles/7730893-data-controls-faq');
      await expect(step.locator('.source-list li')).toContainText(p.read);
      await expect(page.locator('#step-lechat-training-web .source-list a').first()).toHaveAttribute('href', /^https:\/\/help\.mistral\.ai\//);
      await expect(page.locator('#step-gemini-keep-activity .why a')).toHaveAttribute('href', `${prefix}07-habits/#other-services`);
      await expect(page.locator('#step-copilot-model-training .unconfirmed')).toBeAttached();
      await expect(page.locator('#step-clean-photo .tool-link a')).toHaveAttribute('href', p.locale === 'fr' ? '/outils/inspecteur/' : '/en/tools/inspector/');
    });

    test('the printed checklist of the default service fits on one page', async ({ page }) => {
      await page.goto(p.path);
      await expect(page.locator('#settings-checklist[data-ready="true"]')).toBeVisible();
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('#step-improve-model .how')).toBeHidden();
      await expect(page.locator('#step-improve-model .step-sources')).toBeHidden();
      await expect(page.locator('.checklist-progress')).toBeHidden();
      await expect(page.locator('section[data-scope="gemini"]')).toBeHidden();
      const pdf = await page.pdf({ format: 'A4', margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' } });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length).toBe(1);
    });
  });

  test.describe(`settings checklist without JavaScript (${p.locale})`, () => {
    test.use({ javaScriptEnabled: false });
    test('every service’s steps are readable and the boxes are shown but inert', async ({ page }) => {
      await page.goto(p.path);
      await expect(page.locator('input[data-step]')).toHaveCount(ALL_STEPS(p.locale));
      await expect(page.locator('input[data-step]:disabled')).toHaveCount(ALL_STEPS(p.locale));
      await expect(page.getByText(p.firstStep, { exact: true })).toBeVisible();
      await expect(page.locator('#step-improve-model .how li').first()).toBeVisible();
      for (const scope of ['gemini', 'meta-ai', 'grok', 'copilot', 'le-chat']) await expect(page.locator(`section[data-scope="${scope}"]`)).toBeVisible();
    });
  });
}
