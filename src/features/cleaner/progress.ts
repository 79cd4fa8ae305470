/**
 * Progress of a batch, as numbers the UI shows in a <progress> bar and
 * announces politely. Pure functions, no DOM.
 */

/** Counts of a batch. */
export interface BatchCounts {
  /** Files in the batch. */
  total: number;
  /** Files cleaned and verified. */
  cleaned: number;
  /** Files refused with a message. */
  failed: number;
}

/** Files finished (cleaned or refused). */
export function finished(counts: BatchCounts): number {
  return counts.cleaned + counts.failed;
}

/** Whole percentage finished, 0–100; an empty batch is 0 % (nothing to do yet). */
export function percent(counts: BatchCounts): number {
  if (counts.total <= 0) return 0;
  return Math.min(100, Math.floor((finished(counts) / counts.total) * 100));
}

/** True when every file of a non-empty batch has an outcome. */
export function isComplete(counts: BatchCounts): boolean {
  return counts.total > 0 && finished(counts) >= counts.total;
}

/**
 * Whether to announce progress now. Screen readers get a message at the
 * start, at the end and at most every `step` files in between, so a batch of
 * 200 photos does not produce 200 announcements.
 */
export function shouldAnnounce(counts: BatchCounts, step = 5): boolean {
  const done = finished(counts);
  return done === 0 || done >= counts.total || done % Math.max(1, step) === 0;
}

/**
 * How long one file may take before the worker is stopped and restarted.
 * Lossless cleaning only reads metadata (milliseconds), but converting a HEIC
 * photo first loads a 1.4 MB WebAssembly decoder and decodes every pixel:
 * on a slow phone that is seconds per 10 MB, hence a generous budget that
 * grows with the size.
 */
export function timeoutFor(bytes: number, converts: boolean): number {
  const mb = bytes / (1024 * 1024);
  return converts ? 60_000 + mb * 5_000 : 15_000 + mb * 1_000;
}
