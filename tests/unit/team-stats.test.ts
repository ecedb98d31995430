import { describe, expect, it } from 'vitest';
import type { Bank, Statement } from '../../src/lib/bank';
import { scoreResponse, type AnswerValue } from '../../src/lib/scoring';
import { cronbachAlpha } from '../../src/lib/cronbach-alpha';
import { perceptionGap } from '../../src/lib/perception-gap';
import { BLIND_SPOT_SHARE, SPLIT_COUNT } from '../../src/lib/team-findings';
import { ALPHA_MIN_RESPONDENTS, standardDeviation } from '../../src/lib/team-heatmap';
import { teamStats } from '../../src/lib/team-stats';
import { judges, type Respondent, type StatsInput } from '../../src/lib/team-tally';
import { testBank } from '../fixtures/test-bank';

const bank = testBank();
const statements = bank.dimensions.flatMap((d) => d.statements);

/** A respondent answering every statement with `value`, except those in `except`. */
function person(
  role: string,
  value: AnswerValue | undefined,
  except: Record<string, AnswerValue | undefined> = {},
  from: Bank = bank,
): Respondent {
  const list = from.dimensions.flatMap((d) => d.statements);
  const answers = list.map((s) => (s.id in except ? except[s.id] : value));
  const record = Object.fromEntries(
    list.flatMap((s, i) => (answers[i] === undefined ? [] : [[s.id, answers[i]]])),
  ) as Record<string, AnswerValue>;
  const result = scoreResponse(from, record);
  return { role, answers, scores: result.dimensions.map((d) => d.score) };
}

function input(respondents: Respondent[], extra: Partial<StatsInput> = {}): StatsInput {
  return { respondents, threshold: 5, hidden: false, hiddenRoles: new Set(), ...extra };
}

const times = (n: number, make: (i: number) => Respondent) =>
  Array.from({ length: n }, (_, i) => make(i));

describe('cronbachAlpha', () => {
  it('matches a hand-computed example', () => {
    // Item variances 2.5, 0.7, 2.3 (sum 5.5); totals 8, 13, 8, 14, 5 have variance 14.3;
    // alpha = 3/2 × (1 − 5.5/14.3) = 12/13.
    const rows = [
      [2, 3, 3],
      [4, 4, 5],
      [3, 3, 2],
      [5, 4, 5],
      [1, 2, 2],
    ];
    expect(cronbachAlpha(rows)).toBeCloseTo(12 / 13, 12);
  });

  it('is null with one item, one respondent, or totals that do not vary', () => {
    expect(cronbachAlpha([[1], [2], [3]])).toBeNull();
    expect(cronbachAlpha([[1, 2]])).toBeNull();
    expect(cronbachAlpha([])).toBeNull();
    expect(
      cronbachAlpha([
        [1, 3],
        [3, 1],
        [2, 2],
      ]),
    ).toBeNull();
  });

  it('goes negative when items pull against each other', () => {
    const alpha = cronbachAlpha([
      [1, 5, 3],
      [5, 1, 3],
      [2, 4, 4],
      [4, 2, 2],
    ]);
    expect(alpha).not.toBeNull();
    expect(alpha!).toBeLessThan(0);
  });
});

describe('standardDeviation', () => {
  it('is the population standard deviation', () => {
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(standardDeviation([])).toBeNull();
  });
});

describe('judges', () => {
  it('asks only the named roles, everyone when the list is empty', () => {
    const [s] = statements;
    expect(judges(s!, 'frontline')).toBe(true);
    const limited = { ...s!, judges: ['executive'] };
    expect(judges(limited, 'executive')).toBe(true);
    expect(judges(limited, 'frontline')).toBe(false);
    const none: Statement = Object.assign({ ...s! }, { judges: [] });
    expect(judges(none, 'frontline')).toBe(true);
  });
});

