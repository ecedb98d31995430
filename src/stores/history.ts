/**
 * Completed results kept in this browser ("repeat": retake each quarter and see the trend).
 * Each entry stores the result's share-link fragment, so the history holds exactly what a link
 * would, and is validated every time it is read.
 *
 * Every change goes through storage.ts and ends in {@link historySaveStatus}: the pages say when
 * a change could not be kept. Nothing here ever removes a stored result to make room: at
 * {@link HISTORY_MAX} results a new one is refused with a reason, and an import that would pass
 * it is refused whole.
 */
import { atom, computed } from 'nanostores';
import * as v from 'valibot';
import { HISTORY_MAX_ENTRIES } from '../lib/file-limits';
import { historyEntrySchema, type HistoryEntry } from '../lib/history-entry';
import { storedValue, type ReadOutcome, type WriteOutcome } from './storage';

export type { HistoryEntry };

/** localStorage key of the history. */
export const HISTORY_KEY = 'ccn:history';

/** Most results kept (see file-limits.ts): as many as a history file may hold. */
export const HISTORY_MAX = HISTORY_MAX_ENTRIES;

/** What stored data held: the valid entries, how many were dropped, and why. */
export interface ParsedHistory {
  entries: HistoryEntry[];
  /** Entries that failed validation, or repeated an earlier one, and are not shown. */
  dropped: number;
  /** Storage held text that is not JSON, or JSON that is not a list. */
  damaged: boolean;
}

/**
 * Keeps the valid entries of stored data, each result once (by fragment), oldest first, and
 * says whether anything had to be dropped.
 */
export function parseHistory(raw: unknown): ParsedHistory {
  if (!Array.isArray(raw)) return { entries: [], dropped: 0, damaged: raw !== null };
  const entries: HistoryEntry[] = [];
  const seen = new Set<string>();
  for (const item of raw) {
    const parsed = v.safeParse(historyEntrySchema, item);
    if (parsed.success && !seen.has(parsed.output.fragment)) {
      seen.add(parsed.output.fragment);
      entries.push(parsed.output);
    }
  }
  return { entries: byDate(entries), dropped: raw.length - entries.length, damaged: false };
}

function byDate(entries: HistoryEntry[]): HistoryEntry[] {
  return entries.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

const stored = storedValue(HISTORY_KEY);

function rawOf(read: ReadOutcome): unknown {
  if (read.state === 'found') return read.value;
  return read.state === 'unreadable' ? 'unreadable' : null;
}

const parsed = computed(stored, (read) => parseHistory(rawOf(read)));

/** Validated history, oldest first, each result once. */
export const history = computed(parsed, (p) => p.entries);

/** How many stored entries could not be read (shown as a warning). */
export const droppedEntries = computed(parsed, (p) => p.dropped);

/**
 * Why the stored history could not be read, if it could not: 'damaged' (not a list, or not
 * JSON) or 'blocked' (the browser refuses storage); null when it was read.
 */
export const historyReadProblem = computed(stored, (read): 'damaged' | 'blocked' | null =>
  read.state === 'blocked'
    ? 'blocked'
    : read.state === 'unreadable' || parsed.get().damaged
      ? 'damaged'
      : null,
);

/**
 * What became of a change to the history: a write outcome, or 'limit' when it was refused
 * because the history holds {@link HISTORY_MAX} results.
 */
export type HistoryOutcome = WriteOutcome | 'limit';

/** The outcome of the last change, or 'idle' before any; the pages show it when not 'saved'. */
export const historySaveStatus = atom<HistoryOutcome | 'idle'>('idle');

function save(entries: HistoryEntry[]): HistoryOutcome {
  const outcome = stored.write(byDate(entries));
  historySaveStatus.set(outcome);
  return outcome;
}

function refuse(): HistoryOutcome {
  historySaveStatus.set('limit');
  return 'limit';
}

/** A new run id for a questionnaire run (see {@link recordResult}). */
export function newRunId(): string {
  return crypto.randomUUID();
}

/**
 * Records a completed result.
 * - An entry with a `run` replaces the entry of the same run (a corrected result of one run is
 *   one entry, with the new date, label and fragment).
 * - Otherwise the same result (same fragment) is kept once, with the date it was first saved.
 * - At {@link HISTORY_MAX} results, a new one is refused ('limit'); nothing is removed.
 * @returns what became of it; also published in {@link historySaveStatus}
 */
export function recordResult(entry: HistoryEntry): HistoryOutcome {
  const current = history.get();
  const others = entry.run === undefined ? current : current.filter((e) => e.run !== entry.run);
  if (others.some((e) => e.fragment === entry.fragment)) {
    // Already kept (by another run, or without one): one entry per result.
    return others.length === current.length ? save(current) : save(others);
  }
  if (others.length >= HISTORY_MAX) return refuse();
  return save([...others, entry]);
}

/** Deletes one entry. */
export function deleteEntry(fragment: string): HistoryOutcome {
  return save(history.get().filter((e) => e.fragment !== fragment));
}

/** Deletes every entry. */
export function clearHistory(): HistoryOutcome {
  return save([]);
}

/** What an import did. */
export interface ImportReport {
  outcome: HistoryOutcome;
  /** Results added (0 unless the outcome is 'saved' or 'blocked'). */
  added: number;
  /** Results in the file that this browser already had. */
  known: number;
  /** Results the file held more than once (counted once). */
  repeated: number;
  /** When refused for 'limit': how many results the history would have held. */
  wouldHold: number;
}

/**
 * Adds imported entries (already validated as a whole), all or nothing. Each result is added
 * once, whether it repeats in the file or is already stored; stored results are never removed.
 * An entry whose run id is already used by another stored result keeps its result but not the
 * run id, so no stored result is replaced. When the history would pass {@link HISTORY_MAX}, or
 * storage is full, nothing is added.
 */
export function importEntries(entries: readonly HistoryEntry[]): ImportReport {
  const current = history.get();
  const known = new Set(current.map((e) => e.fragment));
  const runs = new Set(current.flatMap((e) => (e.run === undefined ? [] : [e.run])));
  const fresh: HistoryEntry[] = [];
  const freshFragments = new Set<string>();
  let already = 0;
  let repeated = 0;
  for (const entry of entries) {
    if (freshFragments.has(entry.fragment)) {
      repeated += 1;
    } else if (known.has(entry.fragment)) {
      already += 1;
    } else {
      freshFragments.add(entry.fragment);
      const { fragment, savedAt, label, overall, run } = entry;
      const free = run !== undefined && !runs.has(run);
      if (free) runs.add(run);
      fresh.push(free ? entry : { fragment, savedAt, label, overall });
    }
  }
  const wouldHold = current.length + fresh.length;
  const report = { known: already, repeated, wouldHold };
  if (wouldHold > HISTORY_MAX) return { ...report, outcome: refuse(), added: 0 };
  if (fresh.length === 0) {
    historySaveStatus.set('saved');
    return { ...report, outcome: 'saved', added: 0 };
  }
  const outcome = save([...current, ...fresh]);
  return { ...report, outcome, added: outcome === 'full' ? 0 : fresh.length };
}
