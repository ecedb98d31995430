/**
 * The consultant's team view: many respondents' share links pooled into one picture. Pure
 * TypeScript, no DOM: the page hands in the pasted lines and the bank, and renders what comes
 * back. Nothing here leaves the browser, so pooling is as private as answering.
 *
 * Respondents chose their role, so a small group's mean would be one person's score: figures per
 * role appear only for groups of at least {@link MIN_GROUP}. Each link is reduced to its scores
 * as it is read: every figure here is computed from scores, never from individual answers.
 */
import type { Bank, Dimension } from './bank';
import { normaliseFragment } from './fragment';
import { scoreResponse } from './scoring';
import { decodeResult, responseFromShared } from './share-link';

/**
 * A dimension score below this counts as "low". The team view reports the share of respondents
 * under it per dimension, so that pockets of unrest show even when the mean looks healthy.
 * 40 is where the released bank's "Reacting" stage ends and "Building" begins.
 */
export const LOW_SCORE = 40;

/**
 * Smallest group shown on its own. Role breakdowns and the perception gap need at least this
 * many scored respondents in every group involved, so that no one person's score can be read
 * off a mean.
 */
export const MIN_GROUP = 3;

/** One respondent's result, reduced to what the team view needs. */
export interface TeamResponse {
  /** 1-based line of the input the link came from. */
  line: number;
  /** The link's fragment (without "#"); identical results have identical fragments. */
  fragment: string;
  /** Role id from the bank (executive, manager, frontline, other). */
  role: string;
  /** The "organisation or team" label the respondent typed; may be empty. */
  label: string;
  /** Score 0–100 per dimension in bank order; null when the dimension had too few answers. */
  scores: (number | null)[];
  /** Overall index 0–100, or null when too few dimensions were scored. */
  overall: number | null;
}

/** An input line that was skipped, and why. */
export interface LineProblem {
  /** 1-based line number in the input. */
  line: number;
  /** The line as given, without surrounding whitespace. */
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

/**
 * The bank version a team view pools: the one the first readable link was made with, so a team
 * that answered an older version can still be pooled after a new one is released (links of any
 * other version are then reported, never mixed in). `fallback` (the newest) when no line reads.
 */
export function teamBankVersion(
  lines: readonly string[],
  fallback: { id: string; version: number },
): { id: string; version: number } {
  for (const line of lines) {
    if (line.trim() === '') continue;
    const decoded = decodeResult(extractFragment(line.trim()));
    if (decoded.ok) return { id: decoded.result.bank, version: decoded.result.version };
  }
  return fallback;
}

/**
 * Reads pasted or imported share links, one per line, and scores each against `bank`.
 *
 * Blank lines are skipped without comment (spreadsheets and e-mails are full of them). Every
 * other line either becomes a {@link TeamResponse} or a {@link LineProblem}: a link that does
 * not decode (with the decoder's own message), a link made with another bank or version (scores
 * of different versions are not comparable), a link that does not fit the bank, or a duplicate of
 * an earlier line (one person pasted twice would otherwise count twice). Line numbers are the
 * 1-based positions in `lines`, so pass blank lines through to keep them matching the input.
 */
export function parseTeamLinks(
  lines: readonly string[],
  bank: Bank,
): { responses: TeamResponse[]; problems: LineProblem[] } {
  const responses: TeamResponse[] = [];
  const problems: LineProblem[] = [];
  // Only accepted fragments are remembered: a repeated broken line is reported for what is
  // wrong with it, not as a duplicate. Checking before decoding skips the decoder's work for
  // repeats, which is safe because decoding is deterministic.
  const firstLine = new Map<string, number>();
  lines.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '') return;
    const line = index + 1;
    const fragment = extractFragment(text);
    const first = firstLine.get(fragment);
    if (first !== undefined) {
      problems.push({
        line,
        text,
        message: `Duplicate of line ${first}: the same result was already added.`,
      });
      return;
    }
    const decoded = decodeResult(fragment);
    if (!decoded.ok) {
      problems.push({ line, text, message: decoded.message });
      return;
    }
    const shared = decoded.result;
    if (shared.bank !== bank.id || shared.version !== bank.version) {
      problems.push({
        line,
        text,
        message: differentQuestionnaire(bank, shared.bank, shared.version),
      });
      return;
    }
    const matched = responseFromShared(shared, bank);
    if (!matched.ok) {
      problems.push({ line, text, message: matched.message });
      return;
    }
    const result = scoreResponse(bank, matched.response.answers, matched.response.role);
    firstLine.set(fragment, line);
    responses.push({
      line,
      fragment,
      role: matched.response.role,
      label: matched.response.label,
      scores: result.dimensions.map((d) => d.score),
      overall: result.overall,
    });
  });
  return { responses, problems };
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

/** The team's figures for one dimension. */
export interface DimensionAggregate {
  id: string;
  name: string;
  short: string;
  /** Summary over respondents with a score for this dimension; null when nobody has one. */
  summary: Summary | null;
  /** Share (0–1) of scored respondents below {@link LOW_SCORE}; null when nobody is scored. */
  lowShare: number | null;
  /** Mean per role, only for roles with at least {@link MIN_GROUP} scored respondents. */
  byRole: { role: string; n: number; mean: number }[];
  /**
   * Perception gap: mean of executives minus mean of front-line employees (positive when the top
   * sees a rosier picture). Null unless both groups have {@link MIN_GROUP} or more scored
   * respondents.
   */
  gap: { executive: number; frontline: number; difference: number } | null;
}

