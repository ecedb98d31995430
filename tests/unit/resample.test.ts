import { describe, expect, it } from 'vitest';
import { binomial, bootstrapMeans, logFactorials, mulberry32 } from '../../src/lib/resample';

describe('mulberry32', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(c()).not.toBe(first[0]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = first.reduce((s, x) => s + x, 0) / first.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

describe('logFactorials', () => {
  it('holds ln(k!)', () => {
    const table = logFactorials(10);
    expect(table[0]).toBe(0);
    expect(table[1]).toBe(0);
    expect(table[5]).toBeCloseTo(Math.log(120), 12);
    expect(table[10]).toBeCloseTo(Math.log(3_628_800), 10);
  });
});

describe('binomial', () => {
  const lf = logFactorials(5000);

  /** Mean and variance of many draws, against n·p and n·p·(1 − p). */
  function moments(n: number, p: number, draws = 20_000) {
    const random = mulberry32(n * 1000 + Math.round(p * 1000));
    let sum = 0;
    let squares = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < draws; i++) {
      const x = binomial(n, p, random, lf);
      sum += x;
      squares += x * x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    const mean = sum / draws;
    return { mean, variance: squares / draws - mean * mean, min, max };
  }

  it.each([
    [20, 0.1],
    [20, 0.5],
    [100, 0.3],
    [5000, 0.02],
    [5000, 0.4],
    [5000, 0.9],
  ])('draws with the right mean and variance (n %i, p %f)', (n, p) => {
    const { mean, variance, min, max } = moments(n, p);
    const sd = Math.sqrt(n * p * (1 - p));
    // Tolerances of 5 standard errors for the mean and 10 % for the variance.
    expect(Math.abs(mean - n * p)).toBeLessThan((5 * sd) / Math.sqrt(20_000));
    expect(variance / (n * p * (1 - p))).toBeGreaterThan(0.9);
    expect(variance / (n * p * (1 - p))).toBeLessThan(1.1);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThanOrEqual(n);
  });

  it('handles the edges exactly', () => {
    const random = mulberry32(1);
    expect(binomial(0, 0.5, random, lf)).toBe(0);
    expect(binomial(10, 0, random, lf)).toBe(0);
    expect(binomial(10, 1, random, lf)).toBe(10);
  });
});

describe('bootstrapMeans', () => {
  /** The textbook bootstrap, one draw at a time, to compare against. */
  function naive(values: number[], resamples: number, random: () => number): number[] {
    return Array.from({ length: resamples }, () => {
      let sum = 0;
      for (let i = 0; i < values.length; i++) {
        sum += values[Math.floor(random() * values.length)]!;
      }
      return sum / values.length;
    });
  }

  function quantiles(values: ArrayLike<number>): number[] {
    const sorted = Array.from(values).sort((a, b) => a - b);
    return [0.05, 0.5, 0.95].map((p) => sorted[Math.floor(p * (sorted.length - 1))]!);
  }

  it('gives the same distribution of means as drawing one value at a time', () => {
    const values = Array.from({ length: 400 }, (_, i) => [0, 25, 50, 50, 75, 100, 62.5][i % 7]!);
    const fast = quantiles(bootstrapMeans(values, 4000, mulberry32(7)));
    const slow = quantiles(naive(values, 4000, mulberry32(8)));
    fast.forEach((q, i) => {
      expect(Math.abs(q - slow[i]!)).toBeLessThan(0.6);
    });
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(fast[1]).toBeCloseTo(mean, 0);
  });

  it('is deterministic, keeps every resample inside the range, and handles edge cases', () => {
    const values = [10, 20, 20, 90];
    const a = bootstrapMeans(values, 200, mulberry32(3));
    expect(Array.from(bootstrapMeans(values, 200, mulberry32(3)))).toEqual(Array.from(a));
    expect(Array.from(a).every((m) => m >= 10 && m <= 90)).toBe(true);
    expect(Array.from(bootstrapMeans([5, 5, 5], 10, mulberry32(1)))).toEqual(Array(10).fill(5));
    expect(bootstrapMeans([], 10, mulberry32(1))).toHaveLength(0);
  });
});
