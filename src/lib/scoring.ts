/**
 * Scoring for the Culture Navigator. Pure and deterministic; the /method/ page explains these
 * exact rules and computes its worked example with these functions.
 *
 * - An answer is 1 (strongly disagree) to 5 (strongly agree), or 0 for "don't know".
 * - Item score: (answer − 1) × 25, so 0, 25, 50, 75 or 100; reverse-worded items use
 *   (5 − answer) × 25 instead. "Don't know" and unanswered items are left out entirely.
 * - Dimension score: the mean of its item scores, rounded to a whole number; shown only when
 *   at least half of its statements have a scored answer, otherwise "not enough answers".
 * - Overall index: the mean of the (unrounded) dimension scores that have enough answers,
 *   rounded; only when at least half of the dimensions have enough answers.
 * - Stage: the highest stage whose minimum is at or below the overall index.
 */
import type { Bank, Dimension, Stage, Statement } from './bank';

import { DONT_KNOW, type AnswerValue, type Answers } from './answers';

export { DONT_KNOW, type AnswerValue, type Answers } from './answers';

/** The score of one dimension and how well it is covered by answers. */
export interface DimensionScore {
  id: string;
  name: string;
  short: string;
  /** Statements in the dimension. */
  total: number;
  /** Statements answered on the 1–5 scale (these are scored). */
  scored: number;
  /** Statements answered "don't know". */
  dontKnow: number;
  /** Whole-number score 0–100, or null when fewer than half the statements are scored. */
  score: number | null;
  /** Mean before rounding (null when not enough answers); used for the overall index. */
  exact: number | null;
}

/** The scored result of a full response. */
export interface ScoredResult {
  dimensions: DimensionScore[];
  /** Whole-number index 0–100, or null when fewer than half the dimensions have a score. */
  overall: number | null;
  /** Maturity stage for the overall index, or null with it. */
  stage: Stage | null;
  /** Dimensions without enough answers to score, in bank order. */
  uncovered: DimensionScore[];
}

/** Score 0–100 of a single 1–5 answer, flipped for reverse-worded statements. */
export function itemScore(answer: Exclude<AnswerValue, 0>, reverse: boolean): number {
  return (reverse ? 5 - answer : answer - 1) * 25;
}

function isScored(value: AnswerValue | undefined): value is Exclude<AnswerValue, 0> {
  return value !== undefined && value !== DONT_KNOW;
}

/** True when fewer than half of `total` items carry a score. */
function tooFew(scored: number, total: number): boolean {
  return scored * 2 < total;
}

/** Scores one dimension from the answers. */
export function scoreDimension(dimension: Dimension, answers: Answers): DimensionScore {
  const scores = dimension.statements.flatMap((statement: Statement) => {
    const answer = answers[statement.id];
    return isScored(answer) ? [itemScore(answer, statement.reverse)] : [];
  });
  const dontKnow = dimension.statements.filter((s) => answers[s.id] === DONT_KNOW).length;
  const total = dimension.statements.length;
  const exact =
    scores.length === 0 || tooFew(scores.length, total)
      ? null
      : scores.reduce((sum, score) => sum + score, 0) / scores.length;
  return {
    id: dimension.id,
    name: dimension.name,
    short: dimension.short,
    total,
    scored: scores.length,
    dontKnow,
    score: exact === null ? null : Math.round(exact),
    exact,
  };
}

/** The highest stage whose minimum is at or below the index (stages ordered low to high). */
export function stageFor(stages: readonly Stage[], index: number): Stage {
  let found = stages[0];
  for (const stage of stages) if (stage.min <= index) found = stage;
  if (found === undefined) throw new Error('A bank needs at least one stage');
  return found;
}

/** Scores a whole response against its bank. */
export function scoreResponse(bank: Bank, answers: Answers): ScoredResult {
  const dimensions = bank.dimensions.map((dimension) => scoreDimension(dimension, answers));
  const exacts = dimensions.flatMap((d) => (d.exact === null ? [] : [d.exact]));
  const overall =
    exacts.length === 0 || tooFew(exacts.length, dimensions.length)
      ? null
      : Math.round(exacts.reduce((sum, score) => sum + score, 0) / exacts.length);
  return {
    dimensions,
    overall,
    stage: overall === null ? null : stageFor(bank.stages, overall),
    uncovered: dimensions.filter((d) => d.score === null),
  };
}

/** How many statements of the bank have any answer (including "don't know"). */
export function answeredCount(bank: Bank, answers: Answers): number {
  return bank.dimensions
    .flatMap((d) => d.statements)
    .filter((statement) => answers[statement.id] !== undefined).length;
}
