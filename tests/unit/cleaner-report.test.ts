import { describe, expect, it } from 'vitest';
import { allDictionaries } from '../../src/i18n/index';
import { failureMessage, leftLines, removedLines } from '../../src/features/cleaner/report';
import { format } from '../../src/i18n/format';
import { formatBytes } from '../../src/lib/format-bytes';
import { failureCodeSchema, type Cleaned } from '../../src/features/cleaner/protocol';

const en = allDictionaries.en['cleaner'] ?? {};
const fr = allDictionaries.fr['cleaner'] ?? {};

const cleaned: Cleaned = {
  type: 'cleaned',
  mode: 'lossless',
  sourceFormat: 'jpeg',
  format: 'jpeg',
  blob: new Blob([]),
  originalSize: 38_087,
  size: 20_000,
  removed: [{ kind: 'exif', count: 1, bytes: 12_345 }],
  left: [{ kind: 'exif', reason: 'orientation' }],
  ms: 3,
  phases: { walk: 1, clean: 1, verify: 1 },
};

describe('reader-facing text of the cleaner', () => {
  it('has a message for every failure code, in both languages', () => {
    for (const code of failureCodeSchema.options) {
      for (const strings of [en, fr]) {
        const text = failureMessage({ type: 'failed', code, leftovers: ['gps', 'xmp'] }, strings);
        expect(text, code).not.toMatch(/\{\w+\}|^error\./);
      }
    }
  });

  it('names what a refused file still held, in words', () => {
    const text = failureMessage({ type: 'failed', code: 'verify-failed', leftovers: ['gps', 'xmp'] }, en);
    expect(text).toContain('the GPS location');
    expect(text).toContain('XMP');
  });

  it('lists what was removed with sizes in the reader’s language, and what was kept and why', () => {
    expect(removedLines(cleaned, en, 'en')[0]).toMatch(/^EXIF .*\(1 block\(s\), 12\.3 kB\)$/);
    expect(removedLines(cleaned, fr, 'fr')[0]).toMatch(/12,3\s?ko/);
    expect(leftLines(cleaned, en)).toEqual(['EXIF cut down to the orientation alone (no camera, date or location): so the photo is shown the right way up']);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('formats byte counts', () => {
    expect(formatBytes(999, 'en')).toMatch(/^999 ?byte/);
    expect(formatBytes(32_000_000, 'en')).toBe('32 MB');
  });
});
