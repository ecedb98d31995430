import { describe, expect, it } from 'vitest';
import { fragmentVersion, versionNote } from '../../src/lib/versions';
import { encodeResult } from '../../src/lib/share-link';

describe('fragmentVersion', () => {
  it('reads the version a link was made with, or null for a damaged link', () => {
    const fragment = encodeResult({
      bank: 'culture-navigator',
      version: 2,
      role: 0,
      answers: [1, 2],
      label: '',
    });
    expect(fragmentVersion(fragment)).toBe(2);
    expect(fragmentVersion(`#${fragment}`)).toBe(2);
    expect(fragmentVersion('r1.broken')).toBeNull();
  });
});

describe('versionNote', () => {
  it('speaks only when versions are mixed', () => {
    expect(versionNote([1, 1])).toBeNull();
    expect(versionNote([2, 1])).toMatch(/versions 1 and 2\. The dimensions are the same/);
  });
});
