/**
 * The worked examples and figures on /method/, computed with the same functions the results use,
 * from whatever bank is current so the page always matches the statements and rules it explains.
 */
import type { Bank } from './bank';
import { NOT_APPLICABLE, type Agreement, type AnswerValue } from './answers';
import { makePlan } from './priorities';
import { scoreResponse, type ScoredResult } from './scoring';

/** Typical agreement level for each dimension of the example, in bank order (cycled). */
const LEVELS = [2, 4, 3, 5, 2, 3, 3, 4, 4];
/** Spread within a dimension, by statement position (cycled). */
const OFFSETS = [0, 1, -1, 0, 1];

/**
 * A plausible response for the worked example. The lowest-scoring dimension is the first
 * (to show the keystone rule when it is leadership), the fourth has a "don't know", the sixth a
 * "not applicable" (banks that offer it), and the seventh has too few answers to score.
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
      if (i === 5 && j === 2 && bank.notApplicable !== undefined) {
        answers[statement.id] = NOT_APPLICABLE;
        return;
      }
      const agree = Math.min(5, Math.max(1, level + (OFFSETS[j % OFFSETS.length] ?? 0)));
      // Reverse-worded statements are answered the other way round by a consistent respondent.
      answers[statement.id] = (statement.reverse ? 6 - agree : agree) as AnswerValue;
    });
  });
  return answers;
}

/** The same answer to every statement of the bank. */
export function uniformAnswers(bank: Bank, value: AnswerValue): Record<string, AnswerValue> {
  return Object.fromEntries(bank.dimensions.flatMap((d) => d.statements.map((s) => [s.id, value])));
}

/** Result of answering every statement the same way: the figures for straight-lined responses. */
export function uniformResult(bank: Bank, value: Agreement): ScoredResult {
  return scoreResponse(bank, uniformAnswers(bank, value));
}

/** A small seeded generator (mulberry32): the same seed gives the same figures on every build. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How random profiles are made:
 * - "answers": every statement answered 1–5 at random, independently;
 * - "levels": each dimension gets a random level (1–5, any real value) and each statement is
 *   answered at that level give or take one step, mirrored for reverse-worded statements, so
 *   dimension scores spread over the whole range as they do between real organisations.
 */
export type ProfileKind = 'answers' | 'levels';

/** One random response of the given kind. */
export function randomProfile(
  bank: Bank,
  kind: ProfileKind,
  random: () => number,
): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const dimension of bank.dimensions) {
    const level = 1 + random() * 4;
    for (const statement of dimension.statements) {
      if (kind === 'answers') {
        answers[statement.id] = (1 + Math.floor(random() * 5)) as Agreement;
        continue;
      }
      const agree = Math.min(5, Math.max(1, Math.round(level + (random() * 2 - 1))));
      answers[statement.id] = (statement.reverse ? 6 - agree : agree) as Agreement;
    }
  }
  return answers;
}

/** How often each dimension was among the priorities, and how often it came first. */
export interface PriorityShare {
  id: string;
  name: string;
  /** Share (0–1) of profiles with this dimension among the top three priorities. */
  topThree: number;
  /** Share (0–1) of profiles with this dimension as the first priority. */
  first: number;
}

/**
 * Scores `count` random profiles with the bank's own rules and counts how often each dimension
 * lands among the three priorities: the test of whether weights and the keystone rule, rather
 * than the answers, decide the list.
 */
export function priorityShares(
  bank: Bank,
  count: number,
  kind: ProfileKind,
  seed = 20261125,
): PriorityShare[] {
  const random = seededRandom(seed);
  const topThree = new Map(bank.dimensions.map((d) => [d.id, 0]));
  const first = new Map(bank.dimensions.map((d) => [d.id, 0]));
  for (let i = 0; i < count; i += 1) {
    const result = scoreResponse(bank, randomProfile(bank, kind, random));
    const plan = makePlan(bank, result);
    plan.priorities.forEach((priority, index) => {
      const id = priority.dimension.id;
      topThree.set(id, (topThree.get(id) ?? 0) + 1);
      if (index === 0) first.set(id, (first.get(id) ?? 0) + 1);
    });
  }
  return bank.dimensions.map((d) => ({
    id: d.id,
    name: d.name,
    topThree: (topThree.get(d.id) ?? 0) / count,
    first: (first.get(d.id) ?? 0) / count,
  }));
}

/** How often a dimension is a priority with the bank's weights and with every weight at 1. */
export interface WeightEffect extends PriorityShare {
  weight: number;
  /** Share (0–1) of profiles with this dimension in the top three when every weight is 1. */
  unweighted: number;
}

/**
 * The effect of the weights, the judgement in prioritising: the top-three shares over the same
 * random profiles with the bank's weights and with every weight set to 1.
 */
export function weightEffect(
  bank: Bank,
  count: number,
  kind: ProfileKind,
  seed = 20261125,
): WeightEffect[] {
  const equal: Bank = { ...bank, dimensions: bank.dimensions.map((d) => ({ ...d, weight: 1 })) };
  const unweighted = priorityShares(equal, count, kind, seed);
  return priorityShares(bank, count, kind, seed).map((share, i) => ({
    ...share,
    weight: bank.dimensions[i]?.weight ?? 1,
    unweighted: unweighted[i]?.topThree ?? 0,
  }));
}
