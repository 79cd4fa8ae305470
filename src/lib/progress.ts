/**
 * Reading progress: which lessons this browser has opened. Stored in
 * localStorage only (never sent), validated on load: a damaged, foreign or
 * older value is ignored and replaced, never trusted.
 */
import * as z from 'zod/mini';

export const PROGRESS_KEY = 'bya.progress.v1';

const progressSchema = z.object({
  v: z.literal(1),
  read: z.array(z.string().check(z.regex(/^\d\d-[a-z0-9-]+$/), z.maxLength(60))).check(z.maxLength(50)),
});
export type Progress = z.infer<typeof progressSchema>;

/** Parses a stored value; anything invalid yields an empty progress. */
export function parseProgress(raw: string | null): Progress {
  if (raw === null) return { v: 1, read: [] };
  try {
    const parsed = progressSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return { v: 1, read: [...new Set(parsed.data.read)] };
  } catch {
    /* not JSON: fall through */
  }
  return { v: 1, read: [] };
}

/** Adds a lesson to the progress (idempotent). */
export function markRead(progress: Progress, slug: string): Progress {
  return progress.read.includes(slug) ? progress : { v: 1, read: [...progress.read, slug] };
}
