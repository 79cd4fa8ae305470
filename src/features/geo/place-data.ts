/** Placeholder until the bundled data lands: same shape, no data. */
import type { Place } from './place';

export function lookupPlaceSync(lat: number, lon: number): Place {
  void lat;
  void lon;
  return { countryCode: null, town: null, timeZone: null };
}
