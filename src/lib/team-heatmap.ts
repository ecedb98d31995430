/**
 * The team view's heatmap and distributions: pooled scores per role group, each dimension's
 * spread (quartiles, standard deviation, stage bands, internal consistency), and the pooled means
 * as a scored result for the plan. Never a figure for a hidden group or below the threshold. Pure.
 */
import type { Bank } from './bank';
import { stageFor, type DimensionScore, type ScoredResult } from './scoring';
import { summarise, type Summary } from './aggregate';
import { alphaOf, type AlphaSums } from './cronbach-alpha';
import type { StatsInput, Tally } from './team-tally';

/** Fewest respondents with every statement of a dimension answered before alpha is given. */
export const ALPHA_MIN_RESPONDENTS = 10;
/** Alpha below this is flagged: the statements of the dimension do not hang together well. */
export const ALPHA_FLAG = 0.6;

/** Population standard deviation of `values`; null when there are none. */
export function standardDeviation(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length);
}

/** A group's figure in one dimension, or why there is none. */
export type Cell =
  | { shown: true; n: number; mean: number }
  | { shown: false; n: number; reason: 'hidden' | 'too-few' };

/** One column of the heatmap: everyone in view, or one role. */
export interface HeatColumn {
  /** "all" or a role id. */
  key: string;
  /** Respondents in the group. */
  n: number;
  /** The group is hidden by the anonymity rule. */
  hidden: boolean;
  /** One cell per bank dimension. */
  cells: Cell[];
}

/** Spread of one dimension across everyone in view. */
export interface DimensionSpread {
  id: string;
  name: string;
  short: string;
  /** Mean, quartiles and range, or null when hidden or too few are scored. */
  summary: Summary | null;
  /** Standard deviation of the scores (the consensus measure); null with the summary. */
  sd: number | null;
  /** Respondents per bank stage band (lowest stage first); empty when hidden. */
  bands: number[];
  /** Cronbach's alpha, or null when fewer than {@link ALPHA_MIN_RESPONDENTS} answered it all. */
  alpha: number | null;
  /** Respondents who answered every statement of the dimension on the scale. */
  alphaN: number;
}

/** The heatmap: everyone in view, then one column per role with respondents. */
export function heatmap(bank: Bank, input: StatsInput, t: Tally): HeatColumn[] {
  const dims = bank.dimensions.length;
  const column = (key: string, group: number, n: number, hidden: boolean): HeatColumn => ({
    key,
    n,
    hidden,
    cells: bank.dimensions.map((_, d): Cell => {
      const scored = t.groupN[group * dims + d] as number;
      if (hidden) return { shown: false, n: scored, reason: 'hidden' };
      if (scored < input.threshold) return { shown: false, n: scored, reason: 'too-few' };
      return { shown: true, n: scored, mean: (t.groupSum[group * dims + d] as number) / scored };
    }),
  });
  const roles = t.roles.flatMap((key, i): HeatColumn[] => {
    const n = t.roleN[i] ?? 0;
    if (n === 0) return [];
    return [column(key, i + 1, n, input.hidden || input.hiddenRoles.has(key))];
  });
  return [column('all', 0, input.respondents.length, input.hidden), ...roles];
}

/** Distribution, spread, stage bands and alpha of each dimension across everyone in view. */
export function spreads(bank: Bank, input: StatsInput, t: Tally): DimensionSpread[] {
  const stages = bank.stages;
  return bank.dimensions.map((dimension, d): DimensionSpread => {
    const values = t.values[d] ?? [];
    const base = { id: dimension.id, name: dimension.name, short: dimension.short };
    if (input.hidden || values.length < input.threshold) {
      return { ...base, summary: null, sd: null, bands: [], alpha: null, alphaN: 0 };
    }
    const bands = stages.map(() => 0);
    for (const value of values) {
      let band = 0;
      stages.forEach((stage, i) => {
        if (stage.min <= value) band = i;
      });
      bands[band] = (bands[band] ?? 0) + 1;
    }
    const sums = t.alpha[d] as AlphaSums;
    return {
      ...base,
      summary: summarise(values),
      sd: standardDeviation(values),
      bands,
      alpha: sums.n >= ALPHA_MIN_RESPONDENTS ? alphaOf(sums) : null,
      alphaN: sums.n,
    };
  });
}

/** The pooled means as a scored result, so the navigator's plan rules apply to the team. */
export function pooledResult(bank: Bank, all: HeatColumn): ScoredResult {
  const dimensions = bank.dimensions.map((d, i): DimensionScore => {
    const cell = all.cells[i];
    const exact = cell?.shown === true ? cell.mean : null;
    return {
      id: d.id,
      name: d.name,
      short: d.short,
      total: d.statements.length,
      scored: cell?.n ?? 0,
      dontKnow: 0,
      score: exact === null ? null : Math.round(exact),
      exact,
    };
  });
  const exacts = dimensions.flatMap((d) => (d.exact === null ? [] : [d.exact]));
  const overall =
    exacts.length === 0 || exacts.length * 2 < dimensions.length
      ? null
      : Math.round(exacts.reduce((a, b) => a + b, 0) / exacts.length);
  return {
    dimensions,
    overall,
    stage: overall === null ? null : stageFor(bank.stages, overall),
    uncovered: dimensions.filter((d) => d.score === null),
  };
}
