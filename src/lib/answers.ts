/**
 * What an answer is. Apart from src/lib/scoring.ts (which re-exports it) so that the
 * questionnaire screens can use it without loading the scoring code before the results.
 */

/** "Don't know": recorded, never scored, and counted as a finding (a blind spot). */
export const DONT_KNOW = 0;

/**
 * "Not applicable" (banks that offer it, from version 2): recorded, never scored, and the
 * statement no longer counts towards the dimension's coverage.
 */
export const NOT_APPLICABLE = 6;

/** The midpoint of the agreement scale ("Neither agree nor disagree"). */
export const NEUTRAL = 3;

/** An answer on the five-point agreement scale (1 strongly disagree … 5 strongly agree). */
export type Agreement = 1 | 2 | 3 | 4 | 5;

/** A recorded answer: 1–5 on the agreement scale, 0 for "don't know", 6 for "not applicable". */
export type AnswerValue = typeof DONT_KNOW | Agreement | typeof NOT_APPLICABLE;

/** Answers keyed by statement id. Missing keys are unanswered. */
export type Answers = Readonly<Partial<Record<string, AnswerValue>>>;

/** True for an answer on the agreement scale, the only answers that are scored. */
export function isAgreement(value: AnswerValue | undefined): value is Agreement {
  return value !== undefined && value >= 1 && value <= 5;
}
