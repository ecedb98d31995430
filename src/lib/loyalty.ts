/**
 * The loyalty calculator's whole report for a set of respondents: the overall summary
 * (loyalty-index.ts), segments and periods (loyalty-breakdowns.ts). Net scores and their
 * intervals are loyalty-score.ts, goals loyalty-goals.ts; file parsing is loyalty-file.ts. Pure.
 */
import type { LoyaltyResponse } from './loyalty-score';
import { summarise, type LoyaltySummary } from './loyalty-index';
import { byPeriod, bySegment, type Breakdown, type PeriodSummary } from './loyalty-breakdowns';

/** Everything the calculator shows for a set of respondents. */
export interface LoyaltyReport {
  overall: LoyaltySummary;
  segments: Breakdown;
  periods: PeriodSummary[];
}

/** The whole report: all respondents, segments of at least `minSegment`, and periods. */
export function loyaltyReport(
  responses: readonly LoyaltyResponse[],
  minSegment: number,
): LoyaltyReport {
  return {
    overall: summarise(responses),
    segments: bySegment(responses, minSegment),
    periods: byPeriod(responses),
  };
}
