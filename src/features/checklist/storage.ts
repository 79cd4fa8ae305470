/**
 * Checklist progress: which steps this browser has ticked. Stored in
 * localStorage only (never sent) and validated on load: a damaged, foreign or
 * older value is ignored, never trusted, and never breaks the page.
 * zod/mini keeps this module small: it ships in the checklist island.
 */
import * as z from 'zod/mini';

/** localStorage key; the `v1` changes when the stored shape does. */
export const CHECKLIST_KEY = 'bya.checklist.v1';

/** The stored value: a version and the ids of ticked steps. */
export const checklistProgressSchema = z.object({
  /** Shape version; a record of another version is ignored. */
  v: z.literal(1),
  /** Ids of ticked steps (same ids in both languages, so progress follows the reader across them). */
  done: z.array(z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.maxLength(40))).check(z.maxLength(100)),
});
export type ChecklistProgress = z.infer<typeof checklistProgressSchema>;

const EMPTY: ChecklistProgress = { v: 1, done: [] };

/**
 * Parses a stored value. Anything invalid (not JSON, wrong shape, old version)
 * yields an empty progress; ids of steps that no longer exist are dropped.
 */
export function parseChecklistProgress(raw: string | null, knownIds: readonly string[]): ChecklistProgress {
  if (raw === null) return EMPTY;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return EMPTY;
  }
  const parsed = checklistProgressSchema.safeParse(json);
  if (!parsed.success) return EMPTY;
  const known = new Set(knownIds);
  return { v: 1, done: [...new Set(parsed.data.done)].filter((id) => known.has(id)) };
}

/** Ticks or unticks one step (idempotent; keeps the order steps were ticked in). */
export function setStepDone(progress: ChecklistProgress, id: string, done: boolean): ChecklistProgress {
  const without = progress.done.filter((d) => d !== id);
  return { v: 1, done: done ? [...without, id] : without };
}

/** The value to store. */
export function serializeChecklistProgress(progress: ChecklistProgress): string {
  return JSON.stringify(progress);
}
