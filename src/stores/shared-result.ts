/**
 * The /result/ page's workflow: read the link in the address, fetch the questionnaire version it
 * names, score it. Only the newest request counts: when the address changes while an older
 * link's questionnaire is still loading, the older answer is dropped, so a page never shows one
 * link's results under another link's address.
 */
import { atom } from 'nanostores';
import { bankNamed, loadBanks, readLink, type ReadLink } from '../lib/read-link';
import { getBank } from './bank';

/** Where reading the link stands. */
export type SharedResultState =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'ready'; read: ReadLink }
  | { status: 'error'; message: string };

/** The link being shown on /result/. */
export const sharedResult = atom<SharedResultState>({ status: 'idle' });

let latest = 0;

/**
 * Reads a link (the address's fragment) into {@link sharedResult}. A call made later wins over
 * one still loading.
 */
export async function openSharedLink(hash: string): Promise<void> {
  latest += 1;
  const ticket = latest;
  const named = bankNamed(hash);
  sharedResult.set({ status: 'busy' });
  const banks = await loadBanks(named === null ? [] : [named], getBank);
  if (ticket !== latest) return;
  const read = readLink(hash, banks);
  sharedResult.set(
    read.ok ? { status: 'ready', read } : { status: 'error', message: read.message },
  );
}
