/**
 * Scoring for the Culture Navigator. Pure and deterministic; the /method/ page explains these
 * exact rules and computes its worked examples with these functions. The rules belong to the
 * bank version (`bank.rules.version`), so a result is always scored as it was when made.
 *
 * Both versions:
 * - An answer is 1 (strongly disagree) to 5 (strongly agree), 0 for "don't know" or 6 for
 *   "not applicable" (version 2 banks that offer it). Only 1–5 is scored.
 * - Item score: (answer − 1) × 25, so 0, 25, 50, 75 or 100; reverse-worded items use
 *   (5 − answer) × 25 instead.
 * - Dimension score: the mean of its item scores, rounded to a whole number.
 * - Overall index: the mean of the (unrounded) dimension scores that have enough answers,
 *   rounded; only when at least half of the dimensions have enough answers.
 * - Stage: the highest stage whose minimum is at or below the overall index.
 *
 * Rules 1: a dimension needs at least half of its statements scored.
 *
 * Rules 2, in addition:
 * - Only the statements the respondent's role is shown count. A dimension needs at least half
 *   of them that apply (not "not applicable"), and at least two, scored.
 * - Band: score ± z × s / √n, where n is the number of scored statements and s the standard
 *   deviation of their item scores, never taken below the bank's `minSpread`. The overall
 *   band combines the dimensions' standard errors: z × √(Σ se²) / m.
 * - Response checks (straight-lining, agreeing with opposites, mostly "Neither"): when any
 *   fires, the result carries a "Check your answers" note and no stage.
 */
import { shownIn, type Bank, type Dimension, type RulesV2, type Stage } from './bank';

import {
  DONT_KNOW,
  NEUTRAL,
  NOT_APPLICABLE,
  isAgreement,
  type Agreement,
  type Answers,
} from './answers';

export {
  DONT_KNOW,
  NOT_APPLICABLE,
  isAgreement,
  type Agreement,
  type AnswerValue,
  type Answers,
} from './answers';

/** An uncertainty band, whole numbers, low ≤ high. */
export interface Band {
  low: number;
  high: number;
}

/** The score of one dimension and how well it is covered by answers. */
export interface DimensionScore {
  id: string;
  name: string;
  short: string;
  /** Statements in the dimension the respondent was shown. */
  total: number;
  /** Statements answered on the 1–5 scale (these are scored). */
  scored: number;
  /** Statements answered "don't know". */
  dontKnow: number;
  /** Whole-number score 0–100, or null when too few statements are scored. */
  score: number | null;
  /** Mean before rounding (null when not enough answers); used for the overall index. */
  exact: number | null;
  /** Rules 2 only: the uncertainty band around the score (null with the score). */
  band?: Band | null;
  /** Rules 2 only: statements answered "not applicable". */
  notApplicable?: number;
  /** Rules 2 only: standard error of the score (before z), or null with the score. */
  se?: number | null;
}

/** Why a response should be checked before it is relied on (rules 2). */
export interface ResponseCheck {
  id: 'straight-line' | 'acquiescence' | 'mostly-neutral';
  /** One or two sentences for the respondent, with the counts that triggered the check. */
  message: string;
}

/** The scored result of a full response. */
export interface ScoredResult {
  dimensions: DimensionScore[];
  /** Whole-number index 0–100, or null when fewer than half the dimensions have a score. */
  overall: number | null;
  /** Maturity stage for the overall index; null with it, and (rules 2) when a check fires. */
  stage: Stage | null;
  /** Dimensions without enough answers to score, in bank order. */
  uncovered: DimensionScore[];
  /** Rules 2 only: the band around the overall index (null with it). */
  overallBand?: Band | null;
  /** Rules 2 only: response checks that fired (empty when the response looks sound). */
  checks?: ResponseCheck[];
}

/** Score 0–100 of a single 1–5 answer, flipped for reverse-worded statements. */
export function itemScore(answer: Agreement, reverse: boolean): number {
  return (reverse ? 5 - answer : answer - 1) * 25;
}

/** True when fewer than half of `total` items carry a score. */
function tooFew(scored: number, total: number): boolean {
  return scored * 2 < total;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Sample standard deviation (n − 1); 0 for fewer than two values. */
export function spread(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1));
}

/** A band of `half` points either side of `centre`, rounded and kept within 0–100. */
export function bandAround(centre: number, half: number): Band {
  return {
    low: Math.max(0, Math.round(centre - half)),
    high: Math.min(100, Math.round(centre + half)),
  };
}

/**
 * Standard error of a dimension score from its item scores: s / √n, with s never below the
 * bank's smallest assumed spread.
 */
export function standardError(scores: readonly number[], minSpread: number): number {
  return Math.max(spread(scores), minSpread) / Math.sqrt(scores.length);
}

/**
 * Scores one dimension from the answers.
 * @param roleId - with rules 2, only the statements this role is shown count (null: all)
 */
