import { describe, expect, it } from 'vitest';
import { deviceName, priceRange } from '../../src/features/profile/device-price';
import { MANIFEST } from '../support/paths';

const makeModel = (file: string): [string | undefined, string | undefined] => {
  const entry = MANIFEST.find((e) => e.file === file);
  if (!entry) throw new Error(`fixture ${file} missing from the manifest`);
  return [entry.make ?? undefined, entry.model ?? undefined];
};

describe('device price range from the bundled table', () => {
  it.each([
    ['exifr__iptc-agency-photographer-example.jpg', 'professional'], // Nikon D2X
    ['mei__Kodak_ProBack.jpg', 'professional'],
    ['synthetic__gps_SW_rio__immich_el_torcal_rocks.jpg', 'premium'], // Sony DSLR-A550
    ['ianare__Canon_40D.jpg', 'premium'],
    ['mei__Apple_iPhone_5.jpg', 'premium'],
    ['mei__Samsung_GT-I9000_Galaxy_S.jpg', 'premium'],
    ['mei__Olympus_PEN_E-P3.jpg', 'mid'],
    ['ianare__Panasonic_DMC-FZ30.jpg', 'mid'],
    ['mei__HTC_Desire.webp', 'mid'],
    ['ianare__Kodak_CX7530.jpg', 'budget'],
    ['ianare__DSCN0010.jpg', 'budget'], // Nikon COOLPIX
  ])('%s → %s', (file, expected) => {
    const [make, model] = makeModel(file);
    expect(priceRange(make, model)).toBe(expected);
  });

  it('says unknown (null) instead of guessing for a device not in the table', () => {
    expect(priceRange('Acme', 'Photon 3000')).toBeNull();
    expect(priceRange(undefined, undefined)).toBeNull();
  });

  it('names the device without repeating the make', () => {
    expect(deviceName('NIKON CORPORATION', 'NIKON D2X')).toBe('NIKON D2X');
    expect(deviceName('Apple', 'iPhone 14')).toBe('Apple iPhone 14');
    expect(deviceName('SONY', undefined)).toBe('SONY');
    expect(deviceName(undefined, undefined)).toBeNull();
  });
});
