/**
 * The one place that reads and writes JSON in the browser's storage (localStorage), and says
 * honestly what happened. A write is reported 'saved' only once the text is read back as written;
 * a full storage reports 'full' and changes nothing; a blocked storage (privacy settings, a
 * sandboxed frame) reports 'blocked'. Reads tell missing, unreadable (not JSON) and blocked apart,
 * so a page can warn instead of showing an empty list.
 *
 * {@link storedValue} wraps a key as a nanostores atom that reads storage lazily (on first
 * subscription), follows changes made in other tabs, and keeps the page working in memory when
 * storage is blocked.
 */
import { atom, onMount, type ReadableAtom } from 'nanostores';

/** What became of a write: kept, refused for lack of space, or refused by the browser. */
export type WriteOutcome = 'saved' | 'full' | 'blocked';

/** What a read found. */
export type ReadOutcome =
  | { state: 'missing' }
  | { state: 'found'; value: unknown }
  | { state: 'unreadable' }
  | { state: 'blocked' };

/** The browser's storage, or null when reaching it throws (blocked) or there is none. */
function localStore(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * True for the errors browsers throw when storage is out of space: "QuotaExceededError" in
 * current browsers, "NS_ERROR_DOM_QUOTA_REACHED" in older Firefox.
 */
export function isQuotaError(error: unknown): boolean {
  // Not `instanceof Error`: a DOMException is not an Error in every environment (jsdom).
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : '';
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** Reads and parses the JSON under `key`. Never throws. */
export function readJSON(key: string): ReadOutcome {
  const storage = localStore();
  if (storage === null) return { state: 'blocked' };
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch {
    return { state: 'blocked' };
  }
  if (text === null) return { state: 'missing' };
  try {
    return { state: 'found', value: JSON.parse(text) as unknown };
  } catch {
    return { state: 'unreadable' };
  }
}

/**
 * Writes `value` as JSON under `key`, and checks that it was kept. Never throws.
 * @returns 'saved' only when storage gives the text back as written
 */
export function writeJSON(key: string, value: unknown): WriteOutcome {
  const storage = localStore();
  if (storage === null) return 'blocked';
  const text = JSON.stringify(value);
  try {
    storage.setItem(key, text);
    return storage.getItem(key) === text ? 'saved' : 'blocked';
  } catch (error) {
    return isQuotaError(error) ? 'full' : 'blocked';
  }
}

/** Removes `key` from storage. Never throws. */
export function removeKey(key: string): WriteOutcome {
  const storage = localStore();
  if (storage === null) return 'blocked';
  try {
    storage.removeItem(key);
    return storage.getItem(key) === null ? 'saved' : 'blocked';
  } catch {
    return 'blocked';
  }
}

/** A stored key as a store: what storage holds, and a writer that reports the outcome. */
export interface StoredValue extends ReadableAtom<ReadOutcome> {
  /**
   * Stores `value`. The store follows the value when it was saved, and also when storage is
   * blocked (so the page keeps working until it is closed); it keeps the old value when
   * storage is full, because nothing changed.
   */
  write(value: unknown): WriteOutcome;
}

/**
 * The JSON under `key` as a store. Storage is first read when the store is first used, again
 * each time it is mounted, and whenever another tab changes the key.
 */
export function storedValue(key: string): StoredValue {
  const store = atom<ReadOutcome>({ state: 'missing' });
  // What this page wrote while storage was blocked: reading again must not lose it.
  let memory: ReadOutcome | null = null;
  const refresh = (): void => {
    const read = readJSON(key);
    store.set(read.state === 'blocked' && memory !== null ? memory : read);
  };
  onMount(store, () => {
    refresh();
    if (typeof window === 'undefined') return undefined;
    const changed = (event: StorageEvent): void => {
      if (event.key === key || event.key === null) refresh();
    };
    window.addEventListener('storage', changed);
    return () => {
      window.removeEventListener('storage', changed);
    };
  });
  return Object.assign(store, {
    write(value: unknown): WriteOutcome {
      const outcome = writeJSON(key, value);
      if (outcome === 'blocked') memory = { state: 'found', value };
      if (outcome !== 'full') store.set({ state: 'found', value });
      return outcome;
    },
  });
}
