import { describe, expect, it } from 'vitest';
import { dismiss, INSTALL_HINT_KEY, isDismissed, platformOf, shouldShowHint } from '../../src/features/cleaner/install-hint';

describe('install hint', () => {
  it('shows on phones only, never in the installed app, never after a dismissal', () => {
    expect(shouldShowHint({ coarsePointer: true, standalone: false, dismissed: false })).toBe(true);
    expect(shouldShowHint({ coarsePointer: false, standalone: false, dismissed: false })).toBe(false);
    expect(shouldShowHint({ coarsePointer: true, standalone: true, dismissed: false })).toBe(false);
    expect(shouldShowHint({ coarsePointer: true, standalone: false, dismissed: true })).toBe(false);
  });

  it('stores only the dismissal, and survives storage that refuses', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    expect(isDismissed(storage)).toBe(false);
    dismiss(storage);
    expect([...map]).toEqual([[INSTALL_HINT_KEY, 'dismissed']]);
    expect(isDismissed(storage)).toBe(true);
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(isDismissed(refusing)).toBe(false);
    expect(() => dismiss(refusing)).not.toThrow();
  });

  it('tells iPhone and iPad (which reports a Mac with touch) from the rest', () => {
    expect(platformOf('Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)', 5)).toBe('ios');
    expect(platformOf('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)', 5)).toBe('ios');
    expect(platformOf('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)', 0)).toBe('other');
    expect(platformOf('Mozilla/5.0 (Linux; Android 15; Pixel 9)', 5)).toBe('other');
  });
});
