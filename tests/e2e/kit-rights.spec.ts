import { readFileSync } from 'node:fs';
import { axeBothSchemes } from '../support/kit';
import { expect, test } from './fixtures';

const PAGES = [
  {
    locale: 'fr', path: '/outils/demande-rgpd/', name: 'Votre nom', email: 'Adresse e-mail de votre compte ChatGPT', region: 'Où vous vivez',
    access: /accès, article 15/, erasure: /effacement, article 17/, objection: /opposition, article 21/, restriction: /limitation, article 18/,
    letterFr: 'Français', letterEn: 'Anglais', copy: 'Copier la lettre', download: 'Télécharger en .txt', letter: 'Texte de la lettre, prêt à coller',
    copied: 'La lettre est copiée', fallback: 'la lettre est sélectionnée', none: 'Cochez au moins une demande',
  },
  {
    locale: 'en', path: '/en/tools/gdpr-request/', name: 'Your name', email: 'Email address of your ChatGPT account', region: 'Where you live',
    access: /access, Article 15/, erasure: /erasure, Article 17/, objection: /objection, Article 21/, restriction: /restriction, Article 18/,
    letterFr: 'French', letterEn: 'English', copy: 'Copy the letter', download: 'Download as .txt', letter: 'Letter text, ready to paste',
    copied: 'The letter is copied', fallback: 'the letter is selected', none: 'Tick at least one request',
  },
] as const;

for (const p of PAGES) {
  test.describe(`GDPR letter (${p.locale})`, () => {
    test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

    test("the letter cites the chosen articles and carries the reader's details; copy and .txt download give the same text", async ({ page }) => {
      await page.goto(p.path);
      await expect(page.locator('.rights-form[data-ready="true"]')).toBeVisible();
      await page.getByLabel(p.restriction).uncheck();
      await page.getByLabel(p.erasure).uncheck();
      await page.getByLabel(p.name).fill('Camille Martin');
      await page.getByLabel(p.email).fill('camille@example.org');
      await page.getByLabel(p.region).selectOption('uk');
      await page.getByLabel(p.letterEn).check();
      const letter = page.getByLabel(p.letter);
      await expect(letter).toHaveValue(/Articles 15 and 21 of the UK GDPR/);
      const text = await letter.inputValue();
      expect(text).toContain('Name: Camille Martin');
      expect(text).toContain('Account email address: camille@example.org');
      expect(text).toContain('Access (Article 15)');
      expect(text).toContain('Objection (Article 21)');
      expect(text).not.toContain('Article 17');
      expect(text).not.toContain('Restriction (Article 18)');
      expect(text).toContain('OpenAI OpCo, LLC');
      expect(text).toContain('dsar@openai.com');
      expect(text).toContain('dpo@openai.com');
      expect(text).toContain('Articles 12 and 12A of the UK GDPR');
      expect(text).toContain('the ICO');
      expect(text).not.toContain('[');

      await page.getByLabel(p.letterFr).check();
      await expect(letter).toHaveValue(/articles 15 et 21 du RGPD britannique/);

      await page.getByRole('button', { name: p.copy }).click();
      await expect(page.locator('.letter-status')).toContainText(p.copied);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await letter.inputValue());

      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: p.download }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^demande-rgpd-\d{4}-\d{2}-\d{2}\.txt$/);
      const saved = readFileSync(await download.path(), 'utf8');
      expect(saved).toBe(await letter.inputValue());
      expect(saved).toContain('Nom : Camille Martin');

      // Nothing typed was kept anywhere.
      // eslint-disable-next-line @typescript-eslint/no-misused-spread -- spreading Storage lists its keys, which is the point
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
      expect(stored).not.toContain('Camille');
    });

    test('when the clipboard is refused, the letter is selected for Ctrl+C', async ({ page }) => {
      await page.addInitScript(() => {
        Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
      });
      await page.goto(p.path);
      await expect(page.locator('.rights-form[data-ready="true"]')).toBeVisible();
      await page.getByRole('button', { name: p.copy }).click();
      await expect(page.locator('.letter-status')).toContainText(p.fallback);
      const letter = page.getByLabel(p.letter);
      await expect(letter).toBeFocused();
      const selection = await letter.evaluate((el) => {
        const area = el as HTMLTextAreaElement;
        return { start: area.selectionStart, end: area.selectionEnd, length: area.value.length };
      });
      expect([selection.start, selection.end]).toEqual([0, selection.length]);
      expect(selection.length).toBeGreaterThan(500);
    });

    test('keyboard alone fills the form and downloads; Enter never submits; axe passes in each state', async ({ page }) => {
      test.setTimeout(240_000);
      const violations: string[] = [];
      await page.goto(p.path);
      await expect(page.locator('.rights-form[data-ready="true"]')).toBeVisible();
      violations.push(...(await axeBothSchemes(page, 'initial')));

      await page.getByLabel(p.access).focus();
      await page.keyboard.press('Tab'); // erasure
      await page.keyboard.press('Tab'); // restriction
      await page.keyboard.press('Space');
      await expect(page.getByLabel(p.restriction)).not.toBeChecked();
      await page.keyboard.press('Tab'); // objection
      await page.keyboard.press('Tab'); // name
      await expect(page.getByLabel(p.name)).toBeFocused();
      await page.keyboard.type('Alex Dupont');
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${p.path}$`));
      await page.keyboard.press('Tab');
      await page.keyboard.type('alex@example.org');
      await expect(page.getByLabel(p.letter)).toHaveValue(/alex@example\.org/);
      await expect(page.getByLabel(p.letter)).toHaveValue(/Alex Dupont/);
      violations.push(...(await axeBothSchemes(page, 'filled')));

      await page.getByRole('button', { name: p.copy }).focus();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: p.download })).toBeFocused();
      const downloading = page.waitForEvent('download');
      await page.keyboard.press('Enter');
      expect(readFileSync(await (await downloading).path(), 'utf8')).toContain('Alex Dupont');

      for (const label of [p.access, p.erasure, p.objection]) await page.getByLabel(label).uncheck();
      await expect(page.getByRole('alert')).toContainText(p.none);
      violations.push(...(await axeBothSchemes(page, 'nothing chosen')));
      expect(violations).toEqual([]);
    });
  });

  test.describe(`GDPR letter without JavaScript (${p.locale})`, () => {
    test.use({ javaScriptEnabled: false });
    test('the page shows a template with brackets to fill in', async ({ page }) => {
      await page.goto(p.path);
      const letter = page.getByLabel(p.letter);
      await expect(letter).toHaveValue(p.locale === 'fr' ? /\[votre nom\]/ : /\[your name\]/);
      await expect(letter).toHaveValue(/dsar@openai\.com/);
      await expect(page.getByLabel(p.name)).toBeDisabled();
    });
  });
}