export function scoreDimension(
  dimension: Dimension,
  answers: Answers,
  rules: Bank['rules'] = { version: 1 },
  roleId: string | null = null,
): DimensionScore {
  const statements = rules.version === 1 ? dimension.statements : shownIn(dimension, roleId);
  const scores = statements.flatMap((statement) => {
    const answer = answers[statement.id];
    return isAgreement(answer) ? [itemScore(answer, statement.reverse)] : [];
  });
  const dontKnow = statements.filter((s) => answers[s.id] === DONT_KNOW).length;
  const total = statements.length;
  const base = { id: dimension.id, name: dimension.name, short: dimension.short, total };
  if (rules.version === 1) {
    const exact = scores.length === 0 || tooFew(scores.length, total) ? null : mean(scores);
    const score = exact === null ? null : Math.round(exact);
    return { ...base, scored: scores.length, dontKnow, score, exact };
  }
  const notApplicable = statements.filter((s) => answers[s.id] === NOT_APPLICABLE).length;
  const enough = scores.length >= 2 && !tooFew(scores.length, total - notApplicable);
  const exact = enough ? mean(scores) : null;
  const se = enough ? standardError(scores, rules.band.minSpread) : null;
  return {
    ...base,
    scored: scores.length,
    dontKnow,
    score: exact === null ? null : Math.round(exact),
    exact,
    band: exact === null || se === null ? null : bandAround(exact, rules.band.z * se),
    notApplicable,
    se,
  };
}

/** The highest stage whose minimum is at or below the index (stages ordered low to high). */
export function stageFor(stages: readonly Stage[], index: number): Stage {
  let found = stages[0];
  for (const stage of stages) if (stage.min <= index) found = stage;
  if (found === undefined) throw new Error('A bank needs at least one stage');
  return found;
}

function share(part: number, whole: number): string {
  return `${part} of ${whole}`;
}

/**
 * The response checks of rules 2, on the statements the role was shown. They run only when at
 * least `minAnswers` statements have an answer on the scale.
 */
export function responseChecks(
  bank: Bank,
  rules: RulesV2,
  answers: Answers,
  roleId: string | null = null,
): ResponseCheck[] {
  const shown = bank.dimensions.flatMap((d) => shownIn(d, roleId));
  const rated = shown.flatMap((statement) => {
    const answer = answers[statement.id];
    return isAgreement(answer) ? [{ answer, reverse: statement.reverse }] : [];
  });
  const n = rated.length;
  if (n < rules.checks.minAnswers) return [];
  const checks: ResponseCheck[] = [];
  const counts = [1, 2, 3, 4, 5].map((value) => rated.filter((r) => r.answer === value).length);
  const neutral = counts[NEUTRAL - 1] ?? 0;
  const most = Math.max(...counts);
  const modal = counts.indexOf(most) + 1;
  const label = (value: number) => bank.scale.find((o) => o.value === value)?.label ?? '';
  if (modal !== NEUTRAL && most >= rules.checks.straightLine * n) {
    checks.push({
      id: 'straight-line',
      message: `You gave the same answer, "${label(modal)}", to ${share(most, n)} statements. Each section mixes statements that point in opposite directions, so one answer throughout cannot describe your organisation.`,
    });
  }
  const normal = rated.filter((r) => !r.reverse);
  const reverse = rated.filter((r) => r.reverse);
  const agreed = (list: typeof rated) => list.filter((r) => r.answer >= 4).length;
  if (
    normal.length > 0 &&
    reverse.length > 0 &&
    agreed(normal) >= rules.checks.acquiescence * normal.length &&
    agreed(reverse) >= rules.checks.acquiescence * reverse.length
  ) {
    checks.push({
      id: 'acquiescence',
      message: `You agreed with ${share(agreed(normal), normal.length)} statements that describe a strong customer culture and also with ${share(agreed(reverse), reverse.length)} that describe the opposite. Both cannot be true, so the scores may reflect a habit of agreeing rather than your organisation.`,
    });
  }
  if (neutral >= rules.checks.mostlyNeutral * n) {
    checks.push({
      id: 'mostly-neutral',
      message: `${share(neutral, n)} of your answers are "${label(NEUTRAL)}". That answer scores 50, so a result made mostly of it looks middling whatever your organisation is like. Where you are unsure, "${bank.dontKnow}" leaves a statement out instead.`,
    });
  }
  return checks;
}

/**
 * Scores a whole response against its bank, with the bank's rules.
 * @param roleId - the respondent's role: with rules 2, only the statements it is shown count
 */
export function scoreResponse(
  bank: Bank,
  answers: Answers,
  roleId: string | null = null,
): ScoredResult {
  const rules = bank.rules;
  const dimensions = bank.dimensions.map((d) => scoreDimension(d, answers, rules, roleId));
  const scored = dimensions.filter((d) => d.exact !== null);
  const enough = scored.length > 0 && !tooFew(scored.length, dimensions.length);
  const exact = enough ? mean(scored.map((d) => d.exact ?? 0)) : null;
  const overall = exact === null ? null : Math.round(exact);
  const uncovered = dimensions.filter((d) => d.score === null);
  if (rules.version === 1) {
    return {
      dimensions,
      overall,
      stage: overall === null ? null : stageFor(bank.stages, overall),
      uncovered,
    };
  }
  const checks = responseChecks(bank, rules, answers, roleId);
  const overallBand =
    exact === null
      ? null
      : bandAround(
          exact,
          (rules.band.z * Math.sqrt(scored.reduce((sum, d) => sum + (d.se ?? 0) ** 2, 0))) /
            scored.length,
        );
  return {
    dimensions,
    overall,
    stage: overall === null || checks.length > 0 ? null : stageFor(bank.stages, overall),
    uncovered,
    overallBand,
    checks,
  };
}

/** How many statements of the bank have any answer (including "don't know"). */
export function answeredCount(bank: Bank, answers: Answers): number {
  return bank.dimensions
    .flatMap((d) => d.statements)
    .filter((statement) => answers[statement.id] !== undefined).length;
}
