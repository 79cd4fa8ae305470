/**
 * From a reading to the cards the reader sees. Pure: no DOM, no strings in a
 * language; cards carry i18n keys and untrusted values, the island renders
 * them as text. Each card names the lesson anchor that explains the habit or
 * right that removes what it shows.
 */
import type { Anchor } from '../../lib/anchors';
import { formatDegrees } from '../../lib/format-degrees';
import { partOfDayOf } from '../photos/dates';
import type { InspectorKey } from './labels';
import type { Labelled, ListName, Reading } from './protocol';

/** The cards, in the order they are shown. */
export type CardId = 'location' | 'time' | 'device' | 'people' | 'history' | 'thumbnail';

/** One value on a card. */
export interface Field {
  /** Stable id (also `data-field` in the page, which tests read). */
  id: string;
  /** i18n key of the label, or undefined when `name` is the label. */
  labelKey?: InspectorKey;
  /** Untrusted text used as the label when there is no `labelKey` (the date and action of an edit step). */
  name?: string;
  /** The technical name under the label (`group:name`, as in the full tag table; untrusted text). */
  tag?: string;
  /** The value as shown (untrusted text). */
  value: string;
  /** The raw machine value (exact number, raw string) for `data-raw`. */
  raw?: string;
  /** An edit step's date and action as written (untrusted), which the island puts in the reader's words (see dates.ts); `name` is the same, as written. */
  event?: { when?: string; action?: string };
  /** A list value cut to fit: how many of its items are not shown (they are in the full tag table). */
  more?: number;
}

/** "And 52 more text blocks": entries of a list the worker left out (i18n key `omitted.<list>`). */
export interface OmittedNote {
  list: ListName;
  count: number;
}

/** One card. */
export interface Card {
  id: CardId;
  /** The lesson-02 anchor explaining it. */
  anchor: Anchor<'02-metadata'>;
  /** i18n key of the one-line "what it reveals". */
  revealsKey: string;
  fields: Field[];
  /** A warning shown on the card (i18n key), e.g. the thumbnail shows more than the photo. */
  warningKey?: string;
  /** Lists cut by the protocol's limits, shown under the values. */
  omitted?: OmittedNote[];
}

/** The notes for the lists of a reading that were cut, among `lists`. */
export function omittedNotes(reading: Reading, lists: readonly ListName[]): OmittedNote[] {
  return lists.flatMap((list) => {
    const count = reading.omitted?.[list];
    return count ? [{ list, count }] : [];
  });
}

/** Aspect ratios more than 2 % apart mean the thumbnail was not regenerated after a crop. */
export const ASPECT_TOLERANCE = 0.02;

/** True when the thumbnail's aspect ratio differs from the main image's by more than 2 %. */
export function thumbnailAspectDiffers(main: { width: number; height: number }, thumb: { width: number; height: number }): boolean {
  if (main.width <= 0 || main.height <= 0 || thumb.width <= 0 || thumb.height <= 0) return false;
  const a = main.width / main.height;
  const b = thumb.width / thumb.height;
  // Orientation 5–8 stores both images unrotated, so the raw sizes compare directly.
  return Math.abs(b / a - 1) > ASPECT_TOLERANCE;
}

/** A value found in a tag: its plain-language label, with the tag's technical name kept beside it. */
function labelled(id: string, found: Labelled): Field {
  const field: Field = { id, labelKey: found.label, tag: `${found.group}:${found.name}`, value: found.value };
  if (found.more) field.more = found.more;
  return field;
}

/** Adds the notes of the cut lists to a card (when there are any). */
function withOmitted(card: Card, reading: Reading, lists: readonly ListName[]): Card {
  const notes = omittedNotes(reading, lists);
  if (notes.length > 0) card.omitted = notes;
  return card;
}

