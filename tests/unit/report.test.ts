import { describe, expect, it } from 'vitest';
import {
  ladderPosition,
  reportDate,
  rolePath,
  stageNumber,
  stageRanges,
} from '../../src/lib/report';
import { testBank } from '../fixtures/test-bank';

const { stages } = testBank();

describe('ladderPosition', () => {
  it('finds the stage, the next one and the points to it, at the edges too', () => {
    expect(ladderPosition(stages, 0)).toEqual({
      index: 0,
      stage: stages[0],
      next: stages[1],
      toNext: 20,
    });
    expect(ladderPosition(stages, 39)).toMatchObject({ index: 1, toNext: 1 });
    expect(ladderPosition(stages, 40)).toMatchObject({ index: 2, toNext: 20 });
    expect(ladderPosition(stages, 100)).toEqual({
      index: 4,
      stage: stages[4],
      next: null,
      toNext: null,
    });
    expect(() => ladderPosition([], 50)).toThrow('at least one stage');
  });

  it('numbers a score by its stage for the chart colours', () => {
    expect([0, 19, 20, 59, 60, 80, 100].map((s) => stageNumber(stages, s))).toEqual([
      1, 1, 2, 3, 4, 5, 5,
    ]);
  });
});

describe('stageRanges', () => {
  it('gives each stage the scores it covers, without gaps', () => {
    expect(stageRanges(stages).map(({ from, to }) => `${from}–${to}`)).toEqual([
      '0–19',
      '20–39',
      '40–59',
      '60–79',
      '80–100',
    ]);
  });
});

describe('reportDate', () => {
  it('writes the day, short month and year', () => {
    expect(reportDate(new Date(2026, 10, 5, 12))).toBe('5 Nov 2026');
  });
});

describe('rolePath', () => {
  it('sends each role to its own path through the playbook, anyone else to the roadmap', () => {
    expect(['executive', 'manager', 'frontline', 'other', null].map(rolePath)).toEqual([
      '/playbook/roles/executive/',
      '/playbook/roles/manager/',
      '/playbook/roles/frontline/',
      '/playbook/roadmap/',
      '/playbook/roadmap/',
    ]);
  });
});
