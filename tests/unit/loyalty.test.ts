import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loyaltyReport } from '../../src/lib/loyalty';
import { byPeriod, bySegment, periodOf } from '../../src/lib/loyalty-breakdowns';
import { netScoreSdAt, planGoal } from '../../src/lib/loyalty-goals';
import { summarise } from '../../src/lib/loyalty-index';
import {
  changeBetween,
  formatPoints,
  formatShare,
  groupOf,
  meanEstimate,
  netScore,
  netScoreOf,
  respondentScore,
  tQuantile975,
  type LoyaltyResponse,
} from '../../src/lib/loyalty-score';

/** A respondent with the three ratings (null when not asked). */
function person(
  recommend: number,
  repurchase: number | null = null,
  tryOther: number | null = null,
  segment = '',
  period = '',
  row = 2,
): LoyaltyResponse {
  return { row, recommend, repurchase, tryOther, segment, period };
}

describe('groups and respondent scores', () => {
  it('puts 9–10 in promoters, 7–8 in passives and 0–6 in detractors', () => {
    expect([0, 6, 7, 8, 9, 10].map(groupOf)).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
    expect([3, 7, 10].map(respondentScore)).toEqual([-100, 0, 100]);
  });
});

describe('net score with the adjusted-Wald interval', () => {
  it('matches a hand computation: 5 promoters, 3 passives, 2 detractors', () => {
    // n = 10, score = (5 − 2) / 10 = +30. Adjusted: n + 3 = 13, p = 5.75/13 = 0.44231,
    // d = 2.75/13 = 0.21154, p − d = 0.23077, variance = (0.65385 − 0.05325)/13 = 0.046199,
    // margin = 1.96 × 0.21494 = 0.42128, so −19.05 to +65.20.
    const score = netScore(5, 3, 2);
    expect(score?.value).toBeCloseTo(30, 10);
    expect(score?.low).toBeCloseTo(-19.05, 2);
    expect(score?.high).toBeCloseTo(65.2, 2);
    expect(score?.variance).toBeCloseTo(461.99, 2);
    expect(score?.n).toBe(10);
  });

  it('matches a hand computation on a large published sample (291, 476, 395 of 1,162)', () => {
    // A forum question's survey (talkstats.com, NPS thread): score −8.95, rounded −9.
    // Adjusted: 1,165; p = 291.75/1165, d = 395.75/1165; interval −13.31 to −4.55.
    const score = netScore(291, 476, 395);
    expect(Math.round(score?.value ?? 0)).toBe(-9);
    expect(score?.low).toBeCloseTo(-13.31, 2);
    expect(score?.high).toBeCloseTo(-4.55, 2);
  });

  it('gives an interval centred on zero for symmetric data', () => {
    const score = netScore(30, 40, 30);
    expect(score?.value).toBe(0);
    expect(score?.low).toBeCloseTo(-14.92, 2);
    expect(score?.high).toBeCloseTo(14.92, 2);
  });

  it('counts ratings into groups and returns null for nobody', () => {
    expect(netScoreOf([10, 9, 8, 0])).toMatchObject({
      promoters: 2,
      passives: 1,
      detractors: 1,
      value: 25,
    });
    expect(netScoreOf([])).toBeNull();
    expect(netScore(0, 0, 0)).toBeNull();
  });

  it('clips the interval to −100…+100', () => {
    const all = netScore(40, 0, 0);
    expect(all?.high).toBe(100);
    const none = netScore(0, 0, 40);
    expect(none?.low).toBe(-100);
  });

  const counts = fc.tuple(fc.nat(400), fc.nat(400), fc.nat(400));

  it('contains the score from two respondents on, and stays within −100…+100', () => {
    fc.assert(
      fc.property(counts, ([p, q, d]) => {
        fc.pre(p + q + d >= 2);
        const score = netScore(p, q, d);
        if (score === null) return false;
        return (
          score.low <= score.value + 1e-9 &&
          score.value <= score.high + 1e-9 &&
          score.low >= -100 &&
          score.high <= 100
        );
      }),
    );
  });

  it('narrows as the same mix of answers comes from more people', () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 2, max: 10 }), ([p, q, d], k) => {
        fc.pre(p + q + d >= 1);
        const small = netScore(p, q, d);
        const large = netScore(p * k, q * k, d * k);
        if (small === null || large === null) return false;
        return large.high - large.low < small.high - small.low + 1e-9;
      }),
    );
  });

  it('gives 0 for symmetric data, whatever the counts', () => {
    fc.assert(
      fc.property(fc.nat(300), fc.nat(300), (side, middle) => {
        fc.pre(side + middle > 0);
        const score = netScore(side, middle, side);
        return score !== null && score.value === 0 && Math.abs(score.low + score.high) < 1e-9;
      }),
    );
  });
});

