import { describe, expect, it } from 'vitest';
import { isRightAnswer, scoreBand, scoreQuiz } from '../../src/features/quiz/scoring';

const questions = [
  { id: 'single', correct: ['b'] },
  { id: 'multiple', correct: ['a', 'c'] },
  { id: 'third', correct: ['x'] },
];

describe('quiz scoring', () => {
  it('accepts exactly the right set, in any order', () => {
    expect(isRightAnswer(['a', 'c'], ['c', 'a'])).toBe(true);
  });
  it('rejects a missing right answer, an extra wrong one, and no answer', () => {
    expect(isRightAnswer(['a', 'c'], ['a'])).toBe(false);
    expect(isRightAnswer(['a', 'c'], ['a', 'b', 'c'])).toBe(false);
    expect(isRightAnswer(['b'], [])).toBe(false);
  });
  it('counts only checked questions and knows when the quiz is finished', () => {
    expect(scoreQuiz(questions, { single: ['b'] })).toEqual({ correct: 1, answered: 1, total: 3, finished: false });
    expect(scoreQuiz(questions, { single: ['a'], multiple: ['a', 'c'], third: ['x'] })).toEqual({
      correct: 2,
      answered: 3,
      total: 3,
      finished: true,
    });
  });
  it('ignores answers to questions it does not know', () => {
    expect(scoreQuiz(questions, { stray: ['a'] }).answered).toBe(0);
  });
  it('scores the real quiz length: 22 questions, bands at 75 % and 40 %', () => {
    const many = Array.from({ length: 22 }, (_, i) => ({ id: `q${i + 1}`, correct: ['a'] }));
    const answers = Object.fromEntries(many.map((q, i) => [q.id, i < 17 ? ['a'] : ['b']]));
    const score = scoreQuiz(many, answers);
    expect(score).toEqual({ correct: 17, answered: 22, total: 22, finished: true });
    expect(scoreBand(score)).toBe('most'); // 17/22 = 77 %
    expect(scoreBand({ correct: 16, total: 22 })).toBe('some'); // 73 %
    expect(scoreBand({ correct: 9, total: 22 })).toBe('some'); // 41 %
    expect(scoreBand({ correct: 8, total: 22 })).toBe('few'); // 36 %
  });
  it('picks the closing message by score', () => {
    expect(scoreBand({ correct: 15, total: 15 })).toBe('all');
    expect(scoreBand({ correct: 12, total: 15 })).toBe('most');
    expect(scoreBand({ correct: 6, total: 15 })).toBe('some');
    expect(scoreBand({ correct: 1, total: 15 })).toBe('few');
    expect(scoreBand({ correct: 0, total: 0 })).toBe('few');
  });
});
