/** * UI strings for both languages.
 *
 * Each feature owns one namespace file per language (`src/i18n/fr/<ns>.json`,
 * `src/i18n/en/<ns>.json`), so features never edit each other's strings.
 * Keys are flat and dotted inside a namespace; values may hold `{name}`
 * placeholders so French can reorder words. Both dictionaries are validated
 * at import: a missing key, an extra key or a placeholder that differs between
 * the two languages throws, which fails the build.
 */
import { z } from 'zod';
import { format } from './format';

export { format };

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

/** A namespace file: flat string values only. */
const namespaceSchema = z.record(z.string(), z.string().min(1));

const frFiles = import.meta.glob<Record<string, unknown>>('./fr/*.json', { eager: true, import: 'default' });
const enFiles = import.meta.glob<Record<string, unknown>>('./en/*.json', { eager: true, import: 'default' });

export type Namespace = Record<string, string>;
type Dictionary = Record<string, Namespace>;

function load(files: Record<string, Record<string, unknown>>, locale: Locale): Dictionary {
  const out: Dictionary = {};
  for (const [path, data] of Object.entries(files)) {
    const ns = path.replace(/^.*\/([^/]+)\.json$/, '$1');
    const parsed = namespaceSchema.safeParse(data);
    if (!parsed.success) throw new Error(`i18n: ${locale}/${ns}.json is invalid: ${parsed.error.message}`);
    out[ns] = parsed.data;
  }
  return out;
}

/** Placeholders like `{count}` used by a string, sorted, for parity checks. */
export function placeholders(value: string): string[] {
  return [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

/** Lists every difference between two dictionaries; empty when they match. */
export function parityProblems(a: Dictionary, b: Dictionary, aName = 'fr', bName = 'en'): string[] {
  const problems: string[] = [];
  const namespaces = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const ns of namespaces) {
    const na = a[ns];
    const nb = b[ns];
    if (!na || !nb) {
      problems.push(`namespace "${ns}" missing in ${na ? bName : aName}`);
      continue;
    }
    for (const key of new Set([...Object.keys(na), ...Object.keys(nb)])) {
      const va = na[key];
      const vb = nb[key];
      if (va === undefined) problems.push(`${aName}: missing ${ns}.${key}`);
      else if (vb === undefined) problems.push(`${bName}: missing ${ns}.${key}`);
      else if (placeholders(va).join() !== placeholders(vb).join())
        problems.push(`${ns}.${key}: placeholders differ ({${placeholders(va).join('},{')}} vs {${placeholders(vb).join('},{')}})`);
    }
  }
  return problems;
}

const dictionaries: Record<Locale, Dictionary> = { fr: load(frFiles, 'fr'), en: load(enFiles, 'en') };
const problems = parityProblems(dictionaries.fr, dictionaries.en);
if (problems.length > 0) throw new Error(`i18n: the two languages differ:\n- ${problems.join('\n- ')}`);

/** All strings of one namespace in one language (passed to islands as a prop). */
export function strings(locale: Locale, ns: string): Namespace {
  const found = dictionaries[locale][ns];
  if (!found) throw new Error(`i18n: unknown namespace "${ns}"`);
  return found;
}

/** A translator for one namespace: `t('key', {n: 1})`. Throws on an unknown key at build time. */
export function translator(locale: Locale, ns: string): (key: string, params?: Record<string, string | number>) => string {
  const dict = strings(locale, ns);
  return (key, params) => {
    const value = dict[key];
    if (value === undefined) throw new Error(`i18n: missing key ${ns}.${key}`);
    return format(value, params);
  };
}

/** Raw dictionaries, for tests. */
export const allDictionaries = dictionaries;

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}
