/**
 * The few facts the inspector learned about the last photo read, shared with
 * the "what they could learn" tool in the same browser session
 * (sessionStorage: gone when the tab closes; the photo itself is never stored).
 */
import * as z from 'zod/mini';
import { IMAGE_FORMATS } from '../../formats/image-formats';

// zod/mini: this module ships in the profile island (and the inspector), which run at page load.
const text = (max: number) => z.optional(z.string().check(z.maxLength(max)));

export const photoSummarySchema = z.object({
  /** Detected format. */
  format: z.enum(IMAGE_FORMATS),
  /** Signed decimal degrees (south and west negative) and optional altitude in metres. */
  gps: z.optional(
    z.object({
      lat: z.number().check(z.gte(-90), z.lte(90)),
      lon: z.number().check(z.gte(-180), z.lte(180)),
      altitude: z.optional(z.number()),
    }),
  ),
  /** Date and time taken, as written in the photo ("2025-04-05T14:32:10"), no zone. */
  takenAt: text(40),
  /** UTC offset when the photo states it ("+02:00"). */
  offset: text(10),
  make: text(200),
  model: text(200),
  lens: text(200),
  software: text(200),
  /** True when a serial number or unique image ID was found. */
  hasSerial: z.boolean(),
  /** Names found in artist/creator/copyright fields (untrusted text). */
  people: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(20)),
  hasThumbnail: z.boolean(),
  /** True when the photo is the sample shipped with the site. */
  isSample: z.boolean(),
});
export type PhotoSummary = z.infer<typeof photoSummarySchema>;

export const SUMMARY_KEY = 'bya.lastPhoto.v1';

/** Reads the last photo summary from sessionStorage; invalid or missing → null. */
export function loadSummary(storage: Pick<Storage, 'getItem'> | null): PhotoSummary | null {
  try {
    const raw = storage?.getItem(SUMMARY_KEY);
    if (!raw) return null;
    const parsed = photoSummarySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Saves the summary for this tab's session. */
export function saveSummary(storage: Pick<Storage, 'setItem'> | null, summary: PhotoSummary): void {
  try {
    storage?.setItem(SUMMARY_KEY, JSON.stringify(photoSummarySchema.parse(summary)));
  } catch {
    /* storage full or disabled: the profile simply asks for a photo */
  }
}
