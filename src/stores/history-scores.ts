/**
 * The overall index of every result in the history, worked out from each result's link with
 * the bank version the link names (fetched once per version through the bank store; the scoring
 * code itself loads on demand). Pages show
 * these, never the index stored with an entry, which an edited file could get wrong.
 */
import { atom, onMount } from 'nanostores';
import type { LinkScore } from '../lib/link-score';
import { getBank } from './bank';
import { history, type HistoryEntry } from './history';

export type { LinkScore };

/** Scores of the history's results by fragment, and whether they are still being worked out. */
export interface HistoryScores {
  status: 'busy' | 'ready';
  scores: ReadonlyMap<string, LinkScore>;
}

/** The history's scores; worked out while anything follows this store. */
export const historyScores = atom<HistoryScores>({ status: 'busy', scores: new Map() });

let latest = 0;

/**
 * Works out the scores of `entries` and publishes them, unless a newer call has started since
 * (the history changed meanwhile): a superseded answer is dropped.
 */
export async function scoreHistory(entries: readonly HistoryEntry[]): Promise<void> {
  const call = (latest += 1);
  const fragments = entries.map((e) => e.fragment);
  const known = historyScores.get().scores;
  if (fragments.every((f) => known.has(f))) {
    historyScores.set({ status: 'ready', scores: known });
    return;
  }
  historyScores.set({ status: 'busy', scores: known });
  // The scoring code loads after the page, so the history's first load stays small.
  let scores: Map<string, LinkScore>;
  try {
    const { scoreFragments } = await import('../lib/link-score');
    scores = await scoreFragments(fragments, getBank);
  } catch {
    const message = 'The code that works out the index could not be loaded. Reload the page.';
    scores = new Map(fragments.map((f) => [f, { ok: false, message }]));
  }
  if (call !== latest) return;
  historyScores.set({ status: 'ready', scores });
}

onMount(historyScores, () => history.subscribe((entries) => void scoreHistory(entries)));
