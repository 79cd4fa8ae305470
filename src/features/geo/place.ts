/**
 * Offline place lookup: coordinates → country, nearest town, time zone.
 * Data is bundled with the site and loaded only when a photo with a location
 * is read (dynamic import); no map or geocoding service is ever asked.
 */
import type { Locale } from '../../i18n/index';

export interface Place {
  /** ISO 3166-1 alpha-2 code of the country or territory containing the point; null at sea. */
  countryCode: string | null;
  /** The nearest town (GeoNames, population ≥ 5,000), its country, and the distance to it. */
  town: { name: string; countryCode: string; distanceKm: number } | null;
  /** IANA time zone at the point (e.g. "Europe/Paris"), null if unknown. */
  timeZone: string | null;
}

/** Looks up a place for decimal coordinates (WGS-84; south and west negative). */
export async function lookupPlace(lat: number, lon: number): Promise<Place> {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    return { countryCode: null, town: null, timeZone: null };
  }
  const { lookupPlaceData } = await import('./place-data');
  return lookupPlaceData(lat, lon);
}

/** Towns near a point (for the local map), nearest first; loads the same lazy data. */
export async function townsNear(
  lat: number,
  lon: number,
  radiusKm: number,
  limit = 12,
): Promise<Array<{ name: string; countryCode: string; lat: number; lon: number; distanceKm: number }>> {
  const data = await import('./place-data');
  return data.townsNear(lat, lon, radiusKm, limit);
}

/** The largest towns inside a map window around a point (for labels). */
export async function townsForMap(
  lat: number,
  lon: number,
  spanLat: number,
  spanLon: number,
  limit = 8,
): Promise<Array<{ name: string; countryCode: string; lat: number; lon: number }>> {
  const data = await import('./place-data');
  return data.townsForMap(lat, lon, spanLat, spanLon, limit, spanLat / 6);
}

/** The country's name in the reader's language (from the browser's own Intl data). */
export function countryName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
