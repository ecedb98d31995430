/**
 * The overall index of a result, always worked out from its link with the bank version the link
 * names (through the one link pipeline, {@link readLink}). Stored copies of the index (a history
 * entry's `overall`) are a cache that a file can get wrong; what pages show comes from here.
 */
import { bankKey, type Bank } from './bank';
import { readLink, type BankLookup } from './read-link';

/** Banks as a lookup, or by {@link bankKey} in a map. */
type Banks = BankLookup | ReadonlyMap<string, Bank | Error>;

function lookup(banks: Banks): BankLookup {
  return typeof banks === 'function' ? banks : (id, version) => banks.get(bankKey(id, version));
}

/** A link's index (null when too few answers to score), or why it cannot be worked out. */
export type LinkScore = { ok: true; overall: number | null } | { ok: false; message: string };

/**
 * Scores one link.
 * @param banks the banks fetched for the links (see loadBanks in read-link.ts)
 */
export function scoreLink(fragment: string, banks: Banks): LinkScore {
  const read = readLink(fragment, lookup(banks));
  return read.ok
    ? { ok: true, overall: read.result.overall }
    : { ok: false, message: read.message };
}

/** Each link's score, by fragment. */
export function scoreLinks(fragments: readonly string[], banks: Banks): Map<string, LinkScore> {
  const found = lookup(banks);
  return new Map(fragments.map((fragment) => [fragment, scoreLink(fragment, found)]));
}
