import { z } from 'zod';
import { contentIdSchema, lessonLinkSchema } from './links';

/** A text in both languages: one quiz entry holds both, so the two quizzes cannot drift apart. */
export const localizedTextSchema = z.object({
  /** French text. */
  fr: z.string().min(2).max(600),
  /** English text. */
  en: z.string().min(2).max(600),
});

/** One possible answer. */
export const quizOptionSchema = z.object({
  /** Stable id within the question (`ask-everyone`). */
  id: contentIdSchema,
  /** The answer as the reader sees it. */
  text: localizedTextSchema,
  /** Whether ticking this answer is right. */
  correct: z.boolean(),
});

/**
 * One scenario question (`src/content/quiz/NN-slug.json`, the entry id is the file name).
 * `single`: exactly one right answer (radio buttons); `multiple`: one or more (checkboxes).
 */
export const quizQuestionSchema = z
  .object({
    /** Position in the quiz, 1-based. */
    order: z.number().int().min(1).max(99),
    /** Radio buttons (one answer) or checkboxes (every answer that applies). */
    kind: z.enum(['single', 'multiple']),
    /** The situation and the question. */
    prompt: localizedTextSchema,
    /** Two to six answers, in display order. */
    options: z.array(quizOptionSchema).min(2).max(6),
    /** What the reader should learn, shown after answering. */
    explanation: localizedTextSchema,
    /** The lesson section to read next. */
    link: lessonLinkSchema,
  })
  .refine((q) => new Set(q.options.map((o) => o.id)).size === q.options.length, { error: 'option ids must be unique' })
  .refine(
    (q) => {
      const right = q.options.filter((o) => o.correct).length;
      return q.kind === 'single' ? right === 1 : right >= 1;
    },
    { error: 'a single-answer question needs exactly one right answer, a multiple one at least one' },
  );

export type QuizQuestionData = z.infer<typeof quizQuestionSchema>;
