/**
 * The light half of the compare view: constants, the inputs a comparison is asked with, its
 * bookmark in the address, and reading a column's score. No scoring or decoding here, so the
 * page can start with it and load the link pipeline (lib/compare.ts) when there is work to do.
 */
import { normaliseFragment } from './fragment';
import type { ScoredResult } from './scoring';

/** Fewest results a comparison needs. */
export const COMPARE_MIN = 2;

/** Most results that fit side by side. */
export const COMPARE_MAX = 6;

/** One result asked for: a pasted line or a history entry. */
export interface CompareInput {
  fragment: string;
  /** Where it came from, for messages: "Line 3" or "History". */
  from: string;
  /** When it was saved (history entries only), ISO 8601. */
  savedAt?: string;
}

/** One column of the comparison. */
export interface CompareColumn {
  /** The respondent's label, or "Result N" when there is none. */
  name: string;
  /** The role as shown to people; empty when the bank does not know it. */
  role: string;
  from: string;
  /** The link's fragment (without "#"), for bookmarking the comparison. */
  fragment: string;
  /** The questionnaire version the result was made with. */
  version: number;
  savedAt?: string;
  result: ScoredResult;
}

/** Pasted lines (blank ones skipped, numbered as typed) followed by the chosen history entries. */
export function compareInputs(
  pasted: string,
  chosen: readonly { fragment: string; savedAt: string }[],
): CompareInput[] {
  const lines = pasted
    .split(/\r?\n/)
    .flatMap((line, i): CompareInput[] =>
      line.trim() === '' ? [] : [{ fragment: normaliseFragment(line), from: `Line ${i + 1}` }],
    );
  return [
    ...lines,
    ...chosen.map((e): CompareInput => ({
      fragment: e.fragment,
      from: 'History',
      savedAt: e.savedAt,
    })),
  ];
}

/** Separates the links in a comparison's address fragment (never part of a link). */
const FRAGMENT_SEPARATOR = ',';

/**
 * The address fragment that bookmarks a comparison: its links in order, without "#".
 * @example comparisonFragment(columns) // "r1.AAA…,r1.BBB…"
 */
export function comparisonFragment(columns: readonly { fragment: string }[]): string {
  return columns.map((column) => column.fragment).join(FRAGMENT_SEPARATOR);
}

/**
 * The inputs a bookmarked comparison names in its address fragment ("#r1…,r1…"): each link
 * trimmed, blanks dropped. An empty fragment gives no inputs.
 */
export function inputsFromFragment(hash: string): CompareInput[] {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // A stray "%" is left as typed; the link reader then says what is wrong with it.
  }
  return decoded
    .split(FRAGMENT_SEPARATOR)
    .map((part) => normaliseFragment(part))
    .filter((fragment) => fragment !== '')
    .map((fragment, i) => ({ fragment, from: `Link ${i + 1}` }));
}

/** A column's score for a dimension, matched by id (versions may order them differently). */
export function scoreOf(column: CompareColumn, dimensionId: string): number | null {
  return column.result.dimensions.find((d) => d.id === dimensionId)?.score ?? null;
}
