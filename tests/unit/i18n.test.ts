import { describe, expect, it } from 'vitest';
import { allDictionaries, format, parityProblems, placeholders } from '../../src/i18n/index';
import { alternatePath, lessonPath, localeOfPath, ROUTES } from '../../src/i18n/routes';

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
