/**
 * Cronbach's alpha, the internal consistency of a set of statements, from running sums so the
 * team view can accumulate it in its single pass over the respondents. Pure.
 */

/** Running sums of a dimension's complete answers, from which alpha follows. */
export interface AlphaSums {
  n: number;
  item: Float64Array;
  itemSquares: Float64Array;
  total: number;
  totalSquares: number;
}

/** Cronbach's alpha from running sums; null with fewer than 2 items or 2 rows, or flat totals. */
export function alphaOf(sums: AlphaSums): number | null {
  const { n } = sums;
  const k = sums.item.length;
  if (n < 2 || k < 2) return null;
  const variance = (sum: number, squares: number) => (squares - (sum * sum) / n) / (n - 1);
  let items = 0;
  for (let i = 0; i < k; i++)
    items += variance(sums.item[i] as number, sums.itemSquares[i] as number);
  const totals = variance(sums.total, sums.totalSquares);
  // Rounding can leave a tiny non-zero variance where the totals are all equal.
  if (totals <= 1e-9) return null;
  return (k / (k - 1)) * (1 - items / totals);
}

/** Adds one respondent's complete row of item scores to the running sums. */
export function addRow(sums: AlphaSums, row: ArrayLike<number>): void {
  let total = 0;
  for (let i = 0; i < row.length; i++) {
    const value = row[i] as number;
    sums.item[i] = (sums.item[i] as number) + value;
    sums.itemSquares[i] = (sums.itemSquares[i] as number) + value * value;
    total += value;
  }
  sums.n += 1;
  sums.total += total;
  sums.totalSquares += total * total;
}

/** Running sums for `k` items with no rows yet. */
export const emptySums = (k: number): AlphaSums => ({
  n: 0,
  item: new Float64Array(k),
  itemSquares: new Float64Array(k),
  total: 0,
  totalSquares: 0,
});

/**
 * Cronbach's alpha of a respondents × items table (every respondent answered every item):
 * k / (k − 1) × (1 − Σ item variances / variance of the totals), sample variances (n − 1).
 * Null with fewer than 2 items or 2 respondents, or when the totals do not vary.
 */
export function cronbachAlpha(rows: readonly (readonly number[])[]): number | null {
  const sums = emptySums(rows[0]?.length ?? 0);
  for (const row of rows) addRow(sums, row);
  return alphaOf(sums);
}
