/**
 * What the vision scan found in a photo, in counts and kinds only, handed to
 * the "what they could learn" tool in the same browser session when the reader
 * presses "Use this scan in What they could learn" (sessionStorage: gone when
 * the tab closes). The text read from the picture is never stored: it is the
 * reader's own data (a name, an address), and the profile only needs to know
 * that a name or an address was readable, not which.
 */
import * as z from 'zod/mini';

// zod/mini: this module ships in the profile island, which runs at page load.
// The lists repeat src/features/vision/classify.ts (TEXT_KINDS) and scene.ts (SCENE_CUES)
// instead of importing them, since those modules carry full zod; a unit test keeps them equal.

/** Kinds of text the scan tells apart (vision/classify.ts), `text` being "anything else". */
export const SCAN_TEXT_KINDS = ['email', 'iban', 'card', 'nir', 'phone', 'plate', 'address', 'postcode', 'name', 'text'] as const;
/** Settings the scan deduces from objects (vision/scene.ts). */
export const SCAN_SCENE_CUES = ['home', 'desk', 'street', 'meal', 'child'] as const;
/** COCO labels that are screens (vision/scene.ts SCREEN_LABELS). */
export const SCAN_SCREEN_LABELS: readonly string[] = ['tv', 'laptop', 'cell phone'];

const count = z.int().check(z.gte(0), z.lte(1000));

export const scanSummarySchema = z.object({
  /** Faces the face detector found. */
  faces: count,
  /** People the object detector found (a person turned away has no face found). */
  people: count,
  /** False when the OCR could not run: then "no text" means nothing. */
  textRead: z.boolean(),
  /** Each kind of text read, with how many lines showed it; never the text itself. */
  texts: z.array(z.object({ kind: z.enum(SCAN_TEXT_KINDS), count: z.int().check(z.gte(1), z.lte(1000)) })).check(z.maxLength(SCAN_TEXT_KINDS.length)),
  /** COCO labels of the objects seen (not people), each once: the detector's own vocabulary, not the reader's words. */
  objects: z.array(z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[a-z ]+$/))).check(z.maxLength(80)),
  /** Settings deduced from the objects. */
  scenes: z.array(z.enum(SCAN_SCENE_CUES)).check(z.maxLength(SCAN_SCENE_CUES.length)),
  /** True when the photo scanned is the sample the site ships. */
  isSample: z.boolean(),
});
export type ScanSummary = z.infer<typeof scanSummarySchema>;
export type ScanTextKind = (typeof SCAN_TEXT_KINDS)[number];

export const SCAN_SUMMARY_KEY = 'bya.lastScan.v1';

/** Reads the last scan summary from sessionStorage; invalid or missing → null. */
export function loadScanSummary(storage: Pick<Storage, 'getItem'> | null): ScanSummary | null {
  try {
    const raw = storage?.getItem(SCAN_SUMMARY_KEY);
    if (!raw) return null;
    const parsed = scanSummarySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Saves the summary for this tab's session (one at a time: a new scan replaces the last). Returns false when it could not be stored. */
export function saveScanSummary(storage: Pick<Storage, 'setItem'> | null, summary: ScanSummary): boolean {
  try {
    if (!storage) return false;
    storage.setItem(SCAN_SUMMARY_KEY, JSON.stringify(scanSummarySchema.parse(summary)));
    return true;
  } catch {
    return false;
  }
}
