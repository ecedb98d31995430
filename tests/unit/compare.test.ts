import { describe, expect, it } from 'vitest';
import { bankKey, type Bank } from '../../src/lib/bank';
import {
  COMPARE_MAX,
  banksNeeded,
  buildComparison,
  compareInputs,
  loadBanks,
  versionNote,
  type CompareInput,
} from '../../src/lib/compare';
import { scoreResponse, type AnswerValue } from '../../src/lib/scoring';
import { encodeResult, sharedFromResponse } from '../../src/lib/share-link';
import { answerAll, testBank } from '../fixtures/test-bank';

// Share links carry a bank code, and "test-bank" has none: the fixture under a known id.
const v1: Bank = { ...testBank(), id: 'culture-navigator', version: 1 };
const v2: Bank = { ...v1, version: 2 };
const banks = new Map<string, Bank | Error>([
  [bankKey(v1.id, 1), v1],
  [bankKey(v2.id, 2), v2],
]);

function link(answer: AnswerValue, label = '', bank: Bank = v1, role = 'manager'): string {
  return encodeResult(sharedFromResponse(bank, role, answerAll(bank, answer), label));
}

const input = (fragment: string, from: string): CompareInput => ({ fragment, from });

describe('compareInputs', () => {
  it('takes pasted lines, numbered as typed, then the chosen history entries', () => {
    const inputs = compareInputs(`https://example.org/result/#${link(1)}\n\n  ${link(2)}  \n`, [
      { fragment: link(3), savedAt: '2026-01-01T09:00:00.000Z' },
    ]);
    expect(inputs).toEqual([
      { fragment: link(1), from: 'Line 1' },
      { fragment: link(2), from: 'Line 3' },
      { fragment: link(3), from: 'History', savedAt: '2026-01-01T09:00:00.000Z' },
    ]);
  });
});

describe('banksNeeded', () => {
  it('names each bank version of the readable links once', () => {
    const inputs = [link(1), link(2), link(3, '', v2), 'not a link'].map((f, i) =>
      input(f, `Line ${i + 1}`),
    );
    expect(banksNeeded(inputs)).toEqual([
      { id: v1.id, version: 1 },
      { id: v2.id, version: 2 },
    ]);
  });
});

