/**
 * The overall index of a result, always worked out from its link with the bank version the link
 * names. Stored copies of the index (a history entry's `overall`) are a cache that a file can
 * get wrong; what pages show comes from here.
 */
import { bankKey, type Bank } from './bank';
import { banksNeeded, loadBanks } from './compare';
import { scoreResponse } from './scoring';
import { decodeResult, responseFromShared } from './share-link';

/** A link's index (null when too few answers to score), or why it cannot be worked out. */
export type LinkScore = { ok: true; overall: number | null } | { ok: false; message: string };

/**
 * Scores one link.
 * @param banks the banks fetched for the links, by {@link bankKey}: the bank, or the error met
 *   fetching it (see loadBanks in compare.ts)
 */
export function scoreLink(fragment: string, banks: ReadonlyMap<string, Bank | Error>): LinkScore {
  const decoded = decodeResult(fragment);
  if (!decoded.ok) return { ok: false, message: decoded.message };
  const bank = banks.get(bankKey(decoded.result.bank, decoded.result.version));
  if (bank === undefined || bank instanceof Error) {
    return {
      ok: false,
      message: bank?.message ?? 'The questionnaire it was made with could not be loaded.',
    };
  }
  const matched = responseFromShared(decoded.result, bank);
  if (!matched.ok) return { ok: false, message: matched.message };
  return {
    ok: true,
    overall: scoreResponse(bank, matched.response.answers, matched.response.role).overall,
  };
}

/**
 * Fetches the banks the links name with `load` (the bank store's fetcher in the page), then
 * scores each link.
 */
export async function scoreFragments(
  fragments: readonly string[],
  load: (id: string, version: number) => Promise<Bank>,
): Promise<Map<string, LinkScore>> {
  const wanted = banksNeeded(fragments.map((fragment) => ({ fragment, from: 'History' })));
  return scoreLinks(fragments, await loadBanks(wanted, load));
}

/** Each link's score, by fragment. */
export function scoreLinks(
  fragments: readonly string[],
  banks: ReadonlyMap<string, Bank | Error>,
): Map<string, LinkScore> {
  return new Map(fragments.map((fragment) => [fragment, scoreLink(fragment, banks)]));
}
