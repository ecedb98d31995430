/**
 * The questionnaire in progress: role, label, answers, the sections seen and the run it belongs
 * to, saved to localStorage the moment anything changes, and validated every time it is read.
 *
 * Two tabs on the same questionnaire never lose an answer: every change is applied to the
 * newest saved copy (read again just before writing), and a change saved by another tab is
 * merged answer by answer (see lib/session-merge.ts) and written back when this tab had answers
 * the other lacked.
 *
 * When storage cannot be used (blocked, full) or holds something unreadable, the questionnaire
 * keeps working in memory and `storageStatus` says why, so the page can tell the user.
 */
import { atom, computed, onMount } from 'nanostores';
import {
  persistentJSON,
  setPersistentEngine,
  windowPersistentEvents,
} from '@nanostores/persistent';
import * as v from 'valibot';
import type { AnswerValue } from '../lib/answers';
import { LABEL_MAX, safeLabel } from '../lib/label-safety';
import { mergeSessions } from '../lib/session-merge';

/** localStorage key of the questionnaire in progress. */
export const SESSION_KEY = 'ccn:navigator:session';

export { LABEL_MAX };

/** A new identifier for one questionnaire run (history keeps one entry per run). */
function newRun(): string {
  // Not crypto.randomUUID(): it exists only on https and localhost pages.
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
}

// Valibot rather than zod on the client: the same checks for about a quarter of the bytes.
const sessionSchema = v.object({
  bank: v.pipe(v.string(), v.minLength(1)),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  role: v.nullable(v.pipe(v.string(), v.minLength(1))),
  label: v.pipe(v.string(), v.maxLength(LABEL_MAX)),
  answers: v.record(v.string(), v.picklist([0, 1, 2, 3, 4, 5, 6] as const)),
  /** The screen last shown in any tab: 0 "about you", 1..n the dimensions, n + 1 the results. */
  screen: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** This run's identifier; sessions saved before runs existed get one when read. */
  run: v.optional(v.pipe(v.string(), v.minLength(1)), newRun),
  /** When each answer was given (ms since 1970), so two tabs' answers merge correctly. */
  edited: v.optional(v.record(v.string(), v.number()), () => ({})),
  /** Screens shown so far, so the progress never claims a section that was not shown. */
  seen: v.optional(v.array(v.pipe(v.number(), v.integer())), () => []),
});

/** A questionnaire in progress. */
export type Session = v.InferOutput<typeof sessionSchema>;

/** Whether answers are being saved, and if not, why not. */
export type StorageStatus = 'saved' | 'unavailable' | 'corrupted';

/** Identifies the bank version new sessions use. */
export interface BankRef {
  id: string;
  version: number;
}

/**
 * Parses stored data as a session.
 * @returns the session, or null when the data is missing or not a valid session.
 */
export function parseSession(raw: unknown): Session | null {
  const result = v.safeParse(sessionSchema, raw);
  return result.success ? result.output : null;
}

function memoryEngine(): void {
  setPersistentEngine({}, { addEventListener() {}, removeEventListener() {} });
}

