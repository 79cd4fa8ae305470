/**
 * Every provision the letter and the kit page cite under Switzerland's nLPD and Québec's
 * private-sector act, with where we read it and whether we could read its text in force.
 * The GDPR and UK GDPR articles are read on EUR-Lex and legislation.gov.uk (lesson 6's
 * sources); these two laws were added later and are checked one provision at a time.
 *
 * A provision is `confirmed` only when we read its wording (the official page, or a copy
 * of the official text that names its version). An unconfirmed one is shown with the
 * site's "unconfirmed" mark next to the letter and in the kit's lists, so the reader checks
 * it before sending; tests/unit/kit-letter.test.ts fails if the letter cites a provision
 * not listed here, or if an unconfirmed one is shown without the mark.
 *
 * Read on 2026-12-07 (stored copies, not the live sites). The Swiss texts were read in Fedlex's own
 * HTML, as vendored unchanged by a public repository; Québec's in LégisQuébec's stored pages.
 */
import type { LawId } from './types';

/** The two laws checked provision by provision. */
export type CheckedLaw = Extract<LawId, 'nlpd' | 'qc'>;

/** One provision as the letter or the kit cites it. */
export interface Citation {
  /** The provision's number, as the letter writes it after "art."/"article"/"section" (e.g. '32', '18'). */
  article: string;
  /** Which text: the act itself, or Switzerland's ordinance (OPDo, RS 235.11). */
  text: 'act' | 'ordinance';
  /** True only when we read its wording in force. */
  confirmed: boolean;
  /** The official address of the text. */
  official: string;
  /** What we read: the copy and the version it carries, or why we could not. */
  read: string;
}

const FEDLEX_LPD = 'https://www.fedlex.admin.ch/eli/cc/2022/491/fr';
const FEDLEX_OPDO = 'https://www.fedlex.admin.ch/eli/cc/2022/568/fr';
/** Where the Swiss act was read. */
const FADP_READ =
  'Fedlex, LPD/DSG (RS 235.1), consolidation of 7 July 2025, official English translation (no legal force), vendored byte for byte in github.com/rubentalstra/FerroEHR, docs/law/ch/fadp/text-en.html @ b218275';
const LEGISQUEBEC = 'https://www.legisquebec.gouv.qc.ca/fr/document/lc/P-39.1';

