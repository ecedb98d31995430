/**
 * The team view's findings on single statements: blind spots (many answered "don't know") and the
 * statements that split roles most. Never from a hidden group or below the threshold. Pure.
 */
import type { Bank } from './bank';
import type { Flat, StatsInput, Tally } from './team-tally';

/** Share of "don't know" answers at or above which a statement is a blind spot. */
export const BLIND_SPOT_SHARE = 0.3;
/** How many statements the "split roles most" list keeps. */
export const SPLIT_COUNT = 5;

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

/** Statements at least {@link BLIND_SPOT_SHARE} of those asked could not judge, most first. */
export function blindSpots(
  bank: Bank,
  input: StatsInput,
  flat: readonly Flat[],
  t: Tally,
): BlindSpot[] {
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

/** The {@link SPLIT_COUNT} statements whose role means differ most, among shown roles. */
export function roleSplits(
  bank: Bank,
  input: StatsInput,
  flat: readonly Flat[],
  t: Tally,
): RoleSplit[] {
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
