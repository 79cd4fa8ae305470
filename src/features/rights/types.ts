/**
 * Types shared by the letter's composer (letter.ts) and its wording (letter-text.ts),
 * in one module so neither imports the other's types (no import cycle).
 */
import type { ServiceId } from '../../content/services/ids';

export type { ServiceId };

/** The rights the kit can request, in the order the letter lists them. */
export const RIGHT_KEYS = ['access', 'erasure', 'restriction', 'objection'] as const;
export type RightKey = (typeof RIGHT_KEYS)[number];

/**
 * The grounds of GDPR Art. 18(1) on which restriction can be asked: (a) accuracy contested,
 * (b) unlawful processing and restriction asked instead of erasure, (c) data needed by the reader
 * for legal claims, (d) an objection under Art. 21(1) pending verification.
 */
export const RESTRICTION_GROUNDS = ['accuracy', 'unlawful', 'legal-claims', 'objection-pending'] as const;
export type RestrictionGround = (typeof RESTRICTION_GROUNDS)[number];

/** Where the reader lives: decides the law cited, the controller and the authority named. */
export const AUTHORITY_REGIONS = ['unspecified', 'fr', 'be', 'lu', 'ie', 'other-eu', 'ch', 'qc', 'uk'] as const;
export type AuthorityRegion = (typeof AUTHORITY_REGIONS)[number];

/** The law a letter rests on: the GDPR, the UK GDPR, Switzerland's nLPD, Québec's private-sector act (Loi 25). */
export type LawId = 'gdpr' | 'uk-gdpr' | 'nlpd' | 'qc';

/** Languages the letter can be written in (independent of the page language). */
export const LETTER_LANGUAGES = ['fr', 'en'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

/** What the reader chose and typed. Nothing of it is stored or sent. */
export interface LetterInput {
  /** The service the letter goes to. */
  service: ServiceId;
  /** Rights to exercise; an empty list gives a letter that asks for nothing but still shows the frame. */
  rights: readonly RightKey[];
  /** Why restriction is asked (Art. 18(1)); used only when restriction is chosen. */
  restrictionGround: RestrictionGround;
  /** The reader's particular situation, the grounds an objection under Art. 21(1) must state; blank gives a placeholder. */
  situation: string;
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
