import { describe, expect, it } from 'vitest';
import { makePlan } from '../../src/lib/priorities';
import { scoreResponse, type AnswerValue } from '../../src/lib/scoring';
import {
  FIGURE_FIELDS,
  debriefQuestion,
  figureRows,
  percent,
  roleName,
  signed,
} from '../../src/lib/team-report';
import { perceptionGap } from '../../src/lib/perception-gap';
import { teamStats } from '../../src/lib/team-stats';
import type { Respondent } from '../../src/lib/team-tally';
import { answerAll, testBank } from '../fixtures/test-bank';

const bank = testBank();

function person(
  role: string,
  value: AnswerValue,
  extra: Record<string, AnswerValue> = {},
): Respondent {
  const answers = { ...answerAll(bank, value), ...extra };
  const list = bank.dimensions.flatMap((d) => d.statements);
  return {
    role,
    answers: list.map((s) => answers[s.id]),
    scores: scoreResponse(bank, answers, role).dimensions.map((d) => d.score),
  };
}

const times = (n: number, make: () => Respondent) => Array.from({ length: n }, make);

describe('signed and percent', () => {
  it('never writes −0 or +0, and uses a true minus', () => {
    expect(signed(3.4)).toBe('+3');
    expect(signed(-12.6)).toBe('−13');
    expect(signed(-0.4)).toBe('0');
    expect(signed(0.4)).toBe('0');
    expect(percent(0.333)).toBe('33 %');
  });
});

describe('roleName', () => {
  it('reads the bank, says Everyone for "all", and falls back to the id', () => {
    expect(roleName(bank, 'frontline')).toBe('Front-line employee');
    expect(roleName(bank, 'all')).toBe('Everyone');
    expect(roleName(bank, 'coach')).toBe('coach');
  });
});

describe('debriefQuestion', () => {
  const people = [
    ...times(6, () => person('executive', 5, { 'lead-1': 4 })),
    ...times(6, () => person('frontline', 2, { 'lead-1': 1 })),
  ];
  const input = {
    respondents: people,
    threshold: 5,
    hidden: false,
    hiddenRoles: new Set<string>(),
  };
  const stats = teamStats(bank, input);
  const gap = perceptionGap(bank, input, 'executive', 'frontline');
  const [first] = stats.plan!.priorities;

  it('asks about a clear gap between the roles compared', () => {
    const question = debriefQuestion(
      bank,
      first!,
      gap.find((g) => g.id === first!.dimension.id),
      ['executive', 'frontline'],
    );
    expect(question).toMatch(/^Executives rate .+ points higher than front-line employees do\./);
    // Compared the other way round, the higher group is still named first.
    const flipped = perceptionGap(bank, input, 'frontline', 'executive');
    expect(
      debriefQuestion(
        bank,
        first!,
        flipped.find((g) => g.id === first!.dimension.id),
        ['frontline', 'executive'],
      ),
    ).toMatch(/^Executives rate/);
  });

  it('asks about leaders for the keystone, and about obstacles otherwise', () => {
    const plan = makePlan(bank, scoreResponse(bank, answerAll(bank, 2)));
    const keystone = plan.priorities.find((p) => p.keystone)!;
    const other = plan.priorities.find((p) => !p.keystone)!;
    expect(debriefQuestion(bank, keystone, undefined, ['executive', 'frontline'])).toMatch(
      /leaders/,
    );
    expect(debriefQuestion(bank, other, undefined, ['executive', 'frontline'])).toMatch(
      /^Think of a recent moment/,
    );
  });
});

describe('figureRows', () => {
  it('writes group figures only, with hidden groups as notes and no figure', () => {
    const people = [
      ...times(5, () => person('executive', 5)),
      ...times(5, () => person('frontline', 2, { 'lead-1': 0, 'lead-2': 0 })),
      person('manager', 3),
    ];
    const input = {
      respondents: people,
      threshold: 5,
      hidden: false,
      hiddenRoles: new Set(['manager']),
    };
    const stats = teamStats(bank, input);
    const gap = perceptionGap(bank, input, 'executive', 'frontline');
    const rows = figureRows(bank, stats, gap, ['executive', 'frontline']);
    expect(FIGURE_FIELDS).toEqual(['section', 'group', 'item', 'respondents', 'value', 'note']);
    const manager = rows.filter((r) => r[0] === 'mean' && r[1] === 'Manager');
    expect(manager).toHaveLength(bank.dimensions.length);
    expect(manager.every((r) => r[3] === null && r[4] === null && r[5].startsWith('hidden'))).toBe(
      true,
    );
    expect(rows.find((r) => r[0] === 'mean' && r[1] === 'Executive')).toEqual([
      'mean',
      'Executive',
      'lead name',
      5,
      75,
      '',
    ]);
    expect(rows.some((r) => r[0] === 'spread' && r[5] === 'median')).toBe(true);
    expect(rows.find((r) => r[0] === 'gap')?.[5]).toMatch(/^90 % interval .+ shared statements$/);
    expect(rows.some((r) => r[0] === 'blind spot')).toBe(true);
    expect(rows.some((r) => r[0] === 'role split')).toBe(true);
    // A hidden comparison is written as its reason.
    const hidden = perceptionGap(bank, input, 'executive', 'manager');
    const hiddenRows = figureRows(bank, stats, hidden, ['executive', 'manager']);
    expect(hiddenRows.find((r) => r[0] === 'gap')).toEqual([
      'gap',
      'Executive minus Manager',
      'lead name',
      null,
      null,
      'hidden',
    ]);
  });

  it('writes alpha once enough people answered every statement', () => {
    const varied = (i: number) =>
      person(
        'manager',
        3,
        Object.fromEntries(
          bank.dimensions[0]!.statements.map((s, k) => [s.id, (1 + ((i + k) % 5)) as AnswerValue]),
        ),
      );
    const people = Array.from({ length: 12 }, (_, i) => varied(i));
    const input = {
      respondents: people,
      threshold: 5,
      hidden: false,
      hiddenRoles: new Set<string>(),
    };
    const rows = figureRows(bank, teamStats(bank, input), [], ['executive', 'frontline']);
    expect(rows.some((r) => r[0] === 'consistency' && r[5] === "Cronbach's alpha")).toBe(true);
  });
});
