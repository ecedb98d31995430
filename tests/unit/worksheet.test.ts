import { describe, expect, it } from 'vitest';
import {
  adviceFor,
  blankWorksheet,
  freshWorksheets,
  newId,
  parseWorksheets,
  shortfalls,
  strengths,
  type Pain,
  type Worksheet,
} from '../../src/lib/worksheet';

function pain(id: string, importance: number, us: Pain['us'], them: Pain['them'], text = id): Pain {
  return { id, text, importance, us, them, notes: '' };
}

function sheet(pains: Pain[]): Worksheet {
  return {
    id: 'w-1',
    name: 'Test',
    competitors: [
      { id: 'c-1', name: 'Acme' },
      { id: 'c-2', name: 'Globex' },
    ],
    segments: [{ id: 's-1', name: 'Retail', pains }],
  };
}

describe('worksheet schema', () => {
  it('accepts a fresh set and rejects damaged ones', () => {
    expect(parseWorksheets(freshWorksheets())).toEqual(freshWorksheets());
    expect(parseWorksheets(null)).toBeNull();
    expect(parseWorksheets({ active: 'w-9', sheets: [blankWorksheet('w-1')] })).toBeNull();
    expect(parseWorksheets({ active: 'w-1', sheets: [] })).toBeNull();
    const badImportance = blankWorksheet('w-1');
    const first = badImportance.segments[0]?.pains[0];
    if (first) first.importance = 9;
    expect(parseWorksheets({ active: 'w-1', sheets: [badImportance] })).toBeNull();
    const badId = { ...blankWorksheet('w-1'), id: '<script>' };
    expect(parseWorksheets({ active: '<script>', sheets: [badId] })).toBeNull();
  });

  it('makes ids unique', () => {
    expect(newId('p', [])).toBe('p-1');
    expect(newId('p', ['p-1', 'p-2', 's-3'])).toBe('p-3');
  });
});

describe('ranking where we fall behind', () => {
  it('ranks by importance × gap, then importance, then order', () => {
    const ranked = shortfalls(
      sheet([
        pain('small-gap-high', 5, 'neutral', { 'c-1': 'wow' }),
        pain('big-gap-mid', 3, 'woe', { 'c-2': 'wow' }),
        pain('ahead', 5, 'wow', { 'c-1': 'neutral' }),
        pain('unrated', 5, null, { 'c-1': 'wow' }),
        pain('no-competitor', 5, 'woe', {}),
        pain('tie-low', 2, 'neutral', { 'c-1': 'wow', 'c-2': 'wow' }),
        pain('tie-high', 1, 'woe', { 'c-1': 'neutral' }),
      ]),
    );
    expect(ranked.map((s) => [s.pain.id, s.gap, s.priority])).toEqual([
      ['big-gap-mid', 2, 6],
      ['small-gap-high', 1, 5],
      ['tie-low', 1, 2],
      ['tie-high', 1, 1],
    ]);
    expect(ranked[2]?.leaders).toEqual(['Acme', 'Globex']);
  });

  it('lists strengths only where no competitor is also a wow', () => {
    const found = strengths(
      sheet([
        pain('ours', 4, 'wow', { 'c-1': 'neutral' }),
        pain('shared', 4, 'wow', { 'c-2': 'wow' }),
      ]),
    );
    expect(found.map((s) => s.pain.id)).toEqual(['ours']);
  });

  it('advises urgent fixes, staged fixes, or learning from the leader', () => {
    const [urgent, staged, learn] = shortfalls(
      sheet([
        pain('a', 5, 'woe', { 'c-1': 'neutral' }),
        pain('b', 2, 'woe', { 'c-1': 'wow' }),
        pain('c', 1, 'neutral', { 'c-2': 'wow' }),
      ]),
    );
    if (!urgent || !staged || !learn) throw new Error('expected three shortfalls');
    expect(adviceFor(urgent)).toMatchObject({
      playbook: 'take-action',
      text: expect.stringMatching(/^Urgent/) as unknown,
    });
    expect(adviceFor(staged)).toMatchObject({
      playbook: 'take-action',
      text: expect.stringMatching(/stages/) as unknown,
    });
    expect(adviceFor(learn)).toMatchObject({
      playbook: 'listen-for-strengths-and-weaknesses',
      text: expect.stringContaining('Globex') as unknown,
    });
  });
});
