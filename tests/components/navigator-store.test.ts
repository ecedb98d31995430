// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const KEY = 'ccn:navigator:session';

/** Loads a fresh copy of the store, so each test sees storage as it set it up. */
async function loadStore() {
  vi.resetModules();
  const store = await import('../../src/stores/navigator');
  store.useBank({ id: 'test-bank', version: 1 });
  return store;
}

function saved(): unknown {
  const text = localStorage.getItem(KEY);
  return text === null ? null : JSON.parse(text);
}

beforeEach(async () => {
  localStorage.clear();
  // @nanostores/persistent is loaded once per file (resetModules does not reload node_modules),
  // so undo any switch to the in-memory engine that an earlier test's store made.
  const persistent = await import('@nanostores/persistent');
  persistent.setPersistentEngine(localStorage, persistent.windowPersistentEvents);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('navigator store with working storage', () => {
  it('starts with nothing saved', async () => {
    const store = await loadStore();
    expect(store.session.get()).toBeNull();
    expect(store.storageStatus.get()).toBe('saved');
    expect(store.currentSession()).toMatchObject({ bank: 'test-bank', version: 1, screen: 0 });
  });

  it('saves each answer the moment it is given', async () => {
    const store = await loadStore();
    store.chooseRole('manager');
    store.answer('lead-1', 4);
    expect(saved()).toMatchObject({ role: 'manager', answers: { 'lead-1': 4 } });
    store.answer('lead-2', 0);
    expect(saved()).toMatchObject({ answers: { 'lead-1': 4, 'lead-2': 0 } });
    expect(store.session.get()?.answers).toEqual({ 'lead-1': 4, 'lead-2': 0 });
  });

  it('resumes a saved session after a reload', async () => {
    const first = await loadStore();
    first.chooseRole('executive');
    first.answer('listen-2', 5);
    first.goToScreen(2);
    const second = await loadStore();
    expect(second.session.get()).toMatchObject({
      role: 'executive',
      answers: { 'listen-2': 5 },
      screen: 2,
    });
  });

  it('cuts the label to 60 characters and keeps screens whole and non-negative', async () => {
    const store = await loadStore();
    store.setLabel('x'.repeat(80));
    expect(store.session.get()?.label).toHaveLength(60);
    store.goToScreen(-3);
    expect(store.session.get()?.screen).toBe(0);
    store.goToScreen(2.7);
    expect(store.session.get()?.screen).toBe(2);
  });

  it('clears everything on start over', async () => {
    const store = await loadStore();
    store.chooseRole('manager');
    store.answer('lead-1', 3);
    store.startOver();
    expect(saved()).toMatchObject({ role: null, answers: {}, screen: 0, label: '' });
  });
});

describe('navigator store with two tabs', () => {
  /** What another tab writing the session looks like to this one. */
  function otherTabWrites(value: unknown) {
    const text = JSON.stringify(value);
    localStorage.setItem(KEY, text);
    window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: text }));
  }

  it("merges another tab's answers with its own and writes the union back", async () => {
    const store = await loadStore();
    const stop = store.session.listen(() => {});
    store.chooseRole('manager');
    store.answer('lead-1', 4);
    const mine = store.session.get();
    otherTabWrites({
      ...mine,
      answers: { 'lead-2': 2 },
      edited: { 'lead-2': Date.now() + 5 },
      seen: [2],
    });
    expect(store.session.get()?.answers).toEqual({ 'lead-1': 4, 'lead-2': 2 });
    expect(saved()).toMatchObject({ answers: { 'lead-1': 4, 'lead-2': 2 }, seen: [2] });
    stop();
  });

  it('ignores an event whose value storage no longer holds (a newer one follows)', async () => {
    const store = await loadStore();
    const stop = store.session.listen(() => {});
    store.answer('lead-1', 4);
    const stale = JSON.stringify({ ...store.session.get(), answers: { 'lead-9': 1 } });
    window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: stale }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'other', newValue: stale }));
    expect(store.session.get()?.answers).toEqual({ 'lead-1': 4 });
    stop();
  });

  it('follows another tab that started over (a new run), and ignores unreadable saves', async () => {
    const store = await loadStore();
    const stop = store.session.listen(() => {});
    store.chooseRole('manager');
    store.answer('lead-1', 4);
    const fresh = { ...store.session.get(), role: null, answers: {}, edited: {}, run: 'run-new-1' };
    otherTabWrites(fresh);
    expect(store.session.get()).toMatchObject({ run: 'run-new-1', answers: {}, role: null });
    localStorage.setItem(KEY, '{oops');
    window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: '{oops' }));
    expect(store.session.get()).toMatchObject({ run: 'run-new-1' });
    stop();
  });

  it('applies each change to the newest saved copy, so a save it has not heard of is kept', async () => {
    const store = await loadStore();
    store.answer('lead-1', 4);
    const current = store.session.get();
    // Another tab's save landed, but its event has not been delivered yet.
    localStorage.setItem(
      KEY,
      JSON.stringify({ ...current, answers: { 'lead-2': 5 }, edited: { 'lead-2': 1 } }),
    );
    store.answer('lead-3', 1);
    expect(saved()).toMatchObject({ answers: { 'lead-1': 4, 'lead-2': 5, 'lead-3': 1 } });
  });

  it('keeps the shown screen per tab and counts sections as seen', async () => {
    const store = await loadStore();
    store.goToScreen(3);
    store.goToScreen(1);
    store.goToScreen(3);
    store.goToScreen(0);
    expect(store.activeScreen.get()).toBe(0);
    expect(saved()).toMatchObject({ screen: 0, seen: [3, 1] });
  });
});

