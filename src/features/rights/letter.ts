/**
 * Composes the data-protection request letter from what the reader chose. Pure: no DOM,
 * no storage, no network; the island calls it on every change and tests call it directly.
 */
import { intlLocale } from '../../i18n/intl';
import type { ControllerZone } from '../../content/schemas/service';
import { serviceById } from '../../content/services/services';
import { LETTER_WORDING } from './letter-text';
import { RIGHT_KEYS, type AuthorityRegion, type LawId, type Letter, type LetterInput, type LetterLanguage, type RightKey } from './types';

export {
  AUTHORITY_REGIONS,
  LETTER_LANGUAGES,
  RESTRICTION_GROUNDS,
  RIGHT_KEYS,
  type AuthorityRegion,
  type LawId,
  type Letter,
  type LetterInput,
  type LetterLanguage,
  type RestrictionGround,
  type RightKey,
} from './types';

/** The law a region's letter rests on. */
export function lawOf(region: AuthorityRegion): LawId {
  if (region === 'uk') return 'uk-gdpr';
  if (region === 'ch') return 'nlpd';
  if (region === 'qc') return 'qc';
  return 'gdpr';
}

/** Which of a service's controllers answers readers of a region (their policies split EEA, Switzerland, UK, elsewhere). */
export function zoneOf(region: AuthorityRegion): ControllerZone {
  if (region === 'uk') return 'uk';
  if (region === 'ch') return 'ch';
  if (region === 'qc') return 'other';
  return 'eea';
}

/** The rights a law's letter can ask for: restriction is a GDPR and UK GDPR right only (Art. 18). */
export function rightsUnder(law: LawId): readonly RightKey[] {
  return RIGHT_KEYS.filter((r) => LETTER_WORDING.en.laws[law].articles[r] !== undefined && (r !== 'restriction' || LETTER_WORDING.en.laws[law].restriction));
}

/** Collapses whitespace (a name or email is one line) and bounds the length. */
function oneLine(value: string, max = 200): string {
  return value.replace(/\s+/g, ' ').trim().slice(0, max);
}

/** Formats `YYYY-MM-DD` as a long date in the letter's language; an invalid date is written as given. */
export function formatLetterDate(date: string, language: LetterLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(utc.getTime())) return date;
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(utc);
}

/** "15, 17 et 21" / "15, 17 and 21": the language's own list rules (Intl.ListFormat), not a hand-written join. */
export function joinList(items: readonly string[], language: LetterLanguage, type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return new Intl.ListFormat(intlLocale(language), { style: 'long', type }).format(items);
}

/**
 * Writes the letter: addressee (the controller the service's privacy policy names for the
 * reader's zone, src/content/services/services.ts) and where to send it, the reader's
 * identifiers, one paragraph per chosen right citing its article under the law of the
 * reader's region, the deadline that law sets, and the complaint that follows silence.
 */
export function composeLetter(input: LetterInput): Letter {
  const w = LETTER_WORDING[input.language];
  const law = w.laws[lawOf(input.region)];
  const service = serviceById(input.service);
  const controller = service.controllers[zoneOf(input.region)];
  const allowed = rightsUnder(lawOf(input.region));
  const chosen = RIGHT_KEYS.filter((r) => input.rights.includes(r) && allowed.includes(r));
  const articles = [...new Set(chosen.map((r) => law.articles[r]).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
  const what =
    articles.length > 0
      ? `${articles.length > 1 ? law.articleWord.many : law.articleWord.one} ${joinList(articles.map(String), input.language)} ${law.ref}`
      : law.name;
  const subject = w.subject(what);
  const name = oneLine(input.name) || w.namePlaceholder;
  const email = oneLine(input.email) || w.emailPlaceholder(service.name);
  const situation = oneLine(input.situation, 600) || w.situationPlaceholder;
  const objecting = chosen.includes('objection');
  const paragraph = (right: RightKey): string => {
    if (right === 'access') return law.access;
    if (right === 'erasure') return law.erasure(objecting);
    if (right === 'objection') return law.objection(situation);
    return law.restriction?.[input.restrictionGround] ?? '';
  };
  const rightLines = chosen.map((r) => `- ${paragraph(r)}`);
  if (law.recipients && (chosen.includes('erasure') || chosen.includes('restriction'))) rightLines.push(`- ${law.recipients}`);
  const header = [
    subject,
    w.to(controller.confirmed ? controller.name : w.unconfirmedController(service.name)),
    ...(controller.confirmed && controller.address ? [controller.address] : []),
    w.sendVia(joinList(service.requestTo, input.language, 'disjunction')),
    ...(service.dpo && !service.requestTo.includes(service.dpo) ? [w.copy(service.dpo)] : []),
  ];
  const paragraphs = [
    header.join('\n'),
    w.dateLine(input.date ? formatLetterDate(input.date, input.language) : w.datePlaceholder),
    w.greeting,
    w.intro(service.name, law.name),
    w.identity(name, email),
    ...(rightLines.length > 0 ? [`${w.request}\n\n${rightLines.join('\n\n')}`] : []),
    law.deadline,
    law.complaint(w.authority[input.region]),
    w.receipt,
    `${w.closing}\n\n${name}`,
  ];
  return { subject, text: `${paragraphs.join('\n\n')}\n`, filename: `${law.filename}-${input.service}${input.date ? `-${input.date}` : ''}.txt` };
}
