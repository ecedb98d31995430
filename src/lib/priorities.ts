/**
 * Chooses what to work on next and what to celebrate. The rule, explained on /method/:
 *
 * 1. Only dimensions with a score take part.
 * 2. Urgency = (100 − score) × the dimension's importance weight from the bank, so a wide gap
 *    in an important dimension outranks a slightly wider gap in a minor one.
 * 3. Keystone: when the bank's keystone dimension (leadership commitment) scores below its
 *    threshold, it goes first whatever the others score, because without it other fixes fade.
 * 4. Ties keep the bank's order. The top three are the priorities.
 * 5. Strengths are the two highest-scoring remaining dimensions (ties in bank order).
 */
import type { Action, Bank } from './bank';
import type { DimensionScore, ScoredResult } from './scoring';

/** A dimension to work on, with its suggested actions. */
export interface Priority {
  dimension: DimensionScore & { score: number };
  /** (100 − score) × weight, rounded to one decimal. */
  urgency: number;
  /** Chosen first because the keystone dimension is below its threshold. */
  keystone: boolean;
  now: Action[];
  staged: Action[];
}

/** What to work on next and what to celebrate. */
export interface Plan {
  priorities: Priority[];
  strengths: (DimensionScore & { score: number })[];
}

function hasScore(d: DimensionScore): d is DimensionScore & { score: number } {
  return d.score !== null;
}

/** Urgency of a dimension: its gap to 100 weighted by importance, to one decimal. */
export function urgencyOf(score: number, weight: number): number {
  return Math.round((100 - score) * weight * 10) / 10;
}

/**
 * Builds the plan from a scored result.
 * @param count - how many priorities to return (3 on the results page)
 * @param strengthCount - how many strengths to return (2 on the results page)
 */
export function makePlan(bank: Bank, result: ScoredResult, count = 3, strengthCount = 2): Plan {
  const weights = new Map(bank.dimensions.map((d) => [d.id, d.weight]));
  const scored = result.dimensions.filter(hasScore);
  const ranked = scored
    .map((dimension, order) => {
      const urgency = urgencyOf(dimension.score, weights.get(dimension.id) ?? 1);
      const keystone =
        dimension.id === bank.priority.keystone && dimension.score < bank.priority.keystoneBelow;
      return { dimension, urgency, keystone, order };
    })
    .sort(
      (a, b) =>
        Number(b.keystone) - Number(a.keystone) || b.urgency - a.urgency || a.order - b.order,
    );
  const priorities = ranked.slice(0, count).map(({ dimension, urgency, keystone }) => ({
    dimension,
    urgency,
    keystone,
    now: bank.actions.filter((a) => a.dimension === dimension.id && a.horizon === 'now'),
    staged: bank.actions.filter((a) => a.dimension === dimension.id && a.horizon === 'staged'),
  }));
  const chosen = new Set(priorities.map((p) => p.dimension.id));
  const strengths = scored
    .filter((d) => !chosen.has(d.id))
    .map((dimension, order) => ({ dimension, order }))
    .sort((a, b) => b.dimension.score - a.dimension.score || a.order - b.order)
    .slice(0, strengthCount)
    .map(({ dimension }) => dimension);
  return { priorities, strengths };
}
