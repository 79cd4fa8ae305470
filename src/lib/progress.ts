/**
 * Reading progress: which lessons this browser has opened. Stored in
 * localStorage only (never sent), validated on load: a damaged, foreign or
 * older value is ignored and replaced, never trusted.
 *
 * This is the one boundary checked by hand instead of with zod: the code runs
 * on every page, and zod's core would add ~15 KB gzip to pages that otherwise
 * ship 1.5 KB. The rules are the schema below, covered by unit tests.
 */
export const PROGRESS_KEY = 'bya.progress.v1';

/** `{ v: 1, read: ["02-metadata", …] }`: at most 50 lesson slugs of the form NN-slug. */
export interface Progress {
  v: 1;
  read: string[];
}

const SLUG = /^\d\d-[a-z0-9-]{1,56}$/;

function isProgress(value: unknown): value is Progress {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = (value as { v?: unknown }).v;
  const read = (value as { read?: unknown }).read;
  return v === 1 && Array.isArray(read) && read.length <= 50 && read.every((s) => typeof s === 'string' && SLUG.test(s));
}

/** Parses a stored value; anything invalid yields an empty progress. */
export function parseProgress(raw: string | null): Progress {
  if (raw === null) return { v: 1, read: [] };
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isProgress(parsed)) return { v: 1, read: [...new Set(parsed.read)] };
  } catch {
    /* not JSON: fall through */
  }
  return { v: 1, read: [] };
}

/** Adds a lesson to the progress (idempotent). */
export function markRead(progress: Progress, slug: string): Progress {
  return progress.read.includes(slug) ? progress : { v: 1, read: [...progress.read, slug] };
}
