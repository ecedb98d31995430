/**
 * The consultant's team view: many respondents' share links pooled into one picture. Pure
 * TypeScript, no DOM. Links are found in whatever was pasted or dropped (lib/extract-links.ts),
 * read and scored here one by one (so a page can read a large file in slices), and the view's
 * groups are decided by the anonymity rule (lib/anonymity.ts) before any statistic is computed
 * (lib/team-stats.ts). Nothing here leaves the browser, so pooling is as private as answering.
 */
import { suppress, type Suppression } from './anonymity';
import type { Bank } from './bank';
import type { Find } from './extract-links';
import { normaliseFragment } from './fragment';
import { readLink, type BankLookup } from './read-link';
import { decodeResult } from './share-link';
import { labelKey, tidyLabel } from './team-labels';
import type { Respondent } from './team-tally';

/** One respondent's result, as the team view keeps it. */
export interface TeamRespondent extends Respondent {
  /** 1-based line of the text the link was found on. */
  line: number;
  /** The link's fragment (without "#"); identical results have identical fragments. */
  fragment: string;
  /** The tidied team label ("" for none). */
  label: string;
  /** The label's comparison key ({@link labelKey}). */
  labelKey: string;
  /** Overall index 0–100, or null when too few dimensions were scored. */
  overall: number | null;
}

/** Text that was skipped, and why. */
export interface LineProblem {
  /** 1-based line number in the input. */
  line: number;
  /** The text that looked like a link. */
  text: string;
  /** A full sentence for people: what is wrong and, where it helps, what to do. */
  message: string;
}

/**
 * The fragment part of whatever a respondent sent: a full URL ("https://…/result/#r1.…"), a
 * fragment with its "#", or a bare fragment. Whitespace around it is dropped, because links
 * pasted from e-mail or spreadsheets often carry it. Text without "#" is returned whole (trimmed)
 * so that the decoder can say what is wrong with it.
 */
export function extractFragment(text: string): string {
  return normaliseFragment(text);
}

function differentQuestionnaire(bank: Bank, sharedBank: string, sharedVersion: number): string {
  const uses = sharedBank === bank.id ? '' : `${bank.id} `;
  return `Made with a different questionnaire (${sharedBank} version ${sharedVersion}); this view uses ${uses}version ${bank.version}.`;
}

/** What has been read so far: respondents, problems, and links that came again. */
export interface Collection {
  respondents: TeamRespondent[];
  problems: LineProblem[];
  /** Links found more than once (a quoted reply, one person sending twice): counted once. */
  repeats: { line: number; first: number }[];
}

/**
 * Reads links one find at a time against `bank`: each becomes a respondent, a problem (a link
 * that does not decode, with the decoder's reason; one made with another questionnaire or
 * version, since their scores are not comparable; one that does not fit the bank) or a repeat.
 */
export class TeamCollector {
  /** What has been read so far. */
  readonly collection: Collection = { respondents: [], problems: [], repeats: [] };
  readonly #banks: BankLookup;
  readonly #first = new Map<string, number>();

  /** @param bank the questionnaire version every link must have been made with */
  constructor(bank: Bank) {
    // The one link pipeline (lib/read-link.ts), with a lookup that knows only the pooled
    // version: a link made with any other is refused, since scores of versions do not compare.
    this.#banks = (id, version) =>
      id === bank.id && version === bank.version
        ? bank
        : new Error(differentQuestionnaire(bank, id, version));
  }

