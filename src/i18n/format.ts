/**
 * The one `{name}` placeholder formatter and translator. Dictionary-free on
 * purpose (like `intl.ts`): `src/i18n/index.ts` loads every dictionary, which
 * islands and workers must not carry; they receive one namespace's strings as a
 * prop and build a translator over them with `makeT`.
 */

/** Values a placeholder can take. */
export type Params = Readonly<Record<string, string | number>>;

/** A translator: `t('key', { n: 1 })`. */
export type Translate = (key: string, params?: Params) => string;

/** Replaces `{name}` placeholders with values; unknown placeholders stay visible. */
export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/** A translator over one namespace's strings; a missing key shows the key itself, visibly (tests see it). */
export function makeT(strings: Readonly<Record<string, string>>): Translate {
  return (key, params) => format(strings[key] ?? key, params);
}
