/**
 * Reads the browser signals live, with feature detection only. Runs in the
 * page (it needs `navigator`, `screen`, `matchMedia`); nothing leaves it.
 */
import * as z from 'zod/mini';
import { EMPTY_SIGNALS, isDecoyBrand, parseBrowserSignals, type BrowserSignals } from './signals';

/** The part of `navigator.userAgentData` we use (not in every TypeScript lib yet), checked with zod/mini. */
const uaDataSchema = z.object({ brands: z.array(z.object({ brand: z.string(), version: z.string() })), mobile: z.boolean(), platform: z.string() });
type UaData = z.infer<typeof uaDataSchema>;
function parseUaData(v: unknown): UaData | null {
  const parsed = uaDataSchema.safeParse(v);
  return parsed.success ? parsed.data : null;
}

/** The high-entropy hints we ask for; a missing or non-string value stays unknown. */
const highEntropySchema = z.object({ model: z.optional(z.unknown()), platformVersion: z.optional(z.unknown()), architecture: z.optional(z.unknown()) });
interface HighEntropy {
  model?: string;
  platformVersion?: string;
  architecture?: string;
}
function parseHighEntropy(v: unknown): HighEntropy {
  const parsed = highEntropySchema.safeParse(v);
  if (!parsed.success) return {};
  const out: HighEntropy = {};
  for (const key of ['model', 'platformVersion', 'architecture'] as const) {
    const value = parsed.data[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

function media(query: string): boolean | null {
  return typeof matchMedia === 'function' ? matchMedia(query).matches : null;
}

/** A numeric navigator property, when the browser has it. */
function navNumber(name: string): number | null {
  const value: unknown = Reflect.get(navigator, name);
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

/**
 * The browser's IANA time zone. `Temporal.Now.timeZoneId()` reads the same
 * host default as `Intl.DateTimeFormat().resolvedOptions().timeZone`, but the
 * latter first builds a whole date formatter (ICU locale data): ~50 ms on a
 * desktop core, 4× that on a mid-range phone, in the task that shows the tool.
 * Intl stays the fallback for browsers without Temporal.
 */
export function readTimeZone(): string | null {
  const temporal: unknown = Reflect.get(globalThis, 'Temporal');
  const now: unknown = typeof temporal === 'object' && temporal !== null ? Reflect.get(temporal, 'Now') : undefined;
  const timeZoneId: unknown = typeof now === 'object' && now !== null ? Reflect.get(now, 'timeZoneId') : undefined;
  if (typeof timeZoneId === 'function') {
    try {
      const zone: unknown = Reflect.apply(timeZoneId, now, []);
      if (typeof zone === 'string' && zone.length > 0) return zone;
    } catch {
      /* fall back to Intl */
    }
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
}

/** Reads what any site can read without a permission prompt; missing APIs stay null. */
export async function readBrowserSignals(): Promise<BrowserSignals> {
  if (typeof navigator === 'undefined') return EMPTY_SIGNALS;
  const rawUaData: unknown = Reflect.get(navigator, 'userAgentData');
  const uaData = parseUaData(rawUaData);
  let high: HighEntropy = {};
  if (uaData && typeof rawUaData === 'object' && rawUaData !== null) {
    const getHigh: unknown = Reflect.get(rawUaData, 'getHighEntropyValues');
    if (typeof getHigh === 'function') {
      try {
        const values: unknown = await Reflect.apply(getHigh, rawUaData, [['model', 'platformVersion', 'architecture']]);
        high = parseHighEntropy(values);
      } catch {
        /* blocked by Permissions-Policy or the browser: stays unknown */
      }
    }
  }
  const dnt: unknown = Reflect.get(navigator, 'doNotTrack');
  const gpc: unknown = Reflect.get(navigator, 'globalPrivacyControl');
  const dark = media('(prefers-color-scheme: dark)');
  const light = media('(prefers-color-scheme: light)');
  const languages = navigator.languages.length > 0 ? [...navigator.languages] : navigator.language ? [navigator.language] : [];
  const candidate = {
    userAgent: navigator.userAgent || null,
    brands: uaData ? uaData.brands.filter((b) => !isDecoyBrand(b.brand)) : null,
    mobile: uaData ? uaData.mobile : null,
    platform: uaData?.platform ? uaData.platform : null,
    model: high.model ? high.model : null,
    platformVersion: high.platformVersion ? high.platformVersion : null,
    architecture: high.architecture ? high.architecture : null,
    languages,
    timeZone: readTimeZone(),
    screen: typeof screen === 'undefined' ? null : { width: Math.round(screen.width), height: Math.round(screen.height) },
    pixelRatio: typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : null,
    colorDepth: typeof screen === 'undefined' || !screen.colorDepth ? null : screen.colorDepth,
    cpuThreads: navNumber('hardwareConcurrency'),
    deviceMemory: navNumber('deviceMemory'),
    maxTouchPoints: typeof navigator.maxTouchPoints === 'number' ? navigator.maxTouchPoints : null,
    colorScheme: dark ? 'dark' : light ? 'light' : null,
    reducedMotion: media('(prefers-reduced-motion: reduce)'),
    doNotTrack: typeof dnt === 'string' ? dnt === '1' : null,
    globalPrivacyControl: typeof gpc === 'boolean' ? gpc : null,
  };
  return parseBrowserSignals(candidate) ?? EMPTY_SIGNALS;
}
