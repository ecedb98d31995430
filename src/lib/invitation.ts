/**
 * Invitations: a facilitator's request to take the Culture Navigator for a named team, carried
 * whole in the fragment of a questionnaire link ("/navigator/#i1.<base64url>"), so no server ever
 * holds who was invited or why. Pure; validated with a schema at the boundary like share links.
 *
 * Format "i1." + base64url of the UTF-8 JSON array [team, facilitator, closes, message], where
 * the last three are "" when not given. An array keeps the link short; the schema keeps it honest.
 */
import * as v from 'valibot';
import { realDate } from './dates';
import { dateFormat } from './formats';
import { safeLabel } from './label-safety';

/** Prefix of an invitation fragment: format version 1. */
export const INVITATION_PREFIX = 'i1.';
/** Longest team or organisation name, the same limit as a questionnaire label. */
export const TEAM_MAX = 60;
/** Longest message from the facilitator. */
export const MESSAGE_MAX = 400;
/** Longest invitation fragment read; anything longer is refused before decoding. */
export const MAX_INVITATION = 1200;

/**
 * A label as people mean it: bidirectional controls removed, spaces trimmed and collapsed, so
 * "acme support " and "Acme  Support" read the same (compare them with `labelKey`).
 */
export function tidyLabel(text: string): string {
  return safeLabel(text).replace(/\s+/g, ' ').trim();
}

/** The form of a label used to match labels: tidied and case-folded. */
export function labelKey(text: string): string {
  return tidyLabel(text).toLocaleLowerCase('en-GB');
}

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

const invitationSchema = v.object({
  team: v.pipe(
    v.string(),
    v.transform(tidyLabel),
    v.minLength(1, 'Give the team or organisation a name.'),
    v.maxLength(TEAM_MAX, `Keep the team name to ${TEAM_MAX} characters.`),
  ),
  facilitator: v.union(
    [
      v.literal(''),
      v.pipe(v.string(), v.trim(), v.regex(EMAIL, 'That e-mail address does not look complete.')),
    ],
    'That e-mail address does not look complete.',
  ),
  closes: v.union(
    [
      v.literal(''),
      v.pipe(
        v.string(),
        v.isoDate('Give the closing date as a date.'),
        v.check(realDate, 'Give the closing date as a date.'),
      ),
    ],
    'Give the closing date as a date.',
  ),
  message: v.pipe(
    v.string(),
    v.transform((text) => safeLabel(text).trim()),
    v.maxLength(MESSAGE_MAX, `Keep the message to ${MESSAGE_MAX} characters.`),
  ),
});

/** An invitation: team name, and optionally the facilitator's e-mail, a closing date, a message. */
export type Invitation = v.InferOutput<typeof invitationSchema>;

/** What a facilitator types; validated and tidied by `checkInvitation`. */
export type InvitationInput = v.InferInput<typeof invitationSchema>;

/** An invitation that passed its checks, or the first problem in words a facilitator can act on. */
export type InvitationCheck = { ok: true; invitation: Invitation } | { ok: false; message: string };

/** Validates and tidies an invitation as typed into the form. */
export function checkInvitation(input: InvitationInput): InvitationCheck {
  const result = v.safeParse(invitationSchema, input);
  if (result.success) return { ok: true, invitation: result.output };
  return { ok: false, message: result.issues[0].message };
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The fragment (without "#") that carries an invitation. */
export function encodeInvitation(invitation: Invitation): string {
  const fields = [invitation.team, invitation.facilitator, invitation.closes, invitation.message];
  return INVITATION_PREFIX + toBase64Url(new TextEncoder().encode(JSON.stringify(fields)));
}

/** True when a fragment is meant as an invitation (whether or not it reads). */
export function isInvitationFragment(fragment: string): boolean {
  return fragment.startsWith(INVITATION_PREFIX);
}

const DAMAGED =
  'This invitation link has been cut or changed, so it cannot be read. Ask the person who sent it for the link again, or take the questionnaire without it.';

/** Reads an invitation fragment; any damage gives one clear message, never a partial invitation. */
export function decodeInvitation(fragment: string): InvitationCheck {
  if (!isInvitationFragment(fragment) || fragment.length > MAX_INVITATION) {
    return { ok: false, message: DAMAGED };
  }
  const bytes = fromBase64Url(fragment.slice(INVITATION_PREFIX.length));
  if (bytes === null) return { ok: false, message: DAMAGED };
  let fields: unknown;
  try {
    fields = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, message: DAMAGED };
  }
  if (!Array.isArray(fields) || fields.length !== 4) return { ok: false, message: DAMAGED };
  const [team, facilitator, closes, message] = fields as unknown[];
  const checked = v.safeParse(invitationSchema, { team, facilitator, closes, message });
  return checked.success
    ? { ok: true, invitation: checked.output }
    : { ok: false, message: DAMAGED };
}

/**
 * Whether the closing date has passed: an invitation closing on a day stays open all that day.
 * @param today - the respondent's local date as YYYY-MM-DD
 */
export function hasClosed(invitation: Invitation, today: string): boolean {
  return invitation.closes !== '' && invitation.closes < today;
}

/** An invitation's closing date (YYYY-MM-DD) as people read it: "15 December 2026". */
export function closingDay(closes: string): string {
  return dateFormat({ dateStyle: 'long', timeZone: 'UTC' }).format(new Date(closes));
}

/** The parts of the questionnaire in progress that decide whether an invitation may replace it. */
export interface SessionSketch {
  /** The label the questionnaire carries now. */
  label: string;
  /** How many statements have an answer. */
  answered: number;
}

/**
 * What opening an invitation may do to the questionnaire already in this browser: 'apply' (set
 * the label to the team; nothing is lost) when it has no answers and no other label, or already
 * carries the team's label; otherwise 'ask', because applying it would put someone's answers,
 * or their own label, under another team's name.
 */
export function invitationFit(current: SessionSketch, invitation: Invitation): 'apply' | 'ask' {
  const label = labelKey(current.label);
  if (label === labelKey(invitation.team)) return 'apply';
  return current.answered > 0 || label !== '' ? 'ask' : 'apply';
}

/**
 * The questionnaire link that carries an invitation, or null when the page is not served over
 * http(s) (a link to a local file would reach no one).
 * @param navigatorHref - the absolute address of the questionnaire page
 */
export function invitationUrl(navigatorHref: string, invitation: Invitation): string | null {
  const url = new URL(navigatorHref);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.search = '';
  url.hash = encodeInvitation(invitation);
  return url.href;
}

/**
 * A mailto: link that sends a result link to the facilitator: the subject names the team, the
 * body holds the link. Null when the invitation names no facilitator.
 */
export function mailtoFacilitator(invitation: Invitation, resultUrl: string): string | null {
  if (invitation.facilitator === '') return null;
  const subject = `Culture Navigator result for ${invitation.team}`;
  const body = `Here is my Culture Navigator result for ${invitation.team}:\n\n${resultUrl}\n\nThe answers are inside the link itself; opening it shows them.`;
  return `mailto:${encodeURIComponent(invitation.facilitator).replaceAll('%40', '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