/** Everything the team view shows, computed from a set of responses. */
export interface TeamAggregate {
  /** Number of responses pooled (each dimension may have fewer scored). */
  respondents: number;
  /** Summary of the overall index over respondents that have one. */
  overall: Summary | null;
  /** One entry per bank dimension, in bank order. */
  dimensions: DimensionAggregate[];
  /**
   * Respondents per role, for roles with at least one respondent: the bank's roles in bank
   * order, then any role the bank does not know in order of first appearance. Counts are shown
   * whatever their size: they say who took part, not what anyone answered.
   */
  roleCounts: { role: string; n: number }[];
}

const EXECUTIVE = 'executive';
const FRONTLINE = 'frontline';

/** Running totals of one dimension while responses are pooled. */
interface Tally {
  dimension: Dimension;
  /** Every score given, for the summary. */
  values: number[];
  /** How many of them are below LOW_SCORE. */
  low: number;
  /** Sum and count of scores per role id. */
  groups: Map<string, { n: number; sum: number }>;
}

/** Mean of one role's scores in a dimension, or null for a group too small to show. */
function groupMean(tally: Tally, role: string): { n: number; mean: number } | null {
  const group = tally.groups.get(role);
  return group === undefined || group.n < MIN_GROUP
    ? null
    : { n: group.n, mean: group.sum / group.n };
}

/**
 * Pools `responses` into team figures for `bank` (the bank the responses were scored with).
 * Each dimension uses only respondents with a score for it, so "not enough answers" never
 * counts as a low score. One pass collects the values; sorting happens once per dimension.
 */
export function aggregateTeam(bank: Bank, responses: readonly TeamResponse[]): TeamAggregate {
  const tallies = bank.dimensions.map((dimension): Tally => ({
    dimension,
    values: [],
    low: 0,
    groups: new Map(),
  }));
  // Bank roles first, in bank order (a Map keeps insertion order). A role the bank does not
  // know cannot come from parseTeamLinks, but a caller may build responses another way: such
  // respondents are counted after the bank's roles rather than silently dropped.
  const roleTotals = new Map<string, number>(bank.roles.map((role) => [role.id, 0]));
  const overall: number[] = [];

  for (const response of responses) {
    roleTotals.set(response.role, (roleTotals.get(response.role) ?? 0) + 1);
    if (response.overall !== null) overall.push(response.overall);
    tallies.forEach((tally, d) => {
      const score = response.scores[d];
      // null is "not enough answers"; a missing entry (a scores array shorter than the bank)
      // is treated the same way rather than as a zero.
      if (typeof score !== 'number') return;
      tally.values.push(score);
      if (score < LOW_SCORE) tally.low += 1;
      const group = tally.groups.get(response.role);
      if (group === undefined) tally.groups.set(response.role, { n: 1, sum: score });
      else {
        group.n += 1;
        group.sum += score;
      }
    });
  }

  const roles = [...roleTotals.keys()];
  const dimensions = tallies.map((tally): DimensionAggregate => {
    const executive = groupMean(tally, EXECUTIVE);
    const frontline = groupMean(tally, FRONTLINE);
    return {
      id: tally.dimension.id,
      name: tally.dimension.name,
      short: tally.dimension.short,
      summary: summarise(tally.values),
      lowShare: tally.values.length === 0 ? null : tally.low / tally.values.length,
      byRole: roles.flatMap((role) => {
        const group = groupMean(tally, role);
        return group === null ? [] : [{ role, ...group }];
      }),
      gap:
        executive === null || frontline === null
          ? null
          : {
              executive: executive.mean,
              frontline: frontline.mean,
              difference: executive.mean - frontline.mean,
            },
    };
  });

  return {
    respondents: responses.length,
    overall: summarise(overall),
    dimensions,
    roleCounts: [...roleTotals].flatMap(([role, n]) => (n === 0 ? [] : [{ role, n }])),
  };
}

/**
 * The distinct non-empty team labels, for the label filter. Sorted for people rather than by
 * code point: case and accents do not split the list, and numbers inside labels go in numeric
 * order ("Team 2" before "Team 10"). Labels of only spaces are left out: nobody can pick them.
 */
export function labelsOf(responses: readonly TeamResponse[]): string[] {
  const labels = new Set<string>();
  for (const response of responses) if (response.label.trim() !== '') labels.add(response.label);
  const collator = new Intl.Collator(undefined, { numeric: true });
  return [...labels].sort((a, b) => collator.compare(a, b));
}

/**
 * The responses carrying exactly `label`, or all of them when `label` is null. Always a new
 * array, so callers may sort or extend it without touching the input.
 */
export function filterByLabel(
  responses: readonly TeamResponse[],
  label: string | null,
): TeamResponse[] {
  return label === null ? [...responses] : responses.filter((r) => r.label === label);
}