function storageWorks(): boolean {
  try {
    const probe = 'ccn:probe';
    localStorage.setItem(probe, probe);
    localStorage.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}

/** Parses saved text: undefined for nothing saved, null for something unreadable. */
function parseText(text: string | null): Session | null | undefined {
  if (text === null) return undefined;
  try {
    return parseSession(JSON.parse(text));
  } catch {
    return null;
  }
}

function detectStatus(): StorageStatus {
  if (typeof window === 'undefined') return 'saved';
  if (!storageWorks()) return 'unavailable';
  return parseText(localStorage.getItem(SESSION_KEY)) === null ? 'corrupted' : 'saved';
}

/** Whether answers are being saved. Decided before the store first reads storage. */
export const storageStatus = atom<StorageStatus>(detectStatus());
if (storageStatus.get() !== 'saved') memoryEngine();

// Not listening through @nanostores/persistent: another tab's save is merged, not just taken.
const saved = persistentJSON<unknown>(SESSION_KEY, null, { listen: false });

/** The validated session, or null before the first answer. */
export const session = computed(saved, (raw) => parseSession(raw));

/**
 * The screen this tab shows (0 "about you", 1..n dimensions, n + 1 results). Kept per tab, so a
 * second tab moving on does not move this one; the saved `screen` is where a reload resumes.
 */
export const activeScreen = atom(0);

let defaultBank: BankRef = { id: 'unset', version: 1 };
let fresh: Session | undefined;

/** Chooses the bank version that a new session starts with (the newest released). */
export function useBank(ref: BankRef): void {
  defaultBank = ref;
  fresh = undefined;
}

function freshSession(): Session {
  fresh ??= {
    bank: defaultBank.id,
    version: defaultBank.version,
    role: null,
    label: '',
    answers: {},
    screen: 0,
    run: newRun(),
    edited: {},
    seen: [],
  };
  return fresh;
}

/** The session as it stands, or a fresh one on the default bank. */
export function currentSession(): Session {
  return session.get() ?? freshSession();
}

/** The newest copy: this tab's, merged with what another tab may have saved since. */
function newest(): Session {
  const mine = currentSession();
  const stored =
    storageStatus.get() === 'saved' ? parseText(localStorage.getItem(SESSION_KEY)) : null;
  return stored == null ? mine : mergeSessions(mine, stored).merged;
}

function write(next: Session): void {
  try {
    saved.set(next);
  } catch {
    // Storage refused the write (quota, or blocked after load): keep going in memory.
    storageStatus.set('unavailable');
    memoryEngine();
    saved.set(next);
  }
}

function update(change: (current: Session) => Session): void {
  write(change(newest()));
}

/** Another tab saved the session: merge it in, and write back any answers only this tab has. */
function received(event: StorageEvent): void {
  // Skip stale events: when storage has moved on, the newer save's own event follows.
  if (
    event.key !== SESSION_KEY ||
    storageStatus.get() !== 'saved' ||
    event.newValue !== localStorage.getItem(SESSION_KEY)
  ) {
    return;
  }
  const theirs = parseText(event.newValue);
  if (theirs == null) return;
  const mine = session.get();
  write(mine === null ? theirs : mergeSessions(mine, theirs).merged);
}

onMount(saved, () => {
  if (typeof window === 'undefined') return;
  addEventListener('storage', received);
  return () => {
    removeEventListener('storage', received);
  };
});

/** Records the respondent's role. */
export function chooseRole(role: string): void {
  update((current) => ({ ...current, role }));
}

/**
 * Records the optional organisation or team label, without bidirectional controls, cut to the
 * maximum length.
 */
export function setLabel(label: string): void {
  update((current) => ({ ...current, label: safeLabel(label).slice(0, LABEL_MAX) }));
}

/** Records one answer (0 = don't know, 6 = not applicable) the moment it is given. */
export function answer(statementId: string, value: AnswerValue): void {
  update((current) => ({
    ...current,
    answers: { ...current.answers, [statementId]: value },
    edited: { ...current.edited, [statementId]: Date.now() },
  }));
}

/**
 * Shows a screen in this tab (0 = about you, 1..n = dimensions, n + 1 = results), remembers it
 * as the place to resume, and counts it as seen.
 */
export function goToScreen(screen: number): void {
  const next = Math.max(0, Math.trunc(screen));
  activeScreen.set(next);
  update((current) => ({
    ...current,
    screen: next,
    seen: next === 0 || current.seen.includes(next) ? current.seen : [...current.seen, next],
  }));
}

/**
 * Clears every answer and returns to the first screen as a new run (a new history entry).
 * After damaged storage, this also removes the damaged value and resumes saving.
 */
export function startOver(): void {
  if (storageStatus.get() === 'corrupted' && storageWorks()) {
    localStorage.removeItem(SESSION_KEY);
    setPersistentEngine(localStorage, windowPersistentEvents);
    storageStatus.set('saved');
  }
  fresh = undefined;
  activeScreen.set(0);
  write(freshSession());
}
