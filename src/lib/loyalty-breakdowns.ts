/**
 * The loyalty calculator's breakdowns: respondents by segment (small segments listed by size
 * only) and by period, with each period's change from the one before. Pure.
 */
import { changeBetween, type Change, type LoyaltyResponse } from './loyalty-score';
import { summarise, type LoyaltySummary } from './loyalty-index';

/** Default smallest segment shown. */
export const MIN_SEGMENT_DEFAULT = 30;

/** Respondents grouped by a label, largest group first (ties in label order). */
export interface Breakdown {
  /** Groups with at least the minimum, each summarised. */
  shown: { label: string; summary: LoyaltySummary }[];
  /** Groups below the minimum: only their size is given. */
  hidden: { label: string; n: number }[];
}

let collator: Intl.Collator | undefined;

/** Orders labels as people expect ("Wave 2" before "Wave 10"); the collator is made on first use. */
function compareLabels(a: string, b: string): number {
  collator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return collator.compare(a, b);
}

function groupBy(
  responses: readonly LoyaltyResponse[],
  key: (response: LoyaltyResponse) => string,
): Map<string, LoyaltyResponse[]> {
  const groups = new Map<string, LoyaltyResponse[]>();
  for (const response of responses) {
    const label = key(response);
    const group = groups.get(label);
    if (group === undefined) groups.set(label, [response]);
    else group.push(response);
  }
  return groups;
}

/** Shown for a blank segment or period cell. */
export const BLANK_LABEL = '(blank)';

/**
 * Summarises each segment with at least `minimum` respondents; smaller ones are listed by size
 * only, because their figures would be mostly noise.
 */
export function bySegment(responses: readonly LoyaltyResponse[], minimum: number): Breakdown {
  const groups = [...groupBy(responses, (r) => r.segment || BLANK_LABEL)].sort(
    ([a, left], [b, right]) => right.length - left.length || compareLabels(a, b),
  );
  const shown: Breakdown['shown'] = [];
  const hidden: Breakdown['hidden'] = [];
  for (const [label, members] of groups) {
    if (members.length >= minimum) shown.push({ label, summary: summarise(members) });
    else hidden.push({ label, n: members.length });
  }
  return { shown, hidden };
}

const ISO_DATE = /^(\d{4})-(\d{2})-\d{2}(?:$|[T ])/;

/**
 * The period a cell names. A calendar date (YYYY-MM-DD, optionally with a time) becomes its
 * quarter ("2026 Q1"), so a column of survey dates groups into quarters; any other text is the
 * period as written, trimmed.
 */
export function periodOf(cell: string): string {
  const text = cell.trim();
  const date = ISO_DATE.exec(text);
  if (date === null) return text;
  const month = Number(date[2]);
  if (month < 1 || month > 12) return text;
  return `${date[1]} Q${Math.ceil(month / 3)}`;
}

/** One period with its summary and the change from the period before. */
export interface PeriodSummary {
  label: string;
  summary: LoyaltySummary;
  /** Change of the recommend score from the previous period; null for the first. */
  recommendChange: Change | null;
  /** Change of the Customer Loyalty Index from the previous period; null when not available. */
  cliChange: Change | null;
}

/**
 * Periods in the order their labels sort (numbers compared as numbers: "2026 Q2" before
 * "2026 Q10"), each with the change from the one before.
 */
export function byPeriod(responses: readonly LoyaltyResponse[]): PeriodSummary[] {
  const groups = [...groupBy(responses, (r) => r.period || BLANK_LABEL)].sort(([a], [b]) =>
    compareLabels(a, b),
  );
  const periods: PeriodSummary[] = [];
  for (const [label, members] of groups) {
    const summary = summarise(members);
    const previous = periods.at(-1)?.summary;
    const recommendBefore = previous?.scores.recommend;
    const recommendNow = summary.scores.recommend;
    periods.push({
      label,
      summary,
      recommendChange:
        recommendBefore && recommendNow ? changeBetween(recommendBefore, recommendNow) : null,
      cliChange: previous?.cli && summary.cli ? changeBetween(previous.cli, summary.cli) : null,
    });
  }
  return periods;
}
