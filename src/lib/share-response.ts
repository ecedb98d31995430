/**
 * Between share links and the responses they carry: a decoded link matched to its bank, a
 * response packed for a link, and the share address or the reason none can be made. The link
 * format itself is in share-link.ts.
 */
import type { Bank } from './bank';
import { NOT_APPLICABLE, type AnswerValue, type Answers } from './answers';
import { safeLabel } from './label-safety';
import { encodeResult, LINK_MESSAGES, type LinkErrorCode, type SharedResult } from './share-link';

/** A decoded link matched to its bank: answers keyed by statement id, role by id. */
export interface SharedResponse {
  bank: Bank;
  role: string;
  answers: Answers;
  label: string;
}

/**
 * Matches a decoded link to its bank version (the one named in the link). The label comes back
 * without bidirectional control characters (see label-safety.ts).
 * @returns the response, or the "mismatch" error when the statement count or role does not fit,
 *   or the link answers "not applicable" for a bank that offers no such answer
 */
export function responseFromShared(
  shared: SharedResult,
  bank: Bank,
): { ok: true; response: SharedResponse } | { ok: false; error: LinkErrorCode; message: string } {
  const statements = bank.dimensions.flatMap((d) => d.statements);
  const role = bank.roles[shared.role];
  if (
    bank.id !== shared.bank ||
    bank.version !== shared.version ||
    statements.length !== shared.answers.length ||
    role === undefined ||
    (bank.notApplicable === undefined && shared.answers.includes(NOT_APPLICABLE))
  ) {
    return { ok: false, error: 'mismatch', message: LINK_MESSAGES.mismatch };
  }
  const answers: Record<string, AnswerValue> = {};
  statements.forEach((statement, i) => {
    const answer = shared.answers[i];
    if (answer !== undefined) answers[statement.id] = answer;
  });
  // Bidirectional controls could make the label reorder what is shown around it.
  return { ok: true, response: { bank, role: role.id, answers, label: safeLabel(shared.label) } };
}

/**
 * Packs a response for a link.
 * @throws RangeError when the role is not one of the bank's roles
 */
export function sharedFromResponse(
  bank: Bank,
  role: string,
  answers: Answers,
  label: string,
): SharedResult {
  const index = bank.roles.findIndex((r) => r.id === role);
  if (index === -1) throw new RangeError(`Unknown role "${role}"`);
  return {
    bank: bank.id,
    version: bank.version,
    role: index,
    answers: bank.dimensions.flatMap((d) => d.statements.map((s) => answers[s.id])),
    label,
  };
}

/**
 * Builds the full share URL from the page address and a fragment. Only http(s) addresses are
 * used; anything else (a file: page, say) gives null so no link is offered.
 */
export function shareUrl(pageHref: string, fragment: string): string | null {
  let url: URL;
  try {
    url = new URL(pageHref);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.search = '';
  url.hash = fragment;
  return url.href;
}

/** A share fragment for a response, or the reason, in words for people, that none can be made. */
export type ShareFragment = { ok: true; fragment: string } | { ok: false; reason: string };

/**
 * Makes the share fragment of a response without throwing: a response with no role, or one made
 * with a bank the link format has no code for, gets a reason instead.
 */
export function shareFragment(
  bank: Bank,
  role: string | null,
  answers: Answers,
  label: string,
): ShareFragment {
  if (role === null || !bank.roles.some((r) => r.id === role)) {
    return { ok: false, reason: 'A share link needs your role: go back to the first screen.' };
  }
  try {
    return { ok: true, fragment: encodeResult(sharedFromResponse(bank, role, answers, label)) };
  } catch {
    return {
      ok: false,
      reason: 'This questionnaire cannot be shared as a link. Export the results instead.',
    };
  }
}

/** Where a response's results can be opened: the link, or null and why (when that is known). */
export interface ResultLink {
  url: string | null;
  /** Why no link can be made; undefined when the page itself is the reason (not http). */
  reason: string | undefined;
}

/**
 * The share link of a response on the result page.
 * @param resultPageHref - the absolute address of the result page
 */
export function resultLink(
  resultPageHref: string,
  bank: Bank,
  role: string | null,
  answers: Answers,
  label: string,
): ResultLink {
  const share = shareFragment(bank, role, answers, label);
  return share.ok
    ? { url: shareUrl(resultPageHref, share.fragment), reason: undefined }
    : { url: null, reason: share.reason };
}
