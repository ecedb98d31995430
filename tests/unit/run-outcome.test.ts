import { describe, expect, it } from 'vitest';
import { decodeResult } from '../../src/lib/share-link';
import { runOutcome } from '../../src/lib/run-outcome';
import type { Bank } from '../../src/lib/bank';
import { answerAll, testBank, testBankV2 } from '../fixtures/test-bank';

const linkable = (bank: Bank): Bank => ({ ...bank, id: 'culture-navigator' });

describe('runOutcome', () => {
  it('gives an empty run no result and lists every section with what it has', () => {
    const outcome = runOutcome(testBank(), { role: 'manager', label: '', answers: {} });
    expect(outcome).toEqual({
      ok: false,
      missing: [
        { id: 'lead', name: 'lead name', scored: 0, total: 4 },
        { id: 'listen', name: 'listen name', scored: 0, total: 5 },
        { id: 'train', name: 'train name', scored: 0, total: 4 },
        { id: 'cheer', name: 'cheer name', scored: 0, total: 4 },
      ],
      needed: 2,
    });
  });

  it('does not count "don\'t know" towards a result', () => {
    const outcome = runOutcome(testBank(), {
      role: 'manager',
      label: '',
      answers: answerAll(testBank(), 0),
    });
    expect(outcome.ok).toBe(false);
  });

  it('needs half of the sections scored: one short gives the one more needed', () => {
    // lead (4 statements) fully answered, listen 2 of 5: one section scored out of four.
    const answers = { 'lead-1': 4, 'lead-2': 4, 'lead-3': 4, 'lead-4': 4, 'listen-1': 2 } as const;
    const outcome = runOutcome(testBank(), { role: 'manager', label: '', answers });
    expect(outcome).toMatchObject({ ok: false, needed: 1 });
    expect(!outcome.ok && outcome.missing.map((m) => [m.id, m.scored])).toEqual([
      ['listen', 1],
      ['train', 0],
      ['cheer', 0],
    ]);
  });

  it('gives a run with enough answers its index and share fragment', () => {
    const bank = linkable(testBank());
    const answers = { ...answerAll(bank, 4) };
    const outcome = runOutcome(bank, { role: 'executive', label: 'Acme', answers });
    expect(outcome).toMatchObject({ ok: true, overall: 63, scored: 4, shown: 4 });
    const fragment = outcome.ok ? outcome.fragment : null;
    expect(fragment).not.toBeNull();
    expect(decodeResult(fragment ?? '')).toMatchObject({ ok: true, result: { label: 'Acme' } });
  });

  it('has no share fragment without a role, and counts scored sections honestly', () => {
    const bank = testBank();
    const cheer = new Set(bank.dimensions[3]?.statements.map((s) => s.id));
    const answers = Object.fromEntries(
      Object.entries(answerAll(bank, 3)).filter(([id]) => !cheer.has(id)),
    );
    const outcome = runOutcome(bank, { role: null, label: '', answers });
    expect(outcome).toMatchObject({ ok: true, fragment: null, scored: 3, shown: 4 });
  });

  it('neither counts nor lists a section the role is not shown', () => {
    const bank = testBankV2();
    for (const statement of bank.dimensions[2]?.statements ?? []) statement.judges = ['executive'];
    const empty = runOutcome(bank, { role: 'frontline', label: '', answers: {} });
    expect(!empty.ok && empty.missing.map((m) => m.id)).toEqual(['lead', 'listen', 'cheer']);
    const full = runOutcome(linkable(bank), {
      role: 'frontline',
      label: '',
      answers: answerAll(bank, 2),
    });
    expect(full).toMatchObject({ ok: true, scored: 3, shown: 3 });
  });
});
