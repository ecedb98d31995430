/**
 * Workshops on one device (/workshop/): the workshops kept in this browser, the one open, and
 * the person answering now. Saved with every change through savedDocument (validated on every
 * read, storage touched lazily, blocked or damaged storage reported), so a crash or a reload
 * between two answers loses nothing.
 *
 * Submitting turns the participant's answers into a result link, adds it to the workshop's pool
 * and removes the answers from the store and from storage in the same write: the next person
 * cannot reach them, on screen or with Back.
 */
import { atom, computed } from 'nanostores';
import type { AnswerValue } from '../lib/answers';
import type { Bank } from '../lib/bank';
import type { MissingSection } from '../lib/run-outcome';
import {
  MAX_PARTICIPANTS,
  MAX_WORKSHOPS,
  freshParticipant,
  freshWorkshops,
  newWorkshop,
  parseWorkshops,
  workshopId,
  workshopLinksFile,
  workshopName,
  type Participant,
  type Workshop,
  type Workshops,
} from '../lib/workshop';
import { withBase } from '../lib/site';
import { savedDocument } from './saved-document';

/** localStorage key of the workshops. */
export const WORKSHOPS_KEY = 'ccn:workshops';

const document = savedDocument<Workshops>(WORKSHOPS_KEY, parseWorkshops, freshWorkshops);

/** Every workshop kept in this browser, and which one is open. */
export const workshops = document.value;
/** Whether the workshops are being saved. */
export const workshopStatus = document.status;

/** The open workshop, or null when the list of workshops is shown. */
export const activeWorkshop = computed(
  workshops,
  (state): Workshop | null => state.workshops.find((w) => w.id === state.active) ?? null,
);

/** Where a submission stands: the participant's answers are scored when they submit. */
export type SubmitState =
  | { status: 'idle' }
  | { status: 'busy' }
  /** Submitted: the pool grew by one and the device can be handed over. */
  | { status: 'handed-over' }
  | { status: 'incomplete'; missing: MissingSection[]; needed: number }
  | { status: 'error'; message: string };

/** The last submission's state (kept in memory only: a reload starts from the saved workshop). */
export const submitState = atom<SubmitState>({ status: 'idle' });

/** Whether the open workshop's team view is shown (after Finish workshop). */
export const teamShown = atom(false);

/** Said when a submission could not be scored because part of the page did not load. */
export const SUBMIT_FAILED =
  'Part of the page could not be downloaded, so these answers were not submitted. They are kept: check the connection, reload the page and submit again.';

/** Discards damaged saved workshops and starts afresh, saving again. */
export function discardDamagedWorkshops(): void {
  document.discardDamaged();
}

function changeActive(change: (workshop: Workshop) => Workshop): void {
  document.update((state) => ({
    ...state,
    workshops: state.workshops.map((w) => (w.id === state.active ? change(w) : w)),
  }));
}

function changeParticipant(change: (participant: Participant) => Participant): void {
  changeActive((w) => (w.participant === null ? w : { ...w, participant: change(w.participant) }));
}

/**
 * Starts a workshop and opens it, with the first participant ready to answer.
 * @param bank the bank version every participant of this workshop answers
 * @returns a message for people when it cannot be started, otherwise null
 */
export function startWorkshop(name: string, bank: { id: string; version: number }): string | null {
  const tidy = workshopName(name);
  if (tidy === '') return 'Give the workshop a name, such as the team and the date.';
  const state = workshops.get();
  if (state.workshops.length >= MAX_WORKSHOPS) {
    return `This browser keeps at most ${MAX_WORKSHOPS} workshops. Export and delete an old one first.`;
  }
  const now = new Date();
  const created = newWorkshop(
    workshopId(
      now,
      state.workshops.map((w) => w.id),
    ),
    tidy,
    bank,
    now,
  );
  document.update((current) => ({
    active: created.id,
    workshops: [{ ...created, participant: freshParticipant() }, ...current.workshops],
  }));
  submitState.set({ status: 'idle' });
  teamShown.set(false);
  return null;
}

/** Opens a saved workshop where it was left (the person answering, or between two people). */
export function reopenWorkshop(workshopIdToOpen: string): void {
  document.update((state) =>
    state.workshops.some((w) => w.id === workshopIdToOpen)
      ? { ...state, active: workshopIdToOpen }
      : state,
  );
  submitState.set({ status: 'idle' });
  teamShown.set(false);
}

