/**
 * A translator over the strings an island receives as a prop (the Astro page
 * passes `strings(locale, 'profile')`), so the client bundle never carries the
 * whole dictionary. Values are plain text; the UI renders them as text only.
 */
import type { Text } from './model';
import type { Translate } from '../../i18n/format';

export type { Translate };

/** Translates a finding's text. */
export function render(t: Translate, text: Text): string {
  return t(text.key, text.params);
}
