/**
 * The question bank the questionnaire is using, fetched from the JSON file the build publishes
 * for each version (see src/pages/navigator/banks/). Each version is fetched once.
 */
import { atom } from 'nanostores';
import { bankKey, bankPath, looksLikeBank, type Bank } from '../lib/bank';
import { withBase } from '../lib/site';

/** Loading state of the bank in use. */
export type BankState =
  { status: 'loading' } | { status: 'ready'; bank: Bank } | { status: 'error'; message: string };

/** The bank in use. */
export const bankState = atom<BankState>({ status: 'loading' });

const cache = new Map<string, Promise<Bank>>();

async function fetchBank(id: string, version: number): Promise<Bank> {
  const response = await fetch(withBase(import.meta.env.BASE_URL, bankPath(id, version)));
  if (response.status === 404) {
    throw new Error(`This site does not have version ${version} of the questionnaire "${id}".`);
  }
  if (!response.ok) throw new Error(`The questionnaire could not be loaded (${response.status}).`);
  const data: unknown = await response.json();
  if (!looksLikeBank(data, id, version)) {
    throw new Error('The questionnaire file is damaged.');
  }
  return data;
}

/**
 * Fetches a bank version once and keeps it for the page's lifetime.
 * @throws Error with a message for people when it cannot be had
 */
export async function getBank(id: string, version: number): Promise<Bank> {
  const key = bankKey(id, version);
  let pending = cache.get(key);
  if (pending === undefined) {
    pending = fetchBank(id, version);
    cache.set(key, pending);
  }
  try {
    return await pending;
  } catch (error) {
    cache.delete(key);
    // fetch() rejects with a TypeError when the network fails; say so in words people use.
    throw new Error(
      error instanceof TypeError
        ? 'The questionnaire could not be downloaded. Check your connection and reload the page.'
        : error instanceof Error
          ? error.message
          : String(error),
      { cause: error },
    );
  }
}

/** Loads a bank version and makes it the one in use; failures become a readable message. */
export async function loadBank(id: string, version: number): Promise<void> {
  try {
    bankState.set({ status: 'ready', bank: await getBank(id, version) });
  } catch (error) {
    bankState.set({ status: 'error', message: (error as Error).message });
  }
}
