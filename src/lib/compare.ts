/**
 * The compare view's logic: which results to set side by side, and why any were left out.
 * Pure: the island fetches the banks the links name and hands them in.
 */
import type { Bank } from './bank';
import { banksNamed, readLink, type BankLookup, type BankRef } from './read-link';
import { reportDate } from './report';

export {
  COMPARE_MAX,
  COMPARE_MIN,
  compareInputs,
  comparisonFragment,
  inputsFromFragment,
  scoreOf,
  type CompareColumn,
  type CompareInput,
} from './compare-basics';
import { COMPARE_MAX, COMPARE_MIN, type CompareColumn, type CompareInput } from './compare-basics';

/** The bank versions the readable inputs name, each once, for the island to fetch. */
export function banksNeeded(inputs: readonly CompareInput[]): BankRef[] {
  return banksNamed(inputs.map((input) => input.fragment));
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
