import { z } from 'zod';
import { LOCALES } from '../../i18n/index';

/** Separator between the setting names listed in a source's `settings` field. */
export const SETTINGS_SEPARATOR = '|';

/** One source a lesson relies on, listed at the end of the lesson. */
export const sourceSchema = z
  .object({
    /** Title of the page or document, as its publisher gives it. */
    title: z.string().min(3),
    /** Public address of the source (plain link; the site never loads it). */
    url: z.url(),
    /** Who published it (OpenAI, EUR-Lex, CNIL, a newspaper…). */
    publisher: z.string().min(2),
    /** Publication date or version of the page, free text in the lesson's language ("25 March 2025", "version of 4 June 2026"). */
    date: z.string().optional(),
    /** The day this page was last read for the course (ISO date); shown as "read on …". The same in both languages. */
    checked: z.coerce.date().optional(),
    /**
     * Service settings this page documents, named exactly as the lesson writes them,
     * separated by "|" ("Settings | Data Controls | Improve the model for everyone").
     * A unit test requires every setting a lesson names to be listed by one of its sources.
     */
    settings: z.string().min(2).optional(),
  })
  .refine((s) => s.date !== undefined || s.checked !== undefined, {
    error: 'a source needs its publication date or version (date) or the day it was read (checked)',
  });

/** The setting names a source documents (its `settings` field split on "|"). */
export function sourceSettings(source: { settings?: string | undefined }): string[] {
  return (source.settings ?? '')
    .split(SETTINGS_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Frontmatter of a lesson (`src/content/lessons/{fr,en}/NN-slug.mdx`). */
export const lessonSchema = z.object({
  /** Lesson title, shown as the page's h1 and in the course outline. */
  title: z.string().min(3).max(90),
  /** One or two sentences for the outline, search results and social previews. */
  description: z.string().min(20).max(220),
  /** Position in the course, 1-based; must match the `NN-` prefix of the file name. */
  order: z.number().int().min(1).max(99),
  /** Language of this copy; must match its folder. */
  locale: z.enum(LOCALES),
  /** When the facts were last checked (ISO date). */
  updated: z.coerce.date(),
  /** "What to do now": short imperative steps shown in a box at the end. */
  todo: z.array(z.string().min(5)).min(2).max(6),
  /** Sources, listed at the end of the lesson with links. */
  sources: z.array(sourceSchema).min(1),
});

export type LessonData = z.infer<typeof lessonSchema>;
