/**
 * The protocol's limits are applied where the reading is made: a PNG with 100
 * text chunks and a JPEG with 200 keywords give readings the page's schema
 * accepts, with what was left out counted, and the full tag table keeps every
 * text block. (Before, such a reading was refused by the page and ended as a
 * 10 s time-out.)
 */
import { describe, expect, it } from 'vitest';
import { bufferSource } from '../../src/formats/source';
import { capReading, listText } from '../../src/features/inspector/limits';
import { LIST_LIMITS, MAX_TEXT, readingSchema, type Reading } from '../../src/features/inspector/protocol';
import { readSource } from '../../src/features/inspector/reader';
import { jpegWithKeywords, pngWithTextChunks } from '../support/crowded';

async function read(bytes: Uint8Array): Promise<Reading> {
  const result = await readSource(bufferSource(bytes));
  if (!result.ok) throw new Error(`not read: ${result.code}`);
  return result.reading;
}

describe('limits applied where the reading is made', () => {
  it('a PNG with 100 text chunks: 50 shown, 50 counted as left out, all 100 in the tag table', async () => {
    const reading = await read(pngWithTextChunks(100));
    expect(readingSchema.safeParse(reading).success).toBe(true);
    expect(reading.prompts).toHaveLength(LIST_LIMITS.prompts);
    expect(reading.omitted?.prompts).toBe(100 - LIST_LIMITS.prompts);
    const textRows = reading.tags.filter((t) => t.group === 'Text');
    expect(textRows).toHaveLength(100);
    expect(textRows.at(-1)).toEqual({ group: 'Text', name: 'param-100', value: 'value 100' });
  });

  it('a PNG with 50 text chunks (the limit) is not cut', async () => {
    const reading = await read(pngWithTextChunks(50));
    expect(reading.prompts).toHaveLength(50);
    expect(reading.omitted).toBeUndefined();
  });

  it('a JPEG with 200 keywords: whole keywords up to the text limit, and how many more', async () => {
    const reading = await read(jpegWithKeywords(200));
    expect(readingSchema.safeParse(reading).success).toBe(true);
    const subject = reading.words.find((w) => w.name === 'subject');
    expect(subject, JSON.stringify(reading.words)).toBeDefined();
    if (!subject) return;
    expect(subject.value.length).toBeLessThanOrEqual(MAX_TEXT);
    const shown = subject.value.split(', ');
    expect(shown[0]).toBe('keyword-1');
    expect(shown.at(-1)).toBe(`keyword-${shown.length}`);
    expect(subject.more).toBe(200 - shown.length);
  });

  it('capReading cuts every list to its limit and adds to what was already left out', () => {
    const base = readingSchema.parse({
      format: 'png',
      size: 1,
      blocks: [],
      serials: [],
      people: [],
      words: [],
      prompts: [],
      history: [],
      tags: [],
      damage: [],
    });
    const row = { group: 'G', name: 'n', value: 'v' };
    const huge: Reading = {
      ...base,
      tags: Array.from({ length: LIST_LIMITS.tags + 7 }, () => row),
      history: Array.from({ length: 101 }, () => ({})),
      omitted: { tags: 3 },
    };
    const capped = capReading(huge);
    expect(capped.tags).toHaveLength(LIST_LIMITS.tags);
    expect(capped.history).toHaveLength(LIST_LIMITS.history);
    expect(capped.omitted).toEqual({ tags: 10, history: 1 });
    expect(readingSchema.safeParse(capped).success).toBe(true);
    expect(readingSchema.safeParse(huge).success).toBe(false);
  });

  it('listText keeps whole items, and cuts a single item longer than the limit', () => {
    expect(listText(['a', 'b'])).toEqual({ text: 'a, b', more: 0 });
    const long = listText(Array.from({ length: 1000 }, () => 'abcd'));
    expect(long.text.length).toBeLessThanOrEqual(MAX_TEXT);
    expect(long.more).toBe(1000 - long.text.split(', ').length);
    const one = listText(['x'.repeat(MAX_TEXT + 50), 'y']);
    expect(one.text).toHaveLength(MAX_TEXT);
    expect(one.more).toBe(1);
  });
});
