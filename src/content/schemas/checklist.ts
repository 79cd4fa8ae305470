import { z } from 'zod';
import { LOCALES } from '../../i18n/index';
import { contentIdSchema, lessonLinkSchema } from './links';
import { primarySourceSchema, SERVICE_IDS } from './service';

/** Tools a checklist step can send the reader to (route keys of src/i18n/routes.ts). */
export const CHECKLIST_TOOLS = ['inspector', 'avatar', 'rights'] as const;

/** Where a setting is found. */
export const SETTING_PLACES = ['web', 'app', 'web-app', 'ios', 'android', 'x'] as const;

/**
 * A setting a step names, as the service labels it today. `label` is the English interface's
 * label, which the service's own help page gives; `fr` is the French interface's label, given
 * only when a primary source confirms it (otherwise the page says it is unconfirmed).
 */
export const settingSchema = z.object({
  /** The label in the English interface, exactly as the help page writes it. */
  label: z.string().min(2).max(120),
  /** The label in the French interface, only when confirmed by a primary source. */
  fr: z.string().min(2).max(120).optional(),
  /** On the web, in the apps, both, on one phone system, or inside X (Grok). */
  where: z.enum(SETTING_PLACES),
});

/** A source for a step: the service's own page (primary), or, for an unconfirmed step only, a secondary report. */
export const stepSourceSchema = primarySourceSchema.extend({
  /** "secondary" marks press or third-party guides; a step resting on those alone must be marked unconfirmed. */
  kind: z.enum(['primary', 'secondary']).default('primary'),
});

/** One thing to do, with why it matters and how to do it. */
export const checklistStepSchema = z
  .object({
    /** Stable id, identical in both languages; stored progress refers to it. */
    id: contentIdSchema,
    /** What to do, in a few words; the checkbox label. Setting names are quoted exactly as the app shows them. */
    title: z.string().min(5).max(120),
    /** Why it matters, one line. */
    why: z.string().min(10).max(220),
    /** The lesson section that explains why, when one does. */
    link: lessonLinkSchema.optional(),
    /** How to do it: short steps, in order. */
    how: z.array(z.string().min(3).max(240)).min(1).max(6),
    /** A caveat worth knowing (what the setting does not do, where it is unavailable). */
    note: z.string().min(5).max(260).optional(),
    /** True when the path or a label comes from secondary sources only: shown with an "Unconfirmed" badge. */
    unconfirmed: z.boolean().default(false),
    /** The service settings the step names, with their labels today. */
    settings: z.array(settingSchema).max(6).default([]),
    /** Where the step's facts and labels come from, with the day they were read. */
    sources: z.array(stepSourceSchema).max(4).default([]),
    /** A tool of this site that does the step (the cleaner, the avatar maker, the GDPR letter). */
    tool: z.enum(CHECKLIST_TOOLS).optional(),
  })
  .refine((s) => s.settings.length === 0 || s.sources.length > 0, { error: 'a step that names a setting needs a source', path: ['sources'] })
  .refine((s) => s.unconfirmed || s.sources.length === 0 || s.sources.some((src) => src.kind === 'primary'), {
    error: 'a step resting on secondary sources only must be marked unconfirmed',
    path: ['unconfirmed'],
  });

/** Steps done in the same place (ChatGPT on the web, the phone's camera…). */
export const checklistGroupSchema = z.object({
  /** Stable id, identical in both languages. */
  id: contentIdSchema,
  /** The service the steps are for; absent for steps every reader needs (the phone, the photo). */
  service: z.enum(SERVICE_IDS).optional(),
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
  .refine(
    (c) => {
      const ids = c.groups.flatMap((g) => g.steps.map((s) => s.id));
      return new Set(ids).size === ids.length;
    },
    { error: 'step ids must be unique across groups' },
  )
  .refine((c) => SERVICE_IDS.every((id) => c.groups.some((g) => g.service === id)), { error: 'every service needs at least one group' });

export type Checklist = z.infer<typeof checklistSchema>;
export type ChecklistStep = z.infer<typeof checklistStepSchema>;
export type ChecklistGroup = z.infer<typeof checklistGroupSchema>;
