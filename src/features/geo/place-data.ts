/**
 * The data half of the place lookup, split into its own chunk (loaded by
 * `lookupPlace` only when a photo with a location is read):
 * country borders (country-coder, ~230 KB gzip), time-zone borders
 * (tz-lookup, ~30 KB), and GeoNames towns in 20° tiles fetched one region at
 * a time (≤ 90 KB gzip each).
 */
import { iso1A2Code } from '@rapideditor/country-coder';
import tzlookup from '@photostructure/tz-lookup';
import { z } from 'zod';
import { distanceKm, ringKeys, searchedRadiusKm, tileOf } from './geometry';
import type { Place } from './place';

/** A town row as bundled: [name, ISO country, lat×1000, lon×1000]. */
const tileSchema = z.array(z.tuple([z.string().min(1), z.string().length(2), z.number().int(), z.number().int()]));
export interface Town {
  name: string;
  countryCode: string;
  lat: number;
  lon: number;
}

const tileLoaders = import.meta.glob<unknown>('./data/cities/*.json', { import: 'default' });
const tileCache = new Map<string, Promise<Town[]>>();

function loadTile(key: string): Promise<Town[]> {
  let found = tileCache.get(key);
  if (!found) {
    const loader = tileLoaders[`./data/cities/${key}.json`];
    found = loader
      ? loader().then((data) => tileSchema.parse(data).map(([name, countryCode, lat, lon]) => ({ name, countryCode, lat: lat / 1000, lon: lon / 1000 })))
      : Promise.resolve([]); // open ocean: no file for this tile
    tileCache.set(key, found);
  }
  return found;
}

/** Towns within `radiusKm` of a point, nearest first. */
export async function townsNear(lat: number, lon: number, radiusKm: number, limit = 12): Promise<Array<Town & { distanceKm: number }>> {
  const { row, col } = tileOf(lat, lon);
  const keys = [...ringKeys(row, col, 0), ...ringKeys(row, col, 1)];
  const towns = (await Promise.all(keys.map(loadTile))).flat();
  return towns
    .map((t) => ({ ...t, distanceKm: distanceKm(lat, lon, t.lat, t.lon) }))
    .filter((t) => t.distanceKm <= radiusKm)
    .sort((a, b) => a.distanceKm - b.distanceKm)
    .slice(0, limit);
}

/**
 * Towns to label on a map window: the largest first (tiles are stored by
 * population), skipping any closer than `minSpacingDeg` to one already chosen.
 */
export async function townsForMap(lat: number, lon: number, spanLat: number, spanLon: number, limit = 8, minSpacingDeg = 0.3): Promise<Town[]> {
  const { row, col } = tileOf(lat, lon);
  const keys = [...ringKeys(row, col, 0), ...ringKeys(row, col, 1)];
  const towns = (await Promise.all(keys.map(loadTile))).flat();
  const chosen: Town[] = [];
  for (const t of towns) {
    if (Math.abs(t.lat - lat) > spanLat || Math.abs(t.lon - lon) > spanLon) continue;
    if (chosen.some((c) => Math.abs(c.lat - t.lat) < minSpacingDeg && Math.abs(c.lon - t.lon) < minSpacingDeg * 2)) continue;
    chosen.push(t);
    if (chosen.length >= limit) break;
  }
  return chosen;
}

/** The nearest bundled town, searching outwards tile ring by tile ring (at most 3 rings). */
export async function nearestTown(lat: number, lon: number): Promise<(Town & { distanceKm: number }) | null> {
  const { row, col } = tileOf(lat, lon);
  let best: (Town & { distanceKm: number }) | null = null;
  for (let radius = 0; radius <= 3; radius++) {
    const towns = (await Promise.all(ringKeys(row, col, radius).map(loadTile))).flat();
    for (const t of towns) {
      const d = distanceKm(lat, lon, t.lat, t.lon);
      if (!best || d < best.distanceKm) best = { ...t, distanceKm: d };
    }
    if (best && best.distanceKm <= searchedRadiusKm(lat, lon, radius)) break;
  }
  return best;
}

/** Country, nearest town and time zone for a point. */
export async function lookupPlaceData(lat: number, lon: number): Promise<Place> {
  let countryCode: string | null;
  try {
    countryCode = iso1A2Code([lon, lat]);
  } catch {
    countryCode = null;
  }
  let timeZone: string | null;
  try {
    timeZone = tzlookup(lat, lon);
  } catch {
    timeZone = null;
  }
  const town = await nearestTown(lat, lon);
  return {
    countryCode,
    town: town ? { name: town.name, countryCode: town.countryCode, distanceKm: Math.round(town.distanceKm * 10) / 10 } : null,
    timeZone,
  };
}
