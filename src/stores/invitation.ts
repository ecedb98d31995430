/**
 * The invitation the questionnaire in progress was opened with: who invites and why, kept in
 * this browser with the run it belongs to, so a reload keeps it and Start over (a new run) ends
 * it. Read again through the invitation schema every time, like every other stored value.
 *
 * Opening an invitation never overwrites a questionnaire in progress without asking: when the
 * browser already holds answers or another label, `invitationPrompt` asks, and the respondent
 * chooses `startInvited` (a new questionnaire for the team) or `keepCurrent`.
 *
 * Loaded only when the address carries an invitation or one is stored (see Navigator.svelte),
 * so the questionnaire's first load does not carry it.
 */
import { atom, computed } from 'nanostores';
import { persistentJSON } from '@nanostores/persistent';
import * as v from 'valibot';
import {
  decodeInvitation,
  invitationFit,
  isInvitationFragment,
  type Invitation,
} from '../lib/invitation';
import { currentSession, session, setLabel, startOver } from './navigator';

/** localStorage key of the invitation kept for the questionnaire in progress. */
export const INVITATION_KEY = 'ccn:navigator:invitation';

const recordSchema = v.object({
  /** The invitation fragment as opened ("i1.…"); decoded and checked on every read. */
  fragment: v.string(),
  /** The questionnaire run it was opened for. */
  run: v.string(),
});

/** What the kept invitation is for the questionnaire in progress. */
export type KeptInvitation =
  | { status: 'none' }
  | { status: 'invited'; invitation: Invitation }
  /** Something is stored but does not read as an invitation: the user is told. */
  | { status: 'unreadable' };

/** A question or a message about an invitation just opened. */
export type InvitationPrompt =
  | null
  /** A questionnaire is in progress: start a new one for the team, or keep it? */
  | { kind: 'ask'; invitation: Invitation; fragment: string; label: string; answered: number }
  /** The respondent kept their answers; the invitation was set aside. */
  | { kind: 'kept'; team: string }
  /** The link could not be read. */
  | { kind: 'damaged'; message: string };

// Unchecked as stored; `keptInvitation` reads it through the schema. Text that is not JSON at
// all reads as nothing stored (persistentJSON's fallback).
const saved = persistentJSON<unknown>(INVITATION_KEY, null);
/** The record when storage refused it (full or blocked): kept for this page instead. */
const held = atom<unknown>(null);

/**
 * Reads a stored record for a run.
 * @param raw - the stored value, or null when nothing is stored
 * @param run - the run of the questionnaire in progress
 */
export function readKept(raw: unknown, run: string | undefined): KeptInvitation {
  if (raw === null) return { status: 'none' };
  const record = v.safeParse(recordSchema, raw);
  if (!record.success) return { status: 'unreadable' };
  // An invitation for an earlier run ended with Start over.
  if (record.output.run !== run) return { status: 'none' };
  const decoded = decodeInvitation(record.output.fragment);
  return decoded.ok
    ? { status: 'invited', invitation: decoded.invitation }
    : { status: 'unreadable' };
}

/** The invitation of the questionnaire in progress, validated on every read. */
export const keptInvitation = computed([saved, held, session], (stored, memory, current) =>
  readKept(memory ?? stored, current?.run),
);

/** The open question or message about an invitation just opened, if any. */
export const invitationPrompt = atom<InvitationPrompt>(null);

/** Labels the questionnaire in progress with the team and keeps the invitation with its run. */
function attach(fragment: string, invitation: Invitation): void {
  setLabel(invitation.team);
  const record = { fragment, run: currentSession().run };
  try {
    saved.set(record);
    held.set(null);
  } catch {
    // Storage refused it: the invitation still holds for as long as this page is open.
    held.set(record);
  }
}

/**
 * Opens an invitation fragment from the address. Fragments that are not invitations are ignored
 * (the page loads this module for a stored invitation too). A damaged link gives a message and
 * changes nothing; a questionnaire in progress is asked about first.
 */
export function openInvitation(fragment: string): void {
  if (!isInvitationFragment(fragment)) return;
  const decoded = decodeInvitation(fragment);
  if (!decoded.ok) {
    invitationPrompt.set({ kind: 'damaged', message: decoded.message });
    return;
  }
  const current = currentSession();
  const sketch = { label: current.label, answered: Object.keys(current.answers).length };
  if (invitationFit(sketch, decoded.invitation) === 'ask') {
    invitationPrompt.set({ kind: 'ask', invitation: decoded.invitation, fragment, ...sketch });
    return;
  }
  invitationPrompt.set(null);
  attach(fragment, decoded.invitation);
}

/** After asking: clears the questionnaire in progress and starts a new one for the team. */
export function startInvited(): void {
  const prompt = invitationPrompt.get();
  if (prompt?.kind !== 'ask') return;
  startOver();
  attach(prompt.fragment, prompt.invitation);
  invitationPrompt.set(null);
}

/** After asking: keeps the questionnaire in progress as it is and sets the invitation aside. */
export function keepCurrent(): void {
  const prompt = invitationPrompt.get();
  if (prompt?.kind !== 'ask') return;
  invitationPrompt.set({ kind: 'kept', team: prompt.invitation.team });
}
