/**
 * The scan's text logic without a browser: where OCR tiles go, how words from
 * overlapping passes merge without repeats, how they group into lines, and
 * how each line is classified (names, e-mail, phones, addresses, plates,
 * numbers with a check digit).
 */
import { describe, expect, it } from 'vitest';
import { classifyLine, ibanValid, looksLikeName, luhnValid, nirValid } from '../../src/features/vision/classify';
import { axisStarts, planTiles, TILE_OVERLAP, TILE_SIZE } from '../../src/features/vision/tiles';
import { groupLines, mergeWords, touchesInnerEdge, type Pass, type Word } from '../../src/features/vision/words';

const word = (text: string, x: number, y: number, w = 60, h = 20, confidence = 95): Word => ({ text, confidence, box: { x, y, w, h } });

describe('tile planning', () => {
  it('gives one tile, the whole frame, to a picture no larger than a tile', () => {
    expect(planTiles(800, 600)).toEqual([{ x: 0, y: 0, w: 800, h: 600 }]);
  });

  it('covers a 2,560 × 1,920 copy with overlapping tiles flush with every edge', () => {
    const tiles = planTiles(2560, 1920);
    expect(tiles).toHaveLength(9);
    for (const t of tiles) {
      expect(t.w).toBe(TILE_SIZE);
      expect(t.x + t.w).toBeLessThanOrEqual(2560);
      expect(t.y + t.h).toBeLessThanOrEqual(1920);
    }
    expect(Math.max(...tiles.map((t) => t.x + t.w))).toBe(2560);
    expect(Math.max(...tiles.map((t) => t.y + t.h))).toBe(1920);
    // Every pixel is in some tile, and neighbours overlap by at least the overlap.
    const xs = axisStarts(2560, TILE_SIZE, TILE_OVERLAP);
    for (let i = 1; i < xs.length; i++) expect((xs[i - 1] ?? 0) + TILE_SIZE - (xs[i] ?? 0)).toBeGreaterThanOrEqual(TILE_OVERLAP);
  });

  it('refuses an overlap as large as the tile', () => {
    expect(() => axisStarts(3000, 200, 200)).toThrow();
  });
});

describe('word merging', () => {
  const area = (x: number, y: number, w = 1000, h = 1000) => ({ x, y, w, h });

  it('keeps one copy of a word read by two overlapping tiles and by the whole frame', () => {
    const passes: Pass[] = [
      { area: area(0, 0, 1800, 1000), words: [word('Jeanne', 850, 100, 70)] },
      { area: area(0, 0), words: [word('Jeanne', 852, 101, 68, 20, 90)] },
      { area: area(800, 0), words: [word('Jeanne', 851, 100, 69)] },
    ];
    const merged = mergeWords(passes, 1800, 1000);
    expect(merged.map((w) => w.text)).toEqual(['Jeanne']);
  });

  it('drops a word cut by a tile edge inside the picture and keeps the whole read from the next tile', () => {
    const passes: Pass[] = [
      { area: area(0, 0), words: [word('Jean', 950, 100, 50)] }, // touches the right edge at x = 1000
      { area: area(800, 0), words: [word('Jeanne', 950, 100, 80)] },
    ];
    expect(mergeWords(passes, 1800, 1000).map((w) => w.text)).toEqual(['Jeanne']);
  });

  it('drops a read touching a tile edge inside the picture even when no other read overlaps it (the tile cut it)', () => {
    const cut: Pass = { area: area(0, 0), words: [word('Jea', 950, 100, 50)] };
    expect(mergeWords([cut], 1800, 1000)).toEqual([]);
    // The same read on a tile whose right edge is the picture's own edge is whole: kept.
    expect(mergeWords([cut], 1000, 1000).map((w) => w.text)).toEqual(['Jea']);
  });

  it('keeps a word touching the edge of the picture itself', () => {
    expect(touchesInnerEdge(word('Roux', 0, 0), area(0, 0), 1000, 1000)).toBe(false);
    expect(touchesInnerEdge(word('Roux', 999 - 60, 500), area(0, 0), 1800, 1000)).toBe(true);
  });

  it('filters junk from textures: low confidence, or fewer than two letters or digits', () => {
    const passes: Pass[] = [
      { area: area(0, 0), words: [word('|', 10, 10), word('=', 100, 10), word('ab', 200, 10, 60, 20, 50), word('Roux', 300, 10), word('é3', 400, 10)] },
    ];
    expect(
      mergeWords(passes, 1000, 1000)
        .map((w) => w.text)
        .sort(),
    ).toEqual(['Roux', 'é3']);
  });

  it('groups words into lines left to right, top to bottom, and splits far-apart words', () => {
    const words = [word('Roux', 180, 100), word('Jeanne', 100, 102), word('jeanne@exemple.fr', 100, 160, 200), word('Poster', 900, 100)];
    expect(groupLines(words).map((l) => l.text)).toEqual(['Jeanne Roux', 'Poster', 'jeanne@exemple.fr']);
  });
});

