/**
 * A rough, honest "how rare is this browser" estimate from the signals read
 * live. It is NOT a measurement: we have no crowd to compare with (nothing is
 * sent anywhere). We add an assumed number of identifying bits per signal
 * and say how many other browsers might share the same values in a crowd.
 *
 * Why an estimate only: published studies disagree because uniqueness depends
 * on who is in the sample (research facts §3): Panopticlick 83.6 % unique
 * (470,161 browsers, Eckersley 2010), AmIUnique 89.4 % (118,934, Laperdrix et
 * al. 2016), "Hiding in the Crowd" 33.6 % (2,067,942 from one French site,
 * Gómez-Boix et al. 2018). Those studies also used fonts, plugins and canvas,
 * which this tool deliberately does not read, so our total stays lower.
 */
import { isGenericTimeZone, type BrowserSignals } from './signals';

/**
 * Assumed bits per signal (log2 of how much it narrows the crowd). Set by
 * judgement, ordered by how varied each value is in practice: the browser
 * name and version vary most, then screen and time zone, then the small
 * integers (threads, memory). Correlated signals (touch and mobile) are
 * counted once.
 */
export const ASSUMED_BITS = {
  browser: 6,
  platform: 2,
  model: 5,
  languages: 3,
  timeZone: 3,
  screen: 4,
  pixelRatio: 1.5,
  colorDepth: 0.5,
  cpuThreads: 2,
  deviceMemory: 1,
  touch: 1,
  colorScheme: 1,
  reducedMotion: 0.5,
  privacySignals: 1,
} as const;
export type RaritySignal = keyof typeof ASSUMED_BITS;

/** Panopticlick measured at least 18.1 bits with plugins and fonts; we never claim more. */
export const MAX_BITS = 18.1;

/** Crowd used to make the number concrete: 1 million browsers. */
export const CROWD = 1_000_000;

export interface RarityEstimate {
  /** Signals that counted (present and not generic). */
  counted: RaritySignal[];
  /** Signals the browser hid or made generic. */
  hidden: RaritySignal[];
  /** Sum of assumed bits, capped at MAX_BITS. */
  bits: number;
  /** Roughly one browser in `oneIn` would share these values (2^bits). */
  oneIn: number;
  /** Rough number of lookalikes in a crowd of CROWD browsers (at least 1: you). */
  lookalikes: number;
  /** Plain-language level: low (blends in), medium, high (stands out). */
  level: 'low' | 'medium' | 'high';
}

/** Which signals are present and meaningful (not hidden, not the generic value that privacy modes report). */
export function presentSignals(s: BrowserSignals): Record<RaritySignal, boolean> {
  return {
    browser: (s.brands !== null && s.brands.length > 0) || (s.userAgent !== null && s.userAgent.length > 0),
    platform: s.platform !== null,
    model: s.model !== null,
    languages: s.languages.length > 0,
    timeZone: !isGenericTimeZone(s.timeZone, s),
    screen: s.screen !== null && s.screen.width > 0,
    pixelRatio: s.pixelRatio !== null,
    colorDepth: s.colorDepth !== null,
    cpuThreads: s.cpuThreads !== null,
    deviceMemory: s.deviceMemory !== null,
    touch: s.maxTouchPoints !== null,
    colorScheme: s.colorScheme !== null,
    reducedMotion: s.reducedMotion === true,
    privacySignals: s.doNotTrack === true || s.globalPrivacyControl === true,
  };
}

/** Estimates rarity from the signals; more hidden signals → fewer bits → more lookalikes. */
export function estimateRarity(s: BrowserSignals): RarityEstimate {
  const present = presentSignals(s);
  const keys = Object.keys(ASSUMED_BITS).filter((k): k is RaritySignal => k in ASSUMED_BITS);
  const counted = keys.filter((k) => present[k]);
  // reducedMotion and privacySignals are only identifying when on; their absence is not "hidden".
  const hidden = keys.filter((k) => !present[k] && k !== 'reducedMotion' && k !== 'privacySignals' && k !== 'model');
  const raw = counted.reduce((sum, k) => sum + ASSUMED_BITS[k], 0);
  const bits = Math.min(MAX_BITS, Math.round(raw * 10) / 10);
  const oneIn = Math.round(2 ** bits);
  const lookalikes = Math.max(1, Math.round(CROWD / oneIn));
  const level = bits >= 16 ? 'high' : bits >= 10 ? 'medium' : 'low';
  return { counted, hidden, bits, oneIn, lookalikes, level };
}
