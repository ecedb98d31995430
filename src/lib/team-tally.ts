/**
 * The team statistics' shared input and their one pass over the respondents: what a respondent
 * is reduced to, what a view asks for, who is asked which statement, and the tally every figure
 * (heatmap, distributions, findings) is computed from. Pure.
 */
import type { Bank, Statement } from './bank';
import { NOT_APPLICABLE, itemScore } from './scoring';
import { addRow, emptySums, type AlphaSums } from './cronbach-alpha';

/** One respondent, reduced to what the statistics read. */
export interface Respondent {
  /** Role id from the bank. */
  role: string;
  /** Answers in the bank's statement order: 1–5 on the scale, 0 "don't know", undefined none. */
  answers: readonly (number | undefined)[];
  /** Dimension scores 0–100 in bank order; null when the dimension had too few answers. */
  scores: readonly (number | null)[];
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

/**
 * Whether a role is asked a statement: its `judges` name the roles who can observe it (the bank
 * fills in every role when a file leaves them out). An empty list is read as "everyone" too.
 */
export function judges(statement: Statement, role: string): boolean {
  return statement.judges.length === 0 || statement.judges.includes(role);
}

/** A statement with the index of its dimension, in bank order. */
export interface Flat {
  statement: Statement;
  dimension: number;
}

/** The bank's statements in order, each with its dimension's index. */
export function flatten(bank: Bank): Flat[] {
  return bank.dimensions.flatMap((d, dimension) =>
    d.statements.map((statement) => ({ statement, dimension })),
  );
}

/** Whether an answer is on the 1–5 scale (not "don't know", "not applicable" or none). */
export const isScale = (answer: number | undefined): answer is 1 | 2 | 3 | 4 | 5 =>
  answer !== undefined && answer >= 1 && answer <= 5;

/** Everything counted in one pass over the respondents in view. */
export interface Tally {
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

/**
 * Counts everything the team statistics read in one pass over the respondents: group sums per
 * dimension, per-statement answers and "don't know", role item sums and alpha's running sums.
 */
export function tally(
  bank: Bank,
  respondents: readonly Respondent[],
  flat: readonly Flat[],
): Tally {
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
