import { z } from 'zod';
import { LOCALES } from '../../i18n/index';

/** One source a lesson relies on, listed at the end of the lesson. */
export const sourceSchema = z.object({
  /** Title of the page or document, as its publisher gives it. */
  title: z.string().min(3),
  /** Public address of the source (plain link; the site never loads it). */
  url: z.url(),
  /** Who published it (OpenAI, EUR-Lex, CNIL, a newspaper…). */
  publisher: z.string().min(2),
  /** Publication or "as read" date, free text such as "25 March 2025". */
  date: z.string().optional(),
});

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
