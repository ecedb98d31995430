import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DONT_KNOW,
  NOT_APPLICABLE,
  bandAround,
  responseChecks,
  scoreDimension,
  scoreResponse,
  spread,
  standardError,
  type AnswerValue,
} from '../../src/lib/scoring';
import { answerAll, rulesV2, testBankV2 } from '../fixtures/test-bank';

const bank = testBankV2();
const rules = rulesV2();

/** Answers normal statements with `value` and reverse ones the consistent way round. */
function consistent(value: 1 | 2 | 3 | 4 | 5, skip: string[] = []): Record<string, AnswerValue> {
  return Object.fromEntries(
    bank.dimensions.flatMap((d) =>
      d.statements
        .filter((s) => !skip.includes(s.id))
        .map((s) => [s.id, (s.reverse ? 6 - value : value) as AnswerValue]),
    ),
  );
}

describe('bands', () => {
  it('uses the sample spread, never below the bank minimum, over the square root of n', () => {
    expect(spread([50])).toBe(0);
    expect(spread([0, 100])).toBeCloseTo(70.71, 2);
    expect(standardError([50, 50, 50, 50], 20)).toBe(10);
    expect(standardError([0, 100], 20)).toBeCloseTo(50, 5);
    expect(bandAround(95, 10)).toEqual({ low: 85, high: 100 });
    expect(bandAround(3, 10)).toEqual({ low: 0, high: 13 });
  });

  it('gives every scored dimension a band around its score, narrower with agreement', () => {
    const d = bank.dimensions[1];
    if (!d) throw new Error('fixture');
    const agreeing = scoreDimension(d, consistent(4), rules);
    // Five items all at 75: spread 0, so the minimum 20 applies: 20 / √5 ≈ 8.94.
    expect(agreeing).toMatchObject({ score: 75, band: { low: 66, high: 84 }, notApplicable: 0 });
    const mixed = scoreDimension(
      d,
      { 'listen-1': 5, 'listen-2': 1, 'listen-3': 5, 'listen-4': 5, 'listen-5': 1 },
      rules,
    );
    // Items 100, 0, 100, 0, 100: mean 60, spread 54.8, se 24.5.
    expect(mixed).toMatchObject({ score: 60, band: { low: 36, high: 84 } });
    expect(mixed.se).toBeCloseTo(24.49, 2);
  });

  it("gives the overall index a band from the dimensions' standard errors", () => {
    const result = scoreResponse(bank, consistent(4));
    // Four dimensions each with se 8.94: √(4 × 8.94²) / 4 = 4.47.
    expect(result.overall).toBe(75);
    expect(result.overallBand).toEqual({ low: 71, high: 79 });
  });

  it('has no band without a score', () => {
    const result = scoreResponse(bank, {});
    expect(result.overall).toBeNull();
    expect(result.overallBand).toBeNull();
    expect(result.dimensions.every((d) => d.band === null && d.se === null)).toBe(true);
  });

  it('keeps every band inside 0–100 and around its score (property)', () => {
    const ids = bank.dimensions.flatMap((d) => d.statements.map((s) => s.id));
    const value = fc.constantFrom<AnswerValue>(0, 1, 2, 3, 4, 5, 6);
    fc.assert(
      fc.property(fc.tuple(...ids.map(() => fc.option(value, { nil: undefined }))), (values) => {
        const answers = Object.fromEntries(ids.map((id, i) => [id, values[i]]));
        const result = scoreResponse(bank, answers);
        return result.dimensions.every(
          (d) =>
            (d.score === null) === (d.band === null) &&
            (d.band === null ||
              (d.band !== undefined &&
                d.score !== null &&
                d.band.low >= 0 &&
                d.band.high <= 100 &&
                d.band.low <= d.score &&
                d.score <= d.band.high)),
        );
      }),
    );
  });
});

