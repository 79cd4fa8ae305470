/** The request letter's legal wording, for each service's controller and each authority. */
import { describe, expect, it } from 'vitest';
import { SERVICE_IDS } from '../../src/content/schemas/service';
import { SERVICES } from '../../src/content/services/services';
import {
  AUTHORITY_REGIONS,
  composeLetter,
  formatLetterDate,
  joinList,
  lawOf,
  LETTER_LANGUAGES,
  RESTRICTION_GROUNDS,
  zoneOf,
  type AuthorityRegion,
  type LetterInput,
} from '../../src/features/rights/letter';
import { CITATIONS, KIT_TEXT_CITATIONS, kitTextUnconfirmed, unconfirmedCitations, type CheckedLaw, type Citation } from '../../src/features/rights/citations';
import { strings } from '../../src/i18n/index';

const base: LetterInput = {
  service: 'chatgpt',
  rights: ['access', 'erasure'],
  restrictionGround: 'objection-pending',
  situation: '',
  name: 'Camille Martin',
  email: 'camille@example.org',
  region: 'fr',
  language: 'fr',
  date: '2026-03-01',
};
const ALL = ['access', 'erasure', 'restriction', 'objection'] as const;

/** What each region's letter must cite, in each language: its law, its deadline and its authority. */
const EXPECTED: Record<AuthorityRegion, Record<'fr' | 'en', { law: string; deadline: string[]; authority: string; not?: string[] }>> = {
  fr: {
    fr: {
      law: 'RGPD, règlement (UE) 2016/679',
      deadline: [
        "l'article 12, paragraphe 3, du RGPD",
        "délai d'un mois à compter de la réception",
        'prolongé de deux mois',
        'compte tenu de la complexité et du nombre de demandes',
        'les motifs du report',
      ],
      authority: "auprès de la CNIL (Commission nationale de l'informatique et des libertés), conformément à l'article 77 du RGPD",
    },
    en: {
      law: 'Regulation (EU) 2016/679',
      deadline: ['Under Article 12(3) of the GDPR', 'within one month of receiving this request', 'two further months', 'complexity and number of requests'],
      authority: 'with the CNIL (Commission nationale de l’informatique et des libertés), under Article 77 of the GDPR',
    },
  },
  be: {
    fr: {
      law: 'RGPD',
      deadline: ["l'article 12, paragraphe 3, du RGPD"],
      authority: "auprès de l'Autorité de protection des données (APD-GBA), conformément à l'article 77 du RGPD",
    },
    en: { law: 'GDPR', deadline: ['Article 12(3)'], authority: 'with the Belgian Data Protection Authority (APD-GBA), under Article 77 of the GDPR' },
  },
  lu: {
    fr: {
      law: 'RGPD',
      deadline: ["l'article 12, paragraphe 3, du RGPD"],
      authority: "auprès de la Commission nationale pour la protection des données (CNPD), conformément à l'article 77",
    },
    en: { law: 'GDPR', deadline: ['Article 12(3)'], authority: 'with the National Commission for Data Protection of Luxembourg (CNPD), under Article 77' },
  },
  ie: {
    fr: { law: 'RGPD', deadline: ["l'article 12, paragraphe 3, du RGPD"], authority: 'auprès de la Data Protection Commission irlandaise' },
    en: { law: 'GDPR', deadline: ['Article 12(3)'], authority: 'with the Irish Data Protection Commission' },
  },
  'other-eu': {
    fr: { law: 'RGPD', deadline: ["l'article 12, paragraphe 3, du RGPD"], authority: "l'autorité de protection des données de mon pays" },
    en: { law: 'GDPR', deadline: ['Article 12(3)'], authority: 'the data protection authority of my country' },
  },
  unspecified: {
    fr: { law: 'RGPD', deadline: ["l'article 12, paragraphe 3, du RGPD"], authority: 'notamment celle du pays où je vis' },
    en: { law: 'GDPR', deadline: ['Article 12(3)'], authority: 'the one of the country where I live' },
  },
  ch: {
    fr: {
      law: 'loi fédérale sur la protection des données (nLPD, RS 235.1)',
      deadline: ["l'art. 18 de l'ordonnance sur la protection des données (OPDo)", 'dans les 30 jours suivant la réception'],
      authority: 'le Préposé fédéral à la protection des données et à la transparence (PFPDT), qui peut ouvrir une enquête (art. 49 nLPD)',
      not: ['article 12, paragraphe 3', 'article 77', 'Limitation'],
    },
    en: {
      law: 'Swiss Federal Act on Data Protection (nFADP/nLPD, SR 235.1)',
      deadline: ['Art. 18 of the Data Protection Ordinance', 'within 30 days of receiving'],
      authority: 'the Federal Data Protection and Information Commissioner (FDPIC), which may open an investigation (Art. 49 nFADP)',
      not: ['Article 12(3)', 'Article 77', 'Restriction'],
    },
  },
  qc: {
    fr: {
      law: 'Loi sur la protection des renseignements personnels dans le secteur privé (RLRQ, c. P-39.1), telle que modifiée par la Loi 25',
      deadline: ["l'article 32 de la Loi", 'dans les 30 jours de la réception', 'réputé'],
      authority: "la Commission d'accès à l'information du Québec (CAI) une demande d'examen de mésentente (articles 42 et 43 de la Loi)",
      not: ['RGPD', 'article 77', 'Limitation'],
    },
    en: {
      law: 'Act respecting the protection of personal information in the private sector (CQLR, c. P-39.1), as amended by Law 25',
      deadline: ['section 32 of the Act', 'within 30 days of receiving', 'deemed to have refused'],
      authority: "the Commission d'accès à l'information du Québec (CAI) (sections 42 and 43 of the Act)",
      not: ['GDPR', 'Article 77', 'Restriction'],
    },
  },
  uk: {
    fr: {
      law: 'le RGPD britannique (UK GDPR) et le Data Protection Act 2018',
      deadline: ['aux articles 12 et 12A du RGPD britannique', "délai d'un mois"],
      authority: "section 164A du Data Protection Act 2018 ; si elle n'aboutit pas, je saisirai l'ICO",
      not: ['article 77'],
    },
    en: {
      law: 'the UK GDPR and the Data Protection Act 2018',
      deadline: ['Under Articles 12 and 12A of the UK GDPR', 'within one month'],
      authority:
        "complaint to you under section 164A of the Data Protection Act 2018; if it is not resolved, I will complain to the ICO (Information Commissioner's Office)",
      not: ['Article 77'],
    },
  },
};

