/**
 * The adapter over exifr, on the real fixture corpus in Node: every readable
 * file gives exiftool's make, model, date and signed GPS; the gaps measured in
 * EXIFR_NOTES.md are closed; broken files fail or report damage, never throw.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferSource } from '../../src/formats/source';
import { gpsFromBlock, toDecimal } from '../../src/features/inspector/adapter';
import { readSource, type ReadResult } from '../../src/features/inspector/reader';
import { checkTiff } from '../../src/features/inspector/tiff';
import { IMAGES, MANIFEST, ROOT, truthFor } from '../support/paths';

async function read(file: string, dir = IMAGES): Promise<ReadResult> {
  return readSource(bufferSource(new Uint8Array(readFileSync(join(dir, file)))));
}

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v).trim() || undefined);

describe('every readable fixture agrees with exiftool', () => {
  const readable = MANIFEST.filter((m) => !m.broken);
  for (const entry of readable) {
    it(entry.file, async () => {
      const result = await read(entry.file);
      expect(result.ok, `${entry.file} failed: ${result.ok ? '' : result.code}`).toBe(true);
      if (!result.ok) return;
      const truth = truthFor(entry.file);
      const r = result.reading;
      expect(r.make).toBe(str(truth['IFD0:Make']));
      expect(r.model).toBe(str(truth['IFD0:Model']));
      const date = str(truth['ExifIFD:DateTimeOriginal']);
      if (date) expect(r.takenAt).toBe(date);
      const lat = num(truth['Composite:GPSLatitude']);
      const lon = num(truth['Composite:GPSLongitude']);
      if (lat !== undefined && lon !== undefined) {
        expect(r.gps?.lat.toFixed(5)).toBe(lat.toFixed(5));
        expect(r.gps?.lon.toFixed(5)).toBe(lon.toFixed(5));
      } else {
        expect(r.gps).toBeUndefined();
      }
    });
  }
});

describe('broken fixtures never throw', () => {
  for (const entry of MANIFEST.filter((m) => m.broken)) {
    it(`${entry.file} fails cleanly or reports damage`, async () => {
      const result = await read(entry.file);
      if (result.ok) expect(result.reading.damage.length, JSON.stringify(result.reading.damage)).toBeGreaterThan(0);
      else expect(result.code).toMatch(/empty|not-an-image|truncated|corrupt|too-large|unsupported|unreadable/);
    });
  }
});

describe('gaps of exifr, closed', () => {
  it('Sony DSC-HX5V: a bad IFD0 entry does not hide make, model, date or GPS', async () => {
    const result = await read('mei__Sony_DSC-HX5V_2.jpg');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.reading.make).toBe('SONY');
    expect(result.reading.model).toBe('DSC-HX5V');
    expect(result.reading.takenAt).toBe('2010:05:15 17:12:05');
    expect(result.reading.gps?.lat.toFixed(5)).toBe('51.77862');
  });

  it('an empty GPS block (NaN from exifr) gives no location and says so', async () => {
    const result = await read('immich__empty_gps.jpg');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.reading.gps).toBeUndefined();
    expect(result.reading.damage).toContain('gps-empty');
    expect(gpsFromBlock({ GPSLatitude: [Number.NaN, Number.NaN, Number.NaN], GPSLongitude: [Number.NaN, Number.NaN, Number.NaN] })).toBeUndefined();
  });

  it('Kodak ProBack and empty_gps: no "thumbnail" that is really the whole file', async () => {
    for (const file of ['mei__Kodak_ProBack.jpg', 'immich__empty_gps.jpg']) {
      const result = await read(file);
      if (result.ok) expect(result.reading.thumbnail, file).toBeUndefined();
    }
  });

  it('the Kodak ProBack interop pointer back to IFD0 is reported as a loop', () => {
    const bytes = new Uint8Array(readFileSync(join(IMAGES, 'mei__Kodak_ProBack.jpg')));
    const tiffAt = bytes.indexOf(0x4d, 0); // find "MM\0*" after the Exif header
    let at = -1;
    for (let i = tiffAt; i < 200; i++) if (bytes[i] === 0x4d && bytes[i + 1] === 0x4d && bytes[i + 2] === 0 && bytes[i + 3] === 42) at = at < 0 ? i : at;
    expect(at).toBeGreaterThan(0);
    expect(checkTiff(bytes.subarray(at)).warnings).toContain('exif-loop');
  });
});

describe('GPS sign per hemisphere', () => {
  it.each([
    ['N', 'E', 1, 1],
    ['N', 'W', 1, -1],
    ['S', 'E', -1, 1],
    ['S', 'W', -1, -1],
  ])('%s/%s', (latRef, lonRef, latSign, lonSign) => {
    const gps = gpsFromBlock({ GPSLatitude: [45, 30, 0], GPSLatitudeRef: latRef, GPSLongitude: [4, 15, 0], GPSLongitudeRef: lonRef });
    expect(gps?.lat).toBeCloseTo(45.5 * latSign, 10);
    expect(gps?.lon).toBeCloseTo(4.25 * lonSign, 10);
  });

  it('keeps the sign of the real southern and western fixtures', async () => {
    for (const file of ['ianare__Kodak_CX7530.jpg', 'synthetic__gps_SW_rio__immich_el_torcal_rocks.jpg']) {
      const result = await read(file);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.reading.gps?.lat).toBeLessThan(0);
    }
  });

  it('0/0 is a real location, not "none"', () => {
    expect(toDecimal([0, 0, 0], 'N')).toBe(0);
  });
});

describe('the sample photo', () => {
  it('shows every card the lessons talk about', async () => {
    const result = await read('sample-lyon.jpg', join(ROOT, 'public/samples'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const r = result.reading;
    expect(r.gps?.lat.toFixed(5)).toBe('45.76400');
    expect(r.gps?.lon.toFixed(5)).toBe('4.83570');
    expect(r.gps?.altitude).toBeCloseTo(173.4, 1);
    expect(r.offset).toBe('+02:00');
    expect(r.make).toBe('Apple');
    expect(r.serials.map((s) => s.value)).toContain('F2LXK9A1Q7HD');
    expect(r.people.map((p) => p.value)).toContain('Camille Martin');
    expect(r.history.map((h) => h.action)).toEqual(['created', 'edited', 'cropped']);
    expect(r.thumbnail).toMatchObject({ width: 160, height: 90 });
    expect(r.words.map((w) => w.value).join(' ')).toContain('Lyon');
  });
});
