// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  isQuotaError,
  readJSON,
  removeKey,
  storedValue,
  writeJSON,
} from '../../src/stores/storage';

const KEY = 'ccn:test';

beforeEach(() => {
  localStorage.clear();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const denied = () => new DOMException('Access is denied for this document.', 'SecurityError');

describe('storage', () => {
  it('writes JSON, reads it back, and removes it', () => {
    expect(readJSON(KEY)).toEqual({ state: 'missing' });
    expect(writeJSON(KEY, { a: [1, 2] })).toBe('saved');
    expect(readJSON(KEY)).toEqual({ state: 'found', value: { a: [1, 2] } });
    expect(removeKey(KEY)).toBe('saved');
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('tells unreadable text from a missing key', () => {
    localStorage.setItem(KEY, '{"cut": ');
    expect(readJSON(KEY)).toEqual({ state: 'unreadable' });
  });

  it('tells a full storage from a blocked one', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError(denied())).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw quota();
    });
    expect(writeJSON(KEY, 1)).toBe('full');
    vi.restoreAllMocks();
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw denied();
    });
    expect(writeJSON(KEY, 1)).toBe('blocked');
  });

  it('reports blocked when storage cannot be reached at all', () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw denied();
    });
    expect(readJSON(KEY)).toEqual({ state: 'blocked' });
    expect(writeJSON(KEY, 1)).toBe('blocked');
    expect(removeKey(KEY)).toBe('blocked');
  });

  it('reports blocked when reading or removing throws', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw denied();
    });
    expect(readJSON(KEY)).toEqual({ state: 'blocked' });
    vi.restoreAllMocks();
    vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(() => {
      throw denied();
    });
    expect(removeKey(KEY)).toBe('blocked');
  });

  it('never calls a write saved that storage did not keep', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => undefined);
    expect(writeJSON(KEY, 'lost')).toBe('blocked');
    vi.restoreAllMocks();
    localStorage.setItem(KEY, '1');
    vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(() => undefined);
    expect(removeKey(KEY)).toBe('blocked');
  });
});

describe('storedValue', () => {
  it('follows writes and keeps the old value when storage is full', () => {
    const value = storedValue(KEY);
    expect(value.write([1])).toBe('saved');
    expect(value.get()).toEqual({ state: 'found', value: [1] });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw quota();
    });
    expect(value.write([1, 2])).toBe('full');
    expect(value.get()).toEqual({ state: 'found', value: [1] });
  });

  it('keeps what the page wrote while storage is blocked, across mounts', () => {
    const value = storedValue(KEY);
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw denied();
    });
    expect(value.get()).toEqual({ state: 'blocked' });
    expect(value.write(['kept'])).toBe('blocked');
    const stop = value.listen(() => undefined);
    expect(value.get()).toEqual({ state: 'found', value: ['kept'] });
    stop();
  });
});
