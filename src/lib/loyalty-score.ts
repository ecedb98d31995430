/**
 * Net scores for the loyalty calculator (/tools/loyalty/): the three questions, a rating's group,
 * net scores with adjusted-Wald intervals, means with t intervals, the change between two
 * estimates, and how the page writes points and shares. Pure.
 *
 * Conventions: every score is in points. A net score runs from −100 to +100 (share of
 * promoters minus share of detractors, times 100). A respondent's own net score is +100 for a
 * promoter (9–10), 0 for a passive (7–8) and −100 for a detractor (0–6), so a net score is the
 * mean of its respondents' scores, and the Customer Loyalty Index is the mean of each
 * respondent's three scores.
 */

/** The three questions, in the order the page shows them. */
export const QUESTIONS = ['recommend', 'repurchase', 'tryOther'] as const;
/** One of the three loyalty questions. */
export type Question = (typeof QUESTIONS)[number];

/** How each question is named on the page and in exports. */
export const QUESTION_LABELS: Record<Question, string> = {
  recommend: 'Recommend',
  repurchase: 'Buy again or renew',
  tryOther: 'Try other offerings',
};

/** 97.5th percentile of the standard normal distribution: two-sided 95 % intervals. */
export const Z_95 = 1.959964;
/** Added to n by the adjusted-Wald interval (three quarters to each of the three groups). */
export const ADJUST_N = 3;
/** Added to the promoter and to the detractor counts by the adjusted-Wald interval. */
export const ADJUST_COUNT = 0.75;
/** One respondent, as read from a file: ratings 0–10 (whole numbers), null when not asked. */
export interface LoyaltyResponse {
  /** Row number in the file as a spreadsheet shows it (the header is row 1). */
  row: number;
  recommend: number;
  repurchase: number | null;
  tryOther: number | null;
  /** Segment label, '' when the file has no segment column. */
  segment: string;
  /** Period label, '' when the file has no period column. */
  period: string;
}

/** The three groups of a 0–10 rating. */
export type Group = 'promoter' | 'passive' | 'detractor';

/** Which group a 0–10 rating falls in: 9–10 promoter, 7–8 passive, 0–6 detractor. */
export function groupOf(rating: number): Group {
  if (rating >= 9) return 'promoter';
  return rating >= 7 ? 'passive' : 'detractor';
}

/** A respondent's own net score for one rating: +100, 0 or −100. */
export function respondentScore(rating: number): number {
  const group = groupOf(rating);
  if (group === 'promoter') return 100;
  return group === 'passive' ? 0 : -100;
}

/** A figure with its 95 % interval, all in points. */
export interface Estimate {
  /** The figure itself. */
  value: number;
  /** Lower end of the 95 % interval. */
  low: number;
  /** Upper end of the 95 % interval. */
  high: number;
  /** Variance of the estimate (points²), used to compare two estimates. */
  variance: number;
  /** Respondents behind it. */
  n: number;
  /** Standard deviation of individual respondents' scores (points), used for sample sizes. */
  sd: number;
}

/** One question's net score: the three groups and the score with its interval. */
export interface NetScore extends Estimate {
  promoters: number;
  passives: number;
  detractors: number;
}

const clamp = (value: number, low: number, high: number): number =>
  Math.min(high, Math.max(low, value));

/**
 * A net score from the counts of the three groups, with the 95 % adjusted-Wald interval
 * (Rocks, The American Statistician, 2016): add 3 to n and ¾ to the promoters and to the
 * detractors, then p̃ − d̃ ± 1.96 × √((p̃ + d̃ − (p̃ − d̃)²) / (n + 3)), clipped to −100…+100.
 * The score shown is the plain one, (promoters − detractors) / n.
 * @returns null when there are no respondents
 */
export function netScore(promoters: number, passives: number, detractors: number): NetScore | null {
  const n = promoters + passives + detractors;
  if (n === 0) return null;
  const p = promoters / n;
  const d = detractors / n;
  const adjustedN = n + ADJUST_N;
  const pa = (promoters + ADJUST_COUNT) / adjustedN;
  const da = (detractors + ADJUST_COUNT) / adjustedN;
  const centre = pa - da;
  const variance = (pa + da - centre * centre) / adjustedN;
  const margin = Z_95 * Math.sqrt(variance);
  return {
    promoters,
    passives,
    detractors,
    n,
    value: (p - d) * 100,
    low: clamp(centre - margin, -1, 1) * 100,
    high: clamp(centre + margin, -1, 1) * 100,
    variance: variance * 10_000,
    sd: Math.sqrt(Math.max(0, p + d - (p - d) ** 2)) * 100,
  };
}