describe('coverage with rules 2', () => {
  it('leaves "not applicable" out of the count a dimension needs, and needs two scored', () => {
    const d = bank.dimensions[1];
    if (!d) throw new Error('fixture');
    const na = NOT_APPLICABLE;
    // Three "not applicable": two scored of two that apply is enough.
    expect(
      scoreDimension(
        d,
        { 'listen-1': 4, 'listen-2': na, 'listen-3': na, 'listen-4': na, 'listen-5': 2 },
        rules,
      ),
    ).toMatchObject({ score: 75, scored: 2, notApplicable: 3 });
    // One scored is never enough.
    expect(
      scoreDimension(
        d,
        { 'listen-1': 4, 'listen-2': na, 'listen-3': na, 'listen-4': na, 'listen-5': na },
        rules,
      ).score,
    ).toBeNull();
    // "Don't know" still counts against coverage: 2 of 5 is less than half.
    expect(
      scoreDimension(
        d,
        {
          'listen-1': 4,
          'listen-2': 4,
          'listen-3': DONT_KNOW,
          'listen-4': DONT_KNOW,
          'listen-5': DONT_KNOW,
        },
        rules,
      ),
    ).toMatchObject({ score: null, dontKnow: 3 });
  });

  it('counts only the statements the role is shown', () => {
    const answers = { ...consistent(4), 'lead-3': 1 as AnswerValue };
    const executive = scoreResponse(bank, answers, 'executive').dimensions[0];
    const frontline = scoreResponse(bank, answers, 'frontline').dimensions[0];
    expect(executive).toMatchObject({ total: 5, scored: 5, score: 60 });
    // Front-line staff are not shown lead-3, so its answer (if any) is ignored.
    expect(frontline).toMatchObject({ total: 4, scored: 4, score: 75 });
    expect(scoreResponse(bank, answers, null).dimensions[0]).toMatchObject({ total: 5 });
  });
});

describe('response checks', () => {
  it('flags straight-lining and agreeing with opposites, and gives no stage', () => {
    const result = scoreResponse(bank, answerAll(bank, 4));
    expect(result.checks?.map((c) => c.id)).toEqual(['straight-line', 'acquiescence']);
    expect(result.checks?.[0]?.message).toMatch(/"L4", to 20 of 20 statements/);
    expect(result.checks?.[1]?.message).toMatch(/12 of 12 .* also with 8 of 8/);
    expect(result.overall).toBe(55);
    expect(result.stage).toBeNull();
  });

  it('flags a response made mostly of the middle answer, and says why', () => {
    const answers = { ...answerAll(bank, 3), 'lead-1': 5, 'listen-1': 1 } as const;
    const result = scoreResponse(bank, answers);
    expect(result.checks?.map((c) => c.id)).toEqual(['mostly-neutral']);
    expect(result.checks?.[0]?.message).toMatch(/18 of 20 .*"L3".*scores 50.*"Don't know"/);
    expect(result.stage).toBeNull();
  });

  it('leaves a consistent, varied response alone and gives its stage', () => {
    const answers = consistent(4);
    Object.assign(answers, { 'lead-1': 5, 'listen-2': 3, 'train-1': 2, 'cheer-4': 3 });
    const result = scoreResponse(bank, answers);
    expect(result.checks).toEqual([]);
    expect(result.stage?.name).toBe('Four');
  });

  it('stays quiet when a consistent respondent agrees strongly throughout', () => {
    // Agreeing with every normal statement and disagreeing with every reverse one is no pattern.
    expect(scoreResponse(bank, consistent(5)).checks).toEqual([]);
  });

  it('runs only with enough answers on the scale', () => {
    const few = Object.fromEntries(
      bank.dimensions.flatMap((d) =>
        d.statements.slice(0, 2).map((s): [string, AnswerValue] => [s.id, 4]),
      ),
    );
    expect(responseChecks(bank, rules, few)).toEqual([]);
    // With a lower minimum the same eight answers are straight-lined.
    const lower = { ...rules, checks: { ...rules.checks, minAnswers: 8 } };
    expect(responseChecks(bank, lower, few).map((c) => c.id)).toEqual(['straight-line']);
  });

  it('fires exactly at the thresholds, not one answer before', () => {
    // 17 of 20 the same (0.85) with straightLine 0.85 fires; 16 of 20 does not.
    const base = consistent(4);
    const ids = Object.keys(base);
    const make = (same: number) =>
      Object.fromEntries(
        ids.map((id, i) => [id, (i < same ? 2 : i % 2 === 0 ? 4 : 5) as AnswerValue]),
      );
    const at = { ...rules, checks: { ...rules.checks, straightLine: 0.85 } };
    expect(responseChecks(bank, at, make(17)).map((c) => c.id)).toContain('straight-line');
    expect(responseChecks(bank, at, make(16)).map((c) => c.id)).not.toContain('straight-line');
  });
});

describe('rules 1 banks', () => {
  it('keep the version 1 shape: no bands, checks or not-applicable counts', () => {
    const v1 = { ...bank, rules: { version: 1 as const } };
    const result = scoreResponse(v1, answerAll(v1, 4));
    expect(result).not.toHaveProperty('checks');
    expect(result).not.toHaveProperty('overallBand');
    expect(result.dimensions[0]).not.toHaveProperty('band');
    expect(result.stage).not.toBeNull();
  });
});
