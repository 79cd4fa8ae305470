import { z } from 'zod';
import { LOCALES } from '../../i18n/index';
import { contentIdSchema, lessonLinkSchema } from './links';

/** Tools a checklist step can send the reader to (route keys of src/i18n/routes.ts). */
export const CHECKLIST_TOOLS = ['inspector', 'avatar', 'rights'] as const;

/** One thing to do, with why it matters and how to do it. */
export const checklistStepSchema = z.object({
  /** Stable id, identical in both languages; stored progress refers to it. */
  id: contentIdSchema,
  /** What to do, in a few words; the checkbox label. Setting names are quoted exactly as the app shows them. */
  title: z.string().min(5).max(120),
  /** Why it matters, one line. */
  why: z.string().min(10).max(220),
  /** The lesson section that explains why. */
  link: lessonLinkSchema,
  /** How to do it: short steps, in order. */
  how: z.array(z.string().min(3).max(240)).min(1).max(6),
  /** A caveat worth knowing (what the setting does not do, where it is unavailable). */
  note: z.string().min(5).max(260).optional(),
  /** True when the path comes from secondary sources only (facts.md [S]/[U]): shown with an "Unconfirmed" badge. */
  unconfirmed: z.boolean().default(false),
  /** A tool of this site that does the step (the cleaner, the avatar maker, the GDPR letter). */
  tool: z.enum(CHECKLIST_TOOLS).optional(),
});

/** Steps done in the same place (ChatGPT on the web, the phone's camera…). */
export const checklistGroupSchema = z.object({
  /** Stable id, identical in both languages. */
  id: contentIdSchema,
  /** Where the steps are done, as a heading. */
  title: z.string().min(3).max(80),
  /** The steps, in the order to do them. */
  steps: z.array(checklistStepSchema).min(1).max(10),
});

/**
 * The whole checklist in one language (`src/content/checklist/{fr,en}.json`).
 * Both files must list the same groups and steps with the same ids, in the same order
 * (checked by tests/unit/kit-content.test.ts).
 */
export const checklistSchema = z
  .object({
    /** Language of this copy; must match the file name. */
    locale: z.enum(LOCALES),
    /** Groups in the order the reader meets them. */
    groups: z.array(checklistGroupSchema).min(1),
  })
  .refine((c) => {
    const ids = c.groups.flatMap((g) => g.steps.map((s) => s.id));
    return new Set(ids).size === ids.length;
  }, { error: 'step ids must be unique across groups' });

export type Checklist = z.infer<typeof checklistSchema>;
export type ChecklistStep = z.infer<typeof checklistStepSchema>;
