/**
 * Content collections. Lessons are MDX, mirrored per language with the same
 * relative paths (`fr/02-metadata.mdx` ↔ `en/02-metadata.mdx`); the pairing is
 * checked in `src/lib/lessons.ts`, which fails the build when a translation is missing.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './content/schemas/lesson';

const lessons = defineCollection({
  loader: glob({ pattern: '{fr,en}/*.mdx', base: './src/content/lessons' }),
  schema: lessonSchema,
});

export const collections = { lessons };
