import { describe, expect, it } from 'vitest';
import { parseResultData, parseSearchResults } from '../../src/features/search/pagefind';

describe('Pagefind boundary checks', () => {
  it('keeps the url, the excerpt and a text title', () => {
    expect(parseResultData({ url: '/en/course/01-trend/', excerpt: 'a <mark>b</mark>', meta: { title: 'T', image: 'x' }, extra: 1 })).toEqual({
      url: '/en/course/01-trend/',
      excerpt: 'a <mark>b</mark>',
      meta: { title: 'T' },
    });
    expect(parseResultData({ url: '/', excerpt: '', meta: {} })).toEqual({ url: '/', excerpt: '', meta: {} });
  });

  it.each([null, 'x', { url: 1, excerpt: '', meta: {} }, { url: '/', excerpt: '' }, { url: '/', excerpt: '', meta: { title: 3 } }])(
    'rejects result data %j',
    (v) => {
      expect(() => parseResultData(v)).toThrow(TypeError);
    },
  );

  it('checks that every result has a data() loader, and calls it on its result', async () => {
    const result = {
      id: 'r1',
      data(this: { id: string }) {
        return Promise.resolve(this.id);
      },
    };
    const parsed = parseSearchResults({ results: [result] });
    await expect(parsed[0]?.data()).resolves.toBe('r1');
    expect(parseSearchResults({ results: [] })).toEqual([]);
    expect(() => parseSearchResults({ results: [{}] })).toThrow(TypeError);
    expect(() => parseSearchResults({})).toThrow(TypeError);
    expect(() => parseSearchResults(null)).toThrow(TypeError);
  });
});
