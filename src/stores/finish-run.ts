/**
 * The part of the finish that loads only when the respondent asks for results: scoring the run
 * (lib/run-outcome.ts) and keeping it in the history.
 */
import type { Bank } from '../lib/bank';
import { runOutcome, type FinishedRun } from '../lib/run-outcome';
import { recordResult } from './history';
import type { FinishState } from './finish';

/**
 * Scores a run and, when it has enough answers, records it in the history.
 * @returns the finish's new state: "ready" or "incomplete"
 */
export function completeRun(bank: Bank, run: FinishedRun & { run: string }): FinishState {
  const outcome = runOutcome(bank, run);
  if (!outcome.ok)
    return { status: 'incomplete', missing: outcome.missing, needed: outcome.needed };
  // One entry per run: a corrected result replaces the run's entry. What became of the write
  // (full, blocked) is published by the history store, and the results screen shows it.
  if (outcome.fragment !== null) {
    recordResult({
      fragment: outcome.fragment,
      savedAt: new Date().toISOString(),
      label: run.label,
      overall: outcome.overall,
      run: run.run,
    });
  }
  return { status: 'ready', scored: outcome.scored, shown: outcome.shown };
}
