import { describe, expect, it } from 'vitest';
import { readTimeZone } from '../../src/features/profile/browser';

describe('readTimeZone', () => {
  it('gives the same zone as Intl, whether or not Temporal exists', () => {
    expect(readTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});