/** Counts the three groups among ratings and gives the net score (null for no ratings). */
export function netScoreOf(ratings: Iterable<number>): NetScore | null {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const rating of ratings) {
    const group = groupOf(rating);
    if (group === 'promoter') promoters += 1;
    else if (group === 'passive') passives += 1;
    else detractors += 1;
  }
  return netScore(promoters, passives, detractors);
}

const T_SMALL = [12.706205, 4.302653, 3.182446, 2.776445];

/**
 * The 97.5th percentile of Student's t with `df` degrees of freedom: exact table values up to 4,
 * then the Cornish–Fisher expansion around the normal quantile (off by less than 0.003 from 5
 * on, and closer as df grows).
 */
export function tQuantile975(df: number): number {
  if (df < 1) return Number.POSITIVE_INFINITY;
  const small = T_SMALL[Math.floor(df) - 1];
  if (small !== undefined) return small;
  const z = Z_95;
  return (
    z +
    (z ** 3 + z) / (4 * df) +
    (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2) +
    (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3)
  );
}

/**
 * A mean with a 95 % t interval (mean ± t × sd / √n), clipped to the scale, from the count, sum
 * and sum of squares of the scores, so a large group is summarised in one pass.
 * @returns null when there are no scores
 */
export function meanFromMoments(
  n: number,
  sum: number,
  squares: number,
  scale: { low: number; high: number },
): Estimate | null {
  if (n === 0) return null;
  const mean = sum / n;
  // Sample variance; rounding can leave a hair below zero when every score is the same.
  const spread = n > 1 ? Math.max(0, (squares - n * mean * mean) / (n - 1)) : 0;
  const sd = Math.sqrt(spread);
  const variance = n > 1 ? spread / n : 0;
  // One respondent says nothing about the spread: the interval is the whole scale.
  const margin = n > 1 ? tQuantile975(n - 1) * Math.sqrt(variance) : Number.POSITIVE_INFINITY;
  return {
    value: mean,
    low: clamp(mean - margin, scale.low, scale.high),
    high: clamp(mean + margin, scale.low, scale.high),
    variance,
    n,
    sd,
  };
}

/** The mean of per-respondent scores with a 95 % t interval; see {@link meanFromMoments}. */
export function meanEstimate(
  scores: readonly number[],
  scale: { low: number; high: number },
): Estimate | null {
  let sum = 0;
  let squares = 0;
  for (const score of scores) {
    sum += score;
    squares += score * score;
  }
  return meanFromMoments(scores.length, sum, squares, scale);
}

/** The change from one estimate to the next, with its 95 % interval. */
export interface Change {
  /** Later minus earlier, in points. */
  value: number;
  low: number;
  high: number;
  /** True when the interval leaves out zero: more than sampling noise would explain. */
  distinguishable: boolean;
}

/**
 * The change between two independent samples: the difference of the two estimates, with the
 * variances added (difference ± 1.96 × √(v₁ + v₂)).
 */
export function changeBetween(earlier: Estimate, later: Estimate): Change {
  const value = later.value - earlier.value;
  const margin = Z_95 * Math.sqrt(earlier.variance + later.variance);
  const low = value - margin;
  const high = value + margin;
  return { value, low, high, distinguishable: low > 0 || high < 0 };
}

/**
 * A score in whole points as the page writes it: "+30", "−19" (a true minus sign), "0".
 * @param signed false for 0–100 figures, which need no plus sign
 */
export function formatPoints(value: number, signed = true): string {
  const whole = Math.round(value);
  if (whole === 0) return '0';
  if (whole < 0) return `−${-whole}`;
  return signed ? `+${whole}` : `${whole}`;
}

/** A share (0–1) as a whole percentage: "42 %". */
export function formatShare(count: number, total: number): string {
  return total === 0 ? '–' : `${Math.round((count / total) * 100)} %`;
}
