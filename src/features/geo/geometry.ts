/** Pure geometry for the offline place lookup (no data, unit-tested). */

/** Tile size of the bundled town data, in degrees (see scripts/build-geo.mjs). */
export const TILE_DEGREES = 20;
const ROWS = 180 / TILE_DEGREES;
const COLS = 360 / TILE_DEGREES;
const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Row and column of the tile holding a point (rows from the south pole, columns from the antimeridian). */
export function tileOf(lat: number, lon: number): { row: number; col: number } {
  return {
    row: Math.min(Math.max(Math.floor((lat + 90) / TILE_DEGREES), 0), ROWS - 1),
    col: Math.min(Math.max(Math.floor((lon + 180) / TILE_DEGREES), 0), COLS - 1),
  };
}

/** File key of a tile ("6_9"); columns wrap around the antimeridian, rows do not. */
export function tileKey(row: number, col: number): string | null {
  if (row < 0 || row >= ROWS) return null;
  return `${row}_${((col % COLS) + COLS) % COLS}`;
}

/** Tiles in the square ring at `radius` tiles around a tile (radius 0 = the tile itself). */
export function ringKeys(row: number, col: number, radius: number): string[] {
  const keys = new Set<string>();
  for (let r = row - radius; r <= row + radius; r++) {
    for (let c = col - radius; c <= col + radius; c++) {
      if (Math.max(Math.abs(r - row), Math.abs(c - col)) !== radius) continue;
      const key = tileKey(r, c);
      if (key) keys.add(key);
    }
  }
  return [...keys];
}

/**
 * A lower bound of the distance from a point to anything outside the tiles
 * searched so far (a square of `radius` tiles around the point's tile): when
 * the best town found is nearer than this, no other tile can hold a nearer one.
 */
export function searchedRadiusKm(lat: number, lon: number, radius: number): number {
  const { row, col } = tileOf(lat, lon);
  const south = (row - radius) * TILE_DEGREES - 90;
  const north = (row + radius + 1) * TILE_DEGREES - 90;
  const west = (col - radius) * TILE_DEGREES - 180;
  const east = (col + radius + 1) * TILE_DEGREES - 180;
  const toLat = Math.min(lat - south, north - lat) * 111.19;
  // A degree of longitude shrinks towards the poles; use the widest latitude of the band to stay a lower bound.
  const maxAbsLat = Math.min(89.9, Math.max(Math.abs(south), Math.abs(north)));
  const toLon = Math.min(lon - west, east - lon) * 111.19 * Math.cos((maxAbsLat * Math.PI) / 180);
  return Math.max(0, Math.min(toLat, toLon));
}
