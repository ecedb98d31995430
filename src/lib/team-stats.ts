/**
 * The team's statistics: pooled scores per role group, the perception gap with a bootstrap
 * interval, distributions and spread, internal consistency, blind spots and the statements that
 * split roles. Pure and deterministic (the bootstrap uses a seeded generator). Which groups may
 * be shown at all is decided by src/lib/anonymity.ts; this module never returns a figure for a
 * group it was told to hide, nor for fewer scored answers than the threshold.
 */
import type { Bank, Statement } from './bank';
import { makePlan, type Plan } from './priorities';
import {
  NOT_APPLICABLE,
  itemScore,
  stageFor,
  type DimensionScore,
  type ScoredResult,
} from './scoring';
import { summarise, type Summary } from './aggregate';
import { bootstrapMeans, logFactorials, mulberry32 } from './resample';

/** One respondent, reduced to what the statistics read. */
export interface Respondent {
  /** Role id from the bank. */
  role: string;
  /** Answers in the bank's statement order: 1–5 on the scale, 0 "don't know", undefined none. */
  answers: readonly (number | undefined)[];
  /** Dimension scores 0–100 in bank order; null when the dimension had too few answers. */
  scores: readonly (number | null)[];
}

/** Share of "don't know" answers at or above which a statement is a blind spot. */
export const BLIND_SPOT_SHARE = 0.3;
/** Fewest respondents with every statement of a dimension answered before alpha is given. */
export const ALPHA_MIN_RESPONDENTS = 10;
/** Alpha below this is flagged: the statements of the dimension do not hang together well. */
export const ALPHA_FLAG = 0.6;
/** Resamples of the bootstrap interval of the perception gap. */
export const BOOTSTRAP_RESAMPLES = 1000;
/** Seed of the bootstrap, so the same links always give the same interval. */
export const BOOTSTRAP_SEED = 20_261_125;
/** Coverage of the gap's interval: 90 %, the 5th to the 95th percentile of the resamples. */
export const INTERVAL = 0.9;
/** How many statements the "split roles most" list keeps. */
export const SPLIT_COUNT = 5;

/**
 * Whether a role is asked a statement: its `judges` name the roles who can observe it (the bank
 * fills in every role when a file leaves them out). An empty list is read as "everyone" too.
 */
export function judges(statement: Statement, role: string): boolean {
  return statement.judges.length === 0 || statement.judges.includes(role);
}

/** Population standard deviation of `values`; null when there are none. */
export function standardDeviation(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length);
}

/** Running sums of a dimension's complete answers, from which alpha follows. */
interface AlphaSums {
  n: number;
  item: Float64Array;
  itemSquares: Float64Array;
  total: number;
  totalSquares: number;
}

function alphaOf(sums: AlphaSums): number | null {
  const { n } = sums;
  const k = sums.item.length;
  if (n < 2 || k < 2) return null;
  const variance = (sum: number, squares: number) => (squares - (sum * sum) / n) / (n - 1);
  let items = 0;
  for (let i = 0; i < k; i++)
    items += variance(sums.item[i] as number, sums.itemSquares[i] as number);
  const totals = variance(sums.total, sums.totalSquares);
  // Rounding can leave a tiny non-zero variance where the totals are all equal.
  if (totals <= 1e-9) return null;
  return (k / (k - 1)) * (1 - items / totals);
}

function addRow(sums: AlphaSums, row: ArrayLike<number>): void {
  let total = 0;
  for (let i = 0; i < row.length; i++) {
    const value = row[i] as number;
    sums.item[i] = (sums.item[i] as number) + value;
    sums.itemSquares[i] = (sums.itemSquares[i] as number) + value * value;
    total += value;
  }
  sums.n += 1;
  sums.total += total;
  sums.totalSquares += total * total;
}

const emptySums = (k: number): AlphaSums => ({
  n: 0,
  item: new Float64Array(k),
  itemSquares: new Float64Array(k),
  total: 0,
  totalSquares: 0,
});

/**
 * Cronbach's alpha of a respondents × items table (every respondent answered every item):
 * k / (k − 1) × (1 − Σ item variances / variance of the totals), sample variances (n − 1).
 * Null with fewer than 2 items or 2 respondents, or when the totals do not vary.
 */
