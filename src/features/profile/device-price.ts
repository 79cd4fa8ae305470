/**
 * A small bundled table: camera or phone → rough price class at launch. The
 * point is the inference ("this person bought a professional camera"), not a
 * valuation; unknown devices are reported as unknown, never guessed.
 */

export const PRICE_RANGES = ['budget', 'mid', 'premium', 'professional'] as const;
/** budget < €250, mid €250–700, premium €700–1,500, professional > €1,500 (new, at launch). */
export type PriceRange = (typeof PRICE_RANGES)[number];

interface Row {
  /** Matched against "make model", case-insensitive. */
  pattern: RegExp;
  range: PriceRange;
}

/** First match wins, so specific models come before their family. */
const TABLE: readonly Row[] = [
  // Professional bodies and digital backs
  { pattern: /nikon.*\bd(1|2|3|4|5|6)x?s?\b|nikon.*\bz ?(8|9)\b/i, range: 'professional' },
  { pattern: /canon.*eos[- ]?(1d|5d|r3|r5|r1)/i, range: 'professional' },
  { pattern: /sony.*(ilce-1|ilce-9|ilce-7r|a1\b|a9\b)/i, range: 'professional' },
  { pattern: /kodak.*pro ?back|phase ?one|hasselblad|leica/i, range: 'professional' },
  { pattern: /fuji.*(s\d ?pro|gfx)/i, range: 'professional' },
  // Phones
  { pattern: /apple.*iphone.*(pro|max)/i, range: 'premium' },
  { pattern: /apple.*iphone.*\bse\b/i, range: 'mid' },
  { pattern: /apple.*iphone/i, range: 'premium' },
  { pattern: /samsung.*(galaxy )?(s\d{1,2}|note|z ?fold|z ?flip|sm-[sfn]9)|gt-i9\d{3}/i, range: 'premium' },
  { pattern: /samsung.*(galaxy )?(a\d{1,2}|m\d{1,2}|sm-[am]\d)/i, range: 'budget' },
  { pattern: /google.*pixel.*\d+a\b/i, range: 'mid' },
  { pattern: /google.*pixel/i, range: 'premium' },
  { pattern: /xiaomi.*(redmi|poco)|redmi/i, range: 'budget' },
  { pattern: /xiaomi/i, range: 'mid' },
  { pattern: /htc|oneplus|motorola|nokia/i, range: 'mid' },
  // Cameras
  { pattern: /canon.*eos.*\d0d|canon.*eos r\d\b|sony.*(dslr-a[5-9]\d\d|ilce-[67])|nikon.*d[2-9]\d\d\b|olympus.*e-m1/i, range: 'premium' },
  { pattern: /olympus.*(pen|e-p)|sony.*slt-a\d\d|panasonic.*(dmc-fz|dmc-g|dc-)|fuji.*(x-|finepix s)|canon.*eos|nikon.*d\d{4}/i, range: 'mid' },
  { pattern: /coolpix|kodak|finepix|cyber-?shot|dsc-|ixus|powershot|exilim/i, range: 'budget' },
];

/** The price class for a device, or null when it is not in the table (say so, don't guess). */
export function priceRange(make: string | undefined, model: string | undefined): PriceRange | null {
  const name = `${make ?? ''} ${model ?? ''}`.trim();
  if (name.length === 0) return null;
  return TABLE.find((row) => row.pattern.test(name))?.range ?? null;
}

/**
 * The device name as people say it: "NIKON CORPORATION" + "NIKON D2X" → "NIKON D2X"
 * (many models already repeat the make).
 */
export function deviceName(make: string | undefined, model: string | undefined): string | null {
  const m = (make ?? '').trim();
  const d = (model ?? '').trim();
  if (!m && !d) return null;
  if (!m) return d;
  if (!d) return m;
  const firstWord = m.split(/\s+/)[0] ?? m;
  return d.toLowerCase().startsWith(firstWord.toLowerCase()) ? d : `${m} ${d}`;
}
