import { describe, expect, it } from 'vitest';
import { distanceKm, ringKeys, searchedRadiusKm, tileOf } from '../../src/features/geo/geometry';
import { countryName, lookupPlace, townsNear } from '../../src/features/geo/place';

describe('geometry', () => {
  it('measures great-circle distances', () => {
    expect(distanceKm(48.8566, 2.3522, 45.764, 4.8357)).toBeCloseTo(392, -1); // Paris–Lyon
    expect(distanceKm(0, 179.9, 0, -179.9)).toBeLessThan(25); // across the antimeridian
  });
  it('wraps tiles across the antimeridian but not the poles', () => {
    expect(tileOf(-22.95, -43.21)).toEqual({ row: 3, col: 6 });
    expect(ringKeys(4, 0, 1)).toContain('4_17');
    expect(ringKeys(0, 5, 1).some((k) => k.startsWith('-'))).toBe(false);
  });
  it('gives a conservative searched radius', () => {
    expect(searchedRadiusKm(45.5, 4.5, 0)).toBeGreaterThan(0);
    expect(searchedRadiusKm(45.5, 4.5, 1)).toBeGreaterThan(searchedRadiusKm(45.5, 4.5, 0));
  });
});

describe('offline place lookup (known coordinates → known place)', () => {
  it.each([
    // [label, lat, lon, country, nearest town, time zone]
    ['Lyon (N/E)', 45.764, 4.8357, 'FR', 'Lyon', 'Europe/Paris'],
    ['Arezzo area, DSCN0010 (N/E)', 43.467448, 11.885127, 'IT', 'Arezzo', 'Europe/Rome'],
    ['Washington DC, IPTC sample (N/W)', 38.890236, -77.049302, 'US', 'Washington, D.C.', 'America/New_York'],
    ['Kenya, Kodak CX7530 (S/E)', -0.371297, 36.056417, 'KE', 'Nakuru', 'Africa/Nairobi'],
    ['Rio de Janeiro, synthetic (S/W)', -22.951916, -43.210487, 'BR', 'Rio de Janeiro', 'America/Sao_Paulo'],
  ])('%s', async (_label, lat, lon, country, town, zone) => {
    const place = await lookupPlace(lat, lon);
    expect(place.countryCode).toBe(country);
    expect(place.town?.name).toBe(town);
    expect(place.timeZone).toBe(zone);
  });

  it('handles the open sea and nonsense coordinates', async () => {
    const sea = await lookupPlace(-48.8767, -123.3933); // Point Nemo, the spot farthest from land
    expect(sea.countryCode).toBeNull();
    expect(sea.town === null || sea.town.distanceKm > 500).toBe(true);
    expect(await lookupPlace(Number.NaN, 3)).toEqual({ countryCode: null, town: null, timeZone: null });
    expect(await lookupPlace(95, 3)).toEqual({ countryCode: null, town: null, timeZone: null });
  });

  it('lists towns near a point, nearest first', async () => {
    const near = await townsNear(45.764, 4.8357, 30);
    expect(near[0]?.name).toBe('Lyon');
    expect(near.length).toBeGreaterThan(3);
    for (let i = 1; i < near.length; i++) expect(near[i]!.distanceKm).toBeGreaterThanOrEqual(near[i - 1]!.distanceKm);
  });

  it('names countries in the reader’s language', () => {
    expect(countryName('DE', 'fr')).toBe('Allemagne');
    expect(countryName('DE', 'en')).toBe('Germany');
  });
});
