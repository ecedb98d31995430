/**
 * The questionnaire's finish: the one way onto the results screen. It checks that the run has
 * enough answers for a result (lib/run-outcome.ts), records the run in the history (one entry
 * per run, updated when the respondent goes back and changes answers) and shows the results.
 *
 * Scoring, the link format and the history load only when the respondent finishes
 * (stores/finish-run.ts), so the questionnaire's first load stays small.
 */
import { atom } from 'nanostores';
import type { Bank } from '../lib/bank';
import type { MissingSection } from '../lib/run-outcome';
import { currentSession, goToScreen } from './navigator';

export type { MissingSection };

/** Where the finish stands. */
export type FinishState =
  | { status: 'idle' }
  | { status: 'busy' }
  | {
      status: 'ready';
      /** Sections with a score, and sections shown. */
      scored: number;
      shown: number;
    }
  | {
      status: 'incomplete';
      /** Sections without enough answers, in questionnaire order. */
      missing: MissingSection[];
      /** How many more of them must be scored for a result. */
      needed: number;
    }
  | { status: 'error' };

/** The finish's state; the island shows it. */
export const finishState = atom<FinishState>({ status: 'idle' });

/** Forgets the last finish (the respondent went back to the questions). */
export function resetFinish(): void {
  finishState.set({ status: 'idle' });
}

/** What the respondent is told when part of the questionnaire cannot be downloaded. */
export const LOAD_FAILED =
  'Part of the questionnaire could not be downloaded. Check your connection and reload the page: your answers are kept.';

/**
 * Finishes the run: with enough answers, records it in the history and shows the results;
 * otherwise says which sections need answers and stays where it is.
 * @returns true when the results are shown
 */
export async function finish(bank: Bank): Promise<boolean> {
  finishState.set({ status: 'busy' });
  let next: FinishState;
  try {
    next = (await import('./finish-run')).completeRun(bank, currentSession());
  } catch {
    next = { status: 'error' };
  }
  if (next.status === 'ready') goToScreen(bank.dimensions.length + 1);
  finishState.set(next);
  return next.status === 'ready';
}
