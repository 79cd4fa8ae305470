/**
 * The Intl locale for a site language: French of France, and British English
 * (day first, 24-hour clock), as every date the site writes. No dictionary
 * here, so islands can import it.
 */
export function intlLocale(locale: string): 'fr-FR' | 'en-GB' {
  return locale === 'fr' ? 'fr-FR' : 'en-GB';
}
