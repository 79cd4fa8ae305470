/**
 * Tiny helpers the islands use with the strings the Astro page passes them
 * (the i18n module itself stays on the server: it carries every dictionary).
 */

/** A translator over one namespace's strings: `{name}` placeholders replaced, unknown keys shown as is. */
export function makeT(strings: Record<string, string>): (key: string, params?: Record<string, string | number>) => string {
  return (key, params = {}) =>
    (strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = params[name];
      return v === undefined ? whole : String(v);
    });
}

/** A byte count for people ("29 KB", "2.4 MB"), in the reader's language. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: i === 0 ? 0 : 1 }).format(value);
}
