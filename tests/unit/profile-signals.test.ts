import { describe, expect, it } from 'vitest';
import { EMPTY_SIGNALS, parseBrowserSignals, type BrowserSignals } from '../../src/features/profile/signals';

const valid: BrowserSignals = {
  ...EMPTY_SIGNALS,
  userAgent: 'Mozilla/5.0',
  brands: [{ brand: 'Chromium', version: '156' }],
  mobile: false,
  platform: 'Linux',
  languages: ['fr-FR', 'fr'],
  timeZone: 'Europe/Paris',
  screen: { width: 1280, height: 720 },
  pixelRatio: 1.5,
  colorDepth: 24,
  cpuThreads: 8,
  deviceMemory: 8,
  maxTouchPoints: 0,
  colorScheme: 'dark',
  reducedMotion: false,
  doNotTrack: null,
  globalPrivacyControl: true,
};

describe('parseBrowserSignals', () => {
  it('accepts a full record and the empty one, and drops extra keys', () => {
    expect(parseBrowserSignals(valid)).toEqual(valid);
    expect(parseBrowserSignals(EMPTY_SIGNALS)).toEqual(EMPTY_SIGNALS);
    expect(parseBrowserSignals({ ...valid, extra: 'x' })).toEqual(valid);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a missing field', { userAgent: null }],
    ['a too long user agent', { userAgent: 'x'.repeat(1001) }],
    ['too many brands', { brands: Array.from({ length: 11 }, () => ({ brand: 'a', version: '1' })) }],
    ['a brand without version', { brands: [{ brand: 'a' }] }],
    ['too many languages', { languages: Array.from({ length: 31 }, () => 'fr') }],
    ['a language that is not text', { languages: [1] }],
    ['a fractional screen', { screen: { width: 1.5, height: 2 } }],
    ['a negative screen', { screen: { width: -1, height: 2 } }],
    ['a zero pixel ratio', { pixelRatio: 0 }],
    ['an infinite memory', { deviceMemory: Infinity }],
    ['zero threads', { cpuThreads: 0 }],
    ['a fractional colour depth', { colorDepth: 23.5 }],
    ['an unknown colour scheme', { colorScheme: 'blue' }],
    ['a string for a flag', { doNotTrack: '1' }],
  ])('rejects %s', (_, change) => {
    const candidate: Record<string, unknown> = { ...valid, ...change };
    if (_ === 'a missing field') delete candidate['platform'];
    expect(parseBrowserSignals(candidate)).toBeNull();
  });

  it('rejects what is not a record', () => {
    for (const v of [null, undefined, 'x', 1, [valid]]) expect(parseBrowserSignals(v)).toBeNull();
  });
});
