/** From readings to cards: which cards appear, the thumbnail aspect rule, and the summary the profile tool reads. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferSource } from '../../src/formats/source';
import { findingsFor, thumbnailAspectDiffers } from '../../src/features/inspector/findings';
import { partOfDayOf } from '../../src/features/photos/dates';
import { readSource } from '../../src/features/inspector/reader';
import { summaryFromReading } from '../../src/features/photos/summarize';
import { photoSummarySchema } from '../../src/features/photos/summary';
import { IMAGES, ROOT } from '../support/paths';

async function reading(path: string) {
  const result = await readSource(bufferSource(new Uint8Array(readFileSync(path))));
  if (!result.ok) throw new Error(`${path}: ${result.code}`);
  return result.reading;
}

describe('thumbnail aspect-ratio rule (2 %)', () => {
  it('flags a 16:9 thumbnail on a 4:3 photo (a crop made after shooting)', () => {
    expect(thumbnailAspectDiffers({ width: 1200, height: 900 }, { width: 160, height: 90 })).toBe(true);
  });
  it('accepts the rounding of a small thumbnail (160×120 for 4000×3000)', () => {
    expect(thumbnailAspectDiffers({ width: 4000, height: 3000 }, { width: 160, height: 120 })).toBe(false);
  });
  it('draws the line at 2 %', () => {
    expect(thumbnailAspectDiffers({ width: 1000, height: 1000 }, { width: 1019, height: 1000 })).toBe(false);
    expect(thumbnailAspectDiffers({ width: 1000, height: 1000 }, { width: 1021, height: 1000 })).toBe(true);
  });
  it('ignores sizes it cannot compare', () => {
    expect(thumbnailAspectDiffers({ width: 0, height: 900 }, { width: 160, height: 90 })).toBe(false);
  });
});

describe('cards', () => {
  it('the sample photo fills every card and warns about its pre-crop thumbnail', async () => {
    const cards = findingsFor(await reading(join(ROOT, 'public/samples/sample-lyon.jpg')));
    expect(cards.map((c) => c.id)).toEqual(['location', 'time', 'device', 'people', 'history', 'thumbnail']);
    expect(cards.find((c) => c.id === 'thumbnail')?.warningKey).toBe('card.thumbnail.aspectWarning');
    const location = cards.find((c) => c.id === 'location');
    expect(location?.fields.find((f) => f.id === 'gps-lat')?.value).toBe('45.76400');
    expect(location?.anchor).toBe('gps');
  });

  it('a photo with nothing personal gets no cards', async () => {
    expect(findingsFor(await reading(join(IMAGES, 'exifr__noexif.jpg')))).toEqual([]);
  });

  it('a western longitude is shown negative with 5 decimals', async () => {
    const cards = findingsFor(await reading(join(IMAGES, 'mei__Apple_iPhone_5.jpg')));
    expect(cards.find((c) => c.id === 'location')?.fields.find((f) => f.id === 'gps-lon')?.value).toBe('-122.33733');
  });

  it('names the part of the day', () => {
    expect(partOfDayOf('2025:04:05 14:32:10')).toBe('afternoon');
    // One rule with the profile: 23:00 is night on the card and in the dossier.
    expect(partOfDayOf('2025:04:05 23:00:00')).toBe('night');
    expect(partOfDayOf('2025:04:05 21:59:00')).toBe('evening');
    expect(partOfDayOf('2025:04:05 03:10:00')).toBe('night');
    expect(partOfDayOf('garbage')).toBeUndefined();
    expect(partOfDayOf('2025:02:30 10:00:00')).toBeUndefined();
  });
});

describe('summary for the "what they could learn" tool', () => {
  it('is valid for the profile schema and marks the sample', async () => {
    const summary = summaryFromReading(await reading(join(ROOT, 'public/samples/sample-lyon.jpg')), true);
    expect(photoSummarySchema.safeParse(summary).success).toBe(true);
    expect(summary).toMatchObject({ format: 'jpeg', make: 'Apple', model: 'iPhone 14', offset: '+02:00', hasSerial: true, hasThumbnail: true, isSample: true });
    expect(summary.gps?.lat).toBeCloseTo(45.764, 5);
  });
});
