import { describe, expect, it } from 'vitest';
import { detectThemes, inferFrequency, inferRoutine, normalise, themeConfidence } from '../../src/features/profile/behaviour';
import { partOfDay } from '../../src/features/photos/dates';

const themesOf = (...prompts: string[]): string[] => detectThemes(prompts).map((m) => m.theme);

describe('themes from typed prompts (local keyword rules, FR + EN)', () => {
  it.each([
    ['health', 'Mon médecin dit que je suis enceinte', 'My doctor says I might have diabetes'],
    ['work', 'Transforme-moi en figurine avec mon badge du bureau', 'Write to my boss about the meeting'],
    ['children', "Une carte pour l'anniversaire de ma fille à l'école", 'Draw my kids at the nursery'],
    ['travel', "Nos vacances à la plage l'été prochain", 'Plan a trip: flight and hotel in Lisbon'],
    ['religion', 'Une image pour la prière du Ramadan', 'A card for the baptism at church'],
    ['politics', 'Un tract pour la manifestation et la grève', 'A poster for the election and my union'],
    ['finances', 'Comment rembourser mon crédit et mes dettes', 'Help me with my mortgage and taxes'],
    ['relationships', 'Un poème pour mon mari après le divorce de ma sœur', 'A wedding card for my girlfriend'],
  ])('finds %s in French and in English', (theme, fr, en) => {
    expect(themesOf(fr)).toContain(theme);
    expect(themesOf(en)).toContain(theme);
  });

  it('ignores accents and case, and matches word starts only', () => {
    expect(normalise('Hôpital, SANTÉ!')).toBe(' hopital sante ');
    expect(themesOf('HÔPITAL')).toEqual(['health']);
    // "son " must be a whole word: "song" and "sonnerie" are not about children.
    expect(themesOf('Write a song', 'Change ma sonnerie')).toEqual([]);
    // "vol " (flight) must not match "volume" or "volley".
    expect(themesOf('Monte le volume du volley')).toEqual([]);
  });

  it('finds nothing in a neutral prompt and counts prompts per theme, most mentioned first', () => {
    expect(detectThemes(['Make me a cartoon of a cat'])).toEqual([]);
    const found = detectThemes(['my doctor', 'the hospital bill', 'my boss']);
    expect(found[0]).toMatchObject({ theme: 'health', prompts: 2 });
    expect(found.map((m) => m.theme)).toEqual(['health', 'work']);
  });

  it('grows confidence with repetition: one mention is a hint, three prompts are a pattern', () => {
    expect(themeConfidence({ theme: 'health', keywords: ['doctor'], prompts: 1 })).toBe('low');
    expect(themeConfidence({ theme: 'health', keywords: ['doctor'], prompts: 2 })).toBe('medium');
    expect(themeConfidence({ theme: 'health', keywords: ['doctor', 'hospital'], prompts: 1 })).toBe('medium');
    expect(themeConfidence({ theme: 'health', keywords: ['doctor'], prompts: 3 })).toBe('high');
  });
});

describe('frequency and routine', () => {
  it('turns frequency into conversations a year, and never into nothing', () => {
    expect(inferFrequency('never')).toBeNull();
    expect(inferFrequency('monthly')).toEqual({ sessionsPerYear: 12, confidence: 'low' });
    expect(inferFrequency('weekly')).toEqual({ sessionsPerYear: 52, confidence: 'medium' });
    expect(inferFrequency('daily')).toEqual({ sessionsPerYear: 365, confidence: 'high' });
    expect(inferFrequency('severalDaily')?.sessionsPerYear).toBeGreaterThan(365);
  });

  it('reads a routine from the usual time, more confidently for daily users', () => {
    expect(inferRoutine('night', 'daily')).toEqual({ reading: 'nightOwl', confidence: 'medium' });
    expect(inferRoutine('night', 'monthly')).toEqual({ reading: 'nightOwl', confidence: 'low' });
    expect(inferRoutine('workHours', 'weekly')?.reading).toBe('atWork');
    expect(inferRoutine('morning', 'never')).toBeNull();
  });

  it('places an hour in a part of the day', () => {
    expect([3, 6, 11, 12, 17, 18, 21, 22].map(partOfDay)).toEqual(['night', 'morning', 'morning', 'afternoon', 'afternoon', 'evening', 'evening', 'night']);
  });
});
