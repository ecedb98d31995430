/**
 * Words and numbers of the team report: signed differences, shares, the debrief question for
 * each team priority, and the pooled figures as rows for the CSV export. Pure.
 */
import type { Bank } from './bank';
import type { Priority } from './priorities';
import type { GapRow } from './perception-gap';
import type { TeamStats } from './team-stats';

/** A whole number with its sign: "+3", "−3" (a true minus), and "0" for anything rounding to 0. */
export function signed(value: number): string {
  const rounded = Math.round(value);
  if (rounded === 0) return '0';
  return rounded > 0 ? `+${rounded}` : `−${-rounded}`;
}

/** A share 0–1 as a whole percentage: "30 %". */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** A role's name as people read it, from the bank; the id when the bank does not know it. */
export function roleName(bank: Bank, id: string): string {
  if (id === 'all') return 'Everyone';
  return bank.roles.find((r) => r.id === id)?.label ?? id;
}

/** A gap of at least this many points is worth a question of its own in the debrief. */
export const NOTABLE_GAP = 10;

/**
 * The question to open the workshop discussion of one team priority. When the two roles
 * compared see the dimension very differently (the interval clear of zero and at least
 * {@link NOTABLE_GAP} points), the question is about that gap; otherwise about what holds the
 * dimension back.
 */
export function debriefQuestion(
  bank: Bank,
  priority: Priority,
  gap: GapRow | undefined,
  pair: readonly [string, string],
): string {
  const name = priority.dimension.name.toLowerCase();
  const g = gap?.gap;
  if (g && Math.abs(g.difference) >= NOTABLE_GAP && (g.low > 0 || g.high < 0)) {
    const [higher, lower] = g.difference > 0 ? pair : [pair[1], pair[0]];
    return `${roleName(bank, higher)}s rate ${name} ${Math.abs(Math.round(g.difference))} points higher than ${roleName(bank, lower).toLowerCase()}s do. What do ${roleName(bank, lower).toLowerCase()}s see day to day that the others do not?`;
  }
  if (priority.keystone) {
    return `What would people need to see leaders do, in the next month, to believe ${name} is real?`;
  }
  return `Think of a recent moment when ${name} let a customer down. What got in the way, and who could remove it?`;
}

/** One row of the pooled figures export. */
export type FigureRow = [string, string, string, number | null, number | null, string];

/** Header of {@link figureRows}. */
export const FIGURE_FIELDS = ['section', 'group', 'item', 'respondents', 'value', 'note'];

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * The pooled figures of the view as rows: the heatmap (mean per group and dimension), spread
 * per dimension, the perception gap with its interval, blind spots and role splits. Hidden
 * groups appear with an empty value and the note "hidden", never with a figure.
 */
export function figureRows(
  bank: Bank,
  stats: TeamStats,
  gap: readonly GapRow[],
  pair: readonly [string, string],
): FigureRow[] {
  const rows: FigureRow[] = [];
  for (const column of stats.heatmap) {
    column.cells.forEach((cell, d) => {
      const dimension = bank.dimensions[d]?.name ?? '';
      const group = roleName(bank, column.key);
      rows.push(
        cell.shown
          ? ['mean', group, dimension, cell.n, round1(cell.mean), '']
          : ['mean', group, dimension, null, null, `hidden: fewer than ${stats.threshold}`],
      );
    });
  }
  for (const d of stats.dimensions) {
    if (d.summary === null || d.sd === null) continue;
    const n = d.summary.n;
    rows.push(['spread', 'Everyone', d.name, n, round1(d.sd), 'standard deviation']);
    rows.push(['spread', 'Everyone', d.name, n, round1(d.summary.q1), 'first quartile']);
    rows.push(['spread', 'Everyone', d.name, n, round1(d.summary.median), 'median']);
    rows.push(['spread', 'Everyone', d.name, n, round1(d.summary.q3), 'third quartile']);
    if (d.alpha !== null) {
      rows.push([
        'consistency',
        'Everyone',
        d.name,
        d.alphaN,
        round1(d.alpha * 100) / 100,
        "Cronbach's alpha",
      ]);
    }
  }
  const groups = `${roleName(bank, pair[0])} minus ${roleName(bank, pair[1])}`;
  for (const row of gap) {
    if (row.gap === null) {
      rows.push(['gap', groups, row.name, null, null, row.reason ?? '']);
      continue;
    }
    const note = `90 % interval ${round1(row.gap.low)} to ${round1(row.gap.high)}; ${row.common} shared statements`;
    rows.push(['gap', groups, row.name, row.gap.nA + row.gap.nB, round1(row.gap.difference), note]);
  }
  for (const spot of stats.blindSpots) {
    rows.push([
      'blind spot',
      'Everyone',
      spot.text,
      spot.n,
      round1(spot.share * 100),
      "% don't know",
    ]);
  }
  for (const split of stats.splits) {
    const note = split.means
      .map((m) => `${roleName(bank, m.role)} ${Math.round(m.mean)}`)
      .join('; ');
    rows.push(['role split', 'Roles shown', split.text, null, round1(split.spread), note]);
  }
  return rows;
}
