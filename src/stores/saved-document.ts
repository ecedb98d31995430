/**
 * One document kept in localStorage for a tool (a worksheet, a listening plan, the loyalty
 * calculator's settings), validated every time it is read. Storage is touched lazily, on the
 * first subscription or change, never when the module loads.
 *
 * When storage cannot be used (blocked, full) or holds something that does not validate, the
 * tool keeps working in memory and `status` says why, so the page can tell the user. A damaged
 * value is left untouched until the user chooses to start afresh.
 */
import { atom, onMount, type ReadableAtom, type WritableAtom } from 'nanostores';
import { persistentJSON } from '@nanostores/persistent';

/** Whether changes are being saved, and if not, why not. */
export type StorageStatus = 'saved' | 'unavailable' | 'corrupted';

/** A document saved in the browser as it changes. */
export interface SavedDocument<T> {
  /** The validated document (the fresh one until something valid is stored). */
  value: ReadableAtom<T>;
  /** Whether changes are saved. */
  status: ReadableAtom<StorageStatus>;
  /** Changes the document and saves it (in memory only when storage is not usable). */
  update(change: (current: T) => T): void;
  /**
   * After damaged storage: removes the damaged value, resumes saving, and starts from the
   * fresh document. Does nothing to a document that is saved normally.
   */
  discardDamaged(): void;
}

function storageWorks(): boolean {
  try {
    const probe = 'ccn:probe';
    localStorage.setItem(probe, probe);
    localStorage.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes a saved document.
 * @param key the localStorage key
 * @param parse validates stored data; null when it is not a valid document
 * @param fresh the document to start with
 */
export function savedDocument<T>(
  key: string,
  parse: (raw: unknown) => T | null,
  fresh: () => T,
): SavedDocument<T> {
  const value = atom<T>(fresh());
  const status = atom<StorageStatus>('saved');
  let stored: WritableAtom<unknown> | undefined;
  let started = false;

  function follow(): void {
    stored = persistentJSON<unknown>(key, null);
    stored.subscribe((raw) => {
      if (raw === null) return;
      const parsed = parse(raw);
      // Another tab may write something this version cannot read: keep what we have.
      if (parsed === null) status.set('corrupted');
      else value.set(parsed);
    });
  }

  function start(): void {
    if (started) return;
    started = true;
    if (typeof window === 'undefined') return;
    if (!storageWorks()) {
      status.set('unavailable');
      return;
    }
    const text = localStorage.getItem(key);
    if (text !== null) {
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        raw = undefined;
      }
      if (parse(raw) === null) {
        status.set('corrupted');
        return;
      }
    }
    follow();
  }

  onMount(value, () => {
    start();
  });

  return {
    value,
    status,
    update(change) {
      start();
      const next = change(value.get());
      if (stored !== undefined && status.get() === 'saved') {
        try {
          stored.set(next);
          return;
        } catch {
          // Storage refused the write (quota, or blocked after load): keep going in memory.
          status.set('unavailable');
        }
      }
      value.set(next);
    },
    discardDamaged() {
      start();
      if (status.get() !== 'corrupted' || !storageWorks()) return;
      localStorage.removeItem(key);
      status.set('saved');
      value.set(fresh());
      if (stored === undefined) follow();
      stored?.set(value.get());
    },
  };
}
