/**
 * The Customer Loyalty Index of a group of respondents: each question's net score and the two
 * indices (the mean of the three net scores, and the mean rating times ten) with their intervals,
 * in one pass over the responses. Pure.
 */
import {
  QUESTIONS,
  meanFromMoments,
  netScore,
  type Estimate,
  type LoyaltyResponse,
  type NetScore,
  type Question,
} from './loyalty-score';

/** Everything the page shows for one group of respondents. */
export interface LoyaltySummary {
  n: number;
  /** Net score per question; null for a question the file does not have. */
  scores: Record<Question, NetScore | null>;
  /**
   * Customer Loyalty Index as this site defines it: the mean of the three net scores
   * (−100…+100), with a t interval from each respondent's mean of their three own scores.
   * Null unless the file has all three questions.
   */
  cli: Estimate | null;
  /**
   * The common alternative: the mean of the three 0–10 ratings, times 10 (0…100), with a t
   * interval from each respondent's mean rating. Null unless all three questions are there.
   */
  ratingIndex: Estimate | null;
}

/**
 * Summarises respondents. A question counts as asked when every respondent has a rating for
 * it (the file reader guarantees all or none, once rows with problems are skipped).
 */
export function summarise(responses: readonly LoyaltyResponse[]): LoyaltySummary {
  const n = responses.length;
  // One pass: the three groups per question, and the moments of the two indices.
  const counts = [0, 0, 0, 0, 0, 0, 0, 0, 0]; // promoters, passives, detractors × 3 questions
  const missing = [0, 0, 0];
  let cliSum = 0;
  let cliSquares = 0;
  let ratingSum = 0;
  let ratingSquares = 0;
  for (const r of responses) {
    const ratings = [r.recommend, r.repurchase, r.tryOther];
    let cli = 0;
    let rating = 0;
    for (let q = 0; q < 3; q += 1) {
      const value = ratings[q] ?? null;
      if (value === null) {
        missing[q] = (missing[q] ?? 0) + 1;
        continue;
      }
      const slot = q * 3 + (value >= 9 ? 0 : value >= 7 ? 1 : 2);
      counts[slot] = (counts[slot] ?? 0) + 1;
      cli += value >= 9 ? 100 : value >= 7 ? 0 : -100;
      rating += value;
    }
    cli /= 3;
    rating = (rating / 3) * 10;
    cliSum += cli;
    cliSquares += cli * cli;
    ratingSum += rating;
    ratingSquares += rating * rating;
  }
  const scores = {} as Record<Question, NetScore | null>;
  QUESTIONS.forEach((question, q) => {
    scores[question] =
      n > 0 && missing[q] === 0
        ? netScore(counts[q * 3] ?? 0, counts[q * 3 + 1] ?? 0, counts[q * 3 + 2] ?? 0)
        : null;
  });
  const complete = scores.repurchase !== null && scores.tryOther !== null;
  if (!complete) return { n, scores, cli: null, ratingIndex: null };
  return {
    n,
    scores,
    cli: meanFromMoments(n, cliSum, cliSquares, { low: -100, high: 100 }),
    ratingIndex: meanFromMoments(n, ratingSum, ratingSquares, { low: 0, high: 100 }),
  };
}
