/**
 * The anonymity rule of the team view: no figure for a group of fewer than `threshold` people,
 * under any filter, and no way to work one out by subtracting shown figures from each other.
 * Pure. /team/ states the rule in its method note.
 */

/** Smallest group shown unless the user changes it: what common HR survey tools default to. */
export const DEFAULT_THRESHOLD = 5;
/** Lowest threshold the user may choose; below {@link DEFAULT_THRESHOLD} the page warns. */
export const MIN_THRESHOLD = 3;
/** Highest threshold the user may choose. */
export const MAX_THRESHOLD = 10;

/** A threshold the user asked for, as a whole number within the allowed range. */
export function clampThreshold(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_THRESHOLD;
  return Math.min(MAX_THRESHOLD, Math.max(MIN_THRESHOLD, Math.round(value)));
}

/** Which parts of a table of counts must stay hidden (true = hidden). */
export interface Suppression {
  /** The grand total (the "All" figures). */
  total: boolean;
  /** Each row's total (a label's figures). */
  rows: boolean[];
  /** Each column's total (a role's figures over everyone). */
  cols: boolean[];
  /** Each cell (a role within a label). */
  cells: boolean[][];
}

/** Hides the smallest shown non-empty entry of `counts` (by index list); false when none. */
function hideSmallest(counts: readonly number[], hidden: boolean[]): boolean {
  let pick = -1;
  counts.forEach((n, i) => {
    if (n > 0 && !hidden[i] && (pick === -1 || n < (counts[pick] ?? 0))) pick = i;
  });
  if (pick === -1) return false;
  hidden[pick] = true;
  return true;
}

/** Sum of the counts that are hidden. */
function hiddenSum(counts: readonly number[], hidden: readonly boolean[]): number {
  return counts.reduce((sum, n, i) => (hidden[i] ? sum + n : sum), 0);
}

/**
 * Decides what to hide in a table of respondent counts: rows are team labels (respondents without
 * a label form a row too), columns are roles. Every total is shown in the page under some filter,
 * so a hidden group could be worked out by subtraction unless enough else is hidden with it.
 *
 * 1. Primary: any row, column, cell or total with 1 to `threshold − 1` people is hidden.
 * 2. Complementary: within each row, each column, the rows and the columns, the hidden entries
 *    together must hold 0 or at least `threshold` people; otherwise the smallest shown entry is
 *    hidden too (or, when there is none, the total they add up to).
 * 3. A hidden row or column hides its cells; a hidden total hides everything. Repeated until
 *    nothing changes.
 */
export function suppress(counts: readonly (readonly number[])[], threshold: number): Suppression {
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const width = counts.reduce((w, row) => Math.max(w, row.length), 0);
  const colTotals = Array.from({ length: width }, (_, c) =>
    counts.reduce((sum, row) => sum + (row[c] ?? 0), 0),
  );
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const small = (n: number) => n > 0 && n < threshold;
  const result: Suppression = {
    total: total < threshold,
    rows: rowTotals.map(small),
    cols: colTotals.map(small),
    cells: counts.map((row) => Array.from({ length: width }, (_, c) => small(row[c] ?? 0))),
  };
  const cellRow = (r: number) => Array.from({ length: width }, (_, c) => counts[r]?.[c] ?? 0);
  let changed = true;
  while (changed) {
    changed = false;
    const mark = (done: boolean) => {
      if (done) changed = true;
    };
    if (result.total) {
      mark(result.rows.some((h) => !h) || result.cols.some((h) => !h));
      result.rows.fill(true);
      result.cols.fill(true);
    }
    for (const [totals, hidden] of [
      [rowTotals, result.rows],
      [colTotals, result.cols],
    ] as const) {
      if (!small(hiddenSum(totals, hidden))) continue;
      // Nothing left to hide means the hidden ones are everyone, and the total is small too.
      if (hideSmallest(totals, hidden)) changed = true;
    }
    counts.forEach((_, r) => {
      const cells = result.cells[r] ?? [];
      const values = cellRow(r);
      if (result.rows[r]) {
        mark(cells.some((h, c) => !h && (values[c] ?? 0) > 0));
        cells.fill(true);
        return;
      }
      if (!small(hiddenSum(values, cells))) return;
      if (hideSmallest(values, cells)) changed = true;
      else {
        result.rows[r] = true;
        changed = true;
      }
    });
    for (let c = 0; c < width; c++) {
      const values = counts.map((row) => row[c] ?? 0);
      const hidden = result.cells.map((row) => row[c] ?? true);
      if (result.cols[c]) {
        if (hidden.some((h, r) => !h && (values[r] ?? 0) > 0)) changed = true;
        result.cells.forEach((row) => (row[c] = true));
        continue;
      }
      if (!small(hiddenSum(values, hidden))) continue;
      if (hideSmallest(values, hidden)) {
        hidden.forEach((h, r) => {
          const row = result.cells[r];
          if (row !== undefined) row[c] = h;
        });
        changed = true;
      } else {
        result.cols[c] = true;
        changed = true;
      }
    }
  }
  return result;
}
