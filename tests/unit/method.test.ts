import { describe, expect, it } from 'vitest';
import { exampleAnswers } from '../../src/lib/method';
import { makePlan } from '../../src/lib/priorities';
import { scoreResponse } from '../../src/lib/scoring';
import { testBank } from '../fixtures/test-bank';
import { dimension } from '../fixtures/test-bank';

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