describe('data-protection letter: law, deadline and authority for every region, service and language', () => {
  for (const region of AUTHORITY_REGIONS) {
    for (const language of LETTER_LANGUAGES) {
      for (const service of SERVICE_IDS) {
        it(`${region} · ${language} · ${service}`, () => {
          const { text } = composeLetter({ ...base, service, region, language, rights: [...ALL] });
          const want = EXPECTED[region][language];
          expect(text).toContain(want.law);
          for (const d of want.deadline) expect(text).toContain(d);
          expect(text).toContain(want.authority);
          for (const n of want.not ?? []) expect(text).not.toContain(n);
        });
      }
    }
  }
});

describe('data-protection letter: the controller and contact each service names', () => {
  for (const svc of SERVICES) {
    for (const region of AUTHORITY_REGIONS) {
      it(`${svc.id} for ${region}`, () => {
        const controller = svc.controllers[zoneOf(region)];
        for (const language of LETTER_LANGUAGES) {
          const { text } = composeLetter({ ...base, service: svc.id, region, language });
          const to = text.split('\n')[1] ?? '';
          if (controller.confirmed) expect(to).toContain(controller.name);
          else
            expect(to).toMatch(
              language === 'fr'
                ? /\[l'entité que la politique de confidentialité de .+ désigne pour votre pays\]/
                : /\[the entity that .+ privacy policy names for your country\]/,
            );
          for (const contact of svc.requestTo) expect(text).toContain(contact);
          if (svc.dpo) expect(text).toContain(svc.dpo);
        }
      });
    }
  }
  it('sends EEA and Swiss ChatGPT readers to OpenAI Ireland and UK readers to OpenAI OpCo (Europe privacy policy §12)', () => {
    expect(composeLetter({ ...base, region: 'ch' }).text).toContain("À l'attention de : OpenAI Ireland Limited");
    expect(composeLetter({ ...base, region: 'be', language: 'en' }).text).toContain('To: OpenAI Ireland Limited');
    expect(composeLetter({ ...base, region: 'uk', language: 'en' }).text).toContain('To: OpenAI OpCo, LLC');
    expect(composeLetter({ ...base, region: 'qc' }).text).toContain("À l'attention de : OpenAI OpCo, LLC");
    expect(composeLetter({ ...base, region: 'qc', service: 'copilot' }).text).toContain('Microsoft Corporation');
    expect(composeLetter({ ...base, region: 'fr', service: 'gemini' }).text).toContain('Google Ireland Limited');
    expect(composeLetter({ ...base, region: 'uk', service: 'gemini' }).text).toContain('Google LLC');
    expect(composeLetter({ ...base, service: 'le-chat' }).text).toContain(
      "À l'attention de : Mistral AI, demandes relatives aux données personnelles\n15 rue des Halles, 75001 Paris, France",
    );
    expect(composeLetter({ ...base, service: 'grok' }).text).toContain('privacy@x.ai');
    expect(composeLetter({ ...base, service: 'copilot' }).text).toContain('Microsoft Ireland Operations Limited');
    expect(composeLetter({ ...base, service: 'meta-ai' }).text).toContain('Meta Platforms Ireland Limited');
  });
});

describe('data-protection letter: the drafting of each right', () => {
  it('cites the chosen articles in the subject and the body, and only those', () => {
    const { subject, text } = composeLetter(base);
    expect(subject).toBe("Objet : demande d'exercice de mes droits (articles 15 et 17 du RGPD)");
    expect(text).toContain('Accès (article 15)');
    expect(text).toContain('Effacement (article 17)');
    expect(text).toContain("l'article 17, paragraphe 1, point a)");
    expect(text).not.toContain('point c)');
    expect(text).not.toContain('article 21');
    expect(text).not.toContain('Limitation');
  });

  it('an objection states grounds relating to the particular situation (Art. 21(1)), typed or as a bracket to fill', () => {
    const typed = composeLetter({ ...base, rights: ['objection'], situation: 'ces photos montrent\nmes enfants' }).text;
    expect(typed).toContain(
      'Opposition (article 21, paragraphe 1) : pour des raisons tenant à ma situation particulière, à savoir ces photos montrent mes enfants,',
    );
    expect(typed).toContain('article 6, paragraphe 1, point f');
    expect(typed).toContain('motifs légitimes et impérieux');
    const blank = composeLetter({ ...base, rights: ['objection'], language: 'en' }).text;
    expect(blank).toContain('Objection (Article 21(1)): on grounds relating to my particular situation, namely [describe your particular situation');
    expect(blank).toContain('compelling legitimate grounds');
    // With an objection, erasure also rests on Art. 17(1)(c).
    expect(composeLetter({ ...base, rights: ['erasure', 'objection'] }).text).toContain('et sur le point c)');
  });

  it('asks for restriction only on one of the grounds of Art. 18(1)(a)–(d), each cited', () => {
    const points = { accuracy: 'a', unlawful: 'b', 'legal-claims': 'c', 'objection-pending': 'd' } as const;
    for (const ground of RESTRICTION_GROUNDS) {
      const fr = composeLetter({ ...base, rights: ['restriction', 'objection'], restrictionGround: ground }).text;
      expect(fr).toContain(`Limitation (article 18, paragraphe 1, point ${points[ground]})`);
      const en = composeLetter({ ...base, rights: ['restriction', 'objection'], restrictionGround: ground, language: 'en' }).text;
      expect(en).toContain(`Restriction (Article 18(1)(${points[ground]}))`);
      expect(fr).not.toContain("le temps d'examiner cette demande");
      expect(en).not.toContain('while this request is examined');
    }
    expect(composeLetter({ ...base, rights: ['restriction'], restrictionGround: 'accuracy' }).text).toContain('[précisez lesquelles]');
    expect(composeLetter({ ...base, rights: ['erasure'] }).text).toContain('(article 19)');
  });

  it('the Swiss and Québec letters rest on their own law and ask for no GDPR restriction', () => {
    const ch = composeLetter({ ...base, region: 'ch', rights: [...ALL] });
    expect(ch.subject).toBe("Objet : demande d'exercice de mes droits (art. 25, 30 et 32 nLPD)");
    expect(ch.text).toContain('Accès (art. 25 nLPD)');
    expect(ch.text).toContain('Opposition (art. 30, al. 2, let. b, nLPD)');
    expect(ch.text).toContain('art. 31 nLPD');
    expect(ch.text).toContain('art. 32, al. 2, let. c, nLPD');
    const qc = composeLetter({ ...base, region: 'qc', rights: [...ALL], language: 'en' });
    expect(qc.subject).toBe(
      'Subject: request to exercise my data protection rights (sections 12, 27 and 28 of the Act respecting the protection of personal information in the private sector)',
    );
    expect(qc.text).toContain('Access (section 27)');
    expect(qc.text).toContain('Deletion (section 28)');
    expect(qc.text).toContain('(section 12)');
    expect(qc.filename).toBe('law-25-request-chatgpt-2026-03-01.txt');
  });

  it('writes in English when asked, whatever the page language', () => {
    const { subject, text } = composeLetter({ ...base, language: 'en', rights: ['objection', 'restriction', 'access'] });
    expect(subject).toBe('Subject: request to exercise my data protection rights (Articles 15, 18 and 21 of the GDPR)');
    expect(text).toContain('Name: Camille Martin');
    expect(text).toContain('1 March 2026');
  });

  it('joins lists with Intl.ListFormat in the letter language', () => {
    expect(joinList(['15', '17', '21'], 'fr')).toBe('15, 17 et 21');
    expect(joinList(['15', '17', '21'], 'en')).toBe('15, 17 and 21');
    expect(joinList(['a', 'b'], 'fr', 'disjunction')).toBe('a ou b');
    expect(composeLetter(base).text).toContain('À envoyer à : https://privacy.openai.com ou dsar@openai.com');
  });

  it('leaves visible placeholders when the details are blank, and keeps a name on one line', () => {
    expect(composeLetter({ ...base, name: '  ', email: '' }).text).toContain('Nom : [votre nom]');
    expect(composeLetter({ ...base, email: '', service: 'gemini' }).text).toContain("[l'adresse e-mail de votre compte Google Gemini]");
    expect(composeLetter({ ...base, name: 'Camille\n\nMartin' }).text).toContain('Nom : Camille Martin\n');
  });

  it('formats the date in the letter language and names the file after the law, the service and the date', () => {
    expect(formatLetterDate('2026-03-01', 'fr')).toBe('1 mars 2026');
    expect(composeLetter(base).filename).toBe('demande-rgpd-chatgpt-2026-03-01.txt');
    expect(composeLetter({ ...base, language: 'en', service: 'grok' }).filename).toBe('gdpr-request-grok-2026-03-01.txt');
    expect(composeLetter({ ...base, region: 'ch' }).filename).toBe('demande-nlpd-chatgpt-2026-03-01.txt');
    expect(lawOf('be')).toBe('gdpr');
  });
});

describe('data-protection letter: every Swiss and Québec provision it cites was read, or is shown as unconfirmed', () => {
  /** Every provision number the text cites, with whether it is the Swiss ordinance or the act ("art. 25, 30 et 32", "sections 42 and 43", "l'art. 18 de l'ordonnance"). */
  function cited(text: string): { article: string; text: 'act' | 'ordinance' }[] {
    const out: { article: string; text: 'act' | 'ordinance' }[] = [];
    for (const m of text.matchAll(/\b(?:art\.|Art\.|Arts\.|articles?|sections?)\s+(\d+(?:(?:,\s*|\s+et\s+|\s+and\s+)\d+)*)(?=([^.;:\n]{0,45}))/g)) {
      const after = m[2] ?? '';
      const ordinance = /^\s*(?:de l'ordonnance|of the (?:Data Protection )?Ordinance|OPDo)/.test(after);
      for (const n of (m[1] ?? '').split(/,\s*|\s+et\s+|\s+and\s+/)) out.push({ article: n, text: ordinance ? 'ordinance' : 'act' });
    }
    return out;
  }
  const known = (law: CheckedLaw, c: { article: string; text: 'act' | 'ordinance' }): Citation | undefined =>
    CITATIONS[law].find((x) => x.article === c.article && x.text === c.text);

  it('finds the citations in a sample (the extractor itself)', () => {
    expect(cited("(art. 25, 30 et 32 nLPD) … l'art. 18 de l'ordonnance … Art. 6(4) and Art. 32(2)(c) … (sections 42 and 43 of the Act)")).toEqual([
      { article: '25', text: 'act' },
      { article: '30', text: 'act' },
      { article: '32', text: 'act' },
      { article: '18', text: 'ordinance' },
      { article: '6', text: 'act' },
      { article: '32', text: 'act' },
      { article: '42', text: 'act' },
      { article: '43', text: 'act' },
    ]);
  });

  for (const region of ['ch', 'qc'] as const) {
    for (const language of LETTER_LANGUAGES) {
      it(`${region} · ${language}: each provision the letter cites is listed in citations.ts`, () => {
        const law = lawOf(region) as CheckedLaw;
        const { text } = composeLetter({ ...base, region, language, rights: [...ALL] });
        const found = cited(text);
        expect(found.length).toBeGreaterThan(4);
        for (const c of found) expect(known(law, c), `${region} ${language}: ${c.text} ${c.article} is not in citations.ts`).toBeDefined();
      });
    }
  }

  it('a provision marked read names the copy and version read; one not read says so and is unconfirmed', () => {
    for (const law of ['nlpd', 'qc'] as const) {
      for (const c of CITATIONS[law]) {
        expect(c.official, `${law} ${c.article}`).toMatch(/^https:\/\/(www\.fedlex\.admin\.ch|www\.legisquebec\.gouv\.qc\.ca)\//);
        if (c.confirmed) {
          expect(c.read, `${law} ${c.article}`).not.toMatch(/^Not read|only as it stood before/);
          expect(c.read, `${law} ${c.article}: the version read`).toMatch(/consolidation of \d+ \w+ \d{4}|2021, c\. 25/);
        } else {
          expect(c.read, `${law} ${c.article}`).toMatch(/^Not read|only as it stood before/);
        }
      }
    }
  });

  it('the provisions we could not read are the ones shown as unconfirmed beside the letter, and the GDPR letters show none', () => {
    expect(unconfirmedCitations('qc').map((c) => c.article)).toEqual(CITATIONS.qc.filter((c) => !c.confirmed).map((c) => c.article));
    expect(unconfirmedCitations('qc').length).toBeGreaterThan(0);
    expect(unconfirmedCitations('nlpd')).toEqual(CITATIONS.nlpd.filter((c) => !c.confirmed));
    expect(unconfirmedCitations('gdpr')).toEqual([]);
    expect(unconfirmedCitations('uk-gdpr')).toEqual([]);
    // Every unconfirmed provision the Québec letter cites is in the list the page shows.
    const text = composeLetter({ ...base, region: 'qc', rights: [...ALL] }).text;
    const shown = new Set(unconfirmedCitations('qc').map((c) => c.article));
    for (const c of cited(text)) if (known('qc', c)?.confirmed === false) expect(shown.has(c.article), `article ${c.article}`).toBe(true);
  });

  it('each kit sentence citing these laws lists exactly the provisions it names, and carries the mark when one is unconfirmed', () => {
    for (const locale of ['fr', 'en'] as const) {
      const dict = strings(locale, 'rights');
      // A sentence of the kit that names a Swiss or Québec provision must be declared in KIT_TEXT_CITATIONS.
      for (const [key, value] of Object.entries(dict)) {
        if (/nLPD|nFADP|OPDo|Ordinance|secteur privé|private-sector act/.test(value) && /\b(art\.|Art\.|articles?|sections?)\s+\d/.test(value)) {
          expect(KIT_TEXT_CITATIONS[key], `${locale} ${key} cites a provision but is not in KIT_TEXT_CITATIONS`).toBeDefined();
        }
      }
      for (const [key, entry] of Object.entries(KIT_TEXT_CITATIONS)) {
        const found = cited(dict[key] ?? '');
        expect(found.map((c) => `${c.text} ${c.article}`).sort(), `${locale} ${key}`).toEqual(entry.articles.map((a) => `${a.text} ${a.article}`).sort());
        const anyUnconfirmed = entry.articles.some((a) => CITATIONS[entry.law].find((c) => c.article === a.article && c.text === a.text)?.confirmed !== true);
        expect(kitTextUnconfirmed(key), `${locale} ${key}`).toBe(anyUnconfirmed);
      }
    }
    expect(kitTextUnconfirmed('deadline.qc')).toBe(true);
    expect(kitTextUnconfirmed('noAnswer.qc')).toBe(true);
    expect(kitTextUnconfirmed('deadline.ch')).toBe(false);
    expect(kitTextUnconfirmed('deadline.gdpr')).toBe(false);
  });

  it("says what the Swiss and Québec texts say: access in 30 days (Art. 25(7), OPDo 18), deletion is a court claim (Art. 32(2)(c)), Québec's 30 days cover access and rectification", () => {
    const ch = composeLetter({ ...base, region: 'ch', rights: [...ALL] }).text;
    expect(ch).toContain("Pour l'accès, conformément à l'art. 25, al. 7, nLPD");
    expect(ch).toContain("un report doit m'être communiqué dans le même délai");
    expect(ch).toContain("je pourrai demander au juge qu'elles soient effacées ou détruites (art. 32, al. 2, let. c)");
    const chEn = composeLetter({ ...base, region: 'ch', rights: [...ALL], language: 'en' }).text;
    expect(chEn).toContain('For access, under Art. 25(7) nFADP and Art. 18 of the Data Protection Ordinance');
    expect(chEn).toContain('whether an automated individual decision has been taken');
    const qc = composeLetter({ ...base, region: 'qc', rights: [...ALL] }).text;
    expect(qc).toContain("donner suite à une demande d'accès ou de rectification au plus tard dans les 30 jours");
    expect(qc).not.toContain('par écrit');
    expect(composeLetter({ ...base, region: 'qc', rights: [...ALL], language: 'en' }).text).not.toContain('in writing');
  });
});
