import { describe, expect, it } from 'vitest';
import { bankKey, type Bank } from '../../src/lib/bank';
import {
  COMPARE_MAX,
  banksNeeded,
  buildComparison,
  compareInputs,
  comparable,
  comparisonFragment,
  inputsFromFragment,
  scoreOf,
  type CompareInput,
} from '../../src/lib/compare';
import type { BankLookup } from '../../src/lib/read-link';
import { scoreResponse, type AnswerValue } from '../../src/lib/scoring';
import { encodeResult } from '../../src/lib/share-link';
import { sharedFromResponse } from '../../src/lib/share-response';
import { answerAll, testBank } from '../fixtures/test-bank';

// Share links carry a bank code, and "test-bank" has none: the fixture under a known id.
const v1: Bank = { ...testBank(), id: 'culture-navigator', version: 1 };
const v2: Bank = { ...v1, version: 2 };
const lookup =
  (found: ReadonlyMap<string, Bank | Error>): BankLookup =>
  (id, version) =>
    found.get(bankKey(id, version));
const known = new Map<string, Bank | Error>([
  [bankKey(v1.id, 1), v1],
  [bankKey(v2.id, 2), v2],
]);
const banks = lookup(known);

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
    expect(comparison.columns).toEqual([
      {
        name: 'Before',
        role: 'Manager',
        from: 'Line 1',
        fragment: link(5, 'Before'),
        version: 1,
        result: scoreResponse(v1, answerAll(v1, 5), 'manager'),
      },
      {
        name: 'Result 2',
        role: 'Executive',
        from: 'History',
        fragment: link(2, '', v1, 'executive'),
        version: 1,
        savedAt: '2026-02-01T00:00:00Z',
        result: scoreResponse(v1, answerAll(v1, 2), 'executive'),
      },
    ]);
  });

  it('skips repeats, bad links, missing banks and other versions, each with a reason', () => {
    const unavailable = new Map(known);
    unavailable.set(bankKey(v2.id, 2), new Error('This site does not have version 2.'));
    const comparison = buildComparison(
      [
        input(link(1), 'Line 1'),
        input(link(1), 'Line 2'),
        input('r1.broken', 'Line 3'),
        input(link(2, '', v2), 'Line 4'),
        input(link(3), 'Line 5'),
      ],
      lookup(unavailable),
    );
    expect(comparison.columns.map((c) => c.from)).toEqual(['Line 1', 'Line 5']);
    expect(comparison.problems).toEqual([
      'Line 2: the same result is already in the comparison, so it was skipped.',
      expect.stringMatching(/^Line 3: .+/),
      'Line 4: This site does not have version 2.',
    ]);
  });

  it('sets versions of one questionnaire side by side, dimension by dimension, with a note', () => {
    const one = buildComparison([input(link(1), 'Line 1'), input(link(3), 'Line 2')], banks);
    expect(one.wording).toBeNull();
    // Version 2 lists the dimensions in another order: rows still match by dimension.
    const reordered: Bank = { ...v2, dimensions: [...v1.dimensions].reverse() };
    const mixed = buildComparison(
      [input(link(1), 'Line 1'), input(link(5, '', reordered), 'Line 2'), input(link(3), 'Line 3')],
      lookup(
        new Map([
          [bankKey(v1.id, 1), v1],
          [bankKey(v2.id, 2), reordered],
        ]),
      ),
    );
    expect(mixed.problems).toEqual([]);
    expect(mixed.columns.map((c) => c.version)).toEqual([1, 2, 1]);
    expect(mixed.bank).toBe(reordered);
    expect(mixed.wording).toBe(
      'These results were made with questionnaire versions 1 and 2. The dimensions are the same, but their statements were reworded, so part of a difference between versions can come from the new wording rather than from the organisation.',
    );
    const [first, second] = mixed.columns;
    expect(first && scoreOf(first, 'lead')).toBe(
      scoreResponse(v1, answerAll(v1, 1)).dimensions[0]?.score,
    );
    expect(second && scoreOf(second, 'lead')).toBe(
      scoreResponse(reordered, answerAll(reordered, 5)).dimensions.find((d) => d.id === 'lead')
        ?.score,
    );
    expect(first && scoreOf(first, 'no-such-dimension')).toBeNull();
  });

  it('never mixes two different questionnaires', () => {
    expect(comparable(v1, v2)).toBe(true);
    expect(comparable(v1, { ...v1, id: 'another-questionnaire' })).toBe(false);
  });

  it('says so when a link does not fit its bank or its bank was never fetched', () => {
    const fewer: Bank = { ...v1, dimensions: v1.dimensions.slice(1) };
    const comparison = buildComparison(
      [input(link(1), 'Line 1'), input(link(1, '', v2), 'Line 2')],
      lookup(new Map([[bankKey(v1.id, 1), fewer]])),
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

describe('bookmarking a comparison', () => {
  it('puts the compared links in the fragment and reads them back, normalised', () => {
    const fragment = comparisonFragment([{ fragment: link(1) }, { fragment: link(2, 'Après') }]);
    expect(fragment).toBe(`${link(1)},${link(2, 'Après')}`);
    expect(inputsFromFragment(`#${fragment}`).map((i) => i.fragment)).toEqual([
      link(1),
      link(2, 'Après'),
    ]);
    // Pasted by hand: spaces, a full address in one place, percent-encoding by a mail client.
    const typed = `# ${link(1)} ,,https://example.org/result/#${link(2)}`;
    expect(inputsFromFragment(encodeURI(typed))).toEqual([
      { fragment: link(1), from: 'Link 1' },
      { fragment: link(2), from: 'Link 2' },
    ]);
    expect(inputsFromFragment('')).toEqual([]);
    expect(inputsFromFragment('#%E0%A4%A')).toEqual([{ fragment: '%E0%A4%A', from: 'Link 1' }]);
  });
});

describe('telling results apart', () => {
  it('adds the date or the source to columns that share a name', () => {
    const comparison = buildComparison(
      [
        { fragment: link(1, 'North'), from: 'History', savedAt: '2026-01-03T12:00:00Z' },
        { fragment: link(2, 'North'), from: 'History', savedAt: '2026-04-03T12:00:00Z' },
        input(link(3, 'North'), 'Line 1'),
        input(link(4, 'South'), 'Line 2'),
      ],
      banks,
    );
    expect(comparison.columns.map((c) => c.name)).toEqual([
      'North (3 Jan 2026)',
      'North (3 Apr 2026)',
      'North (Line 1)',
      'South',
    ]);
  });
});
