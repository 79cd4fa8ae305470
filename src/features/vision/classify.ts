/**
 * What a line of text read from the picture is, by local rules: the shapes
 * a service's OCR would pick out first. Numbers with a check digit (IBAN,
 * payment card, French social security number) are only reported when the
 * digit is right, so a random run of digits is not called a card. Pure: no DOM.
 */
import { z } from 'zod';

/** Kinds of text, most telling first (a line that holds several is shown under the first). */
export const TEXT_KINDS = ['email', 'iban', 'card', 'nir', 'phone', 'plate', 'address', 'postcode', 'name', 'text'] as const;
export const textKindSchema = z.enum(TEXT_KINDS);
export type TextKind = z.infer<typeof textKindSchema>;

/** One thing found in a line: its kind and the part of the line that matched. */
export interface TextMatch {
  kind: TextKind;
  value: string;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}/iu;
/** French numbers: 0X XX XX XX XX or +33 X XX XX XX XX (ARCEP numbering plan: ten digits, first after 0 is 1–9). */
const PHONE_FR = /(?:\+33\s?\(?0?\)?\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b/u;
/** UK numbers: 0 or +44 followed by 9–10 digits (Ofcom numbering: 020 7946 0958, 07700 900123). */
const PHONE_UK = /(?:\+44\s?\(?0?\)?\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b/u;
/** SIV plates since 2009: AA-123-AA; I, O and U are not used (arrêté du 9 février 2009, annexe). */
const PLATE_FR = /\b[A-HJ-NP-TV-Z]{2}\s?[-–]?\s?\d{3}\s?[-–]?\s?[A-HJ-NP-TV-Z]{2}\b/u;
const STREET_FR = /\b\d{1,4}\s?(?:bis|ter)?,?\s+(?:rue|avenue|av\.|boulevard|bd|place|all[ée]e|impasse|chemin|route|quai|cours|square)\b/iu;
const STREET_UK =
  /\b\d{1,4}[a-z]?,?\s+(?:[\p{Lu}][\p{L}'’-]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way|Place|Square|Gardens|Crescent|Terrace|Row|Hill)\b/u;
/** A French postcode followed by a town name (75002 Paris). */
const POSTCODE_FR = /\b\d{5}\s+[\p{Lu}][\p{L}'’-]+/u;
/** UK postcodes (SW1A 1AA, M1 1AE): outward code, space, inward code. */
const POSTCODE_UK = /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b/u;
const IBAN = /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]){11,30}\b/u;
const CARD = /\b\d(?:[\s-]?\d){12,18}\b/u;
/** Numéro de sécurité sociale: sex, year, month, département (2A/2B for Corsica), commune, order, then a 2-digit key. */
const NIR = /\b[12]\s?\d{2}\s?(?:0[1-9]|1[0-2]|[2-9]\d)\s?(?:\d{2}|2[AB])\s?\d{3}\s?\d{3}\s?\d{2}\b/u;
const HONORIFIC = /^(?:M\.|Mme|Mlle|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Pr\.?)$/u;
/** Jeanne, Saint-Louis, L’Hôte, d’Arc. */
const TITLE_WORD = /^(?:[\p{Lu}\p{Ll}]['’])?[\p{Lu}][\p{Ll}]+(?:[-'’][\p{Lu}]?[\p{Ll}]+)*$/u;
const CAPS_WORD = /^[\p{Lu}]{2,}(?:[-'’][\p{Lu}]+)*$/u;
/** Capitalised words that are not names, common on badges, signs and screens. */
const NOT_NAMES = new Set(
  'hôpital hopital infirmière infirmier docteur badge visiteur visitor staff bienvenue welcome rue avenue boulevard place paris london lyon marseille société company service services france university université école school lycée collège bonjour hello merci thank thanks accueil reception entrée entrance sortie exit ville mairie police pharmacie bureau office'.split(
    ' ',
  ),
);

const digitsOf = (s: string): string => s.replace(/[^\d]/g, '');

/** Luhn check (ISO/IEC 7812-1 annex B), used by every payment card number. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length >= 13 && sum % 10 === 0;
}

/** IBAN check digits (ISO 13616): move the first four characters to the end, letters to numbers, mod 97 must be 1. */
export function ibanValid(iban: string): boolean {
  const s = iban.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const v = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

/** French NIR key: 97 − (the 13 digits mod 97), Corsica's 2A/2B counted as 19/18 (INSEE). */
export function nirValid(nir: string): boolean {
  const s = nir.replace(/\s/g, '').toUpperCase();
  if (!/^[12]\d{4}(?:\d{2}|2[AB])\d{6}\d{2}$/.test(s)) return false;
  const body = s.slice(0, 13).replace('2A', '19').replace('2B', '18');
  let rest = 0;
  for (const d of body) rest = (rest * 10 + Number(d)) % 97;
  return 97 - rest === Number(s.slice(13));
}

/** "Jeanne Roux", "Marie DUPONT", "M. Jean Martin": two to four capitalised words, no digits, none a common word. */
export function looksLikeName(line: string): string | undefined {
  const tokens = line.trim().split(/\s+/u).filter(Boolean);
  const honorific = HONORIFIC.test(tokens[0] ?? '');
  const rest = honorific ? tokens.slice(1) : tokens;
  if (rest.length < (honorific ? 1 : 2) || rest.length > 4) return undefined;
  if (!rest.every((t) => TITLE_WORD.test(t) || CAPS_WORD.test(t))) return undefined;
  if (rest.some((t) => NOT_NAMES.has(t.toLowerCase()))) return undefined;
  // All capitals with no title: a heading ("HÔPITAL SAINT-LOUIS") more often than a name.
  if (!honorific && !rest.some((t) => TITLE_WORD.test(t))) return undefined;
  return rest.join(' ');
}

/** Everything a line holds, most telling first; a line with nothing particular is `text`. */
export function classifyLine(line: string): TextMatch[] {
  const found: TextMatch[] = [];
  const add = (kind: TextKind, value: string | undefined): void => {
    if (value !== undefined && !found.some((f) => f.kind === kind)) found.push({ kind, value });
  };
  add('email', EMAIL.exec(line)?.[0]);
  const iban = IBAN.exec(line)?.[0];
  if (iban && ibanValid(iban)) add('iban', iban);
  const card = CARD.exec(line)?.[0];
  if (card && luhnValid(digitsOf(card)) && found.every((f) => f.kind !== 'iban')) add('card', card);
  const nir = NIR.exec(line)?.[0];
  if (nir && nirValid(nir)) add('nir', nir);
  if (!found.some((f) => f.kind === 'card' || f.kind === 'iban' || f.kind === 'nir')) add('phone', (PHONE_FR.exec(line) ?? PHONE_UK.exec(line))?.[0]);
  add('plate', PLATE_FR.exec(line)?.[0]);
  add('address', (STREET_FR.exec(line) ?? STREET_UK.exec(line))?.[0]);
  add('postcode', (POSTCODE_FR.exec(line) ?? POSTCODE_UK.exec(line))?.[0]);
  if (found.length === 0) add('name', looksLikeName(line));
  const order = (k: TextKind): number => TEXT_KINDS.indexOf(k);
  found.sort((a, b) => order(a.kind) - order(b.kind));
  return found.length > 0 ? found : [{ kind: 'text', value: line }];
}
