// @vitest-environment jsdom
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeResult } from '../../src/lib/share-link';

const KEY = 'ccn:history';

function fragment(label: string, answers: (0 | 1 | 2 | 3 | 4 | 5)[] = [1, 2, 3]): string {
  return encodeResult({ bank: 'culture-navigator', version: 1, role: 0, answers, label });
}

function entry(label: string, savedAt: string, overall: number | null = 50, run?: string) {
  return { fragment: fragment(label), savedAt, label, overall, ...(run ? { run } : {}) };
}

const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();

async function loadStore() {
  vi.resetModules();
  return import('../../src/stores/history');
}

function stored(): { label: string }[] {
  return JSON.parse(localStorage.getItem(KEY) ?? '[]') as { label: string }[];
}

function quotaFull(): void {
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
}

function storageBlocked(): void {
  vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
    throw new DOMException('Access is denied for this document.', 'SecurityError');
  });
}

beforeEach(() => {
  localStorage.clear();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('history store', () => {
  it('records a completed result once, keeping its first date, oldest first', async () => {
    const store = await loadStore();
    expect(store.recordResult(entry('B', '2026-02-01T10:00:00.000Z'))).toBe('saved');
    store.recordResult(entry('A', '2026-01-01T10:00:00.000Z'));
    store.recordResult(entry('B', '2026-03-01T10:00:00.000Z'));
    expect(store.history.get().map((e) => [e.label, e.savedAt.slice(0, 7)])).toEqual([
      ['A', '2026-01'],
      ['B', '2026-02'],
    ]);
    expect(stored()).toHaveLength(2);
    expect(store.historySaveStatus.get()).toBe('saved');
  });

  it('replaces the entry of the same run with its correction, and keeps entries without runs', async () => {
    const store = await loadStore();
    const run = store.newRunId();
    store.recordResult(entry('Old, no run', at(0)));
    store.recordResult(entry('First try', at(1), 40, run));
    store.recordResult(entry('Corrected', at(2), 45, run));
    expect(store.history.get().map((e) => [e.label, e.run])).toEqual([
      ['Old, no run', undefined],
      ['Corrected', run],
    ]);
    store.recordResult(entry('Other run', at(3), 45, store.newRunId()));
    expect(store.history.get()).toHaveLength(3);
  });

  it('keeps one entry when a corrected run gives a result already kept', async () => {
    const store = await loadStore();
    store.recordResult(entry('Same', at(0)));
    store.recordResult(entry('Mine', at(1), 40, 'run-00001'));
    store.recordResult(entry('Same', at(2), 40, 'run-00001'));
    expect(store.history.get().map((e) => e.label)).toEqual(['Same']);
  });

  it('deletes one entry or all of them', async () => {
    const store = await loadStore();
    store.recordResult(entry('A', '2026-01-01T10:00:00.000Z'));
    store.recordResult(entry('B', '2026-02-01T10:00:00.000Z'));
    store.deleteEntry(fragment('A'));
    expect(store.history.get().map((e) => e.label)).toEqual(['B']);
    store.clearHistory();
    expect(store.history.get()).toEqual([]);
  });

  it('drops entries that fail validation on read, and counts them', async () => {
    localStorage.setItem(
      KEY,
      JSON.stringify([
        entry('ok', '2026-01-01T10:00:00.000Z'),
        { ...entry('bad link', '2026-01-02T10:00:00.000Z'), fragment: 'r1.broken' },
        { ...entry('bad date', 'yesterday') },
        { ...entry('bad score', '2026-01-03T10:00:00.000Z'), overall: 140 },
        { ...entry('bad run', '2026-01-03T10:00:00.000Z'), run: 'no spaces allowed' },
      ]),
    );
    const store = await loadStore();
    expect(store.history.get().map((e) => e.label)).toEqual(['ok']);
    expect(store.droppedEntries.get()).toBe(4);
    expect(store.historyReadProblem.get()).toBeNull();
  });

  it('reads a stored result listed twice once (finding 1: the page crashed on the repeat)', async () => {
    const twice = entry('Twice', at(0));
    localStorage.setItem(KEY, JSON.stringify([twice, { ...twice, savedAt: at(1) }]));
    const store = await loadStore();
    expect(store.history.get().map((e) => e.savedAt)).toEqual([at(0)]);
    expect(store.droppedEntries.get()).toBe(1);
  });

  it('stores fragments bare and labels without bidirectional controls', async () => {
    const store = await loadStore();
    store.recordResult({ ...entry('A', at(0)), fragment: `#${fragment('A')}` });
    store.importEntries([{ ...entry('x', at(1)), label: '\u202E001 xedni' }]);
    expect(store.history.get().map((e) => [e.fragment.startsWith('r1.'), e.label])).toEqual([
      [true, 'A'],
      [true, '001 xedni'],
    ]);
  });

  it('says so when the stored history is not JSON or not a list (finding 4)', async () => {
    localStorage.setItem(KEY, '[{"fragment": "r1.');
    let store = await loadStore();
    expect(store.history.get()).toEqual([]);
    expect(store.historyReadProblem.get()).toBe('damaged');
    localStorage.setItem(KEY, '{"not": "a list"}');
    store = await loadStore();
    expect(store.historyReadProblem.get()).toBe('damaged');
  });

  it('imports only results it does not have yet, each once (finding 1)', async () => {
    const store = await loadStore();
    store.recordResult(entry('A', '2026-01-01T10:00:00.000Z'));
    const report = store.importEntries([
      entry('A', '2025-12-01T10:00:00.000Z'),
      entry('C', '2026-03-01T10:00:00.000Z'),
      entry('C', '2026-04-01T10:00:00.000Z'),
    ]);
    expect(report).toMatchObject({ outcome: 'saved', added: 1, known: 1, repeated: 1 });
    expect(store.history.get().map((e) => e.label)).toEqual(['A', 'C']);
    expect(new Set(store.history.get().map((e) => e.fragment)).size).toBe(2);
  });

  it('keeps every stored result when importing 200 more (finding 2)', async () => {
    const store = await loadStore();
    const old = Array.from({ length: 5 }, (_, i) =>
      entry(`2020-${i}`, new Date(Date.UTC(2020, i, 1)).toISOString()),
    );
    store.importEntries(old);
    const file = Array.from({ length: 200 }, (_, i) => entry(`L${i}`, at(i)));
    expect(store.importEntries(file)).toMatchObject({ outcome: 'saved', added: 200 });
    expect(store.history.get()).toHaveLength(205);
    expect(store.history.get()[0]?.label).toBe('2020-0');
  });

  it('refuses, whole, an import that would pass the limit, and removes nothing', async () => {
    const store = await loadStore();
    const first = Array.from({ length: store.HISTORY_MAX - 2 }, (_, i) => entry(`A${i}`, at(i)));
    store.importEntries(first);
    const before = localStorage.getItem(KEY);
    const report = store.importEntries([
      entry('X', at(5000)),
      entry('Y', at(5001)),
      entry('Z', at(5002)),
    ]);
    expect(report).toMatchObject({ outcome: 'limit', added: 0, wouldHold: store.HISTORY_MAX + 1 });
    expect(localStorage.getItem(KEY)).toBe(before);
    expect(store.historySaveStatus.get()).toBe('limit');
    expect(store.importEntries([entry('X', at(5000)), entry('Y', at(5001))]).outcome).toBe('saved');
    expect(store.recordResult(entry('Z', at(5002)))).toBe('limit');
    expect(store.history.get()).toHaveLength(store.HISTORY_MAX);
    expect(store.history.get()[0]?.label).toBe('A0');
  });

  it('keeps a full history of long results well inside browser storage', async () => {
    const store = await loadStore();
    const label = 'Ω'.repeat(60);
    const long = Array.from({ length: store.HISTORY_MAX }, (_, i) => ({
      fragment: fragment(label.slice(0, 40) + String(i), Array<3>(60).fill(3)),
      savedAt: at(i),
      label,
      overall: 100,
      run: `run-${'x'.repeat(56)}`.slice(0, 60) + String(i).padStart(4, '0'),
    }));
    expect(store.importEntries(long).outcome).toBe('saved');
    // Browsers give a site about 5 million characters; a full history uses under a tenth.
    expect(localStorage.getItem(KEY)?.length).toBeLessThan(500_000);
  });

  it('reports a full storage, keeps the stored history and changes nothing (finding 3)', async () => {
    const store = await loadStore();
    store.recordResult(entry('A', at(0)));
    quotaFull();
    expect(store.recordResult(entry('B', at(1)))).toBe('full');
    expect(store.historySaveStatus.get()).toBe('full');
    expect(store.history.get().map((e) => e.label)).toEqual(['A']);
    expect(store.importEntries([entry('C', at(2))])).toMatchObject({ outcome: 'full', added: 0 });
    vi.restoreAllMocks();
    expect(stored().map((e) => e.label)).toEqual(['A']);
  });

  it('says when storage is blocked, and keeps changes for the page only (finding 4)', async () => {
    storageBlocked();
    const store = await loadStore();
    expect(store.historyReadProblem.get()).toBe('blocked');
    const report = store.importEntries([entry('A', at(0))]);
    expect(report).toMatchObject({ outcome: 'blocked', added: 1 });
    expect(store.historySaveStatus.get()).toBe('blocked');
    expect(store.history.get().map((e) => e.label)).toEqual(['A']);
    vi.restoreAllMocks();
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('never reports a write saved that storage did not keep', async () => {
    const store = await loadStore();
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => undefined);
    expect(store.recordResult(entry('A', at(0)))).toBe('blocked');
  });

  it('follows a change another tab makes', async () => {
    const store = await loadStore();
    const seen: number[] = [];
    const stop = store.history.subscribe((list) => seen.push(list.length));
    localStorage.setItem(KEY, JSON.stringify([entry('A', at(0))]));
    window.dispatchEvent(new StorageEvent('storage', { key: KEY }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'another key' }));
    stop();
    expect(seen).toEqual([0, 1]);
  });

  it('keeps every stored result through any imports and deletes, unless the user was told', async () => {
    const store = await loadStore();
    // Six places left: imports from a pool of twelve meet the limit often.
    const filler = Array.from({ length: store.HISTORY_MAX - 6 }, (_, i) =>
      entry(`F${i}`, new Date(Date.UTC(2020, 0, 1, 0, i)).toISOString()),
    );
    const fillerText = JSON.stringify(filler);
    const pool = Array.from({ length: 12 }, (_, i) => entry(`P${i}`, at(i)));
    const action = fc.oneof(
      fc.record({
        kind: fc.constant('import' as const),
        picks: fc.array(fc.nat(pool.length - 1), { maxLength: 8 }),
      }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(pool.length - 1) }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 10 }), (actions) => {
        localStorage.setItem(KEY, fillerText);
        window.dispatchEvent(new StorageEvent('storage', { key: KEY }));
        const kept = new Set(filler.map((e) => e.fragment));
        for (const step of actions) {
          if (step.kind === 'delete') {
            const gone = pool[step.pick]!.fragment;
            expect(store.deleteEntry(gone)).toBe('saved');
            kept.delete(gone);
          } else {
            const file = step.picks.map((i) => pool[i]!);
            const fresh = new Set(file.map((e) => e.fragment).filter((f) => !kept.has(f)));
            const report = store.importEntries(file);
            expect(report.added + report.known + report.repeated).toBe(
              report.outcome === 'limit' ? report.known + report.repeated : file.length,
            );
            if (kept.size + fresh.size > store.HISTORY_MAX) {
              // Told: the import is refused whole, with the size it would have reached.
              expect(report).toMatchObject({ outcome: 'limit', added: 0 });
              expect(report.wouldHold).toBe(kept.size + fresh.size);
            } else {
              expect(report).toMatchObject({ outcome: 'saved', added: fresh.size });
              fresh.forEach((f) => kept.add(f));
            }
          }
          const now = store.history.get().map((e) => e.fragment);
          expect(now).toHaveLength(kept.size);
          expect(new Set(now)).toEqual(kept);
        }
      }),
      { numRuns: 40 },
    );
    // Each run reads and validates a history of 1,000 results many times over.
  }, 60_000);
});
