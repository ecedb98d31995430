import { describe, expect, it } from 'vitest';
import { makePlan, urgencyOf } from '../../src/lib/priorities';
import { scoreResponse, type AnswerValue } from '../../src/lib/scoring';
import { testBank } from '../fixtures/test-bank';

const bank = testBank();

/** Answers each dimension's normal items with the given value (reverse items mirrored). */
function uniform(values: Record<string, AnswerValue>) {
  const answers: Record<string, AnswerValue> = {};
  for (const d of bank.dimensions) {
    const value = values[d.id] ?? 0;
    for (const s of d.statements) {
      answers[s.id] = s.reverse && value !== 0 ? ((6 - value) as AnswerValue) : value;
    }
  }
  return scoreResponse(bank, answers);
}

describe('urgencyOf', () => {
  it('weights the gap to 100 by importance', () => {
    expect(urgencyOf(40, 1.5)).toBe(90);
    expect(urgencyOf(75, 0.9)).toBe(22.5);
    expect(urgencyOf(100, 2)).toBe(0);
  });
});

describe('makePlan', () => {
  it('puts the keystone first when it is below its threshold, even with a smaller gap', () => {
    // lead 25 × 1.5 = 112.5 is less urgent than listen 100 × 1.3 = 130, yet lead goes first.
    const plan = makePlan(bank, uniform({ lead: 2, listen: 1, train: 1, cheer: 5 }));
    expect(plan.priorities.map((p) => p.dimension.id)).toEqual(['lead', 'listen', 'train']);
    expect(plan.priorities[0]?.keystone).toBe(true);
    expect(plan.priorities[1]?.keystone).toBe(false);
  });

  it('ranks by weighted gap, not by lowest score, once the keystone is healthy', () => {
    // lead 75 (37.5), listen 50 (65), train 50 (50), cheer 25 (67.5).
    const plan = makePlan(bank, uniform({ lead: 4, listen: 3, train: 3, cheer: 2 }));
    expect(plan.priorities.map((p) => [p.dimension.id, p.urgency])).toEqual([
      ['cheer', 67.5],
      ['listen', 65],
      ['train', 50],
    ]);
    expect(plan.priorities.some((p) => p.keystone)).toBe(false);
  });

  it('lets a heavier dimension outrank a lower score in a lighter one', () => {
    const plan = makePlan(bank, uniform({ lead: 5, listen: 2, train: 5, cheer: 1 }));
    // listen 75 × 1.3 = 97.5 beats cheer 100 × 0.9 = 90, though cheer scores lower.
    expect(plan.priorities.map((p) => p.dimension.id).slice(0, 2)).toEqual(['listen', 'cheer']);
  });

  it('keeps bank order on ties', () => {
    const plan = makePlan(bank, uniform({ lead: 5, listen: 5, train: 3, cheer: 3 }), null, {
      count: 4,
    });
    // train 50 × 1 = 50, cheer 50 × 0.9 = 45; lead and listen both 0.
    expect(plan.priorities.map((p) => p.dimension.id)).toEqual([
      'train',
      'cheer',
      'lead',
      'listen',
    ]);
  });

  it('attaches do-now and plan-in-stages actions of each priority', () => {
    const plan = makePlan(bank, uniform({ lead: 2, listen: 3, train: 4, cheer: 5 }));
    const first = plan.priorities[0];
    expect(first?.now.map((a) => a.text)).toEqual(['lead now action']);
    expect(first?.staged.map((a) => a.text)).toEqual(['lead staged']);
  });

  it('celebrates the two highest remaining scores', () => {
    const plan = makePlan(bank, uniform({ lead: 5, listen: 4, train: 1, cheer: 4 }), null, {
      count: 1,
    });
    expect(plan.priorities.map((p) => p.dimension.id)).toEqual(['train']);
    expect(plan.strengths.map((d) => d.id)).toEqual(['lead', 'listen']);
  });

  it('leaves out dimensions without enough answers', () => {
    const plan = makePlan(bank, uniform({ lead: 0, listen: 2, train: 3, cheer: 0 }));
    expect(plan.priorities.map((p) => p.dimension.id)).toEqual(['listen', 'train']);
    expect(plan.strengths).toEqual([]);
  });
});
