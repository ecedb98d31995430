import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normaliseBank, type Bank } from '../../src/lib/bank';
import { bankSchema } from '../../src/lib/bank-schema';
import { priorityShares } from '../../src/lib/method';
import { makePlan, pulledDown } from '../../src/lib/priorities';
import { splitActions } from '../../src/lib/priority-rules-2';
import { scoreResponse, type AnswerValue } from '../../src/lib/scoring';
import { testBankV2 } from '../fixtures/test-bank';

const bank = testBankV2();

/** Each dimension's normal items at the given value, reverse items mirrored; 0 skips it. */
function levels(values: Record<string, AnswerValue>): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const d of bank.dimensions) {
    const value = values[d.id] ?? 0;
    for (const s of d.statements) {
      answers[s.id] = s.reverse && value !== 0 ? ((6 - value) as AnswerValue) : value;
    }
  }
  return answers;
}

function plan(answers: Record<string, AnswerValue>, role: string | null = 'manager', count = 3) {
  return makePlan(bank, scoreResponse(bank, answers, role), role, { answers, count });
}

describe('ranks from urgency bands', () => {
  it('gives clearly different urgencies their own ranks', () => {
    // lead 0, listen 25, train 50, cheer 100: bands of about ±9 do not overlap.
    const p = plan(levels({ lead: 1, listen: 2, train: 3, cheer: 5 }));
    expect(p.priorities.map((x) => [x.dimension.id, x.rank])).toEqual([
      ['lead', 1],
      ['listen', 2],
      ['train', 3],
    ]);
    expect(p.priorities[0]?.urgencyBand).toEqual({ low: 100.1, high: 110 });
  });

  it('shows overlapping urgencies as equally urgent, not in a false order', () => {
    // listen 25 and train 25 with one answer apart: same rank; cheer 75 later.
    const answers = {
      ...levels({ lead: 5, listen: 2, train: 2, cheer: 4 }),
      'train-1': 3,
    } as const;
    const p = plan(answers);
    expect(p.priorities.map((x) => [x.dimension.id, x.rank])).toEqual([
      ['listen', 1],
      ['train', 1],
      ['cheer', 2],
    ]);
  });

  it('lists the keystone first among equals when it is below its threshold, without adding it', () => {
    // lead 25 (urgency 82.5) is the most urgent anyway; listen 20 (urgency 80) is next.
    const answers = {
      ...levels({ lead: 2, listen: 2, train: 4, cheer: 5 }),
      'listen-1': 1,
    } as const;
    const p = plan(answers);
    expect(p.priorities[0]?.dimension.id).toBe('lead');
    const unweighted = { ...answers, 'lead-1': 3 } as const;
    const q = plan(unweighted);
    // lead now 30 → urgency 77 against listen 80: equally urgent, keystone listed first.
    expect(q.priorities.map((x) => [x.dimension.id, x.rank, x.keystone])).toEqual([
      ['lead', 1, true],
      ['listen', 1, false],
      ['train', 2, false],
    ]);
    expect(q.priorities[0]?.why.join(' ')).toMatch(/first among equally urgent/);
    // With one priority only, the keystone cannot displace the more urgent dimension.
    expect(plan(unweighted, 'manager', 1).priorities.map((x) => x.dimension.id)).toEqual([
      'listen',
    ]);
  });

  it('explains each priority with its score, band and urgency', () => {
    const p = plan(levels({ lead: 1, listen: 2, train: 3, cheer: 5 }));
    expect(p.priorities[1]?.why).toEqual([
      'Scores 25 (likely between 16 and 34) from 5 statements.',
      'Urgency (100 − 25) × weight 1 = 75, of 4 scored dimensions.',
    ]);
  });
});

describe('strengths floor', () => {
  it('shows strengths only at or above the floor, and none is a valid answer', () => {
    const p = plan(levels({ lead: 2, listen: 2, train: 2, cheer: 3 }), 'manager', 1);
    expect(p.strengthsFloor).toBe(60);
    expect(p.strengths).toEqual([]);
    const q = plan(
      { ...levels({ lead: 2, listen: 4, train: 3, cheer: 5 }), 'train-1': 5 },
      'manager',
      1,
    );
    // listen 75 and cheer 100 qualify; train 60 (exactly the floor) would be third.
    expect(q.strengths.map((d) => d.id)).toEqual(['cheer', 'listen']);
    const r = plan(
      { ...levels({ lead: 2, listen: 3, train: 3, cheer: 2 }), 'train-1': 5 },
      'manager',
      2,
    );
    expect(r.strengths.map((d) => [d.id, d.score])).toEqual([['train', 60]]);
  });
});

