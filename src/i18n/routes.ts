/**
 * Every page of the site, by a stable key, with its path in each language.
 * French is the default language and lives at the root; English under /en/.
 * The language switcher, the navigation and the tests all read this table,
 * so a page is never linked under a path that does not exist.
 */
import type { Locale } from './index';

export const ROUTES = {
  home: { fr: '/', en: '/en/' },
  course: { fr: '/cours/', en: '/en/course/' },
  tools: { fr: '/outils/', en: '/en/tools/' },
  inspector: { fr: '/outils/inspecteur/', en: '/en/tools/inspector/' },
  profile: { fr: '/outils/ce-qu-ils-peuvent-savoir/', en: '/en/tools/what-they-could-learn/' },
  checklist: { fr: '/outils/reglages/', en: '/en/tools/settings-checklist/' },
  quiz: { fr: '/outils/quiz/', en: '/en/tools/quiz/' },
  rights: { fr: '/outils/demande-rgpd/', en: '/en/tools/gdpr-request/' },
  avatar: { fr: '/outils/avatar/', en: '/en/tools/avatar/' },
  verify: { fr: '/verifier/', en: '/en/verify/' },
  search: { fr: '/recherche/', en: '/en/search/' },
  credits: { fr: '/credits/', en: '/en/credits/' },
} as const satisfies Record<string, Record<Locale, string>>;

export type RouteKey = keyof typeof ROUTES;

/** The path of a page in a language. */
export function pathFor(key: RouteKey, locale: Locale): string {
  return ROUTES[key][locale];
}

/** Lesson URLs: same lesson id in both languages, under the course path. */
export function lessonPath(id: string, locale: Locale): string {
  return `${ROUTES.course[locale]}${id}/`;
}

/** Finds the same page in the other language for a path, or the home page. */
export function alternatePath(path: string, to: Locale): string {
  const normal = path.endsWith('/') ? path : `${path}/`;
  for (const paths of Object.values(ROUTES)) {
    if (paths.fr === normal || paths.en === normal) return paths[to];
  }
  for (const from of ['fr', 'en'] as const) {
    const base = ROUTES.course[from];
    if (normal.startsWith(base) && normal.length > base.length) {
      return `${ROUTES.course[to]}${normal.slice(base.length)}`;
    }
  }
  return ROUTES.home[to];
}

/** The language of a path. */
export function localeOfPath(path: string): Locale {
  return path === '/en' || path.startsWith('/en/') ? 'en' : 'fr';
}
