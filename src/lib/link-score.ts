/**
 * The overall index of a result, always worked out from its link with the bank version the link
 * names (through the one link pipeline, {@link readLink}). Stored copies of the index (a history
 * entry's `overall`) are a cache that a file can get wrong; what pages show comes from here.
 */
import { readLink, type BankLookup } from './read-link';

/** A link's index (null when too few answers to score), or why it cannot be worked out. */
export type LinkScore = { ok: true; overall: number | null } | { ok: false; message: string };

/**
 * Scores one link.
 * @param banks the banks fetched for the links (see loadBanks in read-link.ts)
 */
export function scoreLink(fragment: string, banks: BankLookup): LinkScore {
  const read = readLink(fragment, banks);
  return read.ok
    ? { ok: true, overall: read.result.overall }
    : { ok: false, message: read.message };
}

/** Each link's score, by fragment. */
export function scoreLinks(
  fragments: readonly string[],
  banks: BankLookup,
): Map<string, LinkScore> {
  return new Map(fragments.map((fragment) => [fragment, scoreLink(fragment, banks)]));
}
