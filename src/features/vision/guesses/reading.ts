/**
 * How a model's guesses are worded (issue #16): which sentence each guess
 * gets and when a face is flagged as possibly a child. Pure: unit-tested.
 * Every guess is shown as a guess; these rules only pick the sentence.
 */
import type { Expression, FaceGuess } from './protocol';

/**
 * Mean absolute error of face-api's age network, in years: 4.54, as its
 * author reports it (justadudewhohacks/face-api.js README, "Age and Gender
 * Recognition Model"; research vision-2026-12 §3.2). Shown with each age.
 */
export const AGE_MAE_YEARS = 4.54;

/**
 * A face is flagged "possibly a child" when the estimate is under 16.
 * The age we care about is under 13 (the youngest age of consent to online
 * services GDPR Art. 8 allows, and most services' minimum age). The
 * network's author measured a mean error of 4.82 years for ages 9–18 and
 * 3.06 for 4–8 (face-api.js README, test results by age group), and age
 * regressions pull the young towards the middle of their training data, so
 * a child is more often estimated too old than too young: 13 + 3 catches an
 * 11- or 12-year-old estimated up to 4–5 years too old (about that group's
 * mean error), while an adult of 18 needs to be under-estimated by more than
 * 2 years and one of 25 by 9 (the 19–28 group's mean error is 4.99). Erring
 * towards the flag is on purpose: it asks the reader to think twice, and
 * it is worded as a guess.
 */
export const CHILD_BELOW_YEARS = 16;

/** True when the model's age estimate makes the face possibly a child's. */
export function possiblyChild(age: number): boolean {
  return Number.isFinite(age) && age < CHILD_BELOW_YEARS;
}

/** The range shown for an age: the estimate ± the mean error, rounded, never below 0. */
export function ageRange(age: number): { low: number; high: number; about: number } {
  return { low: Math.max(0, Math.round(age - AGE_MAE_YEARS)), high: Math.round(age + AGE_MAE_YEARS), about: Math.round(age) };
}

/**
 * Below this probability the gender guess is worded as unsure: the network
 * outputs one of two classes, so 0.5 is a coin toss; 0.75 leaves a real margin.
 */
export const GENDER_SURE = 0.75;
/** Below this the top expression is worded as unclear: seven classes, so 1/7 ≈ 0.14 is chance; 0.5 means it beat the other six together. */
export const EXPRESSION_SURE = 0.5;

/** The i18n key for the gender guess (keys in the vision strings, under guesses.). */
export function genderKey(guess: Pick<FaceGuess, 'gender' | 'genderProbability'>): string {
  return guess.genderProbability < GENDER_SURE ? 'guesses.gender.unsure' : `guesses.gender.${guess.gender}`;
}

/** The expression the model rates highest, with its probability. */
export function topExpression(guess: Pick<FaceGuess, 'expressions'>): { expression: Expression; probability: number } {
  let best: { expression: Expression; probability: number } = { expression: 'neutral', probability: 0 };
  for (const e of guess.expressions) if (e.probability > best.probability) best = e;
  return best;
}

/** The i18n key for the expression guess. */
export function expressionKey(guess: Pick<FaceGuess, 'expressions'>): string {
  const top = topExpression(guess);
  return top.probability < EXPRESSION_SURE ? 'guesses.expression.unsure' : 'guesses.expression.sure';
}

/** A probability as a whole percentage for display. */
export function percent(probability: number): number {
  return Math.round(Math.min(1, Math.max(0, probability)) * 100);
}
