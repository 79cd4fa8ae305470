/**
 * The photo lesson 5 scans on request (public/samples/, made by
 * scripts/make-vision-sample.sh): NASA's public-domain portrait of Eileen
 * Collins beside a drawn visitor badge with a fictional name and e-mail
 * address. Fetched from our own origin only when the reader asks.
 */
import { loadSamplePhoto } from '../photos/sample';

/** Its file name (also how the scan knows the sample was scanned). */
export const SCAN_SAMPLE_NAME = 'sample-badge.jpg';
/** Where it is served. */
export const SCAN_SAMPLE_URL = `/samples/${SCAN_SAMPLE_NAME}`;

/** Fetches the sample as a File. */
export const loadScanSample = (signal?: AbortSignal): Promise<File> => loadSamplePhoto(SCAN_SAMPLE_NAME, signal);
