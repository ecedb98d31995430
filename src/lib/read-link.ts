/**
 * The one link pipeline: a share link (or anything pasted that holds one) is cut down to its
 * fragment, decoded, matched to the bank version it names and scored. /result/, /compare/ and
 * /team/ all read links through {@link readLink}, so a link means the same thing everywhere.
 * Pure: the caller fetches the banks the links name ({@link banksNamed}, {@link loadBanks}) and
 * hands them in.
 */
import { normaliseFragment } from './fragment';
import { bankKey, type Bank } from './bank';
import { scoreResponse, type ScoredResult } from './scoring';
import { decodeResult, type LinkErrorCode, type SharedResult } from './share-link';
import { responseFromShared, type SharedResponse } from './share-response';

/** A bank version a link names. */
export interface BankRef {
  id: string;
  version: number;
}

/** Looks a bank version up: the bank, the error met fetching it, or undefined when not fetched. */
export type BankLookup = (id: string, version: number) => Bank | Error | undefined;

/** Why a link could not be read: a decoding error, or "bank" when its questionnaire is missing. */
export type ReadLinkError = LinkErrorCode | 'bank';

/** A link read and scored. */
export interface ReadLink {
  ok: true;
  /** The fragment as read (without "#"); identical results have identical fragments. */
  fragment: string;
  /** The bank the link was scored with: always the version the link names. */
  bank: Bank;
  /** The link as decoded: answers in the bank's statement order, role as its index. */
  shared: SharedResult;
  /** Role id, label and answers keyed by statement id. */
  response: SharedResponse;
  result: ScoredResult;
}

/** A link that could not be read, with a sentence for people saying what is wrong and what to do. */
export interface UnreadLink {
  ok: false;
  fragment: string;
  error: ReadLinkError;
  message: string;
}

/** The bank version a text names, when the text holds a readable link; otherwise null. */
export function bankNamed(text: string): BankRef | null {
  const decoded = decodeResult(normaliseFragment(text));
  return decoded.ok ? { id: decoded.result.bank, version: decoded.result.version } : null;
}

/** The bank versions the readable links among `texts` name, each once, in order of first use. */
export function banksNamed(texts: readonly string[]): BankRef[] {
  const needed = new Map<string, BankRef>();
  for (const text of texts) {
    const ref = bankNamed(text);
    if (ref !== null) needed.set(bankKey(ref.id, ref.version), ref);
  }
  return [...needed.values()];
}

/**
 * Loads every bank version in `wanted` with `load` (the bank store's fetcher in the page).
 * @returns a lookup for {@link readLink}: each bank, or the error (with a message for people)
 *   met loading it
 */
export async function loadBanks(
  wanted: readonly BankRef[],
  load: (id: string, version: number) => Promise<Bank>,
): Promise<BankLookup> {
  const found = new Map<string, Bank | Error>();
  await Promise.all(
    wanted.map(({ id, version }) =>
      load(id, version).then(
        (bank) => {
          found.set(bankKey(id, version), bank);
        },
        (error: unknown) => {
          found.set(
            bankKey(id, version),
            error instanceof Error ? error : new Error(String(error)),
          );
        },
      ),
    ),
  );
  return (id, version) => found.get(bankKey(id, version));
}

/**
 * Reads one link: a full address, a fragment with or without "#", with spaces or invisible
 * characters in it (normalised once, here, by normaliseFragment).
 * @param banks the banks fetched for the links ({@link loadBanks}); a link is scored only with
 *   the exact version it names, never with another one
 */
export function readLink(text: string, banks: BankLookup): ReadLink | UnreadLink {
  const fragment = normaliseFragment(text);
  const decoded = decodeResult(fragment);
  if (!decoded.ok) return { ok: false, fragment, error: decoded.error, message: decoded.message };
  const bank = banks(decoded.result.bank, decoded.result.version);
  if (bank === undefined || bank instanceof Error) {
    return {
      ok: false,
      fragment,
      error: 'bank',
      message: bank?.message ?? 'The questionnaire it was made with could not be loaded.',
    };
  }
  const matched = responseFromShared(decoded.result, bank);
  if (!matched.ok) return { ok: false, fragment, error: matched.error, message: matched.message };
  return {
    ok: true,
    fragment,
    bank,
    shared: decoded.result,
    response: matched.response,
    result: scoreResponse(bank, matched.response.answers, matched.response.role),
  };
}
