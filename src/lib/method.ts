/**
 * The worked example on /method/: a made-up response, built from whatever bank is current so
 * the example always matches the statements and weights it explains.
 */
import type { Bank } from './bank';
import type { AnswerValue } from './scoring';

/** Typical agreement level for each dimension of the example, in bank order (cycled). */
const LEVELS = [2, 4, 3, 5, 2, 3, 3, 4, 4];
/** Spread within a dimension, by statement position (cycled). */
const OFFSETS = [0, 1, -1, 0, 1];

/**
 * A plausible response for the worked example. The lowest-scoring dimension is the first
 * (to show the keystone rule when it is leadership), the fourth has a "don't know", and the
 * seventh has too few answers to score.
 */
export function exampleAnswers(bank: Bank): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  bank.dimensions.forEach((dimension, i) => {
    const level = LEVELS[i % LEVELS.length] ?? 3;
    dimension.statements.forEach((statement, j) => {
      if (i === 6 && j > 0) {
        answers[statement.id] = 0;
        return;
      }
      if (i === 3 && j === 1) {
        answers[statement.id] = 0;
        return;
      }
      const agree = Math.min(5, Math.max(1, level + (OFFSETS[j % OFFSETS.length] ?? 0)));
      // Reverse-worded statements are answered the other way round by a consistent respondent.
      answers[statement.id] = (statement.reverse ? 6 - agree : agree) as AnswerValue;
    });
  });
  return answers;
}