  /** Adds one find of {@link findLinks}. */
  add(find: Find): void {
    const { problems, respondents, repeats } = this.collection;
    if (!find.ok) {
      problems.push({ line: find.line, text: find.text, message: find.message });
      return;
    }
    const { line, fragment } = find;
    // Checking before reading skips the decoder's work for repeats: decoding is deterministic.
    const first = this.#first.get(fragment);
    if (first !== undefined) {
      repeats.push({ line, first });
      return;
    }
    const read = readLink(fragment, this.#banks);
    if (!read.ok) {
      problems.push({ line, text: fragment, message: read.message });
      return;
    }
    // Scored with the respondent's role: statements a role is not shown never count.
    this.#first.set(fragment, line);
    const label = tidyLabel(read.response.label);
    respondents.push({
      line,
      fragment,
      role: read.response.role,
      label,
      labelKey: labelKey(label),
      answers: read.shared.answers,
      scores: read.result.dimensions.map((d) => d.score),
      overall: read.result.overall,
    });
  }
}

/**
 * The questionnaire version most of the found links were made with (ties: the newer), so that a
 * team that answered an earlier version is pooled with that version's rules. Scores of different
 * versions are not comparable, so one version is pooled and links of others are reported.
 * @returns null when no find is a readable link
 */
export function commonestVersion(finds: Iterable<Find>): { id: string; version: number } | null {
  const counts = new Map<string, { id: string; version: number; n: number }>();
  for (const find of finds) {
    if (!find.ok) continue;
    const decoded = decodeResult(find.fragment);
    if (!decoded.ok) continue;
    const { bank: id, version } = decoded.result;
    const key = `${id}@${version}`;
    const entry = counts.get(key) ?? { id, version, n: 0 };
    entry.n += 1;
    counts.set(key, entry);
  }
  let best: { id: string; version: number; n: number } | null = null;
  for (const entry of counts.values()) {
    if (best === null || entry.n > best.n || (entry.n === best.n && entry.version > best.version)) {
      best = entry;
    }
  }
  return best === null ? null : { id: best.id, version: best.version };
}

/** Reads every find at once (tests, small pastes); the page feeds a collector in slices. */
export function collectAll(bank: Bank, finds: Iterable<Find>): Collection {
  const collector = new TeamCollector(bank);
  for (const find of finds) collector.add(find);
  return collector.collection;
}

/** The respondents in view and what the anonymity rule hides in it. */
export interface TeamView {
  /** The respondents under the label filter (all when none). */
  respondents: TeamRespondent[];
  /** The whole view is hidden. */
  hidden: boolean;
  /** Roles whose group is hidden in this view. */
  hiddenRoles: Set<string>;
  /** Respondents per role in view, bank roles first (counts are shown whatever their size). */
  roleCounts: { role: string; n: number }[];
  /** The label keys hidden under the rule (their choice in the filter shows no figures). */
  hiddenLabels: Set<string>;
}

/**
 * Applies a label filter (a {@link labelKey}, or null for everyone) and the anonymity rule:
 * the rule is worked out on the whole table of labels × roles, so that comparing any two
 * filters cannot reveal a hidden group by subtraction (see lib/anonymity.ts).
 */
export function teamView(
  bank: Bank,
  respondents: readonly TeamRespondent[],
  label: string | null,
  threshold: number,
): TeamView {
  const roleIds = bank.roles.map((r) => r.id);
  for (const r of respondents) if (!roleIds.includes(r.role)) roleIds.push(r.role);
  const labelIds: string[] = [];
  const labelIndex = new Map<string, number>();
  const counts: number[][] = [];
  for (const r of respondents) {
    let row = labelIndex.get(r.labelKey);
    if (row === undefined) {
      row = labelIds.length;
      labelIndex.set(r.labelKey, row);
      labelIds.push(r.labelKey);
      counts.push(roleIds.map(() => 0));
    }
    const cells = counts[row] ?? [];
    const col = roleIds.indexOf(r.role);
    cells[col] = (cells[col] ?? 0) + 1;
  }
  const rule: Suppression = suppress(counts, threshold);
  const row = label === null ? undefined : labelIndex.get(label);
  const inView =
    label === null ? [...respondents] : respondents.filter((r) => r.labelKey === label);
  const hidden = label === null ? rule.total : row === undefined || (rule.rows[row] ?? true);
  const hiddenRoles = new Set(
    roleIds.filter((_, c) =>
      label === null ? (rule.cols[c] ?? true) : row === undefined || (rule.cells[row]?.[c] ?? true),
    ),
  );
  const roleCounts = roleIds.flatMap((role) => {
    const n = inView.filter((r) => r.role === role).length;
    return n === 0 ? [] : [{ role, n }];
  });
  return {
    respondents: inView,
    hidden,
    hiddenRoles,
    roleCounts,
    hiddenLabels: new Set(labelIds.filter((_, i) => rule.rows[i] ?? true)),
  };
}

/** Five-number summary plus mean of a set of scores. */
export interface Summary {
  n: number;
  mean: number;
  median: number;
  /** First quartile (25th percentile), type 7. */
  q1: number;
  /** Third quartile (75th percentile), type 7. */
  q3: number;
  min: number;
  max: number;
}

/**
 * Quantile `p` (0–1) of ascending, non-empty `sorted`, interpolating linearly between the
 * closest ranks. p = 0 and p = 1 give the minimum and maximum exactly.
 */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  // `below` is always in range; the type system cannot know that, hence the NaN.
  const low = sorted[below] ?? Number.NaN;
  // Past the top (h is the last rank) there is nothing to interpolate towards.
  const high = sorted[below + 1] ?? low;
  return low + (h - below) * (high - low);
}

/**
 * Mean, median, quartiles and range of `values`, or null when there are none.
 *
 * Quartiles use linear interpolation between closest ranks, Hyndman and Fan's "type 7": the
 * p-quantile of n sorted values x[0..n−1] is x[h] interpolated at h = (n − 1)·p. It is the
 * default of R's quantile() and what Excel's QUARTILE.INC and NumPy's percentile() give, so a
 * consultant can check a figure in a spreadsheet. The median is the 0.5-quantile (the mean of the
 * two middle values for an even count). Nothing is rounded here; rounding is for display.
 */
export function summarise(values: readonly number[]): Summary | null {
  if (values.length === 0) return null;
  // A typed array sorts numerically without a comparator callback: about twice as fast as
  // [...values].sort((a, b) => a - b) on 10,000 scores, and `values` is left untouched.
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    n: sorted.length,
    mean: sum / sorted.length,
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    min: quantile(sorted, 0),
    max: quantile(sorted, 1),
  };
}
