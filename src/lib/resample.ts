/**
 * Seeded random numbers and the bootstrap of a mean. Pure and deterministic: the same seed gives
 * the same numbers on every machine.
 *
 * The bootstrap draws, many times, as many values with replacement as the sample holds and keeps
 * each resample's mean. Drawing n values one by one costs n steps per resample, which for a
 * 10,000-person team and 1,000 resamples is too slow for a page. Scores take few distinct values
 * (means of item scores that are multiples of 25), and how many times each distinct value is
 * drawn in a resample follows a multinomial distribution; sampling that distribution directly
 * (one binomial draw per distinct value) gives exactly the same resampled means in a few steps.
 */

/**
 * Mulberry32: a small, fast, seeded generator of numbers in [0, 1). Good enough for resampling;
 * not for anything secret.
 */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** ln(k!) for k = 0…n, for the binomial sampler. */
export function logFactorials(n: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) table[k] = (table[k - 1] as number) + Math.log(k);
  return table;
}

/** Inversion: walks the probabilities up from 0. Quick when n·p is small. */
function binomialInversion(n: number, p: number, random: () => number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  let r = q ** n;
  let u = random();
  let x = 0;
  while (u > r && x < n) {
    u -= r;
    x += 1;
    r *= a / x - s;
  }
  return x;
}

/**
 * Hörmann's BTRS (transformed rejection with squeeze, 1993), for n·p ≥ 10 and p ≤ 0.5: a few
 * uniform numbers per draw whatever n is.
 */
function binomialBtrs(n: number, p: number, random: () => number, lf: Float64Array): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = (lf[m] as number) + (lf[n - m] as number);
  for (;;) {
    const u = random() - 0.5;
    const v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    const logV = Math.log((v * alpha) / (a / (us * us) + b));
    if (logV <= h - (lf[k] as number) - (lf[n - k] as number) + (k - m) * lpq) return k;
  }
}

/**
 * A draw from the binomial distribution: successes in n trials of probability p.
 * @param lf {@link logFactorials} of at least n
 */
export function binomial(n: number, p: number, random: () => number, lf: Float64Array): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(n, 1 - p, random, lf);
  return n * p < 10 ? binomialInversion(n, p, random) : binomialBtrs(n, p, random, lf);
}

/**
 * `resamples` bootstrap means of `values`: each is the mean of values.length draws with
 * replacement, sampled through the multinomial counts of the distinct values (see above).
 * Empty input gives an empty array.
 */
export function bootstrapMeans(
  values: readonly number[],
  resamples: number,
  random: () => number,
  lf: Float64Array = logFactorials(values.length),
): Float64Array {
  const n = values.length;
  const out = new Float64Array(n === 0 ? 0 : resamples);
  if (n === 0) return out;
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const distinct = [...counts].sort((x, y) => y[1] - x[1]);
  for (let b = 0; b < resamples; b++) {
    let left = n;
    let leftCount = n;
    let sum = 0;
    for (const [value, count] of distinct) {
      if (left === 0) break;
      // Conditional on the values already drawn, this one's share of what is left.
      const drawn = count === leftCount ? left : binomial(left, count / leftCount, random, lf);
      sum += drawn * value;
      left -= drawn;
      leftCount -= count;
    }
    out[b] = sum / n;
  }
  return out;
}
