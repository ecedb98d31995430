/**
 * One saved result in the history, and the one schema that validates it: both when the history
 * is read from the browser's storage and when a history file is imported. A module apart from
 * export.ts so that reading the stored history does not load papaparse.
 *
 * The schema is also the boundary where stored text is normalised: the fragment loses any "#"
 * or invisible characters around it, and the label loses bidirectional control characters.
 */
import * as v from 'valibot';
import { realDate } from './dates';
import { normaliseFragment } from './fragment';
import { safeLabel } from './label-safety';
import { decodeResult } from './share-link';

/** Longest label; the same limit as the questionnaire's label field (LABEL_MAX in the store). */
export const HISTORY_LABEL_MAX = 60;

/**
 * What a run id looks like: 8 to 64 letters, digits, "-" or "_" (a `crypto.randomUUID()` fits).
 * One questionnaire run keeps one id from its first answer to its last correction.
 */
export const RUN_ID = /^[\w-]{8,64}$/;

/** Schema of a {@link HistoryEntry}. */
export const historyEntrySchema = v.object({
  /** The result's share-link fragment, stored bare ("r1.…"); "#r1.…" and URLs are accepted. */
  fragment: v.pipe(
    v.string(),
    v.transform(normaliseFragment),
    // decodeResult is the same strict check a link opened in the browser gets.
    v.check((fragment) => decodeResult(fragment).ok),
  ),
  /** When the result was saved, ISO 8601 date and time. */
  savedAt: v.pipe(v.string(), v.isoTimestamp(), v.check(realDate)),
  /** The organisation or team label, at most {@link HISTORY_LABEL_MAX} characters. */
  label: v.pipe(v.string(), v.maxLength(HISTORY_LABEL_MAX), v.transform(safeLabel)),
  /**
   * Overall index 0–100 when saved, or null when there were not enough answers. A cache only:
   * every page shows the index recomputed from the fragment.
   */
  overall: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100))),
  /**
   * The questionnaire run the result came from ({@link RUN_ID}): a corrected result of the same
   * run replaces its entry. Absent on entries saved before runs had ids.
   */
  run: v.optional(v.pipe(v.string(), v.regex(RUN_ID))),
});

/** One saved result in the history, as the schema gives it back. */
export type HistoryEntry = v.InferOutput<typeof historyEntrySchema>;
