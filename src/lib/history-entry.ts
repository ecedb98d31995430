/**
 * One saved result in the history, and the one schema that validates it: both when the history
 * is read from the browser's storage and when a history file is imported. A module apart from
 * export.ts so that reading the stored history does not load papaparse.
 */
import * as v from 'valibot';
import { decodeResult } from './share-link';

/** Longest label; the same limit as the questionnaire's label field (LABEL_MAX in the store). */
export const HISTORY_LABEL_MAX = 60;

/** One saved result in the history. */
export interface HistoryEntry {
  /** The result's share-link fragment ("r1.…"), with or without the leading "#". */
  fragment: string;
  /** When the result was saved, ISO 8601 date and time. */
  savedAt: string;
  /** The organisation or team label, at most {@link HISTORY_LABEL_MAX} characters. */
  label: string;
  /** Overall index 0–100, or null when there were not enough answers. */
  overall: number | null;
}

/** True for a real calendar date: the regex lets 2026-02-31 through, and Date.parse rolls it over. */
function realDate(timestamp: string): boolean {
  const day = Number(timestamp.slice(8, 10));
  const month = Number(timestamp.slice(5, 7)) - 1;
  return new Date(Date.UTC(Number(timestamp.slice(0, 4)), month, day)).getUTCDate() === day;
}

/** Schema of a {@link HistoryEntry}. */
export const historyEntrySchema = v.object({
  // decodeResult is the same strict check a link opened in the browser gets.
  fragment: v.pipe(
    v.string(),
    v.check((fragment) => decodeResult(fragment).ok),
  ),
  savedAt: v.pipe(v.string(), v.isoTimestamp(), v.check(realDate)),
  label: v.pipe(v.string(), v.maxLength(HISTORY_LABEL_MAX)),
  overall: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100))),
});
