/**
 * The photo lesson 5 scans on request (public/samples/, made by
 * scripts/make-vision-sample.sh): NASA's public-domain portrait of Eileen
 * Collins beside a drawn visitor badge with a fictional name and e-mail
 * address. Fetched from our own origin only when the reader asks.
 */

/** Its file name (also how the scan knows the sample was scanned). */
export const SCAN_SAMPLE_NAME = 'sample-badge.jpg';
/** Where it is served. */
export const SCAN_SAMPLE_URL = `/samples/${SCAN_SAMPLE_NAME}`;

/** Fetches the sample from our own origin as a File (a same-origin GET without a body). */
export async function loadScanSample(signal?: AbortSignal): Promise<File> {
  const response = await fetch(SCAN_SAMPLE_URL, signal ? { signal } : {});
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new File([await response.blob()], SCAN_SAMPLE_NAME, { type: 'image/jpeg' });
}
