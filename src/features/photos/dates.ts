/**
 * Dates and edit actions as the reader reads them (the inspector's cards, the profile's findings). Metadata stores dates as
 * EXIF text ("2025:04:05 14:32:10") or ISO 8601 ("2025-04-05T18:01:12+02:00")
 * and XMP edit steps as English verbs ("created", "cropped"): the inspector
 * shows them in the page's language, with the raw value kept beside it
 * (data-raw). The time is the one written in the file, never converted to
 * this device's zone. Pure: no DOM; untrusted input, so anything that does
 * not parse strictly is shown as it is.
 */

import { intlLocale } from '../../i18n/intl';

/** The parts of a metadata date; `offset` as written ("+02:00", "Z"). */
export interface MetaDate {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  offset?: string;
}

const EXIF = /^(\d{4}):(\d{2}):(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*([+-]\d{2}:?\d{2}|Z)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?$/;

/** A metadata date's parts, or undefined unless it is a real calendar date and time in one of the two forms. */
export function parseMetaDate(value: string): MetaDate | undefined {
  const m = EXIF.exec(value.trim()) ?? ISO.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // 2025:02:30 or 0000:00:00 (what cameras write for "no date") are not dates.
  if (year < 1 || month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  const out: MetaDate = { year, month, day };
  if (m[4] !== undefined) {
    const [hour, minute, second] = [Number(m[4]), Number(m[5]), m[6] === undefined ? undefined : Number(m[6])];
    if (hour > 23 || minute > 59 || (second !== undefined && second > 59)) return undefined;
    out.hour = hour;
    out.minute = minute;
    if (second !== undefined) out.second = second;
  }
  if (m[7] !== undefined) out.offset = m[7] === 'Z' ? 'UTC' : `UTC${m[7].length === 5 ? `${m[7].slice(0, 3)}:${m[7].slice(3)}` : m[7]}`;
  return out;
}

/** "5 avril 2025 à 14:32:10" / "5 April 2025 at 14:32:10" (plus " (UTC+02:00)" when the file says), or `value` itself when it does not parse. */
export function formatMetaDate(value: string, locale: string): string {
  const d = parseMetaDate(value);
  if (!d) return value;
  const at = new Date(Date.UTC(d.year, d.month - 1, d.day, d.hour ?? 0, d.minute ?? 0, d.second ?? 0));
  at.setUTCFullYear(d.year); // years 1–99 are not 1901–1999
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'UTC' };
  if (d.hour !== undefined) options.timeStyle = d.second === undefined ? 'short' : 'medium';
  const text = new Intl.DateTimeFormat(intlLocale(locale), options).format(at);
  return d.offset ? `${text} (${d.offset})` : text;
}

/** The edit actions of the XMP Media Management spec (stEvt:action), which the UI names in its own words. */
export const HISTORY_ACTIONS = [
  'converted',
  'copied',
  'created',
  'cropped',
  'derived',
  'edited',
  'filtered',
  'formatted',
  'managed',
  'printed',
  'produced',
  'published',
  'resized',
  'saved',
  'version_updated',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** The action's key in the UI strings when it is one of the spec's verbs; undefined for anything else (shown as written). */
export function historyActionKey(action: string): `history.action.${HistoryAction}` | undefined {
  const a = action.trim().toLowerCase();
  return (HISTORY_ACTIONS as readonly string[]).includes(a) ? `history.action.${a as HistoryAction}` : undefined;
}

/** Parts of the day, as the inspector's card and the profile's dossier name them. */
export type PartOfDay = 'night' | 'morning' | 'afternoon' | 'evening';

/** The part of the day an hour (0–23) falls in: night is 22:00–05:59, evening 18:00–21:59. */
export function partOfDay(hour: number): PartOfDay {
  if (hour < 6) return 'night';
  if (hour < 12) return 'morning';
  if (hour < 18) return 'afternoon';
  return hour < 22 ? 'evening' : 'night';
}

/** The part of the day of a metadata date ("2025:04:05 14:32:10"), or undefined without a valid time. */
export function partOfDayOf(value: string): PartOfDay | undefined {
  const hour = parseMetaDate(value)?.hour;
  return hour === undefined ? undefined : partOfDay(hour);
}
