/**
 * Composes the GDPR request letter from what the reader chose. Pure: no DOM,
 * no storage, no network; the island calls it on every change and tests call it directly.
 */
import { intlLocale } from '../../i18n/intl';
import { LETTER_WORDING } from './letter-text';

/** The rights the kit can request, in the order the letter lists them (by article number). */
export const RIGHT_KEYS = ['access', 'erasure', 'restriction', 'objection'] as const;
export type RightKey = (typeof RIGHT_KEYS)[number];

/** GDPR article of each right. */
export const RIGHT_ARTICLES: Record<RightKey, number> = { access: 15, erasure: 17, restriction: 18, objection: 21 };

/** Where the reader lives, which decides the law cited, the controller and the authority named. */
export const AUTHORITY_REGIONS = ['unspecified', 'fr', 'uk', 'ie', 'other-eu'] as const;
export type AuthorityRegion = (typeof AUTHORITY_REGIONS)[number];

/** Languages the letter can be written in (independent of the page language). */
export const LETTER_LANGUAGES = ['fr', 'en'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

/** What the reader chose and typed. Nothing of it is stored or sent. */
export interface LetterInput {
  /** Rights to exercise; an empty list gives a letter that asks for nothing but still shows the frame. */
  rights: readonly RightKey[];
  /** Name on the account; blank gives a visible placeholder. */
  name: string;
  /** Email of the account; blank gives a visible placeholder. */
  email: string;
  region: AuthorityRegion;
  language: LetterLanguage;
  /** Date written on the letter, `YYYY-MM-DD`; empty gives a placeholder (the static template). */
  date: string;
}

/** The composed letter. */
export interface Letter {
  /** Subject line, also the first line of `text`. */
  subject: string;
  /** The whole letter as plain text, ready to paste or save. */
  text: string;
  /** Suggested file name for the .txt download. */
  filename: string;
}

/** Collapses whitespace (a name or email is one line) and bounds the length. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** Formats `YYYY-MM-DD` as a long date in the letter's language; an invalid date is written as given. */
export function formatLetterDate(date: string, language: LetterLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(utc.getTime())) return date;
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(utc);
}

/** "articles 15, 17 et 21 du RGPD" / "Articles 15, 17 and 21 of the GDPR" for the subject line. */
function articleList(numbers: readonly number[], language: LetterLanguage, lawRef: string): string {
  const and = language === 'fr' ? ' et ' : ' and ';
  const many = numbers.length > 1;
  const list = many ? `${numbers.slice(0, -1).join(', ')}${and}${String(numbers.at(-1))}` : String(numbers[0] ?? '');
  const word = language === 'fr' ? (many ? 'articles' : 'article') : many ? 'Articles' : 'Article';
  return `${word} ${list} ${lawRef}`;
}

/**
 * Writes the letter: addressee and where to send it (privacy.openai.com, dsar@openai.com,
 * DPO dpo@openai.com: facts.md §1.8; controller OpenAI Ireland Limited, or OpenAI OpCo, LLC
 * for UK users: §1.10), the reader's identifiers, one paragraph per chosen right citing its
 * article, the one-month deadline of Art. 12(3) (Art. 12A in the UK since the Data (Use and
 * Access) Act 2025), and the complaint under Art. 77 that follows silence (§4).
 */
export function composeLetter(input: LetterInput): Letter {
  const w = LETTER_WORDING[input.language];
  const zone = input.region === 'uk' ? 'uk' : 'eu';
  const controller = zone === 'uk' ? 'OpenAI OpCo, LLC' : 'OpenAI Ireland Limited';
  const chosen = RIGHT_KEYS.filter((r) => input.rights.includes(r));
  const articles = chosen.map((r) => RIGHT_ARTICLES[r]);
  const subject = w.subject(articles.length > 0 ? articleList(articles, input.language, w.lawRef[zone]) : w.lawName[zone]);
  const name = oneLine(input.name) || w.namePlaceholder;
  const email = oneLine(input.email) || w.emailPlaceholder;
  const rightLines = chosen.map((r) =>
    r === 'restriction'
      ? `- ${w.rights.restriction}${chosen.includes('objection') ? w.restrictionAfterObjection : ''}.`
      : `- ${w.rights[r]}`,
  );
  const paragraphs = [
    [subject, w.to(controller), w.sendVia, w.copy].join('\n'),
    w.dateLine(input.date ? formatLetterDate(input.date, input.language) : w.datePlaceholder),
    w.greeting,
    w.intro(w.lawName[zone]),
    w.identity(name, email),
    ...(rightLines.length > 0 ? [`${w.request}\n\n${rightLines.join('\n\n')}`] : []),
    w.deadline(w.lawRef[zone], w.deadlineArticle[zone]),
    w.complaint(w.authority[input.region], w.lawRef[zone]),
    w.receipt,
    `${w.closing}\n\n${name}`,
  ];
  return { subject, text: `${paragraphs.join('\n\n')}\n`, filename: `${w.filename}${input.date ? `-${input.date}` : ''}.txt` };
}