describe('buildComparison', () => {
  it('scores each result with its bank, names unlabelled ones, and keeps where each came from', () => {
    const comparison = buildComparison(
      [
        input(link(5, 'Before'), 'Line 1'),
        {
          fragment: link(2, '', v1, 'executive'),
          from: 'History',
          savedAt: '2026-02-01T00:00:00Z',
        },
      ],
      banks,
    );
    expect(comparison.problems).toEqual([]);
    expect(comparison.bank).toBe(v1);
    expect(comparison.note).toBeNull();
    expect(comparison.columns).toEqual([
      {
        name: 'Before',
        role: 'Manager',
        from: 'Line 1',
        version: 1,
        result: scoreResponse(v1, answerAll(v1, 5), 'manager'),
      },
      {
        name: 'Result 2',
        role: 'Executive',
        from: 'History',
        savedAt: '2026-02-01T00:00:00Z',
        version: 1,
        result: scoreResponse(v1, answerAll(v1, 2), 'executive'),
      },
    ]);
  });

  it('skips repeats, bad links, missing banks and other versions, each with a reason', () => {
    const unavailable = new Map(banks);
    unavailable.set(bankKey(v2.id, 2), new Error('This site does not have version 2.'));
    const comparison = buildComparison(
      [
        input(link(1), 'Line 1'),
        input(link(1), 'Line 2'),
        input('r1.broken', 'Line 3'),
        input(link(2, '', v2), 'Line 4'),
        input(link(3), 'Line 5'),
      ],
      unavailable,
    );
    expect(comparison.columns.map((c) => c.from)).toEqual(['Line 1', 'Line 5']);
    expect(comparison.problems).toEqual([
      'Line 2: the same result is already in the comparison, so it was skipped.',
      expect.stringMatching(/^Line 3: .+/),
      'Line 4: This site does not have version 2.',
    ]);
  });

  it('sets versions of one bank side by side with a note, and refuses other dimensions', () => {
    const mixed = buildComparison(
      [input(link(1), 'Line 1'), input(link(2, '', v2), 'Line 2'), input(link(3), 'Line 3')],
      banks,
    );
    expect(mixed.problems).toEqual([]);
    expect(mixed.columns.map((c) => c.version)).toEqual([1, 2, 1]);
    // The newest version names the rows.
    expect(mixed.bank).toBe(v2);
    expect(mixed.note).toBe(
      'These results come from questionnaire versions 1 and 2. The dimensions are the same, but their statements were reworded between versions, so part of any difference may come from the wording rather than from the organisation.',
    );
    const other: Bank = { ...v2, dimensions: [...v2.dimensions].reverse() };
    const refused = buildComparison(
      [input(link(1), 'Line 1'), input(link(2, '', v2), 'Line 2'), input(link(3), 'Line 3')],
      new Map([...banks, [bankKey(v2.id, 2), other]]),
    );
    expect(refused.problems).toEqual([
      'Line 2: made with a questionnaire that measures other dimensions (culture-navigator version 2), so its scores cannot be set side by side with the others.',
    ]);
    expect(refused.note).toBeNull();
  });

  it('lists every version in the note', () => {
    expect(versionNote([2, 1, 3, 2])).toMatch(
      /^These results come from questionnaire versions 1, 2 and 3\./,
    );
    expect(versionNote([2, 2])).toBeNull();
    expect(versionNote([])).toBeNull();
  });

  it('says so when a link does not fit its bank or its bank was never fetched', () => {
    const fewer: Bank = { ...v1, dimensions: v1.dimensions.slice(1) };
    const comparison = buildComparison(
      [input(link(1), 'Line 1'), input(link(1, '', v2), 'Line 2')],
      new Map([[bankKey(v1.id, 1), fewer]]),
    );
    expect(comparison.problems[0]).toMatch(/^Line 1: This link does not fit/);
    expect(comparison.problems[1]).toBe(
      'Line 2: The questionnaire it was made with could not be loaded.',
    );
    expect(comparison.bank).toBeUndefined();
  });

  it('shows at most six results and needs at least two', () => {
    const many = Array.from({ length: COMPARE_MAX + 2 }, (_, i) =>
      input(link((i % 6) as AnswerValue, `R${i}`), `Line ${i + 1}`),
    );
    const full = buildComparison(many, banks);
    expect(full.columns.map((c) => c.name)).toEqual(['R0', 'R1', 'R2', 'R3', 'R4', 'R5']);
    expect(full.problems).toEqual(['Only 6 results fit side by side; the first 6 are shown.']);

    const one = buildComparison([input(link(1), 'Line 1')], banks);
    expect(one.columns).toEqual([]);
    expect(one.problems).toEqual(['Add at least 2 valid results to compare (found 1).']);
  });
});

describe('loadBanks', () => {
  it('keeps each bank, or the error met loading it, by version', async () => {
    const loaded = await loadBanks(
      [
        { id: v1.id, version: 1 },
        { id: v1.id, version: 2 },
        { id: v1.id, version: 3 },
      ],
      (_id, version) =>
        version === 1
          ? Promise.resolve(v1)
          : version === 2
            ? Promise.reject(new Error('No version 2 here.'))
            : Promise.reject(new Error('offline')),
    );
    expect(loaded.get(bankKey(v1.id, 1))).toBe(v1);
    expect(loaded.get(bankKey(v1.id, 2))).toEqual(new Error('No version 2 here.'));
    expect(loaded.get(bankKey(v1.id, 3))).toBeInstanceOf(Error);
    expect(loaded.size).toBe(3);
  });
});
