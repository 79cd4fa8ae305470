/**
 * Reads the browser signals live, with feature detection only. Runs in the
 * page (it needs `navigator`, `screen`, `matchMedia`); nothing leaves it.
 */
import { z } from 'zod';
import { browserSignalsSchema, EMPTY_SIGNALS, isDecoyBrand, type BrowserSignals } from './signals';

/** The part of `navigator.userAgentData` we use (not in every TypeScript lib yet). */
const uaDataSchema = z.object({
  brands: z.array(z.object({ brand: z.string(), version: z.string() })),
  mobile: z.boolean(),
  platform: z.string(),
});
const highEntropySchema = z.object({
  model: z.string().optional(),
  platformVersion: z.string().optional(),
  architecture: z.string().optional(),
});

function media(query: string): boolean | null {
  return typeof matchMedia === 'function' ? matchMedia(query).matches : null;
}

/** A numeric navigator property, when the browser has it. */
function navNumber(name: string): number | null {
  const value: unknown = Reflect.get(navigator, name);
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

/** Reads what any site can read without a permission prompt; missing APIs stay null. */
export async function readBrowserSignals(): Promise<BrowserSignals> {
  if (typeof navigator === 'undefined') return EMPTY_SIGNALS;
  const rawUaData: unknown = Reflect.get(navigator, 'userAgentData');
  const uaData = uaDataSchema.safeParse(rawUaData);
  let high: z.infer<typeof highEntropySchema> = {};
  if (uaData.success && rawUaData !== null && typeof rawUaData === 'object') {
    const getHigh: unknown = Reflect.get(rawUaData, 'getHighEntropyValues');
    if (typeof getHigh === 'function') {
      try {
        const values: unknown = await Reflect.apply(getHigh, rawUaData, [['model', 'platformVersion', 'architecture']]);
        const parsed = highEntropySchema.safeParse(values);
        if (parsed.success) high = parsed.data;
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
    brands: uaData.success ? uaData.data.brands.filter((b) => !isDecoyBrand(b.brand)) : null,
    mobile: uaData.success ? uaData.data.mobile : null,
    platform: uaData.success && uaData.data.platform ? uaData.data.platform : null,
    model: high.model ? high.model : null,
    platformVersion: high.platformVersion ? high.platformVersion : null,
    architecture: high.architecture ? high.architecture : null,
    languages,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || null,
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
  const parsed = browserSignalsSchema.safeParse(candidate);
  return parsed.success ? parsed.data : EMPTY_SIGNALS;
}
