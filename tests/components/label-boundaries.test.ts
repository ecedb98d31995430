// @vitest-environment jsdom
// Finding 8: a label with a right-to-left override ("\u202E001 xedni · Acme") read "index 100"
// next to a result whose index is 12. Bidirectional controls are removed at every boundary.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeResult, encodeResult } from '../../src/lib/share-link';
import { responseFromShared } from '../../src/lib/share-response';
import { testBank } from '../fixtures/test-bank';

const SPOOF = '\u202E001 xedni · Acme';

beforeEach(async () => {
  localStorage.clear();
  const persistent = await import('@nanostores/persistent');
  persistent.setPersistentEngine(localStorage, persistent.windowPersistentEvents);
});

describe('labels at the boundaries', () => {
  it('are typed without bidirectional controls', async () => {
    vi.resetModules();
    const store = await import('../../src/stores/navigator');
    store.useBank({ id: 'test-bank', version: 1 });
    store.setLabel(`\u2067${SPOOF}\u2069\u200F`);
    expect(store.session.get()?.label).toBe('001 xedni · Acme');
  });

  it('are read from links without them, while the link itself stays strict', () => {
    const bank = { ...testBank(), id: 'culture-navigator' };
    const answers = bank.dimensions.flatMap((d) => d.statements.map(() => 3 as const));
    const fragment = encodeResult({ bank: bank.id, version: 1, role: 0, answers, label: SPOOF });
    const decoded = decodeResult(fragment);
    expect(decoded.ok && decoded.result.label).toBe(SPOOF);
    const matched = decoded.ok ? responseFromShared(decoded.result, bank) : null;
    expect(matched?.ok && matched.response.label).toBe('001 xedni · Acme');
  });
});
