/**
 * Content collections. Lessons are MDX, mirrored per language with the same
 * relative paths (`fr/02-metadata.mdx` ↔ `en/02-metadata.mdx`); the pairing is
 * checked in `src/lib/lessons.ts`, which fails the build when a translation is missing.
 * The settings checklist is one JSON file per language (same step ids, checked by a
 * unit test); each quiz question is one JSON file holding both languages.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './content/schemas/lesson';
import { checklistSchema } from './content/schemas/checklist';
import { quizQuestionSchema } from './content/schemas/quiz';

const lessons = defineCollection({
  loader: glob({ pattern: '{fr,en}/*.mdx', base: './src/content/lessons' }),
  schema: lessonSchema,
});

const checklist = defineCollection({
  loader: glob({ pattern: '{fr,en}.json', base: './src/content/checklist' }),
  schema: checklistSchema,
});

const quiz = defineCollection({
  loader: glob({ pattern: '*.json', base: './src/content/quiz' }),
  schema: quizQuestionSchema,
});

export const collections = { lessons, checklist, quiz };
