/**
 * Every figure of the team view in one call: the heatmap and distributions (team-heatmap.ts),
 * blind spots and role splits (team-findings.ts) and the pooled plan, all from one pass over the
 * respondents (team-tally.ts). The perception gap is perception-gap.ts; which groups may be shown
 * at all is anonymity.ts. This module never returns a figure for a group it was told to hide, nor
 * for fewer scored answers than the threshold.
 */
import type { Bank } from './bank';
import { makePlan, type Plan } from './priorities';
import type { ScoredResult } from './scoring';
import { flatten, tally, type StatsInput } from './team-tally';
import {
  heatmap,
  pooledResult,
  spreads,
  type DimensionSpread,
  type HeatColumn,
} from './team-heatmap';
import { blindSpots, roleSplits, type BlindSpot, type RoleSplit } from './team-findings';

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
    splits: roleSplits(bank, input, flat, t),
    plan: pooled === null ? null : makePlan(bank, pooled),
    pooled,
  };
}