describe('navigator store with damaged storage', () => {
  it.each([
    ['text that is not JSON', '{not json'],
    ['JSON of the wrong shape', JSON.stringify({ bank: 'x', answers: 'all' })],
    [
      'an answer off the scale',
      JSON.stringify({
        bank: 'b',
        version: 1,
        role: null,
        label: '',
        answers: { a: 9 },
        screen: 0,
      }),
    ],
  ])('works in memory, says so and leaves %s untouched', async (_, damaged) => {
    localStorage.setItem(KEY, damaged);
    const store = await loadStore();
    expect(store.storageStatus.get()).toBe('corrupted');
    expect(store.session.get()).toBeNull();
    store.chooseRole('manager');
    store.answer('lead-1', 2);
    expect(store.session.get()?.answers).toEqual({ 'lead-1': 2 });
    expect(localStorage.getItem(KEY)).toBe(damaged);
  });

  it('clears the damaged value and resumes saving on start over', async () => {
    localStorage.setItem(KEY, '{not json');
    const store = await loadStore();
    store.startOver();
    expect(store.storageStatus.get()).toBe('saved');
    store.answer('lead-1', 5);
    expect(saved()).toMatchObject({ answers: { 'lead-1': 5 } });
  });
});

describe('navigator store without storage', () => {
  it('works in memory and says so when storage refuses every write', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const store = await loadStore();
    expect(store.storageStatus.get()).toBe('unavailable');
    store.answer('lead-1', 3);
    expect(store.session.get()?.answers).toEqual({ 'lead-1': 3 });
  });

  it('keeps the answer and switches to memory when a later write fails', async () => {
    const store = await loadStore();
    store.answer('lead-1', 1);
    // From now on the storage refuses writes, as a full localStorage does.
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
    store.answer('lead-2', 4);
    expect(store.storageStatus.get()).toBe('unavailable');
    expect(store.session.get()?.answers).toEqual({ 'lead-1': 1, 'lead-2': 4 });
  });
});

describe('parseSession', () => {
  it('accepts a valid session and rejects anything else', async () => {
    const { parseSession } = await loadStore();
    const valid = {
      bank: 'b',
      version: 1,
      role: null,
      label: '',
      answers: { a: 0, b: 5 },
      screen: 3,
    };
    // Sessions saved before runs, merging and seen sections existed still read, and get them.
    expect(parseSession(valid)).toMatchObject({ ...valid, edited: {}, seen: [] });
    expect(parseSession(valid)?.run).toMatch(/^[a-z0-9]{8,}$/);
    const full = { ...valid, run: 'r1', edited: { a: 1 }, seen: [1, 2] };
    expect(parseSession(full)).toEqual(full);
    expect(parseSession(null)).toBeNull();
    expect(parseSession({ ...valid, label: 'y'.repeat(61) })).toBeNull();
    expect(parseSession({ ...valid, screen: -1 })).toBeNull();
    expect(parseSession({ ...valid, version: 0 })).toBeNull();
  });
});
