/**
 * The few facts the inspector learned about the last photo read, shared with
 * the "what they could learn" tool in the same browser session
 * (sessionStorage: gone when the tab closes; the photo itself is never stored).
 */
import { z } from 'zod';

export const photoSummarySchema = z.object({
  /** Detected format. */
  format: z.enum(['jpeg', 'png', 'webp', 'heic', 'avif', 'tiff', 'gif']),
  /** Signed decimal degrees (south and west negative) and optional altitude in metres. */
  gps: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180), altitude: z.number().optional() }).optional(),
  /** Date and time taken, as written in the photo ("2025-04-05T14:32:10"), no zone. */
  takenAt: z.string().max(40).optional(),
  /** UTC offset when the photo states it ("+02:00"). */
  offset: z.string().max(10).optional(),
  make: z.string().max(200).optional(),
  model: z.string().max(200).optional(),
  lens: z.string().max(200).optional(),
  software: z.string().max(200).optional(),
  /** True when a serial number or unique image ID was found. */
  hasSerial: z.boolean(),
  /** Names found in artist/creator/copyright fields (untrusted text). */
  people: z.array(z.string().max(200)).max(20),
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