describe('t quantile and means', () => {
  it('matches the table values of Student’s t', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(4)).toBeCloseTo(2.776, 3);
    expect(tQuantile975(5)).toBeCloseTo(2.571, 2);
    expect(tQuantile975(10)).toBeCloseTo(2.228, 3);
    expect(tQuantile975(30)).toBeCloseTo(2.042, 3);
    expect(tQuantile975(1000)).toBeCloseTo(1.962, 3);
    expect(tQuantile975(0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('gives a mean with a t interval, and the whole scale for one score', () => {
    // Scores 0, 50, 100: mean 50, sd 50, se 28.87, t(2) = 4.303 → ±124.2, clipped.
    const three = meanEstimate([0, 50, 100], { low: 0, high: 100 });
    expect(three?.value).toBe(50);
    expect(three?.sd).toBeCloseTo(50, 10);
    expect(three?.low).toBe(0);
    expect(three?.high).toBe(100);
    const one = meanEstimate([40], { low: 0, high: 100 });
    expect(one).toMatchObject({ value: 40, low: 0, high: 100, sd: 0 });
    expect(meanEstimate([], { low: 0, high: 100 })).toBeNull();
    // 40 scores of 20 and 40 of 60: mean 40, sd 20.13, se 2.25, t(79) = 1.9905 → ±4.48.
    const many = meanEstimate([...Array<number>(40).fill(20), ...Array<number>(40).fill(60)], {
      low: 0,
      high: 100,
    });
    expect(many?.low).toBeCloseTo(35.52, 1);
    expect(many?.high).toBeCloseTo(44.48, 1);
  });
});

describe('Customer Loyalty Index', () => {
  it('is the mean of the three net scores, with the 0–100 rating index beside it', () => {
    const people = [person(10, 9, 5), person(8, 6, 9), person(3, 10, 10), person(9, 7, 2)];
    const summary = summarise(people);
    // Recommend: 2 promoters, 1 passive, 1 detractor → +25. Repurchase: 2, 1, 1 → +25.
    // Try other: 2, 0, 2 → 0. Index = (25 + 25 + 0) / 3 = 16.67.
    expect(summary.scores.recommend?.value).toBe(25);
    expect(summary.scores.repurchase?.value).toBe(25);
    expect(summary.scores.tryOther?.value).toBe(0);
    expect(summary.cli?.value).toBeCloseTo(50 / 3, 10);
    // Mean ratings: 8, 7.667, 7.667, 6 → mean 7.333 → 73.33 on 0–100.
    expect(summary.ratingIndex?.value).toBeCloseTo(73.333, 3);
    expect(summary.n).toBe(4);
  });

  it('equals the mean of the three net scores for any data', () => {
    const rating = fc.integer({ min: 0, max: 10 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(rating, rating, rating), { minLength: 1, maxLength: 60 }),
        (rows) => {
          const summary = summarise(rows.map(([a, b, c]) => person(a, b, c)));
          const { recommend, repurchase, tryOther } = summary.scores;
          if (!recommend || !repurchase || !tryOther || !summary.cli) return false;
          const mean = (recommend.value + repurchase.value + tryOther.value) / 3;
          return Math.abs(summary.cli.value - mean) < 1e-9;
        },
      ),
    );
  });

  it('gives the recommend score alone when the other questions are missing', () => {
    const summary = summarise([person(10), person(2)]);
    expect(summary.scores.recommend?.value).toBe(0);
    expect(summary.scores.repurchase).toBeNull();
    expect(summary.cli).toBeNull();
    expect(summary.ratingIndex).toBeNull();
    expect(summarise([]).scores.recommend).toBeNull();
  });
});

describe('segments and periods', () => {
  it('shows segments of at least the minimum, largest first, and lists the rest by size', () => {
    const people = [
      ...Array.from({ length: 4 }, () => person(10, null, null, 'North')),
      ...Array.from({ length: 3 }, () => person(0, null, null, 'South')),
      person(8, null, null, ''),
    ];
    const breakdown = bySegment(people, 3);
    expect(breakdown.shown.map((s) => [s.label, s.summary.scores.recommend?.value])).toEqual([
      ['North', 100],
      ['South', -100],
    ]);
    expect(breakdown.hidden).toEqual([{ label: '(blank)', n: 1 }]);
  });

  it('turns dates into quarters and keeps other period labels', () => {
    expect(periodOf('2026-02-14')).toBe('2026 Q1');
    expect(periodOf(' 2026-12-01T10:00 ')).toBe('2026 Q4');
    expect(periodOf('2026-13-01')).toBe('2026-13-01');
    expect(periodOf('Wave 3')).toBe('Wave 3');
  });

  it('orders periods by label, numbers as numbers, with the change from the one before', () => {
    const wave = (label: string, promoters: number, detractors: number) => [
      ...Array.from({ length: promoters }, () => person(10, 10, 10, '', label)),
      ...Array.from({ length: detractors }, () => person(0, 0, 0, '', label)),
    ];
    const periods = byPeriod([...wave('Wave 10', 90, 10), ...wave('Wave 2', 50, 50)]);
    expect(periods.map((p) => p.label)).toEqual(['Wave 2', 'Wave 10']);
    expect(periods[0]?.recommendChange).toBeNull();
    const change = periods[1]?.recommendChange;
    // From 0 to +80: adjusted variances 0.98034/103·10⁴ and (0.98034 − 0.6214)/103·10⁴ added.
    expect(change?.value).toBe(80);
    expect(change?.distinguishable).toBe(true);
    expect(periods[1]?.cliChange?.value).toBeCloseTo(80, 10);
  });

  it('calls a change noise when its interval includes zero', () => {
    const before = netScore(5, 3, 2);
    const after = netScore(6, 2, 2);
    if (before === null || after === null) throw new Error('no score');
    const change = changeBetween(before, after);
    expect(change.value).toBeCloseTo(10, 10);
    expect(change.low).toBeLessThan(0);
    expect(change.distinguishable).toBe(false);
    expect(changeBetween(after, before).high).toBeGreaterThan(0);
  });

  it('builds the whole report', () => {
    const report = loyaltyReport([person(10, 9, 9, 'A', 'Q1'), person(5, 5, 5, 'A', 'Q2')], 2);
    expect(report.overall.n).toBe(2);
    expect(report.segments.shown).toHaveLength(1);
    expect(report.periods).toHaveLength(2);
  });
});

describe('goals', () => {
  it('gives the distance and the respondents per wave with 80 % power at 5 %', () => {
    // Today +30 with sd 50; target +40 with sd 50: n = 2.8016² × 5000 / 100 = 392.4 → 393.
    const today = { value: 30, low: 20, high: 40, variance: 10, n: 100, sd: 50 };
    expect(planGoal(today, 40, 50)).toEqual({ distance: 10, perWave: 393 });
    expect(planGoal(today, 30, 50)).toEqual({ distance: 0, perWave: null });
    expect(planGoal({ ...today, sd: 0 }, 100, 0).perWave).toBe(2);
  });

  it('asks for more respondents as the target comes closer to today', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 49 }), (far, less) => {
        const near = Math.max(1, far - less);
        const today = { value: 0, low: -5, high: 5, variance: 5, n: 200, sd: 70 };
        const a = planGoal(today, far, 70).perWave ?? 0;
        const b = planGoal(today, near, 70).perWave ?? 0;
        return b >= a;
      }),
    );
  });

  it('expects the spread at a target net score from the passives kept', () => {
    // 40 % passives and a target of +30: 60 % are promoters or detractors; sd = √(0.6 − 0.09).
    expect(netScoreSdAt(30, 0.4)).toBeCloseTo(Math.sqrt(0.51) * 100, 10);
    // A target of +90 cannot keep 40 % passives: at least 90 % must be promoters.
    expect(netScoreSdAt(90, 0.4)).toBeCloseTo(Math.sqrt(0.9 - 0.81) * 100, 10);
    expect(netScoreSdAt(100, 0)).toBe(0);
  });
});

describe('formatting', () => {
  it('writes whole points with a plus or a true minus sign, and shares as percentages', () => {
    expect([30.4, -19.5, 0.3, -0.4, 74.6].map((v) => formatPoints(v))).toEqual([
      '+30',
      '−19',
      '0',
      '0',
      '+75',
    ]);
    expect(formatPoints(74.6, false)).toBe('75');
    expect(formatShare(1, 3)).toBe('33 %');
    expect(formatShare(0, 0)).toBe('–');
  });
});
