import { describe, expect, it } from 'vitest';
import { extensionFor, neutralName, safeFileName, uniqueNames } from '../../src/features/cleaner/naming';

describe('neutral names for clean files', () => {
  it('proposes photo-N with the extension of the real format', () => {
    expect(neutralName(1, 'jpeg')).toBe('photo-1.jpg');
    expect(neutralName(12, 'png')).toBe('photo-12.png');
    expect(neutralName(3, 'webp')).toBe('photo-3.webp');
    expect(extensionFor('jpeg')).toBe('jpg');
  });

  it('never carries the camera name (and its date) over', () => {
    expect(neutralName(1, 'jpeg')).not.toMatch(/IMG|2025/);
  });
});

describe('the name the reader types', () => {
  it('keeps a plain name and adds the right extension', () => {
    expect(safeFileName('holiday', 'jpeg', 1)).toBe('holiday.jpg');
  });

  it('replaces an extension that does not match the format', () => {
    expect(safeFileName('beach.heic', 'jpeg', 1)).toBe('beach.jpg');
    expect(safeFileName('beach.JPG', 'png', 1)).toBe('beach.png');
  });

  it('removes path separators and characters file systems refuse', () => {
    expect(safeFileName('../../etc/passwd', 'png', 1)).toBe('-..-etc-passwd.png');
    expect(safeFileName('a:b*c?"<>|\\d', 'jpeg', 1)).toBe('a-b-c------d.jpg');
    expect(safeFileName('line\nbreak', 'jpeg', 1)).toBe('line-break.jpg');
  });

  it('does not make hidden files', () => {
    expect(safeFileName('.secret', 'jpeg', 1)).toBe('secret.jpg');
  });

  it('falls back to the neutral name when nothing usable is left', () => {
    expect(safeFileName('', 'jpeg', 4)).toBe('photo-4.jpg');
    expect(safeFileName('   ', 'webp', 2)).toBe('photo-2.webp');
    expect(safeFileName('.jpg', 'jpeg', 5)).toBe('photo-5.jpg');
  });

  it('caps very long names', () => {
    expect(safeFileName('x'.repeat(500), 'jpeg', 1).length).toBeLessThanOrEqual(124);
  });
});

describe('unique names inside one ZIP', () => {
  it('numbers repeated names instead of overwriting, ignoring case', () => {
    expect(uniqueNames(['photo.jpg', 'photo.jpg', 'PHOTO.jpg', 'other.png'])).toEqual(['photo.jpg', 'photo-2.jpg', 'PHOTO-3.jpg', 'other.png']);
  });

  it('does not collide with a name that already has the suffix', () => {
    expect(uniqueNames(['a-2.jpg', 'a.jpg', 'a.jpg'])).toEqual(['a-2.jpg', 'a.jpg', 'a-3.jpg']);
  });
});
