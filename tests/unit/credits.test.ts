/**
 * The credits page's data: every licence the scan ships and every sample photo
 * has its texts in both languages (the page would show a bare key otherwise),
 * and every sample photo listed exists under public/.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CREDITS } from '../../src/features/vision/credits';
import { SAMPLE_CREDITS } from '../../src/features/credits/samples';
import { allDictionaries } from '../../src/i18n/index';
import { ROOT } from '../support/paths';

/** The keys a credit or a sample needs, given what it holds. */
function neededKeys(): string[] {
  return [
    ...CREDITS.flatMap((c) => [`item.${c.id}.use`, `item.${c.id}.source`, ...(c.note ? [`item.${c.id}.note`] : [])]),
    ...SAMPLE_CREDITS.flatMap((s) => [`sample.${s.id}.name`, `sample.${s.id}.licence`]),
  ];
}

describe('credits', () => {
  it('every code, weight and data licence and every sample photo has its texts in French and English', () => {
    for (const locale of ['fr', 'en'] as const) {
      const dict = allDictionaries[locale].credits ?? {};
      expect(
        neededKeys().filter((k) => !dict[k]),
        locale,
      ).toEqual([]);
      // No text left over for a credit that is gone.
      const ids = new Set([...CREDITS.map((c) => `item.${c.id}.`), ...SAMPLE_CREDITS.map((s) => `sample.${s.id}.`)]);
      expect(
        Object.keys(dict).filter((k) => /^(item|sample)\./.test(k) && ![...ids].some((p) => k.startsWith(p))),
        locale,
      ).toEqual([]);
    }
  });

  it('ids are unique, and every photo under public/samples/ is credited', () => {
    expect(new Set(CREDITS.map((c) => c.id)).size).toBe(CREDITS.length);
    for (const s of SAMPLE_CREDITS) expect(existsSync(join(ROOT, 'public', s.file)), s.file).toBe(true);
    const shipped = readdirSync(join(ROOT, 'public/samples')).map((f) => `/samples/${f}`);
    expect(shipped.sort()).toEqual(SAMPLE_CREDITS.map((s) => s.file).sort());
  });
});
