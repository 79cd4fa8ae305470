/**
 * The photo service the other tools use: reads a photo with the inspector's
 * worker and keeps the few facts the "what they could learn" tool needs.
 * A summary is written to this tab's sessionStorage only when the reader asks
 * for it ("Use this photo in What they could learn" on an inspector result),
 * never as a side effect of reading.
 */
import { readFile } from '../inspector/client';
import type { Reading } from '../inspector/protocol';
import { SAMPLE_NAME } from './sample';
import { saveSummary, type PhotoSummary } from './summary';

const cap = (s: string | undefined): string | undefined => (s === undefined ? undefined : s.slice(0, 200));

/** The summary of a reading (pure). */
export function summaryFromReading(reading: Reading, isSample: boolean): PhotoSummary {
  const summary: PhotoSummary = {
    format: reading.format,
    hasSerial: reading.serials.length > 0,
    people: [...new Set(reading.people.map((p) => p.value.slice(0, 200)))].slice(0, 20),
    hasThumbnail: reading.thumbnail !== undefined,
    isSample,
  };
  if (reading.gps) {
    summary.gps = { lat: reading.gps.lat, lon: reading.gps.lon };
    if (reading.gps.altitude !== undefined) summary.gps.altitude = reading.gps.altitude;
  }
  const fields = {
    takenAt: reading.takenAt?.slice(0, 40),
    offset: reading.offset?.slice(0, 10),
    make: cap(reading.make),
    model: cap(reading.model),
    lens: cap(reading.lens),
    software: cap(reading.software),
  };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) Object.assign(summary, { [key]: value });
  return summary;
}

/** True when the file is the sample photo the site ships. */
export function isSampleFile(file: File): boolean {
  return file.name === SAMPLE_NAME;
}

/** Hands one reading to the profile, for this tab only: the reader asked for it. */
export function shareWithProfile(reading: Reading, file: File): PhotoSummary {
  const summary = summaryFromReading(reading, isSampleFile(file));
  saveSummary(typeof sessionStorage === 'undefined' ? null : sessionStorage, summary);
  return summary;
}

/**
 * Reads a photo on this device and returns what it gives away, in short (nothing is stored).
 * Rejects with an Error whose message is the read error code (e.g. "not-an-image")
 * when the file cannot be read, or an AbortError when `signal` aborts.
 */
export async function summarizePhoto(file: File, signal?: AbortSignal): Promise<PhotoSummary> {
  const result = await readFile(file, signal);
  if (!result.ok) throw new Error(result.code);
  return summaryFromReading(result.reading, isSampleFile(file));
}
