/**
 * Checklist progress: which services the reader uses, and which steps this browser has
 * ticked, kept per service. Stored in localStorage only (never sent) and validated on
 * load: a damaged, foreign or older value is ignored, never trusted, and never breaks the page.
 * zod/mini keeps this module small: it ships in the checklist island.
 */
import * as z from 'zod/mini';
import { SERVICE_IDS, type ServiceId } from '../../content/services/ids';

/** localStorage key; the `v2` changes when the stored shape does. */
export const CHECKLIST_KEY = 'bya.checklist.v2';
/** The key of the first version (one flat list of ticks, ChatGPT only), read once to carry its ticks over. */
export const LEGACY_CHECKLIST_KEY = 'bya.checklist.v1';

/** Where a step's tick is kept: under its service, or under `general` for steps every reader needs. */
export const SCOPES = [...SERVICE_IDS, 'general'] as const;
export type Scope = (typeof SCOPES)[number];

/** A step of the checklist and the scope its tick is kept under. */
export interface StepScope {
  id: string;
  scope: Scope;
}

/** The services chosen when nothing is stored: ChatGPT, the course's main example. */
export const DEFAULT_SERVICES: readonly ServiceId[] = ['chatgpt'];

const stepIdSchema = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.maxLength(40));
const idListSchema = z.array(stepIdSchema).check(z.maxLength(100));

/** The stored value. */
export const checklistProgressSchema = z.object({
  /** Shape version; a record of another version is ignored. */
  v: z.literal(2),
  /** The services the reader said they use, in the order of SERVICE_IDS. */
  services: z.array(z.enum(SERVICE_IDS)).check(z.maxLength(SERVICE_IDS.length)),
  /** Ids of ticked steps per scope (same ids in both languages, so progress follows the reader across them). */
  done: z.partialRecord(z.enum(SCOPES), idListSchema),
});
export type ChecklistProgress = z.infer<typeof checklistProgressSchema>;

/** The first version's shape: `{ v: 1, done: [ids] }`. */
const legacySchema = z.object({ v: z.literal(1), done: idListSchema });

/** Nothing ticked, the default services chosen. */
export function emptyProgress(): ChecklistProgress {
  return { v: 2, services: [...DEFAULT_SERVICES], done: {} };
}

function json(raw: string | null): unknown {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Keeps, per scope, only the ids of steps that exist in that scope, once each. */
function clean(done: Partial<Record<Scope, readonly string[]>>, steps: readonly StepScope[]): ChecklistProgress['done'] {
  const out: ChecklistProgress['done'] = {};
  for (const scope of SCOPES) {
    const known = new Set(steps.filter((s) => s.scope === scope).map((s) => s.id));
    const ids = [...new Set(done[scope] ?? [])].filter((id) => known.has(id));
    if (ids.length > 0) out[scope] = ids;
  }
  return out;
}

/**
 * Parses the stored value. Anything invalid (not JSON, wrong shape, another version) yields
 * the empty progress; ids of steps that no longer exist, or not in that scope, are dropped.
 * When no current value is stored, a valid first-version value (`legacy`) is carried over:
 * each tick goes to its step's scope, and the services it ticked are chosen.
 */
export function parseChecklistProgress(raw: string | null, steps: readonly StepScope[], legacy: string | null = null): ChecklistProgress {
  const current = json(raw);
  if (current !== undefined) {
    const parsed = checklistProgressSchema.safeParse(current);
    if (!parsed.success) return emptyProgress();
    const services = SERVICE_IDS.filter((id) => parsed.data.services.includes(id));
    return { v: 2, services, done: clean(parsed.data.done, steps) };
  }
  const old = legacySchema.safeParse(json(legacy));
  if (!old.success) return emptyProgress();
  const byScope: Partial<Record<Scope, string[]>> = {};
  for (const id of old.data.done) {
    const step = steps.find((s) => s.id === id);
    if (step) (byScope[step.scope] ??= []).push(id);
  }
  const done = clean(byScope, steps);
  const services = SERVICE_IDS.filter((id) => DEFAULT_SERVICES.includes(id) || (done[id]?.length ?? 0) > 0);
  return { v: 2, services, done };
}

/** Ticks or unticks one step of a scope (idempotent; keeps the order steps were ticked in). */
export function setStepDone(progress: ChecklistProgress, scope: Scope, id: string, done: boolean): ChecklistProgress {
  const without = (progress.done[scope] ?? []).filter((d) => d !== id);
  return { ...progress, done: { ...progress.done, [scope]: done ? [...without, id] : without } };
}

/** Chooses or drops a service. Dropping it hides its steps but keeps its ticks, for when it is chosen again. */
export function setServiceChosen(progress: ChecklistProgress, service: ServiceId, chosen: boolean): ChecklistProgress {
  const services = SERVICE_IDS.filter((id) => (id === service ? chosen : progress.services.includes(id)));
  return { ...progress, services };
}

/** True when a scope's steps are shown: `general` always, a service when chosen. */
export function isShown(progress: ChecklistProgress, scope: Scope): boolean {
  return scope === 'general' || progress.services.includes(scope);
}

/** Steps done and steps in all, for one scope. */
export function scopeCount(progress: ChecklistProgress, steps: readonly StepScope[], scope: Scope): { done: number; total: number } {
  return { done: progress.done[scope]?.length ?? 0, total: steps.filter((s) => s.scope === scope).length };
}

/** Steps done and steps in all, over every shown scope (the chosen services and the general steps). */
export function shownCount(progress: ChecklistProgress, steps: readonly StepScope[]): { done: number; total: number } {
  let done = 0;
  let total = 0;
  for (const scope of SCOPES) {
    if (!isShown(progress, scope)) continue;
    const c = scopeCount(progress, steps, scope);
    done += c.done;
    total += c.total;
  }
  return { done, total };
}

/** The value to store. */
export function serializeChecklistProgress(progress: ChecklistProgress): string {
  return JSON.stringify(progress);
}
