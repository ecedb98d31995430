import { describe, expect, it } from 'vitest';
import { bankKey, type Bank } from '../../src/lib/bank';
import { scoreLink, scoreLinks } from '../../src/lib/link-score';
import { scoreResponse } from '../../src/lib/scoring';
import { encodeResult } from '../../src/lib/share-link';
import { sharedFromResponse } from '../../src/lib/share-response';
import { answerAll, testBank } from '../fixtures/test-bank';

// Finding 7: a history entry said 100 where its link scores 54. Scores come from the link only.
const bank: Bank = { ...testBank(), id: 'culture-navigator', version: 1 };
const link = (answer: 0 | 1 | 2 | 3 | 4 | 5, version = 1) =>
  encodeResult(sharedFromResponse({ ...bank, version }, 'manager', answerAll(bank, answer), ''));
const banks = new Map<string, Bank | Error>([[bankKey(bank.id, 1), bank]]);

describe('scoreLink', () => {
  it('works the index out from the link with the bank it names', () => {
    expect(scoreLink(link(2), banks)).toEqual({
      ok: true,
      overall: scoreResponse(bank, answerAll(bank, 2)).overall,
    });
    expect(scoreLink(link(0), banks)).toEqual({ ok: true, overall: null });
  });

  it('says why when the link, its bank or their fit fails', () => {
    expect(scoreLink('r1.broken', banks)).toMatchObject({ ok: false, message: /damaged|changed/ });
    expect(scoreLink(link(2, 2), banks)).toEqual({
      ok: false,
      message: 'The questionnaire it was made with could not be loaded.',
    });
    const failed = new Map<string, Bank | Error>([
      [bankKey(bank.id, 1), new Error('The questionnaire could not be downloaded.')],
    ]);
    expect(scoreLink(link(2), failed)).toEqual({
      ok: false,
      message: 'The questionnaire could not be downloaded.',
    });
    const smaller = { ...bank, dimensions: bank.dimensions.slice(1) };
    const other = new Map<string, Bank | Error>([[bankKey(bank.id, 1), smaller]]);
    expect(scoreLink(link(2), other)).toMatchObject({ ok: false, message: /does not fit/ });
  });

  it('scores many links by fragment', () => {
    const scores = scoreLinks([link(2), link(4)], banks);
    expect([...scores.keys()]).toEqual([link(2), link(4)]);
    expect([...scores.values()].every((score) => score.ok)).toBe(true);
  });
});
