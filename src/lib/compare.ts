/**
 * The compare view's logic: which results to set side by side, and why any were left out.
 * Pure: the island fetches the banks the links name and hands them in.
 */
import { normaliseFragment } from './fragment';
import type { Bank } from './bank';
import { banksNamed, readLink, type BankLookup, type BankRef } from './read-link';
import { reportDate } from './report';
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

/** The bank versions the readable inputs name, each once, for the island to fetch. */
export function banksNeeded(inputs: readonly CompareInput[]): BankRef[] {
  return banksNamed(inputs.map((input) => input.fragment));
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

/**
 * Whether results of two banks can share rows: versions of one questionnaire can (their
 * dimensions are the same), different questionnaires cannot.
 */
export function comparable(a: Bank, b: Bank): boolean {
  return a.id === b.id;
}

/** Results side by side, and what could not be used. */
export interface Comparison {
  /** The newest questionnaire version among the columns (it names the rows). */
  bank: Bank | undefined;
  columns: CompareColumn[];
  problems: string[];
  /** Set when the columns span questionnaire versions: a note for people. */
  wording: string | null;
}

/**
 * Scores the inputs for a side-by-side view. Versions of one questionnaire are compared
 * dimension by dimension, with {@link wordingNote}. Skipped, each with a sentence in
 * `problems`: repeats, unreadable links, links whose bank could not be had, links of another
 * questionnaire, and links that do not fit their bank.
 * @param banks the banks the inputs name ({@link banksNeeded}, then `loadBanks` from read-link)
 * @returns the bank of the columns (undefined when none was usable), at most
 *   {@link COMPARE_MAX} columns (none when fewer than {@link COMPARE_MIN} are usable), problems
 */
export function buildComparison(inputs: readonly CompareInput[], banks: BankLookup): Comparison {
  const problems: string[] = [];
  const columns: CompareColumn[] = [];
  const seen = new Set<string>();
  let shared: Bank | undefined;
  for (const input of inputs) {
    const read = readLink(input.fragment, banks);
    if (seen.has(read.fragment)) {
      problems.push(
        `${input.from}: the same result is already in the comparison, so it was skipped.`,
      );
      continue;
    }
    seen.add(read.fragment);
    if (!read.ok) {
      problems.push(`${input.from}: ${read.message}`);
      continue;
    }
    const { bank } = read;
    if (shared !== undefined && !comparable(shared, bank)) {
      problems.push(
        `${input.from}: made with another questionnaire ("${bank.id}"), whose dimensions differ, so its scores cannot be set side by side with the others.`,
      );
      continue;
    }
    // Versions of one questionnaire share their dimensions: the newest names the rows.
    if (shared === undefined || bank.version > shared.version) shared = bank;
    const { label, role } = read.response;
    columns.push({
      name: label === '' ? `Result ${columns.length + 1}` : label,
      role: bank.roles.find((r) => r.id === role)?.label ?? '',
      from: input.from,
      fragment: read.fragment,
      version: bank.version,
      ...(input.savedAt === undefined ? {} : { savedAt: input.savedAt }),
      result: read.result,
    });
  }
  if (columns.length > COMPARE_MAX) {
    problems.push(
      `Only ${COMPARE_MAX} results fit side by side; the first ${COMPARE_MAX} are shown.`,
    );
  }
  if (columns.length < COMPARE_MIN) {
    problems.push(
      `Add at least ${COMPARE_MIN} valid results to compare (found ${columns.length}).`,
    );
  }
  const shown = columns.length >= COMPARE_MIN ? tellApart(columns.slice(0, COMPARE_MAX)) : [];
  return { bank: shared, columns: shown, problems, wording: wordingNote(shown) };
}

/**
 * The note a comparison across questionnaire versions carries (null within one version): the
 * dimensions are the same, the statements behind them were reworded.
 */
export function wordingNote(columns: readonly CompareColumn[]): string | null {
  const versions = [...new Set(columns.map((c) => c.version))].sort((a, b) => a - b);
  if (versions.length < 2) return null;
  const list = `${versions.slice(0, -1).join(', ')} and ${String(versions.at(-1))}`;
  return `These results were made with questionnaire versions ${list}. The dimensions are the same, but their statements were reworded, so part of a difference between versions can come from the new wording rather than from the organisation.`;
}

/** A column's score for a dimension, matched by id (versions may order them differently). */
export function scoreOf(column: CompareColumn, dimensionId: string): number | null {
  return column.result.dimensions.find((d) => d.id === dimensionId)?.score ?? null;
}

/**
 * Columns that share a name get their date (history entries) or where they came from added,
 * so the legend and the table headings tell them apart: "North (3 Jan 2026)".
 */
function tellApart(columns: CompareColumn[]): CompareColumn[] {
  const count = new Map<string, number>();
  for (const column of columns) count.set(column.name, (count.get(column.name) ?? 0) + 1);
  return columns.map((column) =>
    (count.get(column.name) ?? 0) < 2
      ? column
      : {
          ...column,
          name: `${column.name} (${column.savedAt === undefined ? column.from : reportDate(new Date(column.savedAt))})`,
        },
  );
}
