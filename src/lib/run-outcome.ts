/**
 * What finishing a questionnaire run gives: a result to show and keep, or the sections that
 * still need answers. Pure TypeScript; the finish action (stores/finish.ts) calls it.
 *
 * The minimum is the scoring's own rule: a result needs an overall index, so at least half of
 * the sections must be scored, and a section is scored when enough of the statements shown in it
 * have an answer on the agreement scale (lib/scoring.ts: at least half, and from bank version 2
 * at least two, not counting "not applicable").
 */
import type { Bank } from './bank';
import type { Answers } from './answers';
import { scoreResponse } from './scoring';
import { shareFragment } from './share-response';

/** A section that needs more answers before there can be a result. */
export interface MissingSection {
  id: string;
  name: string;
  /** Statements answered on the agreement scale so far. */
  scored: number;
  /** Statements the respondent is shown in the section. */
  total: number;
}

/** The outcome of finishing a run. */
export type RunOutcome =
  | {
      ok: true;
      /** Overall index 0–100. */
      overall: number;
      /** The result's share-link fragment, or null when none can be made (no role). */
      fragment: string | null;
      /** Sections with a score, and sections the respondent was shown. */
      scored: number;
      shown: number;
    }
  | {
      ok: false;
      /** Sections without enough answers, in questionnaire order. */
      missing: MissingSection[];
      /** How many more of them must be scored for an overall index. */
      needed: number;
    };

/** The parts of a run that finishing reads. */
export interface FinishedRun {
  role: string | null;
  label: string;
  answers: Answers;
}

/**
 * Decides whether a run has enough answers for a result, and if so makes its share fragment.
 * Sections the role is not shown count neither as scored nor as missing.
 */
export function runOutcome(bank: Bank, run: FinishedRun): RunOutcome {
  const result = scoreResponse(bank, run.answers, run.role);
  const shown = result.dimensions.filter((d) => d.total > 0);
  const scored = shown.filter((d) => d.score !== null).length;
  if (result.overall === null) {
    return {
      ok: false,
      missing: result.uncovered
        .filter((d) => d.total > 0)
        .map((d) => ({ id: d.id, name: d.name, scored: d.scored, total: d.total })),
      needed: Math.max(1, Math.ceil(result.dimensions.length / 2) - scored),
    };
  }
  const share = shareFragment(bank, run.role, run.answers, run.label);
  return {
    ok: true,
    overall: result.overall,
    fragment: share.ok ? share.fragment : null,
    scored,
    shown: shown.length,
  };
}
