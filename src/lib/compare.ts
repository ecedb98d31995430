/**
 * The compare view's logic: which results to set side by side, and why any were left out.
 * Pure: the island fetches the banks the links name and hands them in.
 */
import { extractFragment } from './aggregate';
import { bankKey, type Bank } from './bank';
import { scoreResponse, type ScoredResult } from './scoring';
import { decodeResult, responseFromShared } from './share-link';
import { versionNote } from './versions';

export { versionNote } from './versions';

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
  savedAt?: string;
  /** The questionnaire version the result was made with. */
  version: number;
  result: ScoredResult;
}

/** True when two banks measure the same dimensions in the same order (versions of one bank). */
function sameDimensions(a: Bank, b: Bank): boolean {
  return (
    a.id === b.id &&
    a.dimensions.length === b.dimensions.length &&
    a.dimensions.every((d, i) => d.id === b.dimensions[i]?.id)
  );
}

/** Pasted lines (blank ones skipped, numbered as typed) followed by the chosen history entries. */
export function compareInputs(
  pasted: string,
  chosen: readonly { fragment: string; savedAt: string }[],
): CompareInput[] {
  const lines = pasted
    .split(/\r?\n/)
    .flatMap((line, i): CompareInput[] =>
      line.trim() === '' ? [] : [{ fragment: extractFragment(line), from: `Line ${i + 1}` }],
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
export function banksNeeded(inputs: readonly CompareInput[]): { id: string; version: number }[] {
  const needed = new Map<string, { id: string; version: number }>();
  for (const input of inputs) {
    const decoded = decodeResult(input.fragment);
    if (decoded.ok) {
      const { bank: id, version } = decoded.result;
      needed.set(bankKey(id, version), { id, version });
    }
  }
  return [...needed.values()];
}

/**
 * Loads every bank version in `wanted` with `load` (the bank store's fetcher in the page).
 * @returns each bank by {@link bankKey}, or the error (with a message for people) met loading it
 */
export async function loadBanks(
  wanted: readonly { id: string; version: number }[],
  load: (id: string, version: number) => Promise<Bank>,
): Promise<Map<string, Bank | Error>> {
  const found = await Promise.all(
    wanted.map(({ id, version }) =>
      load(id, version).then(
        (bank): [string, Bank | Error] => [bankKey(id, version), bank],
        (error: unknown): [string, Bank | Error] => [
          bankKey(id, version),
          error instanceof Error ? error : new Error(String(error)),
        ],
      ),
    ),
  );
  return new Map(found);
}

/**
 * Scores the inputs for a side-by-side view, each with its own bank version's rules. Versions of
 * one bank are set side by side (same dimensions) with a {@link versionNote}. Skipped, each with
 * a sentence in `problems`: repeats, unreadable links, links whose bank could not be had, links
 * of a bank that measures other dimensions, and links that do not fit their bank.
 * @param banks every bank in {@link banksNeeded}, by {@link bankKey}: the bank, or the error
 *   met fetching it
 * @returns the bank of the columns (undefined when none was usable), at most
 *   {@link COMPARE_MAX} columns (none when fewer than {@link COMPARE_MIN} are usable), problems,
 *   and the note on mixed versions (null when the columns share one)
 */
export function buildComparison(
  inputs: readonly CompareInput[],
  banks: ReadonlyMap<string, Bank | Error>,
): { bank: Bank | undefined; columns: CompareColumn[]; problems: string[]; note: string | null } {
  const problems: string[] = [];
  const columns: CompareColumn[] = [];
  const seen = new Set<string>();
  let shared: Bank | undefined;
  for (const input of inputs) {
    if (seen.has(input.fragment)) {
      problems.push(
        `${input.from}: the same result is already in the comparison, so it was skipped.`,
      );
      continue;
    }
    seen.add(input.fragment);
    const decoded = decodeResult(input.fragment);
    if (!decoded.ok) {
      problems.push(`${input.from}: ${decoded.message}`);
      continue;
    }
    const bank = banks.get(bankKey(decoded.result.bank, decoded.result.version));
    if (bank === undefined || bank instanceof Error) {
      const reason = bank?.message ?? 'The questionnaire it was made with could not be loaded.';
      problems.push(`${input.from}: ${reason}`);
      continue;
    }
    if (shared !== undefined && !sameDimensions(shared, bank)) {
      problems.push(
        `${input.from}: made with a questionnaire that measures other dimensions (${bank.id} version ${bank.version}), so its scores cannot be set side by side with the others.`,
      );
      continue;
    }
    const matched = responseFromShared(decoded.result, bank);
    if (!matched.ok) {
      problems.push(`${input.from}: ${matched.message}`);
      continue;
    }
    // The newest version names the rows; every version has the same dimension ids.
    if (shared === undefined || bank.version > shared.version) shared = bank;
    const { label, role, answers } = matched.response;
    columns.push({
      name: label === '' ? `Result ${columns.length + 1}` : label,
      role: bank.roles.find((r) => r.id === role)?.label ?? '',
      from: input.from,
      ...(input.savedAt === undefined ? {} : { savedAt: input.savedAt }),
      version: bank.version,
      result: scoreResponse(bank, answers, role),
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
  const shown = columns.length >= COMPARE_MIN ? columns.slice(0, COMPARE_MAX) : [];
  return { bank: shared, columns: shown, problems, note: versionNote(shown.map((c) => c.version)) };
}