describe('line classification', () => {
  const kind = (line: string): string | undefined => classifyLine(line)[0]?.kind;

  it('reads names on badges, with or without a title, and not headings or common words', () => {
    expect(looksLikeName('Jeanne Roux')).toBe('Jeanne Roux');
    expect(looksLikeName('Marie DUPONT')).toBe('Marie DUPONT');
    expect(looksLikeName('M. Jean Martin')).toBe('Jean Martin');
    expect(looksLikeName('Jean-Pierre L’Hôte')).toBe('Jean-Pierre L’Hôte');
    expect(looksLikeName('HÔPITAL SAINT-LOUIS')).toBeUndefined();
    expect(looksLikeName('Hôpital Saint-Louis')).toBeUndefined();
    expect(looksLikeName('Infirmière')).toBeUndefined();
    expect(looksLikeName('the quick fox')).toBeUndefined();
    expect(looksLikeName('Room 101')).toBeUndefined();
    expect(kind('Jeanne Roux')).toBe('name');
  });

  it('finds e-mail addresses, even inside a line', () => {
    expect(classifyLine('Contact : jeanne.roux@exemple.fr')[0]).toEqual({ kind: 'email', value: 'jeanne.roux@exemple.fr' });
    expect(kind('jeanne at exemple dot fr')).toBe('text');
  });

  it('finds French and UK phone numbers', () => {
    expect(classifyLine('Tél. 06 12 34 56 78')[0]).toEqual({ kind: 'phone', value: '06 12 34 56 78' });
    expect(kind('+33 6 12 34 56 78')).toBe('phone');
    expect(kind('01.42.68.53.00')).toBe('phone');
    expect(kind('020 7946 0958')).toBe('phone');
    expect(kind('+44 7700 900123')).toBe('phone');
    expect(kind('1234')).toBe('text');
  });

  it('finds street addresses and postcodes, French and British', () => {
    expect(kind('12 rue de la Paix')).toBe('address');
    expect(kind('3 bis, avenue Foch')).toBe('address');
    expect(kind('221 Baker Street')).toBe('address');
    expect(classifyLine('75002 Paris')[0]).toEqual({ kind: 'postcode', value: '75002 Paris' });
    expect(kind('London SW1A 1AA')).toBe('postcode');
  });

  it('finds French SIV plates, which never use I, O or U', () => {
    expect(classifyLine('AB-123-CD')[0]).toEqual({ kind: 'plate', value: 'AB-123-CD' });
    expect(kind('AB- 123 CD')).toBe('plate');
    expect(kind('AI-123-CD')).not.toBe('plate');
  });

  it('checks IBAN, card and social security numbers by their check digits', () => {
    expect(ibanValid('FR76 3000 6000 0112 3456 7890 189')).toBe(true);
    expect(ibanValid('FR76 3000 6000 0112 3456 7890 188')).toBe(false);
    expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(kind('IBAN FR76 3000 6000 0112 3456 7890 189')).toBe('iban');
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(kind('4111 1111 1111 1111')).toBe('card');
    expect(kind('4111 1111 1111 1112')).not.toBe('card');
    // Key = 97 − (first 13 digits mod 97): 1850578006084 mod 97 = 6, key 91; Corsica's 2A counts as 19: 2690519123456 → key 88.
    expect(nirValid('1 85 05 78 006 084 91')).toBe(true);
    expect(nirValid('1 85 05 78 006 084 92')).toBe(false);
    expect(nirValid('2 69 05 2A 123 456 88')).toBe(true);
    expect(kind('1 85 05 78 006 084 91')).toBe('nir');
  });

  it('calls a line with nothing particular plain text, and lists several kinds most telling first', () => {
    expect(classifyLine('Bienvenue')).toEqual([{ kind: 'text', value: 'Bienvenue' }]);
    expect(classifyLine('12 rue de la Paix, 75002 Paris').map((m) => m.kind)).toEqual(['address', 'postcode']);
  });
});