export function cronbachAlpha(rows: readonly (readonly number[])[]): number | null {
  const sums = emptySums(rows[0]?.length ?? 0);
  for (const row of rows) addRow(sums, row);
  return alphaOf(sums);
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

/** A statement many could not judge. */
export interface BlindSpot {
  id: string;
  text: string;
  dimension: string;
  /** Share (0–1) of those who answered it that chose "don't know". */
  share: number;
  /** Respondents who answered it at all. */
  n: number;
}

/** A statement the roles see most differently. */
export interface RoleSplit {
  id: string;
  text: string;
  dimension: string;
  /** Highest role mean minus lowest, in points of 0–100. */
  spread: number;
  /** Mean item score (0–100) per shown role with enough answers, bank role order. */
  means: { role: string; n: number; mean: number }[];
}

/** The perception gap in one dimension between role A and role B. */
export interface GapRow {
  id: string;
  name: string;
  short: string;
  /** Statements of the dimension both roles were asked. */
  common: number;
  /** Null when there is nothing to show, with the reason. */
  gap: {
    nA: number;
    nB: number;
    meanA: number;
    meanB: number;
    /** meanA − meanB. */
    difference: number;
    /** The 90 % bootstrap interval of the difference. */
    low: number;
    high: number;
  } | null;
  reason: 'no-common' | 'too-few' | 'hidden' | null;
}

/** Everything the team view shows for the respondents in view. */
export interface TeamStats {
  respondents: number;
  threshold: number;
  /** The whole view is hidden: fewer than the threshold, or hidden to protect another group. */
  hidden: boolean;
  /** "all" first, then one column per bank role with respondents. */
  heatmap: HeatColumn[];
  dimensions: DimensionSpread[];
  /** Dimension ids, least consensus (largest standard deviation) first. */
  leastConsensus: string[];
  blindSpots: BlindSpot[];
  splits: RoleSplit[];
  /** The navigator's rules applied to the pooled scores; null when hidden. */
  plan: Plan | null;
  /** The pooled means as a scored result (the plan's input); null when hidden. */
  pooled: ScoredResult | null;
}

/** What to compute for: the respondents in view and which groups the anonymity rule hides. */
export interface StatsInput {
  respondents: readonly Respondent[];
  threshold: number;
  /** The view as a whole is hidden. */
  hidden: boolean;
  /** Role ids whose group is hidden in this view. */
  hiddenRoles: ReadonlySet<string>;
}

interface Flat {
  statement: Statement;
  dimension: number;
}

function flatten(bank: Bank): Flat[] {
  return bank.dimensions.flatMap((d, dimension) =>
    d.statements.map((statement) => ({ statement, dimension })),
  );
}

const isScale = (answer: number | undefined): answer is 1 | 2 | 3 | 4 | 5 =>
  answer !== undefined && answer >= 1 && answer <= 5;

/** Everything counted in one pass over the respondents in view. */
interface Tally {
  /** Role ids: the bank's, then any other met, in order. */
  roles: string[];
  /** Respondents per role. */
  roleN: number[];
  /** Per group (0 = all, then 1 + role index) × dimension: scored respondents and score sum. */
  groupN: Float64Array;
  groupSum: Float64Array;
  /** Scores per dimension, for the summaries. */
  values: number[][];
  /** Per statement: answered at all by someone asked it, and "don't know" among those. */
  answered: Float64Array;
  dontKnow: Float64Array;
  /** Per role × statement: answers on the scale and their item-score sum. */
  roleScaleN: Float64Array;
  roleScaleSum: Float64Array;
  alpha: AlphaSums[];
}

function tally(bank: Bank, respondents: readonly Respondent[], flat: readonly Flat[]): Tally {
  const roles = bank.roles.map((r) => r.id);
  for (const r of respondents) if (!roles.includes(r.role)) roles.push(r.role);
  const dims = bank.dimensions.length;
  const S = flat.length;
  const roleIndex = new Map(roles.map((id, i) => [id, i]));
  // Which role is asked which statement, worked out once.
  const asked = roles.map((role) => flat.map((f) => judges(f.statement, role)));
  const reverse = flat.map((f) => f.statement.reverse);
  const items = bank.dimensions.map((_, d) =>
    flat.flatMap((f, i) => (f.dimension === d ? [i] : [])),
  );
  const t: Tally = {
    roles,
    roleN: roles.map(() => 0),
    groupN: new Float64Array((roles.length + 1) * dims),
    groupSum: new Float64Array((roles.length + 1) * dims),
    values: bank.dimensions.map(() => []),
    answered: new Float64Array(S),
    dontKnow: new Float64Array(S),
    roleScaleN: new Float64Array(roles.length * S),
    roleScaleSum: new Float64Array(roles.length * S),
    alpha: items.map((list) => emptySums(list.length)),
  };
  const row = new Float64Array(S);
  for (const r of respondents) {
    const role = roleIndex.get(r.role) ?? 0;
    t.roleN[role] = (t.roleN[role] ?? 0) + 1;
    for (let d = 0; d < dims; d++) {
      const score = r.scores[d];
      if (typeof score !== 'number') continue;
      (t.values[d] as number[]).push(score);
      for (const g of [0, role + 1]) {
        t.groupN[g * dims + d] = (t.groupN[g * dims + d] as number) + 1;
        t.groupSum[g * dims + d] = (t.groupSum[g * dims + d] as number) + score;
      }
    }
    const roleAsked = asked[role] as boolean[];
    for (let i = 0; i < S; i++) {
      const answer = r.answers[i];
      row[i] = Number.NaN;
      // "Not applicable" is an answer about the statement, not about what one can see: it
      // counts towards neither side of the "don't know" share.
      if (answer === undefined || !roleAsked[i] || answer === NOT_APPLICABLE) continue;
      t.answered[i] = (t.answered[i] as number) + 1;
      if (answer === 0) t.dontKnow[i] = (t.dontKnow[i] as number) + 1;
      if (!isScale(answer)) continue;
      const score = itemScore(answer, reverse[i] as boolean);
      row[i] = score;
      t.roleScaleN[role * S + i] = (t.roleScaleN[role * S + i] as number) + 1;
      t.roleScaleSum[role * S + i] = (t.roleScaleSum[role * S + i] as number) + score;
    }
    items.forEach((list, d) => {
      if (list.every((i) => !Number.isNaN(row[i] as number))) {
        addRow(
          t.alpha[d] as AlphaSums,
          list.map((i) => row[i] as number),
        );
      }
    });
  }
  return t;
}

function heatmap(bank: Bank, input: StatsInput, t: Tally): HeatColumn[] {
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

function spreads(bank: Bank, input: StatsInput, t: Tally): DimensionSpread[] {
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

function blindSpots(bank: Bank, input: StatsInput, flat: readonly Flat[], t: Tally): BlindSpot[] {
  if (input.hidden) return [];
  return flat
    .flatMap(({ statement, dimension }, i): BlindSpot[] => {
      const answered = t.answered[i] as number;
      const share = answered === 0 ? 0 : (t.dontKnow[i] as number) / answered;
      if (answered < input.threshold || share < BLIND_SPOT_SHARE) return [];
      const name = bank.dimensions[dimension]?.name ?? '';
      return [{ id: statement.id, text: statement.text, dimension: name, share, n: answered }];
    })
    .sort((a, b) => b.share - a.share);
}

function splits(bank: Bank, input: StatsInput, flat: readonly Flat[], t: Tally): RoleSplit[] {
  if (input.hidden) return [];
  const S = flat.length;
  const found = flat.flatMap(({ statement, dimension }, i): RoleSplit[] => {
    const means = t.roles.flatMap((role, r) => {
      const n = t.roleScaleN[r * S + i] as number;
      if (input.hiddenRoles.has(role) || n < input.threshold) return [];
      return [{ role, n, mean: (t.roleScaleSum[r * S + i] as number) / n }];
    });
    if (means.length < 2) return [];
    const spread = Math.max(...means.map((m) => m.mean)) - Math.min(...means.map((m) => m.mean));
    const name = bank.dimensions[dimension]?.name ?? '';
    return [{ id: statement.id, text: statement.text, dimension: name, spread, means }];
  });
  return found.sort((a, b) => b.spread - a.spread).slice(0, SPLIT_COUNT);
}

/** The pooled means as a scored result, so the navigator's plan rules apply to the team. */
function pooledResult(bank: Bank, all: HeatColumn): ScoredResult {
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

/** Every figure of the team view for the respondents in view. */
export function teamStats(bank: Bank, input: StatsInput): TeamStats {
  const flat = flatten(bank);
  const t = tally(bank, input.respondents, flat);
  const map = heatmap(bank, input, t);
  const dimensions = spreads(bank, input, t);
  const all = map[0] as HeatColumn;
  const pooled = input.hidden ? null : pooledResult(bank, all);
  return {
    respondents: input.respondents.length,
    threshold: input.threshold,
    hidden: input.hidden,
    heatmap: map,
    dimensions,
    leastConsensus: dimensions
      .flatMap((d) => (d.sd === null ? [] : [{ id: d.id, sd: d.sd }]))
      .sort((a, b) => b.sd - a.sd)
      .map((d) => d.id),
    blindSpots: blindSpots(bank, input, flat, t),
    splits: splits(bank, input, flat, t),
    plan: pooled === null ? null : makePlan(bank, pooled),
    pooled,
  };
}

/** Percentile p (0–1) of ascending `sorted` (type 7 interpolation). */
function percentile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[below + 1] ?? low;
  return low + (h - below) * (high - low);
}

/**
 * The perception gap between roles `a` and `b` per dimension, on only the statements both
 * roles were asked: each respondent's score on those statements (the mean of their item scores,
 * needing at least half of them answered on the scale, as in scoring), then the difference of
 * the two groups' means, A − B. The 90 % interval is the percentile interval of
 * {@link BOOTSTRAP_RESAMPLES} bootstrap resamples within each group (lib/resample.ts), seeded so
 * the same links always give the same interval.
 */
export function perceptionGap(
  bank: Bank,
  input: StatsInput,
  a: string,
  b: string,
  seed = BOOTSTRAP_SEED,
): GapRow[] {
  const flat = flatten(bank);
  const hidden = input.hidden || input.hiddenRoles.has(a) || input.hiddenRoles.has(b) || a === b;
  const dims = bank.dimensions.length;
  const common = bank.dimensions.map((_, index) =>
    flat.flatMap((f, i) =>
      f.dimension === index && judges(f.statement, a) && judges(f.statement, b) ? [i] : [],
    ),
  );
  /** Scores on the common statements, respondent by respondent (NaN: too few answers). */
  const table = (role: string): Float64Array[] =>
    input.respondents
      .filter((r) => r.role === role)
      .map((r) => {
        const row = new Float64Array(dims).fill(Number.NaN);
        common.forEach((items, d) => {
          let n = 0;
          let sum = 0;
          for (const i of items) {
            const answer = r.answers[i];
            const item = flat[i];
            if (isScale(answer) && item !== undefined) {
              n += 1;
              sum += itemScore(answer, item.statement.reverse);
            }
          }
          if (n > 0 && n * 2 >= items.length) row[d] = sum / n;
        });
        return row;
      });
  const rowsA = hidden ? [] : table(a);
  const rowsB = hidden ? [] : table(b);
  const column = (rows: readonly Float64Array[], d: number) =>
    rows.flatMap((row) => (Number.isNaN(row[d] as number) ? [] : [row[d] as number]));
  const random = mulberry32(seed);
  const lf = logFactorials(Math.max(rowsA.length, rowsB.length));
  const tail = (1 - INTERVAL) / 2;
  return bank.dimensions.map((dimension, d): GapRow => {
    const base = { id: dimension.id, name: dimension.name, short: dimension.short };
    const count = common[d]?.length ?? 0;
    if (hidden) return { ...base, common: count, gap: null, reason: 'hidden' };
    if (count === 0) return { ...base, common: 0, gap: null, reason: 'no-common' };
    const valuesA = column(rowsA, d);
    const valuesB = column(rowsB, d);
    const nA = valuesA.length;
    const nB = valuesB.length;
    if (nA < input.threshold || nB < input.threshold) {
      return { ...base, common: count, gap: null, reason: 'too-few' };
    }
    const meanA = valuesA.reduce((x, y) => x + y, 0) / nA;
    const meanB = valuesB.reduce((x, y) => x + y, 0) / nB;
    const resampledA = bootstrapMeans(valuesA, BOOTSTRAP_RESAMPLES, random, lf);
    const resampledB = bootstrapMeans(valuesB, BOOTSTRAP_RESAMPLES, random, lf);
    const differences = resampledA.map((value, i) => value - (resampledB[i] as number)).sort();
    return {
      ...base,
      common: count,
      gap: {
        nA,
        nB,
        meanA,
        meanB,
        difference: meanA - meanB,
        low: percentile(differences, tail),
        high: percentile(differences, 1 - tail),
      },
      reason: null,
    };
  });
}
