import { readFileSync } from 'node:fs';
import { axeBothSchemes } from '../support/kit';
import { expect, test } from './fixtures';

const PAGES = [
  {
    locale: 'fr',
    path: '/outils/demande-rgpd/',
    service: 'Le service',
    name: 'Votre nom',
    email: 'Adresse e-mail de votre compte ChatGPT',
    region: 'Où vous vivez',
    access: /\(accès\)/,
    erasure: /\(effacement\)/,
    objection: /\(opposition\)/,
    restriction: /\(limitation, article 18 du RGPD\)/,
    ground: 'Pourquoi demander la limitation',
    situation: 'Votre situation particulière',
    letterFr: 'Français',
    letterEn: 'Anglais',
    copy: 'Copier la lettre',
    download: 'Télécharger en .txt',
    letter: 'Texte de la lettre, prêt à coller',
    copied: 'La lettre est copiée',
    fallback: 'la lettre est sélectionnée',
    none: 'Cochez au moins une demande',
    needsObjection: 'Ce motif suppose une opposition',
    notUnder: 'la lettre fondée sur la nLPD suisse ne la demande pas',
    unconfirmed: 'Non confirmé',
    qcUnconfirmed: 'articles 27, 28, 32, 42 et 43 de la loi sur le secteur privé',
  },
  {
    locale: 'en',
    path: '/en/tools/gdpr-request/',
    service: 'The service',
    name: 'Your name',
    email: 'Email address of your ChatGPT account',
    region: 'Where you live',
    access: /\(access\)/,
    erasure: /\(erasure\)/,
    objection: /\(objection\)/,
    restriction: /\(restriction, GDPR Article 18\)/,
    ground: 'Why you ask for restriction',
    situation: 'Your particular situation',
    letterFr: 'French',
    letterEn: 'English',
    copy: 'Copy the letter',
    download: 'Download as .txt',
    letter: 'Letter text, ready to paste',
    copied: 'The letter is copied',
    fallback: 'the letter is selected',
    none: 'Tick at least one request',
    needsObjection: 'This ground needs an objection',
    notUnder: 'a letter based on the Swiss nFADP does not ask for it',
    unconfirmed: 'Unconfirmed',
    qcUnconfirmed: 'sections 27, 28, 32, 42 and 43 of the private-sector act',
  },
] as const;

