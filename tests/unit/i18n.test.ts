import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allDictionaries, format, parityProblems, placeholders } from '../../src/i18n/index';
import { alternatePath, lessonPath, localeOfPath, ROUTES } from '../../src/i18n/routes';
import { readLessons } from '../support/lesson-files';

describe('UI strings', () => {
  it('have the same namespaces, keys and placeholders in French and English', () => {
    expect(parityProblems(allDictionaries.fr, allDictionaries.en)).toEqual([]);
    expect(Object.keys(allDictionaries.fr).length).toBeGreaterThan(0);
  });

  it('parity check reports a missing key and a placeholder mismatch', () => {
    const problems = parityProblems({ a: { x: 'un {n}', y: 'deux' } }, { a: { x: 'one {count}' } });
    expect(problems).toContain('en: missing a.y');
    expect(problems.some((p) => p.startsWith('a.x: placeholders differ'))).toBe(true);
  });

  it('formats placeholders and leaves unknown ones visible', () => {
    expect(format('{read} sur {total}', { read: 2, total: 7 })).toBe('2 sur 7');
    expect(format('hello {who}')).toBe('hello {who}');
    expect(placeholders('{b} {a} {b}')).toEqual(['a', 'b', 'b']);
  });
});

describe('routes', () => {
  it('every page has a French path at the root and an English one under /en/', () => {
    for (const paths of Object.values(ROUTES)) {
      expect(paths.fr.startsWith('/en/')).toBe(false);
      expect(paths.en.startsWith('/en/')).toBe(true);
      expect(localeOfPath(paths.fr)).toBe('fr');
      expect(localeOfPath(paths.en)).toBe('en');
    }
  });

  it('switches language on the same page and the same lesson', () => {
    expect(alternatePath('/outils/inspecteur/', 'en')).toBe('/en/tools/inspector/');
    expect(alternatePath(lessonPath('02-metadata', 'fr'), 'en')).toBe('/en/course/02-metadata/');
    expect(alternatePath('/en/course/02-metadata/', 'fr')).toBe('/cours/02-metadata/');
    expect(alternatePath('/nowhere/', 'en')).toBe('/en/');
  });
});

describe('French typography', () => {
  const CONTENT = join(import.meta.dirname, '../../src/content');
  /** Every string under a value (objects and arrays walked); `pick` keeps only the French ones of bilingual data. */
  const strings = (value: unknown, pick: (key: string) => boolean = () => true): string[] =>
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? value.flatMap((v) => strings(v, pick))
        : value !== null && typeof value === 'object'
          ? Object.entries(value).flatMap(([k, v]) => (pick(k) ? strings(v, pick) : []))
          : [];
  /** What French text may not hold: a typewriter apostrophe inside a word, a breakable space before : ; ? ! % » or after «. */
  const problems = (where: string, text: string): string[] => {
    const out: string[] = [];
    for (const [rule, pattern] of [
      ['apostrophe', /\p{L}'\p{L}/gu],
      ['space before punctuation', /\S [:;?!%»]/gu],
      ['space after «', /« /gu],
    ] as const) {
      for (const m of text.matchAll(pattern)) out.push(`${where}: ${rule} in “…${text.slice(Math.max(0, m.index - 20), m.index + 20)}…”`);
    }
    return out;
  };

  it('the rules catch what they are for', () => {
    expect(problems('t', "l'appareil")).toHaveLength(1);
    expect(problems('t', 'Que faites-vous ?')).toHaveLength(1);
    expect(problems('t', '« figurine »')).toHaveLength(2);
    expect(problems('t', 'l’appareil : « figurine », 71\u202f% ?')).toHaveLength(4);
    expect(problems('t', 'l’appareil\u00a0: «\u00a0figurine\u00a0», 71\u202f%\u202f?')).toEqual([]);
  });

  it('UI strings, checklist, quiz and lessons use French apostrophes and non-breaking spaces', () => {
    const found: string[] = [];
    for (const [ns, dict] of Object.entries(allDictionaries.fr)) for (const s of strings(dict)) found.push(...problems(`ui ${ns}`, s));
    for (const s of strings(JSON.parse(readFileSync(join(CONTENT, 'checklist/fr.json'), 'utf8')))) found.push(...problems('checklist', s));
    for (const file of readdirSync(join(CONTENT, 'quiz'))) {
      for (const s of strings(JSON.parse(readFileSync(join(CONTENT, 'quiz', file), 'utf8')), (k) => k !== 'en')) found.push(...problems(file, s));
    }
    for (const lesson of readLessons('fr')) {
      // Prose only: import lines and JSX tags are code.
      const prose = lesson.body
        .split('\n')
        .filter((line) => !/^\s*(import |<)/.test(line))
        .join('\n');
      found.push(
        ...problems(lesson.path, prose),
        ...strings(lesson.data).flatMap((s) => (/^https?:/.test(s) ? [] : problems(`${lesson.path} frontmatter`, s))),
      );
    }
    expect(found).toEqual([]);
  });
});
