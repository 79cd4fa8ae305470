/**
 * Lesson queries shared by the course pages. Every lesson must exist in both
 * languages under the same file name, with the same `order`; otherwise the
 * build stops with a message that names the missing file.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../i18n/index';

export type Lesson = CollectionEntry<'lessons'>;

/** `fr/02-metadata` → `02-metadata`. */
export function lessonSlug(entry: Lesson): string {
  return entry.id.replace(/^(fr|en)\//, '');
}

/** Checks the pairing rules; returns problems (empty when all is well). */
export function lessonProblems(all: readonly Lesson[]): string[] {
  const problems: string[] = [];
  const byLocale = { fr: new Map<string, Lesson>(), en: new Map<string, Lesson>() };
  for (const entry of all) {
    const folder = entry.id.slice(0, 2);
    if (folder !== entry.data.locale) problems.push(`${entry.id}: locale "${entry.data.locale}" does not match its folder`);
    const slug = lessonSlug(entry);
    const prefix = Number.parseInt(slug.slice(0, 2), 10);
    if (prefix !== entry.data.order) problems.push(`${entry.id}: order ${entry.data.order} does not match the file prefix`);
    byLocale[entry.data.locale].set(slug, entry);
  }
  for (const [a, b] of [
    ['fr', 'en'],
    ['en', 'fr'],
  ] as const) {
    for (const slug of byLocale[a].keys()) {
      if (!byLocale[b].has(slug)) problems.push(`lesson ${a}/${slug} has no ${b} translation (${b}/${slug}.mdx)`);
    }
  }
  return problems;
}

/** Lessons of one language, in course order. Throws (fails the build) on a missing translation. */
export async function getLessons(locale: Locale): Promise<Lesson[]> {
  const all = await getCollection('lessons');
  const problems = lessonProblems(all);
  if (problems.length > 0) throw new Error(`Lessons are not in order:\n- ${problems.join('\n- ')}`);
  return all.filter((e) => e.data.locale === locale).sort((a, b) => a.data.order - b.data.order);
}

/** Reading time in minutes at 200 words a minute (never less than 1). */
export function readingMinutes(body: string): number {
  const words = body
    .replace(/^import .*$/gm, '')
    .replace(/<[^>]+>/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return Math.max(1, Math.round(words / 200));
}