describe('teamStats', () => {
  it('pools means per role and overall, masking groups under the threshold', () => {
    const people = [
      ...times(5, () => person('executive', 5)),
      ...times(5, () => person('frontline', 2)),
      ...times(2, () => person('manager', 3)),
    ];
    const stats = teamStats(bank, input(people, { hiddenRoles: new Set(['manager']) }));
    expect(stats.respondents).toBe(12);
    expect(stats.heatmap.map((c) => [c.key, c.n, c.hidden])).toEqual([
      ['all', 12, false],
      ['executive', 5, false],
      ['manager', 2, true],
      ['frontline', 5, false],
    ]);
    // lead: all 5 → 100, 100, 100 and a reverse 5 (0) → 75. All 2 → 25×3 + 75 → 37.5 → 38.
    const lead = (key: string) => stats.heatmap.find((c) => c.key === key)?.cells[0];
    expect(lead('executive')).toEqual({ shown: true, n: 5, mean: 75 });
    expect(lead('frontline')).toEqual({ shown: true, n: 5, mean: 38 });
    expect(lead('manager')).toEqual({ shown: false, n: 2, reason: 'hidden' });
    const expectedAll = (5 * 75 + 5 * 38 + 2 * 50) / 12;
    expect(lead('all')).toEqual({ shown: true, n: 12, mean: expectedAll });
  });

  it('shows nothing at all for a hidden view', () => {
    const people = times(3, () => person('executive', 4));
    const stats = teamStats(bank, input(people, { hidden: true }));
    expect(stats.hidden).toBe(true);
    expect(stats.heatmap.flatMap((c) => c.cells).every((c) => !c.shown)).toBe(true);
    expect(stats.dimensions.every((d) => d.summary === null && d.bands.length === 0)).toBe(true);
    expect(stats.blindSpots).toEqual([]);
    expect(stats.splits).toEqual([]);
    expect(stats.plan).toBeNull();
    expect(stats.pooled).toBeNull();
    expect(stats.leastConsensus).toEqual([]);
  });

  it('masks a dimension cell scored by fewer than the threshold', () => {
    // Six people; only four answered enough of "lead" to score it.
    const blankLead = Object.fromEntries(
      bank.dimensions[0]!.statements.map((s) => [s.id, undefined]),
    );
    const people = [
      ...times(4, () => person('manager', 4)),
      ...times(2, () => person('manager', 4, blankLead)),
    ];
    const stats = teamStats(bank, input(people));
    expect(stats.heatmap[0]?.cells[0]).toEqual({ shown: false, n: 4, reason: 'too-few' });
    expect(stats.heatmap[0]?.cells[1]).toMatchObject({ shown: true, n: 6 });
    expect(stats.dimensions[0]?.summary).toBeNull();
    expect(stats.pooled?.dimensions[0]?.score).toBeNull();
  });

  it('gives distribution bands by stage, spread and a least-consensus ranking', () => {
    // "listen": half strongly agree, half strongly disagree (wide); "lead" all the same.
    const people = times(10, (i) => person('manager', 3, i % 2 === 0 ? listen(5) : listen(1)));
    const stats = teamStats(bank, input(people));
    const listenStats = stats.dimensions[1]!;
    // 4 normal items at 100 and a reverse at 0 → 80; or 0s and a reverse 100 → 20.
    expect(listenStats.summary).toMatchObject({ n: 10, min: 20, max: 80 });
    expect(listenStats.sd).toBe(30);
    expect(listenStats.bands).toEqual([0, 5, 0, 0, 5]);
    expect(stats.dimensions[0]?.sd).toBe(0);
    expect(stats.leastConsensus[0]).toBe('listen');
  });

  it('gives alpha from 10 complete respondents, not 9', () => {
    const varied = (i: number) =>
      person(
        'manager',
        undefined,
        Object.fromEntries(
          statements.map((s, k) => [s.id, (1 + ((i + (k % 2)) % 5)) as AnswerValue]),
        ),
      );
    const nine = teamStats(bank, input(times(ALPHA_MIN_RESPONDENTS - 1, varied)));
    expect(nine.dimensions[0]?.alpha).toBeNull();
    expect(nine.dimensions[0]?.alphaN).toBe(9);
    const ten = teamStats(bank, input(times(ALPHA_MIN_RESPONDENTS, varied)));
    expect(ten.dimensions[0]?.alphaN).toBe(10);
    expect(ten.dimensions[0]?.alpha).toEqual(expect.any(Number));
    // An incomplete respondent does not count towards alpha.
    const gap = { 'lead-1': 0 as AnswerValue };
    const withGap = teamStats(bank, input([...times(10, varied), person('manager', 3, gap)]));
    expect(withGap.dimensions[0]?.alphaN).toBe(10);
  });

  it('finds blind spots at 30 % "don\'t know" and more, among those who answered', () => {
    // 10 people: lead-1 "don't know" for 3 (30 %), lead-2 for 2 (20 %); one left lead-1 blank.
    const people = times(10, (i) =>
      person('manager', 4, {
        'lead-1': i < 3 ? 0 : i === 9 ? undefined : 4,
        'lead-2': i < 2 ? 0 : 4,
      }),
    );
    const stats = teamStats(bank, input(people));
    expect(stats.blindSpots).toEqual([
      { id: 'lead-1', text: 'lead statement 1', dimension: 'lead name', share: 3 / 9, n: 9 },
    ]);
    expect(BLIND_SPOT_SHARE).toBe(0.3);
  });

  it('counts "don\'t know" only among the roles a statement is asked of', () => {
    const judged: Bank = structuredClone(bank);
    Object.assign(judged.dimensions[0]!.statements[0]!, { judges: ['executive'] });
    // Front-line staff were not asked lead-1; their answers to it are ignored.
    const people = [
      ...times(5, () => person('executive', 4, {}, judged)),
      ...times(5, () => person('frontline', 4, { 'lead-1': 0 }, judged)),
    ];
    expect(teamStats(judged, input(people)).blindSpots).toEqual([]);
  });

  it('ranks the statements that split shown roles most', () => {
    const people = [
      ...times(5, () => person('executive', 4, { 'train-1': 5 })),
      ...times(5, () => person('frontline', 4, { 'train-1': 1 })),
      ...times(5, () => person('manager', 4, { 'train-1': 1 })),
    ];
    const stats = teamStats(bank, input(people));
    expect(stats.splits[0]).toMatchObject({ id: 'train-1', spread: 100 });
    expect(stats.splits[0]?.means.map((m) => [m.role, m.mean])).toEqual([
      ['executive', 100],
      ['manager', 0],
      ['frontline', 0],
    ]);
    expect(stats.splits.length).toBeLessThanOrEqual(SPLIT_COUNT);
    // A hidden role takes no part.
    const hidden = teamStats(bank, input(people, { hiddenRoles: new Set(['executive']) }));
    expect(hidden.splits.every((s) => s.means.every((m) => m.role !== 'executive'))).toBe(true);
    expect(hidden.splits.every((s) => s.spread === 0)).toBe(true);
  });

  it("applies the navigator's plan to the pooled scores", () => {
    const people = times(6, () => person('manager', 2));
    const stats = teamStats(bank, input(people));
    expect(stats.pooled?.overall).not.toBeNull();
    // lead (the keystone) is below 50, so it comes first.
    expect(stats.plan?.priorities[0]?.dimension.id).toBe('lead');
    expect(stats.plan?.priorities[0]?.keystone).toBe(true);
  });

  it('gives no pooled overall index when fewer than half the dimensions are shown', () => {
    const blank = Object.fromEntries(
      bank.dimensions.slice(1).flatMap((d) => d.statements.map((s) => [s.id, undefined])),
    );
    const stats = teamStats(bank, input(times(6, () => person('manager', 4, blank))));
    expect(stats.pooled?.overall).toBeNull();
    expect(stats.pooled?.stage).toBeNull();
  });

  it("counts respondents of a role the bank does not know after the bank's roles", () => {
    const stats = teamStats(bank, input([...times(5, () => person('consultant', 3))]));
    expect(stats.heatmap.map((c) => c.key)).toEqual(['all', 'consultant']);
  });
});

