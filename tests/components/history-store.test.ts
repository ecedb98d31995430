// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeResult } from '../../src/lib/share-link';

const KEY = 'ccn:history';

function fragment(label: string): string {
  return encodeResult({
    bank: 'culture-navigator',
    version: 1,
    role: 0,
    answers: [1, 2, 3],
    label,
  });
}

function entry(label: string, savedAt: string, overall: number | null = 50) {
  return { fragment: fragment(label), savedAt, label, overall };
}

async function loadStore() {
  vi.resetModules();
  return import('../../src/stores/history');
}

beforeEach(async () => {
  localStorage.clear();
  const persistent = await import('@nanostores/persistent');
  persistent.setPersistentEngine(localStorage, persistent.windowPersistentEvents);
});

describe('history store', () => {
  it('records a completed result once, keeping its first date, oldest first', async () => {
    const store = await loadStore();
    store.recordResult(entry('B', '2026-02-01T10:00:00.000Z'));
    store.recordResult(entry('A', '2026-01-01T10:00:00.000Z'));
    store.recordResult(entry('B', '2026-03-01T10:00:00.000Z'));
    expect(store.history.get().map((e) => [e.label, e.savedAt.slice(0, 7)])).toEqual([
      ['A', '2026-01'],
      ['B', '2026-02'],
    ]);
    expect(JSON.parse(localStorage.getItem(KEY) ?? '[]')).toHaveLength(2);
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
      ]),
    );
    const store = await loadStore();
    expect(store.history.get().map((e) => e.label)).toEqual(['ok']);
    expect(store.droppedEntries.get()).toBe(3);
  });

  it('treats unreadable storage as an empty history with a warning', async () => {
    localStorage.setItem(KEY, '{"not": "a list"}');
    const store = await loadStore();
    expect(store.history.get()).toEqual([]);
    expect(store.droppedEntries.get()).toBe(1);
  });

  it('imports only results it does not have yet', async () => {
    const store = await loadStore();
    store.recordResult(entry('A', '2026-01-01T10:00:00.000Z'));
    const added = store.importEntries([
      entry('A', '2025-12-01T10:00:00.000Z'),
      entry('C', '2026-03-01T10:00:00.000Z'),
    ]);
    expect(added).toBe(1);
    expect(store.history.get().map((e) => e.label)).toEqual(['A', 'C']);
  });

  it('keeps at most the newest HISTORY_MAX results', async () => {
    const store = await loadStore();
    const many = Array.from({ length: store.HISTORY_MAX + 5 }, (_, i) =>
      entry(`L${i}`, new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()),
    );
    store.importEntries(many);
    expect(store.history.get()).toHaveLength(store.HISTORY_MAX);
    expect(store.history.get()[0]?.label).toBe('L5');
  });

  it('says so when the browser refuses to save', async () => {
    const store = await loadStore();
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const { setPersistentEngine } = await import('@nanostores/persistent');
    const full = new Proxy<Record<string, string>>(
      {},
      {
        set() {
          throw new DOMException('full', 'QuotaExceededError');
        },
      },
    );
    setPersistentEngine(full, { addEventListener() {}, removeEventListener() {} });
    store.recordResult(entry('A', '2026-01-01T10:00:00.000Z'));
    expect(store.historyWriteFailed.get()).toBe(true);
    vi.restoreAllMocks();
  });
});
