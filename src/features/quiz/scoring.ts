/**
 * Quiz scoring, with no DOM: the island asks it whether an answer is right
 * and what the score is; unit tests pin the rules down.
 */

/** What scoring needs to know about a question: its id and the ids of its right answers. */
export interface ScorableQuestion {
  id: string;
  correct: readonly string[];
}

/** The reader's ticked option ids, by question id. Questions not yet checked are absent. */
export type Answers = Readonly<Record<string, readonly string[]>>;

/** Outcome of the quiz so far. */
export interface QuizScore {
  /** Questions answered right. */
  correct: number;
  /** Questions checked, right or wrong. */
  answered: number;
  /** Questions in the quiz. */
  total: number;
  /** True once every question has been checked. */
  finished: boolean;
}

/**
 * An answer is right when the ticked options are exactly the right ones:
 * for a multiple-answer question, missing one right answer or adding a wrong one
 * both make it wrong (no partial credit: the point is the full set of reflexes).
 */
export function isRightAnswer(correct: readonly string[], selected: readonly string[]): boolean {
  const picked = new Set(selected);
  if (picked.size === 0) return false;
  const right = new Set(correct);
  if (picked.size !== right.size) return false;
  for (const id of picked) if (!right.has(id)) return false;
  return true;
}

/** Scores the checked answers against the questions; answers to unknown questions are ignored. */
export function scoreQuiz(questions: readonly ScorableQuestion[], answers: Answers): QuizScore {
  let correct = 0;
  let answered = 0;
  for (const q of questions) {
    const selected = answers[q.id];
    if (selected === undefined) continue;
    answered += 1;
    if (isRightAnswer(q.correct, selected)) correct += 1;
  }
  return { correct, answered, total: questions.length, finished: answered === questions.length };
}

/** Which closing message fits a score: every answer, most (≥ 75 %), some (≥ 40 %), or few. */
export function scoreBand(score: Pick<QuizScore, 'correct' | 'total'>): 'all' | 'most' | 'some' | 'few' {
  if (score.total > 0 && score.correct === score.total) return 'all';
  const ratio = score.total === 0 ? 0 : score.correct / score.total;
  if (ratio >= 0.75) return 'most';
  if (ratio >= 0.4) return 'some';
  return 'few';
}
