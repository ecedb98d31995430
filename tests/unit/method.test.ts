import { describe, expect, it } from 'vitest';
import {
  exampleAnswers,
  priorityShares,
  randomProfile,
  seededRandom,
  uniformAnswers,
  uniformResult,
  weightEffect,
} from '../../src/lib/method';
import { makePlan } from '../../src/lib/priorities';
import { scoreResponse } from '../../src/lib/scoring';
import { dimension, testBank, testBankV2 } from '../fixtures/test-bank';

describe('exampleAnswers', () => {
  it('answers every statement, with values on the scale or "don\'t know"', () => {
    const bank = testBank();
    const answers = exampleAnswers(bank);
    const ids = bank.dimensions.flatMap((d) => d.statements.map((s) => s.id));
    expect(Object.keys(answers).sort()).toEqual([...ids].sort());
    expect(Object.values(answers).every((v) => v >= 0 && v <= 5)).toBe(true);
  });

  it('shows the keystone rule, a "don\'t know" and a dimension without enough answers', () => {
    const bank = testBank();
    bank.dimensions.push(dimension('d5', 4), dimension('d6', 4), dimension('d7', 4));
    const answers = exampleAnswers(bank);
    const result = scoreResponse(bank, answers);
    expect(result.dimensions[3]?.dontKnow).toBe(1);
    expect(result.dimensions[6]?.score).toBeNull();
    expect(result.overall).not.toBeNull();
    const plan = makePlan(bank, result);
    expect(plan.priorities[0]?.keystone).toBe(true);
  });

  it('mirrors reverse-worded statements so a consistent respondent scores consistently', () => {
    const bank = testBank();
    const answers = exampleAnswers(bank);
    // The first dimension's level is 2; its last (reverse) statement gets 6 − 2 = 4.
    expect(answers['lead-1']).toBe(2);
    expect(answers['lead-4']).toBe(4);
  });
});

describe('figures for /method/', () => {
  it('repeats the same random sequence for the same seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(first).size).toBe(5);
  });

  it('makes level profiles that answer reverse-worded statements the other way round', () => {
    const bank = testBankV2();
    const answers = randomProfile(bank, 'levels', seededRandom(3));
    for (const d of bank.dimensions) {
      const normal = d.statements.filter((s) => !s.reverse).map((s) => answers[s.id] ?? 0);
      const reverse = d.statements.filter((s) => s.reverse).map((s) => 6 - (answers[s.id] ?? 0));
      // Give or take one step around one level: all within a range of two.
      const all = [...normal, ...reverse];
      expect(Math.max(...all) - Math.min(...all)).toBeLessThanOrEqual(2);
    }
    const random = randomProfile(bank, 'answers', seededRandom(3));
    expect(Object.values(random).every((v) => v >= 1 && v <= 5)).toBe(true);
  });

  it("scores a uniform response with the bank's own rules", () => {
    const v2 = testBankV2();
    expect(uniformResult(v2, 4)).toMatchObject({ overall: 55, stage: null });
    expect(uniformResult(testBank(), 4)).toMatchObject({ overall: 63, stage: { name: 'Four' } });
    expect(uniformAnswers(v2, 0)['lead-1']).toBe(0);
  });

  it('counts how often each dimension is a priority, three per profile', () => {
    const shares = priorityShares(testBankV2(), 200, 'levels', 1);
    expect(shares.map((s) => s.id)).toEqual(['lead', 'listen', 'train', 'cheer']);
    expect(shares.reduce((sum, s) => sum + s.topThree, 0)).toBeCloseTo(3, 5);
    expect(shares.reduce((sum, s) => sum + s.first, 0)).toBeCloseTo(1, 5);
  });
});

describe('weightEffect', () => {
  it('sets the bank weights against equal weights over the same profiles', () => {
    const bank = testBankV2();
    const rows = weightEffect(bank, 300, 'answers', 5);
    expect(rows.map((r) => r.weight)).toEqual([1.1, 1, 1, 0.9]);
    expect(rows.reduce((sum, r) => sum + r.unweighted, 0)).toBeCloseTo(3, 5);
    // The heaviest dimension is a priority at least as often with its weight as without.
    expect(rows[0]!.topThree).toBeGreaterThanOrEqual(rows[0]!.unweighted);
    expect(rows[3]!.topThree).toBeLessThanOrEqual(rows[3]!.unweighted);
  });

  it('adds a "not applicable" to the example when the bank offers it', () => {
    const six = testBankV2();
    six.dimensions.push(dimension('d5', 5, 1, [4, 5]), dimension('d6', 5, 1, [4, 5]));
    expect(exampleAnswers(six)['d6-3']).toBe(6);
    expect(Object.values(exampleAnswers(testBank())).includes(6)).toBe(false);
  });
});
