/** A quiz question as the island receives it: one language, ready to show. */
export interface QuizQuestionView {
  /** Entry id (file name), stable across languages. */
  id: string;
  kind: 'single' | 'multiple';
  prompt: string;
  options: { id: string; text: string }[];
  /** Ids of the right options. */
  correct: string[];
  explanation: string;
  /** Link to the lesson section that covers it. */
  lessonHref: string;
  lessonNumber: number;
}
