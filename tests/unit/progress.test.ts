import { describe, expect, it } from 'vitest';
import { markRead, parseProgress } from '../../src/lib/progress';

describe('reading progress storage', () => {
  it('reads a valid value', () => {
    expect(parseProgress('{"v":1,"read":["01-trend","02-metadata"]}').read).toEqual(['01-trend', '02-metadata']);
  });
  it.each([
    ['missing', null],
    ['not JSON', '{oops'],
    ['wrong version', '{"v":2,"read":["01-trend"]}'],
    ['wrong type', '{"v":1,"read":"01-trend"}'],
    ['markup in a slug', '{"v":1,"read":["<img src=x onerror=alert(1)>"]}'],
    ['an array', '[1,2,3]'],
  ])('ignores a %s value', (_label, raw) => {
    expect(parseProgress(raw)).toEqual({ v: 1, read: [] });
  });
  it('marks a lesson once', () => {
    const p = markRead(markRead(parseProgress(null), '03-device'), '03-device');
    expect(p.read).toEqual(['03-device']);
  });
});

describe('reading progress limits', () => {
  it('refuses more than 50 entries and over-long slugs', () => {
    const many = Array.from({ length: 51 }, (_, i) => `${String(i % 100).padStart(2, '0')}-x`);
    expect(parseProgress(JSON.stringify({ v: 1, read: many })).read).toEqual([]);
    expect(parseProgress(JSON.stringify({ v: 1, read: [`01-${'a'.repeat(80)}`] })).read).toEqual([]);
  });
  it('drops duplicates', () => {
    expect(parseProgress('{"v":1,"read":["01-trend","01-trend"]}').read).toEqual(['01-trend']);
  });
});
