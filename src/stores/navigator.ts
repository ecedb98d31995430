/**
 * The questionnaire in progress: role, label, answers and the current screen, saved to
 * localStorage the moment anything changes, and validated every time it is read.
 *
 * When storage cannot be used (blocked, full) or holds something unreadable, the questionnaire
 * keeps working in memory and `storageStatus` says why, so the page can tell the user.
 */
import { atom, computed } from 'nanostores';
import {
  persistentJSON,
  setPersistentEngine,
  windowPersistentEvents,
} from '@nanostores/persistent';
import * as v from 'valibot';
import type { AnswerValue } from '../lib/answers';
import { safeLabel } from '../lib/label-safety';

/** localStorage key of the questionnaire in progress. */
export const SESSION_KEY = 'ccn:navigator:session';

/** Most characters allowed in the optional organisation or team label. */
export const LABEL_MAX = 60;

// Valibot rather than zod on the client: the same checks for about a quarter of the bytes.
const sessionSchema = v.object({
  bank: v.pipe(v.string(), v.minLength(1)),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  role: v.nullable(v.pipe(v.string(), v.minLength(1))),
  label: v.pipe(v.string(), v.maxLength(LABEL_MAX)),
  answers: v.record(v.string(), v.picklist([0, 1, 2, 3, 4, 5, 6] as const)),
  screen: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** A questionnaire in progress. `screen` 0 is "about you"; 1..n are the dimensions. */
export interface Session {
  bank: string;
  version: number;
  role: string | null;
  label: string;
  answers: Partial<Record<string, AnswerValue>>;
  screen: number;
}

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

/** Reads the saved value without trusting it: the text and whether it parses as a session. */
function inspectSaved(): 'none' | 'valid' | 'invalid' {
  const text = localStorage.getItem(SESSION_KEY);
  if (text === null) return 'none';
  try {
    return parseSession(JSON.parse(text)) === null ? 'invalid' : 'valid';
  } catch {
    return 'invalid';
  }
}

function detectStatus(): StorageStatus {
  if (typeof window === 'undefined') return 'saved';
  if (!storageWorks()) return 'unavailable';
  return inspectSaved() === 'invalid' ? 'corrupted' : 'saved';
}

/** Whether answers are being saved. Decided before the store first reads storage. */
export const storageStatus = atom<StorageStatus>(detectStatus());
if (storageStatus.get() !== 'saved') memoryEngine();

const saved = persistentJSON<unknown>(SESSION_KEY, null);

/** The validated session, or null before the first answer. */
export const session = computed(saved, (raw) => parseSession(raw));

let defaultBank: BankRef = { id: 'unset', version: 1 };

/** Chooses the bank version that a new session starts with (the newest released). */
export function useBank(ref: BankRef): void {
  defaultBank = ref;
}

function freshSession(): Session {
  return {
    bank: defaultBank.id,
    version: defaultBank.version,
    role: null,
    label: '',
    answers: {},
    screen: 0,
  };
}

/** The session as it stands, or a fresh one on the default bank. */
export function currentSession(): Session {
  return session.get() ?? freshSession();
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

/** Records the respondent's role. */
export function chooseRole(role: string): void {
  write({ ...currentSession(), role });
}

/**
 * Records the optional organisation or team label, without bidirectional controls, cut to the
 * maximum length.
 */
export function setLabel(label: string): void {
  write({ ...currentSession(), label: safeLabel(label).slice(0, LABEL_MAX) });
}

/** Records one answer (0 = don't know) the moment it is given. */
export function answer(statementId: string, value: AnswerValue): void {
  const current = currentSession();
  write({ ...current, answers: { ...current.answers, [statementId]: value } });
}

/** Moves to a screen (0 = about you, 1..n = dimensions, n + 1 = results). */
export function goToScreen(screen: number): void {
  write({ ...currentSession(), screen: Math.max(0, Math.trunc(screen)) });
}

/**
 * Clears every answer and returns to the first screen. After damaged storage, this also
 * removes the damaged value and resumes saving.
 */
export function startOver(): void {
  if (storageStatus.get() === 'corrupted' && storageWorks()) {
    localStorage.removeItem(SESSION_KEY);
    setPersistentEngine(localStorage, windowPersistentEvents);
    storageStatus.set('saved');
  }
  write(freshSession());
}