/** The cards for a reading; a card appears only when the file holds something for it. */
export function findingsFor(reading: Reading): Card[] {
  const cards: Card[] = [];
  const gps = reading.gps;
  if (gps) {
    const fields: Field[] = [
      { id: 'gps-lat', labelKey: 'field.latitude', value: formatDegrees(gps.lat), raw: String(gps.lat) },
      { id: 'gps-lon', labelKey: 'field.longitude', value: formatDegrees(gps.lon), raw: String(gps.lon) },
    ];
    if (gps.altitude !== undefined)
      fields.push({ id: 'gps-alt', labelKey: 'field.altitude', value: `${Math.round(gps.altitude)} m`, raw: String(gps.altitude) });
    if (gps.direction !== undefined)
      fields.push({ id: 'gps-dir', labelKey: 'field.direction', value: `${Math.round(gps.direction)}°`, raw: String(gps.direction) });
    cards.push({ id: 'location', anchor: 'gps', revealsKey: 'card.location.reveals', fields });
  }
  if (reading.takenAt || reading.offset) {
    const fields: Field[] = [];
    if (reading.takenAt) fields.push({ id: 'taken', labelKey: 'field.taken', value: reading.takenAt, raw: reading.takenAt });
    if (reading.offset) fields.push({ id: 'offset', labelKey: 'field.offset', value: reading.offset, raw: reading.offset });
    const part = reading.takenAt ? partOfDayOf(reading.takenAt) : undefined;
    if (part) fields.push({ id: 'routine', labelKey: 'field.routine', value: part, raw: part });
    cards.push({ id: 'time', anchor: 'time', revealsKey: 'card.time.reveals', fields });
  }
  const device: Field[] = [];
  if (reading.make) device.push({ id: 'make', labelKey: 'field.make', value: reading.make, raw: reading.make });
  if (reading.model) device.push({ id: 'model', labelKey: 'field.model', value: reading.model, raw: reading.model });
  if (reading.lens) device.push({ id: 'lens', labelKey: 'field.lens', value: reading.lens });
  if (reading.software) device.push({ id: 'software', labelKey: 'field.software', value: reading.software });
  reading.serials.forEach((s, i) => device.push(labelled(`serial-${i}`, s)));
  if (device.length > 0) cards.push(withOmitted({ id: 'device', anchor: 'device', revealsKey: 'card.device.reveals', fields: device }, reading, ['serials']));

  const people: Field[] = [
    ...reading.people.map((p, i) => labelled(`person-${i}`, p)),
    ...reading.words.map((w, i) => labelled(`word-${i}`, w)),
    ...reading.prompts.map((p, i) => labelled(`prompt-${i}`, p)),
  ];
  if (people.length > 0)
    cards.push(
      withOmitted({ id: 'people', anchor: 'people-words', revealsKey: 'card.people.reveals', fields: people }, reading, ['people', 'words', 'prompts']),
    );

  if (reading.history.length > 0) {
    const fields = reading.history.map((h, i): Field => {
      const field: Field = {
        id: `history-${i}`,
        name: [h.when, h.action].filter(Boolean).join(' · ') || `#${i + 1}`,
        value: [h.agent, h.changed].filter(Boolean).join(' · ') || '—',
      };
      if (h.when || h.action) field.event = { ...(h.when ? { when: h.when } : {}), ...(h.action ? { action: h.action } : {}) };
      return field;
    });
    cards.push(withOmitted({ id: 'history', anchor: 'edit-history', revealsKey: 'card.history.reveals', fields }, reading, ['history']));
  }

  const thumb = reading.thumbnail;
  if (thumb) {
    const fields: Field[] = [];
    if (thumb.width && thumb.height)
      fields.push({ id: 'thumb-size', labelKey: 'field.thumbSize', value: `${thumb.width} × ${thumb.height}`, raw: `${thumb.width}x${thumb.height}` });
    const differs =
      thumb.width && thumb.height && reading.width && reading.height
        ? thumbnailAspectDiffers({ width: reading.width, height: reading.height }, { width: thumb.width, height: thumb.height })
        : false;
    const card: Card = { id: 'thumbnail', anchor: 'thumbnail', revealsKey: 'card.thumbnail.reveals', fields };
    if (differs) card.warningKey = 'card.thumbnail.aspectWarning';
    cards.push(card);
  }
  return cards;
}
