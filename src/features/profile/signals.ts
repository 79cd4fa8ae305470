/**
 * What any web page can read about the browser without asking (research
 * facts §3), as one validated record. Each field is null when the browser does
 * not expose it: that absence is itself reported to the reader, never guessed
 * from the user-agent string.
 */
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

/*
 * Checked by hand, not with zod: this runs in the task that first shows the
 * profile tool, and zod's first parse of a schema costs ~20 ms there (the
 * rules are the ones the zod schema had; tests/unit/profile-signals.test.ts).
 */
type Check<T> = (v: unknown) => v is T;
const text = (max: number): Check<string> => (v): v is string => typeof v === 'string' && v.length <= max;
const isBool: Check<boolean> = (v): v is boolean => typeof v === 'boolean';
const isInt = (min: number): Check<number> => (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min;
const isPositive: Check<number> = (v): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
const nullable = <T>(check: Check<T>): Check<T | null> => (v): v is T | null => v === null || check(v);
const record = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = <T>(check: Check<T>, max: number): Check<T[]> => (v): v is T[] => Array.isArray(v) && v.length <= max && v.every((x) => check(x));
const isBrand: Check<{ brand: string; version: string }> = (v): v is { brand: string; version: string } =>
  record(v) && text(100)(v['brand']) && text(50)(v['version']);
const isScreen: Check<{ width: number; height: number }> = (v): v is { width: number; height: number } =>
  record(v) && isInt(0)(v['width']) && isInt(0)(v['height']);

const isThreads = isInt(1);
const isScheme = (v: unknown): v is 'light' | 'dark' => v === 'light' || v === 'dark';

/** The signals if `value` has the expected shape (extra keys are dropped); null otherwise. */
export function parseBrowserSignals(value: unknown): BrowserSignals | null {
  if (!record(value)) return null;
  const { userAgent, brands, mobile, platform, model, platformVersion, architecture, languages, timeZone, screen } = value;
  const { pixelRatio, colorDepth, cpuThreads, deviceMemory, maxTouchPoints, colorScheme, reducedMotion, doNotTrack, globalPrivacyControl } = value;
  if (
    !(nullable(text(1000))(userAgent) && nullable(list(isBrand, 10))(brands) && nullable(isBool)(mobile) && nullable(text(100))(platform) &&
      nullable(text(200))(model) && nullable(text(50))(platformVersion) && nullable(text(50))(architecture) && list(text(50), 30)(languages) &&
      nullable(text(100))(timeZone) && nullable(isScreen)(screen) && nullable(isPositive)(pixelRatio) && nullable(isThreads)(colorDepth) &&
      nullable(isThreads)(cpuThreads) && nullable(isPositive)(deviceMemory) && nullable(isInt(0))(maxTouchPoints) && nullable(isScheme)(colorScheme) &&
      nullable(isBool)(reducedMotion) && nullable(isBool)(doNotTrack) && nullable(isBool)(globalPrivacyControl))
  ) {
    return null;
  }
  return {
    userAgent, brands, mobile, platform, model, platformVersion, architecture, languages, timeZone, screen,
    pixelRatio, colorDepth, cpuThreads, deviceMemory, maxTouchPoints, colorScheme, reducedMotion, doNotTrack, globalPrivacyControl,
  };
}

/** A browser that exposes nothing (before reading, or with JavaScript off). */
export const EMPTY_SIGNALS: BrowserSignals = {
  userAgent: null, brands: null, mobile: null, platform: null, model: null, platformVersion: null, architecture: null,
  languages: [], timeZone: null, screen: null, pixelRatio: null, colorDepth: null, cpuThreads: null,
  deviceMemory: null, maxTouchPoints: null, colorScheme: null, reducedMotion: null, doNotTrack: null, globalPrivacyControl: null,
};

/** Brand names that Chromium adds on purpose to stop sites matching exact lists ("GREASE"). */
export function isDecoyBrand(brand: string): boolean {
  return /not.?a.?brand/i.test(brand) || /^[\s;:()._=?/\\-]*not/i.test(brand);
}

/**
 * A time zone that says nothing about the reader: Firefox's resistFingerprinting
 * and Tor Browser report UTC to everyone, so we present it as "hidden or generic".
 */
export function isGenericTimeZone(zone: string | null): boolean {
  return zone === null || /^(Etc\/)?(UTC|GMT|UCT|Zulu|Universal)$/i.test(zone);
}

/** Number of signals the browser hid (null) among those a site usually gets. */
export function hiddenCount(s: BrowserSignals): number {
  const checks: unknown[] = [s.brands, s.timeZone, s.screen, s.pixelRatio, s.colorDepth, s.cpuThreads, s.deviceMemory, s.maxTouchPoints, s.colorScheme];
  let n = checks.filter((v) => v === null).length;
  if (s.languages.length === 0) n += 1;
  if (isGenericTimeZone(s.timeZone) && s.timeZone !== null) n += 1;
  return n;
}