/** The provisions each law's letter and kit text cite. */
export const CITATIONS: Record<CheckedLaw, readonly Citation[]> = {
  nlpd: [
    {
      article: '6',
      text: 'act',
      confirmed: true,
      official: FEDLEX_LPD,
      read: `${FADP_READ}: al. 4, data are destroyed or anonymised as soon as they are no longer required for the purpose.`,
    },
    {
      article: '25',
      text: 'act',
      confirmed: true,
      official: FEDLEX_LPD,
      read: `${FADP_READ}: al. 2 lists what the reader receives (controller, data, purpose, retention, source, automated decision, recipients); al. 6 free of charge; al. 7 "in general" within 30 days.`,
    },
    {
      article: '30',
      text: 'act',
      confirmed: true,
      official: FEDLEX_LPD,
      read: `${FADP_READ}: processing "contrary to the express wishes of the data subject" breaches personality rights.`,
    },
    {
      article: '31',
      text: 'act',
      confirmed: true,
      official: FEDLEX_LPD,
      read: `${FADP_READ}: al. 1, a breach is unlawful unless justified by consent, an overriding private or public interest, or the law (al. 2 e lists research and statistics not related to specific persons).`,
    },
    {
      article: '32',
      text: 'act',
      confirmed: true,
      official: FEDLEX_LPD,
      read: `${FADP_READ}: "Legal rights": al. 2, actions under the Civil Code, in which the applicant may ask that personal data be deleted or destroyed (let. c). A claim in court, not a duty to answer a letter.`,
    },
    {
      article: '49',
      text: 'act',
      confirmed: true,
      official: FEDLEX_LPD,
      read: `${FADP_READ}: the FDPIC opens an investigation ex officio or on a report; al. 4, a data subject who reported is told what followed. Art. 52 al. 2: only the controller is a party.`,
    },
    {
      article: '18',
      text: 'ordinance',
      confirmed: true,
      official: FEDLEX_OPDO,
      read: 'Fedlex, DSV/OPDo (RS 235.11), consolidation of 1 December 2025, official English translation (no legal force), vendored byte for byte in github.com/rubentalstra/FerroEHR, docs/law/ch/dpo/text-en.html @ 52fff86: al. 1, 30 days from receipt; al. 2, say so and give the time needed; al. 3, refusal, restriction or deferral within the same deadline.',
    },
  ],
  qc: [
    {
      article: '12',
      text: 'act',
      confirmed: true,
      official: LEGISQUEBEC,
      read: 'LégisQuébec, s. 12 as replaced by 2021, c. 25, s. 110 (official English text, version page se:12): use only for the purposes of collection unless the person consents, with five exceptions.',
    },
    {
      article: '27',
      text: 'act',
      confirmed: false,
      official: LEGISQUEBEC,
      read: 'Not read: the stored consolidated text shows only its opening sections.',
    },
    {
      article: '28',
      text: 'act',
      confirmed: false,
      official: LEGISQUEBEC,
      read: 'Not read: the stored consolidated text shows only its opening sections; Law 25 (2021, c. 25) amended the rights of rectification and deletion.',
    },
    {
      article: '32',
      text: 'act',
      confirmed: false,
      official: LEGISQUEBEC,
      read: 'Read only as it stood before Law 25 (copy on openum.ca, 2017): access or rectification requests, 30 days from receipt, silence is a refusal. Not compared with the text in force.',
    },
    {
      article: '42',
      text: 'act',
      confirmed: false,
      official: LEGISQUEBEC,
      read: 'Not read: known from secondary summaries only (application to the CAI for the examination of a disagreement).',
    },
    {
      article: '43',
      text: 'act',
      confirmed: false,
      official: LEGISQUEBEC,
      read: 'Not read: secondary summaries say the application must be made within 30 days of the refusal or of the end of the time to answer.',
    },
  ],
};

/** The law checked provision by provision for a letter's law, if any. */
export function checkedLaw(law: LawId): CheckedLaw | undefined {
  return law === 'nlpd' || law === 'qc' ? law : undefined;
}

/** The provisions of a law we could not read in force, in the order they are listed. */
export function unconfirmedCitations(law: LawId): readonly Citation[] {
  const checked = checkedLaw(law);
  return checked ? CITATIONS[checked].filter((c) => !c.confirmed) : [];
}

/**
 * The kit page's sentences (i18n keys of rights.json) that cite these laws, and the
 * provisions each cites: the page marks a sentence unconfirmed when one of them is.
 */
export const KIT_TEXT_CITATIONS: Readonly<Record<string, { law: CheckedLaw; articles: readonly { article: string; text: Citation['text'] }[] }>> = {
  'deadline.ch': {
    law: 'nlpd',
    articles: [
      { article: '25', text: 'act' },
      { article: '18', text: 'ordinance' },
    ],
  },
  'deadline.qc': { law: 'qc', articles: [{ article: '32', text: 'act' }] },
  'noAnswer.ch': {
    law: 'nlpd',
    articles: [
      { article: '49', text: 'act' },
      { article: '32', text: 'act' },
    ],
  },
  'noAnswer.qc': {
    law: 'qc',
    articles: [
      { article: '42', text: 'act' },
      { article: '43', text: 'act' },
    ],
  },
};

/** Whether a kit sentence cites a provision we could not read (it then carries the unconfirmed mark). */
export function kitTextUnconfirmed(key: string): boolean {
  const entry = KIT_TEXT_CITATIONS[key];
  if (!entry) return false;
  return entry.articles.some((a) => CITATIONS[entry.law].find((c) => c.article === a.article && c.text === a.text)?.confirmed !== true);
}
