import { describe, expect, it } from 'vitest';
import { CROWD, estimateRarity, MAX_BITS } from '../../src/features/profile/rarity';
import { EMPTY_SIGNALS, hiddenCount, isDecoyBrand, isGenericTimeZone, resistsFingerprinting, type BrowserSignals } from '../../src/features/profile/signals';

/** A desktop Chrome that shares everything a site can read. */
const chatty: BrowserSignals = {
  ...EMPTY_SIGNALS,
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/159.0.0.0 Safari/537.36',
  brands: [
    { brand: 'Chromium', version: '159' },
    { brand: 'Google Chrome', version: '159' },
  ],
  mobile: false,
  platform: 'Linux',
  languages: ['fr-FR', 'fr', 'en'],
  timeZone: 'Europe/Paris',
  screen: { width: 1920, height: 1080 },
  pixelRatio: 1,
  colorDepth: 24,
  cpuThreads: 8,
  deviceMemory: 8,
  maxTouchPoints: 0,
  colorScheme: 'light',
  reducedMotion: false,
  doNotTrack: null,
  globalPrivacyControl: null,
};

/** What Firefox with resistFingerprinting looks like: no client hints, UTC, generic values, no memory. */
const guarded: BrowserSignals = {
  ...EMPTY_SIGNALS,
  userAgent: 'Mozilla/5.0 (Windows NT 10.0; rv:128.0) Gecko/20100101 Firefox/128.0',
  languages: ['en-US', 'en'],
  timeZone: 'UTC',
  screen: null,
  colorDepth: 24,
  cpuThreads: null,
  maxTouchPoints: 0,
  colorScheme: 'light',
};

describe('rarity estimate (assumed bits, an estimate and not a measurement)', () => {
  it('counts every present signal and stays under the 18.1 bits Panopticlick measured', () => {
    const r = estimateRarity(chatty);
    expect(r.counted).toEqual(expect.arrayContaining(['browser', 'platform', 'languages', 'timeZone', 'screen', 'cpuThreads', 'deviceMemory']));
    expect(r.bits).toBeLessThanOrEqual(MAX_BITS);
    expect(r.bits).toBeGreaterThan(16);
    expect(r.level).toBe('high');
    expect(r.oneIn).toBe(Math.round(2 ** r.bits));
    expect(r.lookalikes).toBe(Math.max(1, Math.round(CROWD / r.oneIn)));
  });

  it('gives fewer bits and more lookalikes when the browser hides signals', () => {
    const open = estimateRarity(chatty);
    const closed = estimateRarity(guarded);
    expect(closed.bits).toBeLessThan(open.bits);
    expect(closed.lookalikes).toBeGreaterThan(open.lookalikes);
    expect(closed.hidden).toEqual(expect.arrayContaining(['timeZone', 'screen', 'cpuThreads', 'deviceMemory', 'platform']));
    expect(closed.level).not.toBe('high');
  });

  it('gives zero bits for a browser that exposes nothing, and every lookalike in the crowd', () => {
    const r = estimateRarity(EMPTY_SIGNALS);
    expect(r.bits).toBe(0);
    expect(r.lookalikes).toBe(CROWD);
  });

  it('treats a privacy signal as identifying only when it is on', () => {
    expect(estimateRarity({ ...chatty, globalPrivacyControl: true }).counted).toContain('privacySignals');
    expect(estimateRarity({ ...chatty, globalPrivacyControl: false }).counted).not.toContain('privacySignals');
  });
});

describe('signals that say nothing', () => {
  it('recognises the UTC that privacy modes report, and Chromium decoy brands', () => {
    expect(['UTC', 'Etc/UTC', 'GMT', null].every((zone) => isGenericTimeZone(zone))).toBe(true);
    expect(isGenericTimeZone('Europe/Paris')).toBe(false);
    expect(isDecoyBrand('Not)A;Brand')).toBe(true);
    expect(isDecoyBrand('Not_A Brand')).toBe(true);
    expect(isDecoyBrand('Google Chrome')).toBe(false);
  });

  it('counts hidden signals so the page can say so', () => {
    expect(hiddenCount(chatty)).toBe(0);
    expect(hiddenCount(guarded)).toBeGreaterThanOrEqual(5);
  });
});

/**
 * Firefox ESR 153 with privacy.resistFingerprinting, as measured on Debian (2026-12): a city zone (not UTC),
 * the window's size as the screen, a made-up thread count and touch points, the reader's own languages.
 */
const resisting: BrowserSignals = {
  ...EMPTY_SIGNALS,
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0',
  languages: ['fr-FR', 'fr', 'en'],
  timeZone: 'Atlantic/Reykjavik',
  screen: { width: 800, height: 600 },
  pixelRatio: 2,
  colorDepth: 24,
  cpuThreads: 4,
  maxTouchPoints: 5,
  colorScheme: 'light',
  reducedMotion: false,
};

describe('Firefox’s resistFingerprinting today (Atlantic/Reykjavik, not UTC)', () => {
  it('is recognised, and its zone counts as hidden, neither identifying nor a place', () => {
    expect(resistsFingerprinting(resisting)).toBe(true);
    expect(isGenericTimeZone(resisting.timeZone, resisting)).toBe(true);
    expect(estimateRarity(resisting).counted).not.toContain('timeZone');
    expect(hiddenCount(resisting)).toBe(hiddenCount({ ...resisting, timeZone: 'UTC' }));
  });

  it('is not claimed for a plain Firefox, for another engine, or for an Icelandic browser in Reykjavik', () => {
    expect(resistsFingerprinting({ ...resisting, timeZone: 'Europe/Paris' })).toBe(false);
    expect(resistsFingerprinting({ ...resisting, userAgent: chatty.userAgent })).toBe(false);
    expect(isGenericTimeZone('Atlantic/Reykjavik', { ...resisting, userAgent: chatty.userAgent })).toBe(false);
    expect(resistsFingerprinting({ ...resisting, languages: ['is-IS', 'is', 'en'] })).toBe(false);
    expect(isGenericTimeZone('Atlantic/Reykjavik', { ...resisting, languages: ['is'] })).toBe(false);
    // Without the other signals a Reykjavik zone is a real place.
    expect(isGenericTimeZone('Atlantic/Reykjavik')).toBe(false);
  });

  it('still knows the UTC that older versions and Tor Browser report', () => {
    expect(resistsFingerprinting(guarded)).toBe(true);
  });
});
