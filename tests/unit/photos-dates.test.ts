/** Metadata dates and edit actions in the reader's words (dates.ts): strict parsing, no time-zone shift, raw text otherwise. */
import { describe, expect, it } from 'vitest';
import { formatMetaDate, HISTORY_ACTIONS, historyActionKey, parseMetaDate } from '../../src/features/photos/dates';
import { allDictionaries } from '../../src/i18n/index';

describe('parseMetaDate', () => {
  it('reads EXIF and ISO 8601 dates, with or without seconds, fractions and offsets', () => {
    expect(parseMetaDate('2025:04:05 14:32:10')).toEqual({ year: 2025, month: 4, day: 5, hour: 14, minute: 32, second: 10 });
    expect(parseMetaDate('2025:04:05 14:32:10.123+02:00')).toEqual({ year: 2025, month: 4, day: 5, hour: 14, minute: 32, second: 10, offset: 'UTC+02:00' });
    expect(parseMetaDate('2025-04-05T18:01:12+02:00')).toEqual({ year: 2025, month: 4, day: 5, hour: 18, minute: 1, second: 12, offset: 'UTC+02:00' });
    expect(parseMetaDate('2025-04-05T18:01-0530')).toEqual({ year: 2025, month: 4, day: 5, hour: 18, minute: 1, offset: 'UTC-05:30' });
    expect(parseMetaDate('2025-04-05T18:01:12Z')?.offset).toBe('UTC');
    expect(parseMetaDate('2025-04-05')).toEqual({ year: 2025, month: 4, day: 5 });
  });

  it('refuses what is not a real date and time: the raw text is then shown', () => {
    for (const bad of [
      '0000:00:00 00:00:00',
      '2025:02:30 10:00:00',
      '2025:13:01 10:00:00',
      '2025:04:05 24:00:00',
      '2025:04:05 10:60:00',
      'yesterday',
      '2025/04/05',
      '<img src=x>',
      '',
    ]) {
      expect(parseMetaDate(bad), bad).toBeUndefined();
      expect(formatMetaDate(bad, 'fr'), bad).toBe(bad);
    }
  });
});

describe('formatMetaDate', () => {
  it('writes the date in the page language, at the time written in the file', () => {
    expect(formatMetaDate('2025:04:05 14:32:10', 'fr')).toBe('5 avril 2025 à 14:32:10');
    expect(formatMetaDate('2025:04:05 14:32:10', 'en')).toBe('5 April 2025 at 14:32:10');
    expect(formatMetaDate('2025-04-05T18:01+02:00', 'fr')).toBe('5 avril 2025 à 18:01 (UTC+02:00)');
    expect(formatMetaDate('2025-04-05', 'en')).toBe('5 April 2025');
    // Late in the evening, written with a far offset: never moved to another day by this device's zone.
    expect(formatMetaDate('2025-12-31T23:59:59-11:00', 'en')).toBe('31 December 2025 at 23:59:59 (UTC-11:00)');
  });
});

describe('historyActionKey', () => {
  it('names every verb of the XMP spec in both languages, and leaves any other text as written', () => {
    for (const action of HISTORY_ACTIONS) {
      const key = historyActionKey(action);
      expect(key).toBe(`history.action.${action}`);
      for (const locale of ['fr', 'en'] as const) expect(allDictionaries[locale].inspector?.[key ?? ''], `${locale} ${action}`).toBeTruthy();
    }
    expect(historyActionKey('Cropped ')).toBe('history.action.cropped');
    expect(historyActionKey('constructor')).toBeUndefined();
    expect(historyActionKey('__proto__')).toBeUndefined();
    expect(historyActionKey('stamped')).toBeUndefined();
  });
});
