/**
 * The perception gap between two roles per dimension, on the statements both were asked, with a
 * seeded bootstrap interval (lib/resample.ts), so the same links always give the same interval.
 * Never a figure for a hidden group or below the threshold. Pure.
 */
import type { Bank } from './bank';
import { itemScore } from './scoring';
import { bootstrapMeans, logFactorials, mulberry32 } from './resample';
import { flatten, isScale, judges, type StatsInput } from './team-tally';

/** Resamples of the bootstrap interval of the perception gap. */
export const BOOTSTRAP_RESAMPLES = 1000;
/** Seed of the bootstrap, so the same links always give the same interval. */
export const BOOTSTRAP_SEED = 20_261_125;
/** Coverage of the gap's interval: 90 %, the 5th to the 95th percentile of the resamples. */
export const INTERVAL = 0.9;

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
