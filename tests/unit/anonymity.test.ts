import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THRESHOLD,
  MAX_THRESHOLD,
  MIN_THRESHOLD,
  clampThreshold,
  suppress,
} from '../../src/lib/anonymity';

describe('clampThreshold', () => {
  it('keeps the threshold a whole number from 3 to 10, defaulting to 5', () => {
    expect([DEFAULT_THRESHOLD, MIN_THRESHOLD, MAX_THRESHOLD]).toEqual([5, 3, 10]);
    expect(clampThreshold(1)).toBe(3);
    expect(clampThreshold(4.4)).toBe(4);
    expect(clampThreshold(99)).toBe(10);
    expect(clampThreshold(Number.NaN)).toBe(5);
  });
});

describe('suppress', () => {
  it('hides groups under the threshold (primary)', () => {
    // Rows: labels; columns: executive, manager, front line.
    const rule = suppress(
      [
        [6, 5, 9],
        [5, 0, 7],
      ],
      5,
    );
    expect(rule.total).toBe(false);
    expect(rule.rows).toEqual([false, false]);
    expect(rule.cols).toEqual([false, false, false]);
    expect(rule.cells).toEqual([
      [false, false, false],
      [false, false, false],
    ]);
  });

  it('hides a second group so a hidden one cannot be worked out by subtraction', () => {
    // Row 0: a manager group of 2 is hidden; the label's total is shown, so the next
    // smallest group of that label must go too.
    const rule = suppress([[6, 2, 9]], 5);
    expect(rule.cells[0]).toEqual([true, true, false]);
    // The manager column (2 in all) is hidden; the executive column must then be hidden too
    // in "All", or All − front line − executives would give the managers.
    expect(rule.cols).toEqual([true, true, false]);
  });

  it('protects a small label across filters', () => {
    // Label B holds 3 people: hidden; the All figures minus label A would give it, unless
    // another label is hidden with it.
    const rule = suppress(
      [
        [10, 10, 10],
        [1, 1, 1],
        [6, 0, 0],
      ],
      5,
    );
    expect(rule.rows[1]).toBe(true);
    expect(rule.rows[2]).toBe(true);
    expect(rule.rows[0]).toBe(false);
  });

  it('hides everything when the whole team is under the threshold', () => {
    const rule = suppress(
      [
        [2, 1],
        [1, 0],
      ],
      5,
    );
    expect(rule.total).toBe(true);
    expect(rule.rows).toEqual([true, true]);
    expect(rule.cols).toEqual([true, true]);
    expect(rule.cells.flat().every(Boolean)).toBe(true);
    expect(suppress([], 5).total).toBe(true);
  });

  it('never leaves a hidden set of 1 to threshold − 1 people in any row, column or margin', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 4, maxLength: 4 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.integer({ min: 3, max: 10 }),
        (counts, t) => {
          const rule = suppress(counts, t);
          const small = (n: number) => n > 0 && n < t;
          const hiddenSum = (values: number[], hidden: boolean[]) =>
            values.reduce((s, n, i) => (hidden[i] ? s + n : s), 0);
          const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0));
          const colTotals = [0, 1, 2, 3].map((c) => counts.reduce((s, r) => s + (r[c] ?? 0), 0));
          const total = rowTotals.reduce((a, b) => a + b, 0);
          if (rule.total) return;
          expect(total).toBeGreaterThanOrEqual(t);
          // Every shown figure stands on at least t people.
          rowTotals.forEach((n, r) => {
            if (!rule.rows[r]) expect(small(n)).toBe(false);
          });
          colTotals.forEach((n, c) => {
            if (!rule.cols[c]) expect(small(n)).toBe(false);
          });
          counts.forEach((row, r) => {
            row.forEach((n, c) => {
              if (!rule.cells[r]![c]) expect(small(n)).toBe(false);
            });
          });
          // What subtraction can reveal, a hidden set, is never a small one.
          expect(small(hiddenSum(rowTotals, rule.rows))).toBe(false);
          expect(small(hiddenSum(colTotals, rule.cols))).toBe(false);
          counts.forEach((row, r) => {
            if (!rule.rows[r]) expect(small(hiddenSum(row, rule.cells[r]!))).toBe(false);
          });
          [0, 1, 2, 3].forEach((c) => {
            if (rule.cols[c]) return;
            const column = counts.map((row) => row[c] ?? 0);
            expect(
              small(
                hiddenSum(
                  column,
                  rule.cells.map((row) => row[c]!),
                ),
              ),
            ).toBe(false);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
