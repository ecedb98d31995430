import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSessions, type MergeableSession } from '../../src/lib/session-merge';

interface Tab extends MergeableSession {
  role: string;
}

function session(part: Partial<Tab>): Tab {
  return { run: 'run-1', role: 'manager', answers: {}, edited: {}, seen: [], ...part };
}

describe('mergeSessions', () => {
  it('keeps the answers of both tabs when they answered different statements', () => {
    const mine = session({ answers: { a: 4 }, edited: { a: 10 }, seen: [1] });
    const theirs = session({ answers: { b: 2 }, edited: { b: 11 }, seen: [2], role: 'other' });
    const { merged, changed } = mergeSessions(mine, theirs);
    expect(merged).toEqual({
      run: 'run-1',
      role: 'other',
      answers: { a: 4, b: 2 },
      edited: { a: 10, b: 11 },
      seen: [2, 1],
    });
    expect(changed).toBe(true);
  });

  it('takes the answer given last when both tabs answered the same statement', () => {
    const early = session({ answers: { a: 1 }, edited: { a: 10 } });
    const late = session({ answers: { a: 5 }, edited: { a: 20 } });
    expect(mergeSessions(early, late)).toEqual({ merged: late, changed: false });
    expect(mergeSessions(late, early).merged.answers).toEqual({ a: 5 });
    expect(mergeSessions(late, early).changed).toBe(true);
  });

  it('breaks a tie the same way in both tabs, and treats a missing time as oldest', () => {
    const one = session({ answers: { a: 2 }, edited: { a: 10 } });
    const other = session({ answers: { a: 3 }, edited: { a: 10 } });
    expect(mergeSessions(one, other).merged.answers).toEqual({ a: 3 });
    expect(mergeSessions(other, one).merged.answers).toEqual({ a: 3 });
    const untimed = session({ answers: { a: 4 } });
    expect(mergeSessions(untimed, one).merged.answers).toEqual({ a: 2 });
    expect(mergeSessions(one, untimed).merged.answers).toEqual({ a: 2 });
  });

  it('reports no change when the other copy already holds everything', () => {
    const both = session({ answers: { a: 4 }, edited: { a: 10 }, seen: [1] });
    expect(mergeSessions(session({}), both)).toEqual({ merged: both, changed: false });
    expect(mergeSessions(both, both).changed).toBe(false);
  });

  it('gives way entirely to a new run (the other tab started over)', () => {
    const mine = session({ answers: { a: 4 }, edited: { a: 10 } });
    const fresh = session({ run: 'run-2' });
    expect(mergeSessions(mine, fresh)).toEqual({ merged: fresh, changed: false });
  });

  it('reaches the same session whichever tab merges, and never loses an answer', () => {
    const copy = fc.dictionary(
      fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      fc.record({ value: fc.integer({ min: 0, max: 6 }), at: fc.integer({ min: 0, max: 5 }) }),
    );
    fc.assert(
      fc.property(copy, copy, (x, y) => {
        const toSession = (c: typeof x) =>
          session({
            answers: Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.value])),
            edited: Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.at])),
          });
        const a = mergeSessions(toSession(x), toSession(y)).merged;
        const b = mergeSessions(toSession(y), toSession(x)).merged;
        expect(a.answers).toEqual(b.answers);
        expect(Object.keys(a.answers).sort()).toEqual(
          [...new Set([...Object.keys(x), ...Object.keys(y)])].sort(),
        );
      }),
    );
  });
});
