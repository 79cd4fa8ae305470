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

