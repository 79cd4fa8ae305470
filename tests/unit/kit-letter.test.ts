import { describe, expect, it } from 'vitest';
import { composeLetter, formatLetterDate, type LetterInput } from '../../src/features/rights/letter';

const base: LetterInput = {
  rights: ['access', 'erasure'],
  name: 'Camille Martin',
  email: 'camille@example.org',
  region: 'fr',
  language: 'fr',
  date: '2026-03-01',
};

describe('GDPR letter composition', () => {
  it('cites the chosen articles in the subject and the body, and only those', () => {
    const { subject, text } = composeLetter(base);
    expect(subject).toBe("Objet : demande d'exercice de mes droits (articles 15 et 17 du RGPD)");
    expect(text).toContain('Accès (article 15)');
    expect(text).toContain('Effacement (article 17)');
    expect(text).not.toContain('article 21');
    expect(text).not.toContain('Limitation');
  });
  it("carries the reader's details, the addresses and the DPO", () => {
    const { text } = composeLetter(base);
    expect(text).toContain('Nom : Camille Martin');
    expect(text).toContain('Adresse e-mail du compte : camille@example.org');
    expect(text).toContain('https://privacy.openai.com');
    expect(text).toContain('dsar@openai.com');
    expect(text).toContain('dpo@openai.com');
    expect(text).toContain('OpenAI Ireland Limited');
  });
  it('states the one-month deadline with its two-month extension, and the complaint to the CNIL', () => {
    const { text } = composeLetter(base);
    expect(text).toContain("l'article 12, paragraphe 3, du RGPD");
    expect(text).toContain("délai d'un mois");
    expect(text).toContain('prolongé de deux mois');
    expect(text).toContain("auprès de la CNIL (Commission nationale de l'informatique et des libertés), conformément à l'article 77 du RGPD");
  });
  it('writes in English when asked, whatever the page language', () => {
    const { subject, text } = composeLetter({ ...base, language: 'en', rights: ['objection', 'restriction', 'access'] });
    expect(subject).toBe('Subject: request to exercise my data protection rights (Articles 15, 18 and 21 of the GDPR)');
    expect(text).toContain('Name: Camille Martin');
    expect(text).toContain('Objection (Article 21)');
    expect(text).toContain('Article 6(1)(f)');
    // Restriction pending the objection is Art. 18(1)(d).
    expect(text).toContain('while my objection is being verified (Article 18(1)(d)).');
    expect(text).toContain('Under Article 12(3) of the GDPR');
    expect(text).toContain('within one month');
    expect(text).toContain('the CNIL');
    expect(text).toContain('1 March 2026');
  });
  it('addresses UK readers to OpenAI OpCo under the UK GDPR and names the ICO', () => {
    const { text } = composeLetter({ ...base, language: 'en', region: 'uk' });
    expect(text).toContain('To: OpenAI OpCo, LLC');
    expect(text).toContain('Articles 12 and 12A of the UK GDPR');
    expect(text).toContain("the ICO (Information Commissioner's Office), under Article 77 of the UK GDPR");
  });
  it('names the local authority when the country is another one or not given', () => {
    expect(composeLetter({ ...base, region: 'other-eu' }).text).toContain("l'autorité de protection des données de mon pays");
    expect(composeLetter({ ...base, region: 'unspecified', language: 'en' }).text).toContain('the one of the country where I live');
  });
  it('leaves visible placeholders when the details are blank, and keeps a name on one line', () => {
    expect(composeLetter({ ...base, name: '  ', email: '' }).text).toContain('Nom : [votre nom]');
    expect(composeLetter({ ...base, name: 'Camille\n\nMartin' }).text).toContain('Nom : Camille Martin\n');
  });
  it('restriction without objection does not cite Art. 18(1)(d)', () => {
    const { text } = composeLetter({ ...base, rights: ['restriction'] });
    expect(text).toContain("le temps d'examiner cette demande.");
    expect(text).not.toContain('point d');
  });
  it('formats the date in the letter language and names the file after it', () => {
    expect(formatLetterDate('2026-03-01', 'fr')).toBe('1 mars 2026');
    expect(composeLetter(base).filename).toBe('demande-rgpd-2026-03-01.txt');
    expect(composeLetter({ ...base, language: 'en' }).filename).toBe('gdpr-request-2026-03-01.txt');
  });
});
