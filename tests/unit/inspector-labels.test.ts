/** Card labels: every tag that feeds a card has a plain-language label in both languages, and the cards use it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferSource } from '../../src/formats/source';
import { findingsFor, type Card } from '../../src/features/inspector/findings';
import { LABEL_KEYS, PICKS, textLabel } from '../../src/features/inspector/labels';
import type { Reading } from '../../src/features/inspector/protocol';
import { readingSchema } from '../../src/features/inspector/protocol';
import { readSource } from '../../src/features/inspector/reader';
import { allDictionaries } from '../../src/i18n/index';
import { IMAGES, truthFor } from '../support/paths';

const fr = allDictionaries.fr['inspector'] ?? {};
const en = allDictionaries.en['inspector'] ?? {};

async function reading(file: string): Promise<Reading> {
  const result = await readSource(bufferSource(new Uint8Array(readFileSync(join(IMAGES, file)))));
  if (!result.ok) throw new Error(`${file}: ${result.code}`);
  return result.reading;
}

const field = (cards: Card[], card: Card['id'], tag: string) => cards.find((c) => c.id === card)?.fields.find((f) => f.tag === tag);

describe('labels', () => {
  it('every tag name in PICKS has a label in French and in English', () => {
    const names = Object.values(PICKS).flatMap((spec): string[] => Object.values<readonly string[]>(spec).flat());
    expect(names.length).toBeGreaterThan(40);
    for (const name of names) {
      expect(fr[`tag.${name}`], `fr tag.${name}`).toMatch(/\S/);
      expect(en[`tag.${name}`], `en tag.${name}`).toMatch(/\S/);
    }
  });

  it('every label key (tags, PNG text, comments) has both strings, and none is a bare tag name', () => {
    for (const key of LABEL_KEYS) {
      expect(fr[key], `fr ${key}`).toMatch(/\S/);
      expect(en[key], `en ${key}`).toMatch(/\S/);
      expect(fr[key], `fr ${key} is not the raw name`).not.toBe(key.replace(/^tag\./, ''));
    }
  });

  it('names the PNG text keywords AI tools write, and only own keywords (not "__proto__")', () => {
    expect(textLabel('parameters')).toBe('text.aiParameters');
    expect(textLabel('prompt')).toBe('text.aiPrompt');
    expect(textLabel('workflow')).toBe('text.aiWorkflow');
    expect(textLabel('Author')).toBe('tag.creator');
    for (const keyword of ['__proto__', 'constructor', 'toString', 'PARAMETERS', '']) expect(textLabel(keyword)).toBe('text.other');
  });

  it('the protocol rejects a label it does not know', () => {
    const ok = { format: 'png', size: 1, blocks: [], serials: [], people: [], words: [], history: [], tags: [], damage: [] };
    const prompt = { group: 'Text', name: 'parameters', value: 'a cat' };
    expect(readingSchema.safeParse({ ...ok, prompts: [{ ...prompt, label: 'text.aiParameters' }] }).success).toBe(true);
    expect(readingSchema.safeParse({ ...ok, prompts: [{ ...prompt, label: 'parameters' }] }).success).toBe(false);
  });
});

describe('cards use the labels', () => {
  it('a serial number and an author get their label, with the technical name from the tag table beside it', async () => {
    const file = 'exifr__issue-exifr-59.jpg';
    const truth = truthFor(file);
    const r = await reading(file);
    const cards = findingsFor(r);

    const serial = field(cards, 'device', 'ExifIFD:SerialNumber');
    expect(serial).toMatchObject({ labelKey: 'tag.SerialNumber', value: String(truth['ExifIFD:SerialNumber']) });
    expect(serial?.name).toBeUndefined();
    expect(fr[serial?.labelKey ?? '']).toBe('Numéro de série du boîtier');
    expect(en[serial?.labelKey ?? '']).toBe('Camera body serial number');

    expect(field(cards, 'people', 'IFD0:Artist')).toMatchObject({ labelKey: 'tag.Artist', value: truth['IFD0:Artist'] });
    expect(field(cards, 'people', 'IPTC:Byline')).toMatchObject({ labelKey: 'tag.Byline', value: truth['IPTC:By-line'] });
    expect(field(cards, 'people', 'XMP-dc:subject')?.labelKey).toBe('tag.subject');
    expect(field(cards, 'device', 'XMP-xmpMM:DocumentID')?.labelKey).toBe('tag.DocumentID');

    // Every technical name shown on a card is a row of the full tag table, so experts can find it there.
    const rows = new Set(r.tags.map((t) => `${t.group}:${t.name}`));
    for (const c of cards.filter((c) => c.id === 'device' || c.id === 'people')) {
      for (const f of c.fields.filter((f) => f.tag !== undefined)) expect(rows.has(f.tag ?? ''), `${f.tag} is in the table`).toBe(true);
    }
  });

  it('every labelled field of the corpus has a label in both languages', async () => {
    for (const file of ['immich__thompson-springs.jpg', 'mei__FujiFilm_FinePixS1Pro_1.jpg', 'exifr__tif-with-iptc-icc-xmp.tif', 'immich__denali.webp']) {
      const cards = findingsFor(await reading(file));
      const labelled = cards.flatMap((c) => c.fields).filter((f) => f.tag !== undefined);
      expect(labelled.length, file).toBeGreaterThan(0);
      for (const f of labelled) {
        expect(f.labelKey, `${file} ${f.tag}`).toBeDefined();
        expect(fr[f.labelKey ?? ''], `${file} ${f.tag}`).toMatch(/\S/);
        expect(en[f.labelKey ?? ''], `${file} ${f.tag}`).toMatch(/\S/);
      }
    }
  });

  it('a JPEG comment and PNG text chunks are labelled too', () => {
    const base: Reading = { format: 'png', size: 1, blocks: [], serials: [], people: [], history: [], tags: [], damage: [], words: [], prompts: [] };
    const cards = findingsFor({
      ...base,
      words: [{ label: 'text.comment', group: 'Text', name: 'COM', value: 'hello' }],
      prompts: [
        { label: textLabel('parameters'), group: 'Text', name: 'parameters', value: 'a cat, Steps: 20' },
        { label: textLabel('mystery'), group: 'Text', name: 'mystery', value: '<b>x</b>' },
      ],
    });
    expect(cards.find((c) => c.id === 'people')?.fields).toEqual([
      { id: 'word-0', labelKey: 'text.comment', tag: 'Text:COM', value: 'hello' },
      { id: 'prompt-0', labelKey: 'text.aiParameters', tag: 'Text:parameters', value: 'a cat, Steps: 20' },
      { id: 'prompt-1', labelKey: 'text.other', tag: 'Text:mystery', value: '<b>x</b>' },
    ]);
  });
});
