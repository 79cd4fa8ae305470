/**
 * What any web page can read about the browser without asking (research
 * facts §3), as one validated record. Each field is null when the browser does
 * not expose it: that absence is itself reported to the reader, never guessed
 * from the user-agent string.
 */
import { z } from 'zod';

export const browserSignalsSchema = z.object({
  /** `navigator.userAgent`, shown as-is (Chrome freezes parts of it since M110). */
  userAgent: z.string().max(1000).nullable(),
  /** `navigator.userAgentData.brands` without "Not A Brand" decoys; null where the API is absent (Firefox, Safari). */
  brands: z.array(z.object({ brand: z.string().max(100), version: z.string().max(50) })).max(10).nullable(),
  /** `navigator.userAgentData.mobile`. */
  mobile: z.boolean().nullable(),
  /** `navigator.userAgentData.platform` ("Windows", "Android", …). */
  platform: z.string().max(100).nullable(),
  /** High-entropy hint "model" (Android phones name themselves here); empty string counts as absent. */
  model: z.string().max(200).nullable(),
  /** High-entropy hint "platformVersion". */
  platformVersion: z.string().max(50).nullable(),
  /** High-entropy hint "architecture" ("x86", "arm"). */
  architecture: z.string().max(50).nullable(),
  /** `navigator.languages` (or `[navigator.language]`). */
  languages: z.array(z.string().max(50)).max(30),
  /** `Intl.DateTimeFormat().resolvedOptions().timeZone`. */
  timeZone: z.string().max(100).nullable(),
  /** `screen.width` × `screen.height` in CSS pixels. */
  screen: z.object({ width: z.number().int().nonnegative(), height: z.number().int().nonnegative() }).nullable(),
  /** `window.devicePixelRatio`. */
  pixelRatio: z.number().positive().nullable(),
  /** `screen.colorDepth` in bits. */
  colorDepth: z.number().int().positive().nullable(),
  /** `navigator.hardwareConcurrency` (logical processors; may be reduced or randomised). */
  cpuThreads: z.number().int().positive().nullable(),
  /** `navigator.deviceMemory` in GiB, rounded and clamped by the browser; HTTPS and Chromium only. */
  deviceMemory: z.number().positive().nullable(),
  /** `navigator.maxTouchPoints`. */
  maxTouchPoints: z.number().int().nonnegative().nullable(),
  /** `prefers-color-scheme`. */
  colorScheme: z.enum(['light', 'dark']).nullable(),
  /** `prefers-reduced-motion: reduce`. */
  reducedMotion: z.boolean().nullable(),
  /** `navigator.doNotTrack === "1"`; null when the property is missing. */
  doNotTrack: z.boolean().nullable(),
  /** `navigator.globalPrivacyControl`; null when the property is missing. */
  globalPrivacyControl: z.boolean().nullable(),
});
export type BrowserSignals = z.infer<typeof browserSignalsSchema>;

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
