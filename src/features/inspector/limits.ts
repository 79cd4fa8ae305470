/**
 * The protocol's limits, applied where the data is made (in the worker, before
 * the reading is sent): a list longer than its limit is cut and the reading
 * says how many entries were left out, so the page shows "and 52 more text
 * blocks" instead of refusing the whole reading. A PNG with 60 text chunks
 * (AI image tools write many) used to make a reading the page's schema
 * refused, which the reader saw as a 10 s time-out. Pure: unit-tested in Node.
 */
import { LIST_LIMITS, LIST_NAMES, MAX_TEXT, type ListName, type Reading } from './protocol';

/** The reading with every list cut to its limit, and `omitted` counting what was cut. */
export function capReading(reading: Reading): Reading {
  const omitted: Partial<Record<ListName, number>> = { ...reading.omitted };
  for (const name of LIST_NAMES) {
    const over = reading[name].length - LIST_LIMITS[name];
    if (over > 0) omitted[name] = (omitted[name] ?? 0) + over;
  }
  const capped: Reading = {
    ...reading,
    serials: reading.serials.slice(0, LIST_LIMITS.serials),
    people: reading.people.slice(0, LIST_LIMITS.people),
    words: reading.words.slice(0, LIST_LIMITS.words),
    prompts: reading.prompts.slice(0, LIST_LIMITS.prompts),
    history: reading.history.slice(0, LIST_LIMITS.history),
    blocks: reading.blocks.slice(0, LIST_LIMITS.blocks),
    tags: reading.tags.slice(0, LIST_LIMITS.tags),
  };
  if (Object.keys(omitted).length > 0) capped.omitted = omitted;
  return capped;
}

/**
 * A list value (keywords, subjects…) as one display text no longer than
 * MAX_TEXT: whole items only, joined with ", ", and how many items did not fit.
 */
export function listText(items: readonly string[]): { text: string; more: number } {
  let text = '';
  let used = 0;
  for (const item of items) {
    const next = text === '' ? item : `${text}, ${item}`;
    if (next.length > MAX_TEXT) break;
    text = next;
    used++;
  }
  if (used === 0 && items.length > 0) {
    // A single item longer than the limit: its start, marked as cut.
    text = `${(items[0] ?? '').slice(0, MAX_TEXT - 1)}…`;
    used = 1;
  }
  return { text, more: items.length - used };
}
