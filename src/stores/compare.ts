/**
 * The /compare/ page's workflow: fetch the questionnaire versions the chosen links name, then
 * set the results side by side. Only the newest request counts (an older one still loading is
 * dropped), and `busy` always ends, whatever happens on the way.
 */
import { atom } from 'nanostores';
import type { Bank } from '../lib/bank';
import type { Comparison } from '../lib/compare';
import type { CompareInput } from '../lib/compare-basics';
import { getBank } from './bank';

/** Where the comparison stands. */
export type CompareState =
  | { status: 'idle' }
  | { status: 'busy' }
  | ({ status: 'ready' } & Comparison)
  | { status: 'error'; message: string };

/** The comparison on the page. */
export const comparison = atom<CompareState>({ status: 'idle' });

let latest = 0;

/** Compares the inputs into {@link comparison}; a later call wins over one still loading. */
export async function runComparison(
  inputs: readonly CompareInput[],
  load: (id: string, version: number) => Promise<Bank> = getBank,
): Promise<void> {
  latest += 1;
  const ticket = latest;
  comparison.set({ status: 'busy' });
  try {
    // The link pipeline (decoding, scoring) loads with the first comparison, not with the page.
    const [{ banksNeeded, buildComparison }, { loadBanks }] = await Promise.all([
      import('../lib/compare'),
      import('../lib/read-link'),
    ]);
    const banks = await loadBanks(banksNeeded(inputs), load);
    if (ticket === latest) comparison.set({ status: 'ready', ...buildComparison(inputs, banks) });
  } catch (error) {
    // Never left busy: an unexpected failure is said in words, and the form works again.
    if (ticket === latest) {
      comparison.set({
        status: 'error',
        message: `The comparison could not be made (${error instanceof Error ? error.message : String(error)}). Reload the page and try again.`,
      });
    }
  }
}

/** Back to an empty page (nothing compared). */
export function clearComparison(): void {
  latest += 1;
  comparison.set({ status: 'idle' });
}
