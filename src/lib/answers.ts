/**
 * What an answer is. Apart from src/lib/scoring.ts (which re-exports it) so that the
 * questionnaire screens can use it without loading the scoring code before the results.
 */

/** "Don't know / not applicable": recorded, but never scored. */
export const DONT_KNOW = 0;

/** A recorded answer: 1–5 on the agreement scale, or 0 for "don't know". */
export type AnswerValue = 0 | 1 | 2 | 3 | 4 | 5;

/** Answers keyed by statement id. Missing keys are unanswered. */
export type Answers = Readonly<Partial<Record<string, AnswerValue>>>;
