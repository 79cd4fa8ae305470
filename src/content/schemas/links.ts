import { z } from 'zod';
import type { Locale } from '../../i18n/index';
import { LESSON_ANCHORS, lessonAnchor, type Anchor, type LessonId } from '../../lib/anchors';

const lessonIds = Object.keys(LESSON_ANCHORS) as [LessonId, ...LessonId[]];

/** True when `anchor` is one of the stable anchors declared for `lesson` in src/lib/anchors.ts. */
export function isLessonAnchor<L extends LessonId>(lesson: L, anchor: string): anchor is Anchor<L> {
  const anchors: readonly string[] = LESSON_ANCHORS[lesson];
  return anchors.includes(anchor);
}

/**
 * A link from a tool to the lesson section that explains it. Both parts are
 * checked against LESSON_ANCHORS so content cannot point at an anchor no lesson sets.
 */
export const lessonLinkSchema = z
  .object({
    /** Lesson id, the same in both languages (`07-habits`). */
    lesson: z.enum(lessonIds),
    /** Anchor inside that lesson (`improve-model`). */
    anchor: z.string().min(1),
  })
  .refine((link) => isLessonAnchor(link.lesson, link.anchor), {
    error: 'anchor is not declared for this lesson in src/lib/anchors.ts',
  });

export type LessonLink = z.infer<typeof lessonLinkSchema>;

/** Ids of steps, questions and options: lowercase words joined by hyphens, stable across languages. */
export const contentIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(40);

/** The URL of a validated lesson link in a language, through `lessonAnchor()`; the number shown as "lesson 7". */
export function lessonLinkTarget(link: LessonLink, locale: Locale): { href: string; lessonNumber: number } {
  const { lesson, anchor } = link;
  if (!isLessonAnchor(lesson, anchor)) throw new Error(`lesson link: ${lesson} has no anchor "${anchor}"`);
  return { href: lessonAnchor(lesson, anchor, locale), lessonNumber: Number.parseInt(lesson.slice(0, 2), 10) };
}
