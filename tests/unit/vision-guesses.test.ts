/**
 * The guesses tier (issue #16) without a browser: when a face is flagged as
 * possibly a child, which sentence each guess gets, where a face is cut out,
 * what the worker messages accept, and that every sentence the panel can pick
 * exists in both languages. The models' outputs are stand-ins here; the e2e
 * spec (vision-guesses.spec.ts) runs the real ones.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveVisionFiles } from '../../integrations/vision-assets.mjs';
import { squareCrop } from '../../src/features/vision/guesses/crop';
import { GUESS_ROLES, guessBytes } from '../../src/features/vision/guesses/files';
import { EXPRESSIONS, guessFailureSchema, guessReplySchema, guessRequestSchema, MAX_FACES, type FaceGuess } from '../../src/features/vision/guesses/protocol';
import { ageRange, CHILD_BELOW_YEARS, expressionKey, genderKey, percent, possiblyChild, topExpression } from '../../src/features/vision/guesses/reading';

const box = { x: 0.4, y: 0.2, w: 0.2, h: 0.3 };
const expressions = (top: (typeof EXPRESSIONS)[number], p: number): FaceGuess['expressions'] =>
  EXPRESSIONS.map((expression) => ({ expression, probability: expression === top ? p : (1 - p) / 6 }));
const guess = (over: Partial<FaceGuess> = {}): FaceGuess => ({
  faceId: 'face-0',
  age: 34.2,
  gender: 'female',
  genderProbability: 0.93,
  expressions: expressions('happy', 0.8),
  ...over,
});

describe('possibly a child', () => {
  it('flags an estimate under 16 and not from 16 on', () => {
    expect(CHILD_BELOW_YEARS).toBe(16);
    expect(possiblyChild(4)).toBe(true);
    expect(possiblyChild(12.9)).toBe(true);
    expect(possiblyChild(15.99)).toBe(true);
    expect(possiblyChild(16)).toBe(false);
    expect(possiblyChild(34)).toBe(false);
  });
  it('never flags a number that is not one', () => {
    expect(possiblyChild(Number.NaN)).toBe(false);
  });
});

describe('wording', () => {
  it('gives an age as the estimate with the mean error either side, never below 0', () => {
    expect(ageRange(34.2)).toEqual({ about: 34, low: 30, high: 39 });
    expect(ageRange(2)).toEqual({ about: 2, low: 0, high: 7 });
  });
  it('calls a gender guess under 75 % unsure', () => {
    expect(genderKey(guess())).toBe('guesses.gender.female');
    expect(genderKey(guess({ gender: 'male', genderProbability: 0.8 }))).toBe('guesses.gender.male');
    expect(genderKey(guess({ gender: 'male', genderProbability: 0.6 }))).toBe('guesses.gender.unsure');
  });
  it('names the top expression, and calls it unclear under 50 %', () => {
    expect(topExpression(guess({ expressions: expressions('sad', 0.7) }))).toEqual({ expression: 'sad', probability: 0.7 });
    expect(expressionKey(guess({ expressions: expressions('sad', 0.7) }))).toBe('guesses.expression.sure');
    expect(expressionKey(guess({ expressions: expressions('sad', 0.3) }))).toBe('guesses.expression.unsure');
  });
  it('shows probabilities as whole percentages within 0–100', () => {
    expect(percent(0.934)).toBe(93);
    expect(percent(1.2)).toBe(100);
    expect(percent(-1)).toBe(0);
  });
  it('has every sentence the panel can pick, in French and in English', () => {
    for (const locale of ['fr', 'en']) {
      const strings = JSON.parse(readFileSync(`src/i18n/${locale}/guesses.json`, 'utf8')) as Record<string, string>;
      const keys = [
        'guesses.gender.female',
        'guesses.gender.male',
        'guesses.gender.unsure',
        'guesses.expression.sure',
        'guesses.expression.unsure',
        'guesses.child',
        'guesses.age',
        ...EXPRESSIONS.map((e) => `guesses.expression.${e}`),
        ...guessFailureSchema.options.map((f) => `guesses.fail.${f}`),
      ];
      for (const key of keys) expect(strings[key], `${locale} ${key}`).toBeTruthy();
      // Every key is namespaced: the panel's strings are merged into the scan's.
      for (const key of Object.keys(strings)) expect(key.startsWith('guesses.'), key).toBe(true);
    }
  });
});

describe('face crop', () => {
  it('is a square of the box’s longer edge around its centre', () => {
    expect(squareCrop(box, 1000, 1000)).toEqual({ x: 350, y: 200, w: 300, h: 300 });
  });
  it('stays inside the picture at its edges', () => {
    const crop = squareCrop({ x: 0.9, y: 0, w: 0.1, h: 0.2 }, 1000, 500);
    expect(crop).toEqual({ x: 900, y: 0, w: 100, h: 100 });
    const big = squareCrop({ x: 0, y: 0, w: 1, h: 1 }, 400, 300);
    expect(big.w).toBe(300);
    expect(big.x + big.w).toBeLessThanOrEqual(400);
  });
});

describe('protocol', () => {
  const file = new Blob([new Uint8Array([0xff, 0xd8])], { type: 'image/jpeg' });
  it('accepts a photo with its faces', () => {
    expect(guessRequestSchema.safeParse({ type: 'guess', file, faces: [{ id: 'face-0', box }] }).success).toBe(true);
  });
  it('refuses no face, too many faces, a box outside the picture, or no photo', () => {
    expect(guessRequestSchema.safeParse({ type: 'guess', file, faces: [] }).success).toBe(false);
    const many = Array.from({ length: MAX_FACES + 1 }, (_, i) => ({ id: `face-${i}`, box }));
    expect(guessRequestSchema.safeParse({ type: 'guess', file, faces: many }).success).toBe(false);
    expect(guessRequestSchema.safeParse({ type: 'guess', file, faces: [{ id: 'face-0', box: { ...box, x: 1.5 } }] }).success).toBe(false);
    expect(guessRequestSchema.safeParse({ type: 'guess', file: 'photo.jpg', faces: [{ id: 'face-0', box }] }).success).toBe(false);
  });
  it('accepts a model answer and refuses one with a third gender class, a missing expression or an unknown one', () => {
    expect(guessReplySchema.safeParse({ type: 'done', guesses: [guess()], msPerFace: 120 }).success).toBe(true);
    expect(guessReplySchema.safeParse({ type: 'done', guesses: [{ ...guess(), gender: 'unknown' }], msPerFace: 1 }).success).toBe(false);
    expect(guessReplySchema.safeParse({ type: 'done', guesses: [{ ...guess(), expressions: guess().expressions.slice(1) }], msPerFace: 1 }).success).toBe(
      false,
    );
    const odd = guess().expressions.map((e, i) => (i === 0 ? { expression: 'contempt', probability: e.probability } : e));
    expect(guessReplySchema.safeParse({ type: 'done', guesses: [{ ...guess(), expressions: odd }], msPerFace: 1 }).success).toBe(false);
    expect(guessReplySchema.safeParse({ type: 'failed', failure: 'model-load', detail: 'HTTP 404' }).success).toBe(true);
  });
});

describe('files', () => {
  it('are face-api’s runtime and two networks only (no detector, nothing that guesses ethnicity), and their bytes are what the button announces', async () => {
    const files = await resolveVisionFiles();
    const tier = files.filter((f) => (GUESS_ROLES as readonly string[]).includes(f.role));
    expect(tier.map((f) => f.url.split('/').at(-1)).sort()).toEqual([
      'age_gender_model-weights_manifest.json',
      'age_gender_model.bin',
      'face-api.esm.js',
      'face_expression_model-weights_manifest.json',
      'face_expression_model.bin',
    ]);
    expect(tier.every((f) => f.url.startsWith('/models/@vladmandic/face-api@1.7.15/'))).toBe(true);
    expect(files.some((f) => /gear|race|faceres|ssrnet/i.test(f.url))).toBe(false);
    expect(guessBytes(files)).toBe(tier.reduce((sum, f) => sum + f.bytes, 0));
    expect(guessBytes(files)).toBeGreaterThan(2_000_000);
    expect(guessBytes(files)).toBeLessThan(2_300_000);
  });
});
