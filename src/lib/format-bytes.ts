/**
 * A byte count for people, in the reader's language: "38.1 kB" / "38,1 ko".
 * One formatter per language and unit, made once: `new Intl.NumberFormat` costs
 * about a millisecond, and a batch of 100 photos formats thousands of sizes.
 */
const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
const formatters = new Map<string, Intl.NumberFormat>();

export function formatBytes(bytes: number, locale: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const key = `${locale}|${unit}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'unit', unit: UNITS[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 });
    formatters.set(key, formatter);
  }
  return formatter.format(value);
}
