/**
 * Completed results kept in this browser ("repeat": retake each quarter and see the trend).
 * Each entry stores the result's share-link fragment, so the history holds exactly what a link
 * would, and is validated every time it is read.
 */
import { atom, computed } from 'nanostores';
import { persistentJSON } from '@nanostores/persistent';
import * as v from 'valibot';
import { historyEntrySchema, type HistoryEntry } from '../lib/history-entry';

export type { HistoryEntry };

/** localStorage key of the history. */
export const HISTORY_KEY = 'ccn:history';
/** Most entries kept; the oldest go first beyond this. */
export const HISTORY_MAX = 200;

/** Keeps the valid entries of stored data, and says whether any had to be dropped. */
export function parseHistory(raw: unknown): { entries: HistoryEntry[]; dropped: number } {
  if (!Array.isArray(raw)) return { entries: [], dropped: raw === null ? 0 : 1 };
  const entries: HistoryEntry[] = [];
  for (const item of raw) {
    const parsed = v.safeParse(historyEntrySchema, item);
    if (parsed.success) entries.push(parsed.output);
  }
  return { entries, dropped: raw.length - entries.length };
}

const stored = persistentJSON<unknown>(HISTORY_KEY, null);

/** Validated history, oldest first. */
export const history = computed(stored, (raw) => parseHistory(raw).entries);

/** How many stored entries could not be read (shown as a warning). */
export const droppedEntries = computed(stored, (raw) => parseHistory(raw).dropped);

/** Set when the browser refused to save the history. */
export const historyWriteFailed = atom(false);

function save(entries: HistoryEntry[]): void {
  try {
    stored.set(entries.slice(-HISTORY_MAX));
    historyWriteFailed.set(false);
  } catch {
    historyWriteFailed.set(true);
  }
}

/**
 * Records a completed result. The same result (same answers, role and label) is kept once,
 * with the date it was first completed, however often the results are shown again.
 */
export function recordResult(entry: HistoryEntry): void {
  const current = history.get();
  if (current.some((e) => e.fragment === entry.fragment)) return;
  save([...current, entry].sort((a, b) => a.savedAt.localeCompare(b.savedAt)));
}

/** Deletes one entry. */
export function deleteEntry(fragment: string): void {
  save(history.get().filter((e) => e.fragment !== fragment));
}

/** Deletes every entry. */
export function clearHistory(): void {
  save([]);
}

/**
 * Adds imported entries (already validated as a whole), skipping results already present.
 * @returns how many were new
 */
export function importEntries(entries: readonly HistoryEntry[]): number {
  const current = history.get();
  const known = new Set(current.map((e) => e.fragment));
  const fresh = entries.filter((e) => !known.has(e.fragment));
  save([...current, ...fresh].sort((a, b) => a.savedAt.localeCompare(b.savedAt)));
  return fresh.length;
}
