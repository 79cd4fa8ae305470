/**
 * A translator over the strings an island receives as a prop (the Astro page
 * passes `strings(locale, 'profile')`), so the client bundle never carries the
 * whole dictionary. Values are plain text; the UI renders them as text only.
 */
import type { Text } from './model';

/** Translates a key with `{name}` placeholders; a missing key shows itself (visible in tests). */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Builds a translator for one namespace's strings. */
export function makeTranslate(strings: Record<string, string>): Translate {
  return (key, params = {}) =>
    (strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    });
}

/** Translates a finding's text. */
export function render(t: Translate, text: Text): string {
  return t(text.key, text.params);
}