/** Answers for the "listen" dimension only, all `value`. */
function listen(value: AnswerValue): Record<string, AnswerValue> {
  return Object.fromEntries(bank.dimensions[1]!.statements.map((s) => [s.id, value]));
}

describe('perceptionGap', () => {
  const people = [
    ...times(6, (i) => person('executive', 5, { 'lead-1': (i % 2 === 0 ? 5 : 4) as AnswerValue })),
    ...times(8, (i) => person('frontline', 2, { 'lead-1': (i % 2 === 0 ? 1 : 2) as AnswerValue })),
  ];

  it('gives the difference of means with a 90 % interval around it, the same every time', () => {
    const rows = perceptionGap(bank, input(people), 'executive', 'frontline');
    const lead = rows[0]!;
    expect(lead.reason).toBeNull();
    expect(lead.common).toBe(4);
    expect(lead.gap).toMatchObject({ nA: 6, nB: 8 });
    // Executives: lead-1 is 100 or 75, the others 100, 100 and a reverse 0: (100+100+100+0)/4
    // = 75 and 68.75, mean 71.875. Front line: (0+25+25+75)/4 = 31.25 and 37.5, mean 34.375.
    expect(lead.gap?.meanA).toBeCloseTo(71.875, 10);
    expect(lead.gap?.meanB).toBeCloseTo(34.375, 10);
    expect(lead.gap?.difference).toBeCloseTo(37.5, 10);
    expect(lead.gap!.low).toBeLessThan(37.5);
    expect(lead.gap!.high).toBeGreaterThan(37.5);
    // Individual scores lie within 3.125 of their group's mean, so the means can move no more.
    expect(lead.gap!.low).toBeGreaterThanOrEqual(37.5 - 6.25);
    expect(lead.gap!.high).toBeLessThanOrEqual(37.5 + 6.25);
    expect(lead.gap!.high - lead.gap!.low).toBeGreaterThan(0);
    expect(perceptionGap(bank, input(people), 'executive', 'frontline')).toEqual(rows);
    // Other dimensions have no spread within groups: the interval is the point.
    expect(rows[1]?.gap).toMatchObject({
      low: rows[1]?.gap?.difference,
      high: rows[1]?.gap?.difference,
    });
  });

  it('depends on the seed, and not otherwise', () => {
    const a = perceptionGap(bank, input(people), 'executive', 'frontline', 1)[0]!.gap!;
    const b = perceptionGap(bank, input(people), 'executive', 'frontline', 2)[0]!.gap!;
    expect(a.difference).toBe(b.difference);
    expect([a.low, a.high]).not.toEqual([b.low, b.high]);
  });

  it('compares only the statements both roles were asked', () => {
    const judged: Bank = structuredClone(bank);
    Object.assign(judged.dimensions[0]!.statements[0]!, { judges: ['executive'] });
    for (const s of judged.dimensions[2]!.statements) Object.assign(s, { judges: ['frontline'] });
    const group = [
      ...times(5, () => person('executive', 4, { 'lead-1': 5 }, judged)),
      ...times(5, () => person('frontline', 4, { 'lead-1': 1 }, judged)),
    ];
    const rows = perceptionGap(judged, input(group), 'executive', 'frontline');
    // lead-1 (asked of executives only) is left out, so both sides agree on the rest.
    expect(rows[0]?.common).toBe(3);
    expect(rows[0]?.gap?.difference).toBe(0);
    expect(rows[2]).toMatchObject({ common: 0, gap: null, reason: 'no-common' });
  });

  it('shows nothing for hidden groups, small groups, or a role against itself', () => {
    const few = [
      ...times(4, () => person('executive', 4)),
      ...times(5, () => person('frontline', 2)),
    ];
    expect(perceptionGap(bank, input(few), 'executive', 'frontline')[0]).toMatchObject({
      gap: null,
      reason: 'too-few',
    });
    const hiddenRole = input(people, { hiddenRoles: new Set(['frontline']) });
    expect(perceptionGap(bank, hiddenRole, 'executive', 'frontline')[0]?.reason).toBe('hidden');
    expect(
      perceptionGap(bank, input(people, { hidden: true }), 'executive', 'frontline')[0]?.reason,
    ).toBe('hidden');
    expect(perceptionGap(bank, input(people), 'executive', 'executive')[0]?.reason).toBe('hidden');
  });

  it('needs half the common statements answered on the scale to score a respondent', () => {
    const sparse = { 'lead-1': 0, 'lead-2': 0, 'lead-3': 0 } as Record<string, AnswerValue>;
    const group = [
      ...times(5, () => person('executive', 4)),
      ...times(5, () => person('frontline', 4)),
      person('frontline', 4, sparse),
    ];
    expect(perceptionGap(bank, input(group), 'executive', 'frontline')[0]?.gap?.nB).toBe(5);
  });
});