for (const p of PAGES) {
  test.describe(`GDPR letter (${p.locale})`, () => {
    test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

    test("the letter goes to the chosen service's controller, cites the law of the reader's region and carries the reader's details; copy and .txt download give the same text", async ({
      page,
    }) => {
      await page.goto(p.path);
      await expect(page.locator('.rights-form[data-ready="true"]')).toBeVisible();
      await page.getByLabel(p.erasure).uncheck();
      await page.getByLabel(p.situation).fill('the photos show my children');
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
      expect(text).toContain('Objection (Article 21(1)): on grounds relating to my particular situation, namely the photos show my children,');
      expect(text).not.toContain('Article 17');
      expect(text).toContain('To: OpenAI OpCo, LLC');
      expect(text).toContain('dsar@openai.com');
      expect(text).toContain('dpo@openai.com');
      expect(text).toContain('Articles 12 and 12A of the UK GDPR');
      expect(text).toContain('section 164A of the Data Protection Act 2018');
      expect(text).not.toContain('[');

      // Another service and region: Mistral AI in Paris, the CNIL, the GDPR.
      await page.getByLabel(p.service).selectOption('le-chat');
      await expect(
        page.getByLabel('Email address of your Mistral Le Chat account').or(page.getByLabel('Adresse e-mail de votre compte Mistral Le Chat')),
      ).toBeVisible();
      await page.getByLabel(p.region).selectOption('fr');
      await page.getByLabel(p.letterFr).check();
      await expect(letter).toHaveValue(/articles 15 et 21 du RGPD/);
      await expect(letter).toHaveValue(/À l'attention de : Mistral AI/);
      await expect(letter).toHaveValue(/auprès de la CNIL/);

      await page.getByRole('button', { name: p.copy }).click();
      await expect(page.locator('.letter-status')).toContainText(p.copied);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await letter.inputValue());

      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: p.download }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^demande-rgpd-le-chat-\d{4}-\d{2}-\d{2}\.txt$/);
      const saved = readFileSync(await download.path(), 'utf8');
      expect(saved).toBe(await letter.inputValue());
      expect(saved).toContain('Nom : Camille Martin');

      // Nothing typed was kept anywhere.
      // eslint-disable-next-line @typescript-eslint/no-misused-spread -- spreading Storage lists its keys, which is the point
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
      expect(stored).not.toContain('Camille');
    });

    test('Swiss and Québec readers get their own law and authority, and no GDPR restriction', async ({ page }) => {
      await page.goto(p.path);
      await expect(page.locator('.rights-form[data-ready="true"]')).toBeVisible();
      const letter = page.getByLabel(p.letter);
      await page.getByLabel(p.region).selectOption('ch');
      await expect(page.getByLabel(p.restriction)).toBeDisabled();
      await expect(page.getByText(p.notUnder)).toBeVisible();
      await page.getByLabel(p.letterFr).check();
      await expect(letter).toHaveValue(/Accès \(art\. 25 nLPD\)/);
      await expect(letter).toHaveValue(/Préposé fédéral à la protection des données et à la transparence \(PFPDT\)/);
      await expect(letter).not.toHaveValue(/article 77/);
      // Every Swiss provision the letter cites was read in Fedlex's text: no unconfirmed note.
      await expect(page.locator('.citations-unconfirmed')).toHaveCount(0);
      await page.getByLabel(p.region).selectOption('qc');
      await expect(letter).toHaveValue(/Accès \(article 27\)/);
      await expect(letter).toHaveValue(/Commission d'accès à l'information du Québec \(CAI\)/);
      await expect(letter).not.toHaveValue(/RGPD/);
      // The Québec provisions we could not read in force are named beside the letter, with the site's unconfirmed mark.
      const note = page.locator('.citations-unconfirmed');
      await expect(note).toBeVisible();
      await expect(note.locator('.unconfirmed')).toHaveText(p.unconfirmed);
      await expect(note).toContainText(p.qcUnconfirmed);
      await expect(note.getByRole('link')).toHaveAttribute('href', 'https://www.legisquebec.gouv.qc.ca/fr/document/lc/P-39.1');
      await page.getByLabel(p.region).selectOption('fr');
      await expect(note).toHaveCount(0);
    });

    test('restriction asks for its Art. 18(1) ground, and the pending-objection ground needs an objection', async ({ page }) => {
      await page.goto(p.path);
      await expect(page.locator('.rights-form[data-ready="true"]')).toBeVisible();
      await page.getByLabel(p.letterEn).check();
      const letter = page.getByLabel(p.letter);
      await page.getByLabel(p.restriction).check();
      await expect(letter).toHaveValue(/Restriction \(Article 18\(1\)\(d\)\)/);
      await page.getByLabel(p.ground).selectOption('accuracy');
      await expect(letter).toHaveValue(/Restriction \(Article 18\(1\)\(a\)\): I contest the accuracy/);
      await page.getByLabel(p.ground).selectOption('objection-pending');
      await page.getByLabel(p.objection).uncheck();
      await expect(page.getByRole('alert')).toContainText(p.needsObjection);
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
      // The page as loaded is checked by axe in both schemes in site.spec.ts; here only the states that follow.

      await page.getByLabel(p.service).focus();
      await page.keyboard.press('Tab'); // region
      await expect(page.getByLabel(p.region)).toBeFocused();
      await page.keyboard.press('Tab'); // access
      await page.keyboard.press('Tab'); // erasure
      await page.keyboard.press('Tab'); // restriction
      await page.keyboard.press('Space');
      await expect(page.getByLabel(p.restriction)).toBeChecked();
      await expect(page.getByLabel(p.ground)).toBeVisible();
      violations.push(...(await axeBothSchemes(page, 'restriction')));
      await page.getByLabel(p.situation).focus();
      await page.keyboard.type('my face and my home');
      await page.keyboard.press('Tab'); // name
      await expect(page.getByLabel(p.name)).toBeFocused();
      await page.keyboard.type('Alex Dupont');
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${p.path}$`));
      await page.keyboard.press('Tab');
      await page.keyboard.type('alex@example.org');
      await expect(page.getByLabel(p.letter)).toHaveValue(/alex@example\.org/);
      await expect(page.getByLabel(p.letter)).toHaveValue(/Alex Dupont/);
      await expect(page.getByLabel(p.letter)).toHaveValue(/my face and my home/);
      violations.push(...(await axeBothSchemes(page, 'filled')));

      await page.getByRole('button', { name: p.copy }).focus();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: p.download })).toBeFocused();
      const downloading = page.waitForEvent('download');
      await page.keyboard.press('Enter');
      expect(readFileSync(await (await downloading).path(), 'utf8')).toContain('Alex Dupont');

      await page.getByLabel(p.region).selectOption('ch');
      violations.push(...(await axeBothSchemes(page, 'Switzerland')));
      await page.getByLabel(p.region).selectOption('qc');
      await expect(page.locator('.citations-unconfirmed')).toBeVisible();
      violations.push(...(await axeBothSchemes(page, 'Québec, with the unconfirmed note')));
      await page.getByLabel(p.region).selectOption('ch');
      for (const label of [p.access, p.erasure, p.objection]) await page.getByLabel(label).uncheck();
      await expect(page.getByRole('alert')).toContainText(p.none);
      violations.push(...(await axeBothSchemes(page, 'nothing chosen')));
      expect(violations).toEqual([]);
    });
  });

  test.describe(`GDPR letter without JavaScript (${p.locale})`, () => {
    test.use({ javaScriptEnabled: false });
    test('the page shows a template with brackets to fill in, and every service’s controller and contact', async ({ page }) => {
      await page.goto(p.path);
      const letter = page.getByLabel(p.letter);
      await expect(letter).toHaveValue(p.locale === 'fr' ? /\[votre nom\]/ : /\[your name\]/);
      await expect(letter).toHaveValue(/dsar@openai\.com/);
      await expect(page.getByLabel(p.name)).toBeDisabled();
      const table = page.locator('table.controllers');
      for (const entity of [
        'OpenAI Ireland Limited',
        'Google Ireland Limited',
        'Meta Platforms Ireland Limited',
        'X.AI LLC',
        'Microsoft Ireland Operations Limited',
        'Mistral AI',
      ])
        await expect(table).toContainText(entity);
      await expect(table.locator('tr[data-service="grok"] a[href="mailto:privacy@x.ai"]')).toBeVisible();
      await expect(table.locator('tr[data-service="le-chat"] a[href="https://mistral.ai/en/contact"]')).toBeVisible();
      // The kit's Québec sentences cite provisions we could not read in force: they carry the unconfirmed mark; the Swiss ones do not.
      for (const key of ['deadline.qc', 'noAnswer.qc']) await expect(page.locator(`li[data-key="${key}"] .unconfirmed`)).toHaveText(p.unconfirmed);
      for (const key of ['deadline.ch', 'noAnswer.ch', 'deadline.gdpr']) await expect(page.locator(`li[data-key="${key}"] .unconfirmed`)).toHaveCount(0);
    });
  });
}