/** Closes the open workshop and shows the list; nothing is lost. */
export function closeWorkshop(): void {
  document.update((state) => ({ ...state, active: null }));
  submitState.set({ status: 'idle' });
  teamShown.set(false);
}

/** Deletes a workshop and its pool of links (the page asks for confirmation first). */
export function deleteWorkshop(workshopIdToDelete: string): void {
  document.update((state) => ({
    active: state.active === workshopIdToDelete ? null : state.active,
    workshops: state.workshops.filter((w) => w.id !== workshopIdToDelete),
  }));
  if (workshops.get().active === null) teamShown.set(false);
}

/**
 * Lets the next person answer in the open workshop.
 * @returns false when the workshop already has the most participants
 */
export function nextParticipant(): boolean {
  const workshop = activeWorkshop.get();
  if (workshop === null || workshop.links.length >= MAX_PARTICIPANTS) return false;
  changeActive((w) => (w.participant === null ? { ...w, participant: freshParticipant() } : w));
  submitState.set({ status: 'idle' });
  teamShown.set(false);
  return true;
}

/** Forgets the answers of the person answering now, without adding them to the pool. */
export function discardParticipant(): void {
  changeActive((w) => ({ ...w, participant: null }));
  submitState.set({ status: 'idle' });
}

/** Records the participant's role. */
export function chooseRole(role: string): void {
  changeParticipant((p) => ({ ...p, role }));
}

/** Records one of the participant's answers (0 = don't know, 6 = not applicable). */
export function answer(statementId: string, value: AnswerValue): void {
  changeParticipant((p) => ({ ...p, answers: { ...p.answers, [statementId]: value } }));
  if (submitState.get().status === 'incomplete') submitState.set({ status: 'idle' });
}

/** Shows the participant a screen (0 = about you, 1..n = sections), where a reload resumes. */
export function goToScreen(target: number): void {
  const screen = Math.max(0, Math.min(255, Math.trunc(target)));
  changeParticipant((p) => ({ ...p, screen }));
}

/**
 * Submits the participant's answers: with enough answers for a result, their result link joins
 * the pool and the answers are forgotten in the same saved change; otherwise the sections that
 * need answers are listed and nothing changes.
 * @returns true when the device can be handed over
 */
export async function submitAndHandOver(bank: Bank): Promise<boolean> {
  const workshop = activeWorkshop.get();
  const participant = workshop?.participant;
  if (workshop == null || participant == null) return false;
  submitState.set({ status: 'busy' });
  let outcome: import('../lib/run-outcome').RunOutcome;
  try {
    // Scoring and the link format load on the first submission, so the page opens light.
    const { runOutcome } = await import('../lib/run-outcome');
    outcome = runOutcome(bank, { ...participant, label: workshop.name });
  } catch {
    submitState.set({ status: 'error', message: SUBMIT_FAILED });
    return false;
  }
  if (!outcome.ok) {
    submitState.set({ status: 'incomplete', missing: outcome.missing, needed: outcome.needed });
    return false;
  }
  const { fragment } = outcome;
  if (fragment === null) {
    submitState.set({
      status: 'error',
      message: 'These answers have no role, so they cannot join the pool. Choose a role first.',
    });
    return false;
  }
  changeActive((w) => ({ ...w, links: [...w.links, fragment], participant: null }));
  submitState.set({ status: 'handed-over' });
  return true;
}

/** The absolute address of this site's result page, which every result link opens. */
export function resultHref(): string {
  return new URL(withBase(import.meta.env.BASE_URL, '/result/'), location.href).href;
}

/**
 * Finishes the open workshop for now: shows the team view of everyone who took part, read from
 * the pool with the team view's own reader. More people can still take part afterwards.
 */
export async function finishWorkshop(): Promise<void> {
  const workshop = activeWorkshop.get();
  if (workshop === null) return;
  teamShown.set(true);
  submitState.set({ status: 'idle' });
  // The team view's reader loads with the team view, not with the page.
  const { readLinks } = await import('./team');
  await readLinks(workshopLinksFile(workshop, resultHref()), `the workshop “${workshop.name}”`, {
    id: workshop.bank.id,
    version: workshop.bank.version,
  });
}

/** Leaves the team view for the workshop (to let more people take part, say). */
export function backToWorkshop(): void {
  teamShown.set(false);
}
