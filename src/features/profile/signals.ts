/**
 * What any web page can read about the browser without asking (research
 * facts §3), as one validated record. Each field is null when the browser does
 * not expose it: that absence is itself reported to the reader, never guessed
 * from the user-agent string.
 */
import * as z from 'zod/mini';

/** The browser as read live; every field is null (or empty) when the browser does not expose it. */
export interface BrowserSignals {
  /** `navigator.userAgent`, shown as-is (Chrome freezes parts of it since M110); at most 1000 characters. */
  userAgent: string | null;
  /** `navigator.userAgentData.brands` without "Not A Brand" decoys (at most 10); null where the API is absent (Firefox, Safari). */
  brands: { brand: string; version: string }[] | null;
  /** `navigator.userAgentData.mobile`. */
  mobile: boolean | null;
  /** `navigator.userAgentData.platform` ("Windows", "Android", …). */
  platform: string | null;
  /** High-entropy hint "model" (Android phones name themselves here); empty string counts as absent. */
  model: string | null;
  /** High-entropy hint "platformVersion". */
  platformVersion: string | null;
  /** High-entropy hint "architecture" ("x86", "arm"). */
  architecture: string | null;
  /** `navigator.languages` (or `[navigator.language]`), at most 30. */
  languages: string[];
  /** `Intl.DateTimeFormat().resolvedOptions().timeZone`. */
  timeZone: string | null;
  /** `screen.width` × `screen.height` in CSS pixels. */
  screen: { width: number; height: number } | null;
  /** `window.devicePixelRatio`. */
  pixelRatio: number | null;
  /** `screen.colorDepth` in bits. */
  colorDepth: number | null;
  /** `navigator.hardwareConcurrency` (logical processors; may be reduced or randomised). */
  cpuThreads: number | null;
  /** `navigator.deviceMemory` in GiB, rounded and clamped by the browser; HTTPS and Chromium only. */
  deviceMemory: number | null;
  /** `navigator.maxTouchPoints`. */
  maxTouchPoints: number | null;
  /** `prefers-color-scheme`. */
  colorScheme: 'light' | 'dark' | null;
  /** `prefers-reduced-motion: reduce`. */
  reducedMotion: boolean | null;
  /** `navigator.doNotTrack === "1"`; null when the property is missing. */
  doNotTrack: boolean | null;
  /** `navigator.globalPrivacyControl`; null when the property is missing. */
  globalPrivacyControl: boolean | null;
}

const text = (max: number) => z.string().check(z.maxLength(max));
const int = (min: number) => z.number().check(z.int(), z.gte(min));
const positive = z.number().check(z.positive());

/** The signals' shape, checked with zod/mini (the light build of zod) where the page reads them. */
const browserSignalsSchema: z.ZodMiniType<BrowserSignals> = z.object({
  userAgent: z.nullable(text(1000)),
  brands: z.nullable(z.array(z.object({ brand: text(100), version: text(50) })).check(z.maxLength(10))),
  mobile: z.nullable(z.boolean()),
  platform: z.nullable(text(100)),
  model: z.nullable(text(200)),
  platformVersion: z.nullable(text(50)),
  architecture: z.nullable(text(50)),
  languages: z.array(text(50)).check(z.maxLength(30)),
  timeZone: z.nullable(text(100)),
  screen: z.nullable(z.object({ width: int(0), height: int(0) })),
  pixelRatio: z.nullable(positive),
  colorDepth: z.nullable(int(1)),
  cpuThreads: z.nullable(int(1)),
  deviceMemory: z.nullable(positive),
  maxTouchPoints: z.nullable(int(0)),
  colorScheme: z.nullable(z.enum(['light', 'dark'])),
  reducedMotion: z.nullable(z.boolean()),
  doNotTrack: z.nullable(z.boolean()),
  globalPrivacyControl: z.nullable(z.boolean()),
});

/** The signals if `value` has the expected shape (extra keys are dropped); null otherwise. */
export function parseBrowserSignals(value: unknown): BrowserSignals | null {
  const parsed = browserSignalsSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** A browser that exposes nothing (before reading, or with JavaScript off). */
export const EMPTY_SIGNALS: BrowserSignals = {
  userAgent: null,
  brands: null,
  mobile: null,
  platform: null,
  model: null,
  platformVersion: null,
  architecture: null,
  languages: [],
  timeZone: null,
  screen: null,
  pixelRatio: null,
  colorDepth: null,
  cpuThreads: null,
  deviceMemory: null,
  maxTouchPoints: null,
  colorScheme: null,
  reducedMotion: null,
  doNotTrack: null,
  globalPrivacyControl: null,
};

/** Brand names that Chromium adds on purpose to stop sites matching exact lists ("GREASE"). */
export function isDecoyBrand(brand: string): boolean {
  return /not.?a.?brand/i.test(brand) || /^[\s;:()._=?/\\-]*not/i.test(brand);
}

/**
 * The zone Firefox's resistFingerprinting gives every site today: UTC+0 all
 * year, but a city name, not "UTC" (measured with Debian's firefox-esr 153,
 * 2026-12: `Intl.DateTimeFormat().resolvedOptions().timeZone` with the pref on).
 */
const RFP_ZONE = 'Atlantic/Reykjavik';

/** A Gecko browser (Firefox, Tor Browser, Mullvad Browser): the browsers that have resistFingerprinting. */
function isGecko(userAgent: string | null): boolean {
  return userAgent !== null && /\bGecko\/\d/.test(userAgent) && /\bFirefox\//.test(userAgent);
}

/**
 * True when the signals look like Firefox's resistFingerprinting (or a browser
 * built on it, such as Tor Browser): a Gecko browser that reports UTC or
 * Atlantic/Reykjavik while none of its languages is Icelandic. People who live
 * in Iceland with an Icelandic-language browser keep their real zone.
 */
export function resistsFingerprinting(s: Pick<BrowserSignals, 'userAgent' | 'languages' | 'timeZone'>): boolean {
  if (!isGecko(s.userAgent) || s.timeZone === null) return false;
  if (s.languages.some((l) => /^is\b/i.test(l))) return false;
  return s.timeZone === RFP_ZONE || isUtcLike(s.timeZone);
}

function isUtcLike(zone: string): boolean {
  return /^(Etc\/)?(UTC|GMT|UCT|Zulu|Universal)$/i.test(zone);
}

/**
 * A time zone that says nothing about the reader, presented as "hidden or
 * generic": none at all, UTC (which privacy modes and Tor Browser have long
 * reported), or, given the browser's other signals, the Atlantic/Reykjavik
 * that resistFingerprinting reports today.
 */
export function isGenericTimeZone(zone: string | null, signals?: Pick<BrowserSignals, 'userAgent' | 'languages'>): boolean {
  if (zone === null || isUtcLike(zone)) return true;
  return signals !== undefined && resistsFingerprinting({ ...signals, timeZone: zone });
}

/** Number of signals the browser hid (null) among those a site usually gets. */
export function hiddenCount(s: BrowserSignals): number {
  const checks: unknown[] = [s.brands, s.timeZone, s.screen, s.pixelRatio, s.colorDepth, s.cpuThreads, s.deviceMemory, s.maxTouchPoints, s.colorScheme];
  let n = checks.filter((v) => v === null).length;
  if (s.languages.length === 0) n += 1;
  if (isGenericTimeZone(s.timeZone, s) && s.timeZone !== null) n += 1;
  return n;
}
