import { describe, expect, it } from 'vitest';
import type { Bank } from '../../src/lib/bank';
import { bankNamed, banksNamed, loadBanks, readLink } from '../../src/lib/read-link';
import { scoreResponse } from '../../src/lib/scoring';
import { encodeResult } from '../../src/lib/share-link';
import { sharedFromResponse } from '../../src/lib/share-response';
import { answerAll, testBank } from '../fixtures/test-bank';

// Share links carry a bank code, and "test-bank" has none: the fixture under a known id.
const v1: Bank = { ...testBank(), id: 'culture-navigator', version: 1 };
const v2: Bank = { ...v1, version: 2 };
const link = (bank: Bank, label = '') =>
  encodeResult(sharedFromResponse(bank, 'frontline', answerAll(bank, 4), label));
const only =
  (bank: Bank | Error | undefined) =>
  (id: string, version: number): Bank | Error | undefined =>
    id === v1.id && version === 1 ? bank : undefined;

describe('readLink', () => {
  it('reads a full address, a fragment with "#" or a bare one, and scores it with its bank', () => {
    const fragment = link(v1, 'North');
    for (const text of [`https://example.org/result/#${fragment}`, ` #${fragment} `, fragment]) {
      const read = readLink(text, only(v1));
      expect(read).toEqual({
        ok: true,
        fragment,
        bank: v1,
        shared: sharedFromResponse(v1, 'frontline', answerAll(v1, 4), 'North'),
        response: {
          bank: v1,
          role: 'frontline',
          label: 'North',
          answers: answerAll(v1, 4),
        },
        result: scoreResponse(v1, answerAll(v1, 4), 'frontline'),
      });
    }
  });

  it('says what is wrong with a damaged link, a missing bank and a link that does not fit', () => {
    const damaged = readLink('r1.AAAA', only(v1));
    expect(damaged).toMatchObject({ ok: false, fragment: 'r1.AAAA', error: 'truncated' });
    expect(readLink(link(v2), only(v1))).toEqual({
      ok: false,
      fragment: link(v2),
      error: 'bank',
      message: 'The questionnaire it was made with could not be loaded.',
    });
    expect(readLink(link(v1), only(new Error('Offline: reload.')))).toMatchObject({
      ok: false,
      error: 'bank',
      message: 'Offline: reload.',
    });
    const fewer: Bank = { ...v1, dimensions: v1.dimensions.slice(1) };
    expect(readLink(link(v1), only(fewer))).toMatchObject({ ok: false, error: 'mismatch' });
  });
});

describe('banksNamed', () => {
  it('names each bank version of the readable links once, and nothing for unreadable text', () => {
    expect(bankNamed('not a link')).toBeNull();
    expect(banksNamed([link(v1), `#${link(v1, 'x')}`, link(v2), 'nonsense'])).toEqual([
      { id: v1.id, version: 1 },
      { id: v2.id, version: 2 },
    ]);
  });
});

describe('loadBanks', () => {
  it('keeps each bank, or the error met loading it, by version', async () => {
    const banks = await loadBanks(
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
            : // Not an Error: still turned into one, with its text.
              // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- on purpose
              Promise.reject('offline'),
    );
    expect(banks(v1.id, 1)).toBe(v1);
    expect(banks(v1.id, 2)).toEqual(new Error('No version 2 here.'));
    expect(banks(v1.id, 3)).toEqual(new Error('offline'));
    expect(banks(v1.id, 4)).toBeUndefined();
  });
});
