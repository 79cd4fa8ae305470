/**
 * The few facts of a photo that the "what they could learn" tool needs.
 * `summarizePhoto` reads a file with the inspector's worker and remembers the
 * summary for this tab (sessionStorage, through saveSummary); the inspector
 * island calls `rememberReading` after each file it reads.
 */
import { saveSummary, type PhotoSummary } from '../photos/summary';
import { readFile } from './client';
import type { Reading } from './protocol';
import { SAMPLE_NAME, SAMPLE_URL } from './sample';

export { SAMPLE_NAME, SAMPLE_URL };

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

/** Saves the summary of the last photo read, for this tab only. */
export function rememberReading(reading: Reading, file: File): PhotoSummary {
  const summary = summaryFromReading(reading, isSampleFile(file));
  saveSummary(typeof sessionStorage === 'undefined' ? null : sessionStorage, summary);
  return summary;
}

/**
 * Reads a photo on this device and returns what it gives away, in short.
 * Rejects with an Error whose message is the read error code (e.g. "not-an-image")
 * when the file cannot be read, or an AbortError when `signal` aborts.
 */
export async function summarizePhoto(file: File, signal?: AbortSignal): Promise<PhotoSummary> {
  const result = await readFile(file, signal);
  if (!result.ok) throw new Error(result.code);
  return rememberReading(result.reading, file);
}