describe('statement detail and blind spots', () => {
  it('names the statements that pulled a priority down most, lowest first', () => {
    const answers = {
      ...levels({ lead: 4, listen: 5, train: 5, cheer: 5 }),
      'lead-2': 1,
      'lead-5': 4,
    } as const;
    const p = plan(answers);
    expect(p.priorities[0]?.pulledDown.map((x) => [x.statement.id, x.answer, x.score])).toEqual([
      ['lead-2', 1, 0],
      ['lead-5', 4, 25],
    ]);
  });

  it('falls back to the first statements when every answer scores the same', () => {
    const result = scoreResponse(bank, levels({ lead: 3 }));
    const lead = result.dimensions[0];
    if (!lead || lead.score === null || lead.exact === null) throw new Error('fixture');
    const items = pulledDown(
      bank,
      { ...lead, score: lead.score, exact: lead.exact },
      levels({ lead: 3 }),
      null,
    );
    expect(items.map((x) => x.statement.id)).toEqual(['lead-1', 'lead-2']);
    expect(pulledDown(bank, { ...lead, id: 'ghost', score: 1, exact: 1 }, {}, null)).toEqual([]);
  });

  it('lists "don\'t know" answers the role was shown as blind spots', () => {
    const answers = {
      ...levels({ lead: 4, listen: 4, train: 4, cheer: 4 }),
      'listen-2': 0,
      'lead-3': 0,
    } as const;
    expect(plan(answers, 'manager').blindSpots.map((b) => b.statement.id)).toEqual([
      'lead-3',
      'listen-2',
    ]);
    // Front-line staff are not shown lead-3.
    expect(
      plan(answers, 'frontline').blindSpots.map((b) => [b.statement.id, b.dimension.name]),
    ).toEqual([['listen-2', 'listen name']]);
  });
});

describe('actions by role', () => {
  const actions = bank.actions.filter((a) => a.dimension === 'lead');

  it("gives a front-line employee their own and anyone's actions, and asks upwards for the rest", () => {
    const { yours, others } = splitActions(actions, 'frontline');
    expect(yours.map((a) => a.text)).toEqual(['lead anyone now', 'lead frontline staged']);
    expect(others.map((o) => [o.action.text, o.actor, o.mode])).toEqual([
      ['lead executive now', 'executive', 'ask'],
      ['lead manager or executive staged', 'manager', 'ask'],
    ]);
  });

  it('never tells an executive to ask the executive, and proposes downwards', () => {
    const { yours, others } = splitActions(actions, 'executive');
    expect(yours.map((a) => a.text)).toEqual([
      'lead anyone now',
      'lead executive now',
      'lead manager or executive staged',
    ]);
    expect(others.map((o) => [o.action.text, o.actor, o.mode])).toEqual([
      ['lead frontline staged', 'frontline', 'propose'],
    ]);
    expect(others.some((o) => o.actor === 'executive')).toBe(false);
  });

  it("asks a manager's seniors and proposes to front-line staff", () => {
    const { others } = splitActions(actions, 'manager');
    expect(others.map((o) => [o.actor, o.mode])).toEqual([
      ['executive', 'ask'],
      ['frontline', 'propose'],
    ]);
  });

  it('keeps only "anyone" actions for a role outside the hierarchy, proposing the rest', () => {
    for (const role of ['other', null]) {
      const { yours, others } = splitActions(actions, role);
      expect(yours.map((a) => a.text)).toEqual(['lead anyone now']);
      expect(others.map((o) => [o.actor, o.mode])).toEqual([
        ['executive', 'ask'],
        ['manager', 'ask'],
        ['frontline', 'ask'],
      ]);
    }
  });

  it("splits each priority's actions in the plan, keeping now and staged whole", () => {
    const p = plan(levels({ lead: 1, listen: 2, train: 3, cheer: 5 }), 'frontline');
    expect(p.priorities[0]?.yours).toHaveLength(2);
    expect(p.priorities[0]?.others).toHaveLength(2);
    expect(p.priorities[0]?.now).toHaveLength(2);
    expect(p.priorities[0]?.staged).toHaveLength(2);
  });
});

describe('bounded weights (the released bank)', () => {
  const file = join(import.meta.dirname, '../../content/navigator/culture-navigator-v2.yaml');
  const v2: Bank = normaliseBank(bankSchema.parse(parse(readFileSync(file, 'utf8'))));

  it.each(['answers', 'levels'] as const)(
    'puts no dimension in the top three for more than half of 10,000 random profiles (%s)',
    (kind) => {
      const shares = priorityShares(v2, 10_000, kind);
      expect(shares).toHaveLength(9);
      for (const share of shares) expect(share.topThree).toBeLessThanOrEqual(0.5);
      // Three priorities per profile: the shares add up to three.
      expect(shares.reduce((sum, s) => sum + s.topThree, 0)).toBeCloseTo(3, 5);
      // Every dimension can be a priority.
      for (const share of shares) expect(share.topThree).toBeGreaterThan(0.15);
    },
    60_000,
  );
});
