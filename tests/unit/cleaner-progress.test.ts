import { describe, expect, it } from 'vitest';
import { finished, isComplete, percent, shouldAnnounce, timeoutFor } from '../../src/features/cleaner/progress';

describe('batch progress', () => {
  it('counts cleaned and refused files as finished', () => {
    expect(finished({ total: 10, cleaned: 3, failed: 2 })).toBe(5);
    expect(percent({ total: 10, cleaned: 3, failed: 2 })).toBe(50);
  });

  it('rounds down, so 100 % means really done', () => {
    expect(percent({ total: 3, cleaned: 2, failed: 0 })).toBe(66);
    expect(percent({ total: 200, cleaned: 199, failed: 0 })).toBe(99);
    expect(percent({ total: 3, cleaned: 2, failed: 1 })).toBe(100);
  });

  it('treats an empty batch as not started rather than complete', () => {
    expect(percent({ total: 0, cleaned: 0, failed: 0 })).toBe(0);
    expect(isComplete({ total: 0, cleaned: 0, failed: 0 })).toBe(false);
    expect(isComplete({ total: 2, cleaned: 1, failed: 1 })).toBe(true);
  });

  it('announces at the start, every few files and at the end, not after every file', () => {
    const announced = Array.from({ length: 13 }, (_, done) => done).filter((done) => shouldAnnounce({ total: 12, cleaned: done, failed: 0 }));
    expect(announced).toEqual([0, 5, 10, 12]);
  });
});

describe('time budget per file', () => {
  it('grows with the size and is far longer for a conversion', () => {
    expect(timeoutFor(30 * 1024 * 1024, false)).toBeGreaterThan(timeoutFor(1024, false));
    expect(timeoutFor(1024, true)).toBeGreaterThan(timeoutFor(1024, false));
    expect(timeoutFor(0, false)).toBeGreaterThanOrEqual(10_000);
  });
});
