// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CompareView from '../../src/components/compare/CompareView.svelte';
import type { Bank } from '../../src/lib/bank';
import { encodeResult } from '../../src/lib/share-link';
import { sharedFromResponse } from '../../src/lib/share-response';
import { clearComparison, comparison, runComparison } from '../../src/stores/compare';
import { answerAll, testBank } from '../fixtures/test-bank';

// A bank the link format knows (share links carry a bank code, and "test-bank" has none).
const bank: Bank = { ...testBank(), id: 'culture-navigator', version: 1 };

vi.mock('../../src/stores/bank', () => ({
  getBank: vi.fn(() => Promise.resolve(bank)),
}));
vi.mock('../../src/components/lazy-chart', async (original) => ({
  ...(await original<typeof import('../../src/components/lazy-chart')>()),
  lazyChart: () => () => undefined,
}));

const link = (label: string, answer: 1 | 2 | 3 | 4 | 5) =>
  encodeResult(sharedFromResponse(bank, 'manager', answerAll(bank, answer), label));

afterEach(() => {
  clearComparison();
  location.hash = '';
});

describe('the comparison store', () => {
  it('ends busy with a readable error when something unexpected fails', async () => {
    await runComparison([{ fragment: link('A', 1), from: 'Line 1' }], () =>
      Promise.resolve(null as unknown as Bank),
    );
    const state = comparison.get();
    expect(state.status).toBe('error');
    expect(state.status === 'error' && state.message).toMatch(
      /^The comparison could not be made \(.+\)\. Reload the page and try again\.$/,
    );
  });

  it('drops a comparison that a newer one overtook', async () => {
    let release: ((value: Bank) => void) | undefined;
    const slow = runComparison(
      [
        { fragment: link('Old', 1), from: 'Line 1' },
        { fragment: link('Older', 2), from: 'Line 2' },
      ],
      () =>
        new Promise<Bank>((resolve) => {
          release = resolve;
        }),
    );
    await runComparison(
      [
        { fragment: link('New', 3), from: 'Line 1' },
        { fragment: link('Newer', 4), from: 'Line 2' },
      ],
      () => Promise.resolve(bank),
    );
    release?.(bank);
    await slow;
    const state = comparison.get();
    expect(state.status === 'ready' && state.columns.map((c) => c.name)).toEqual(['New', 'Newer']);
  });
});

describe('CompareView', () => {
  it('opens a bookmarked comparison from the address, and bookmarks a new one', async () => {
    location.hash = `#${link('Before', 2)},${link('After', 4)}`;
    await new Promise((resolve) => setTimeout(resolve, 0));
    render(CompareView);
    const table = await screen.findByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Dimension', 'BeforeManager, Link 1', 'AfterManager, Link 2']);
    // All "disagree" (2) against all "agree" (4), one of four items reverse-worded:
    // (25 × 3 + 75) / 4 = 37.5 against (75 × 3 + 25) / 4 = 62.5, shown as 38, 63 and +25.
    expect(within(table).getByRole('row', { name: /^lead name/ })).toHaveTextContent(
      /^lead name\s*38\s*63\s*\+25$/,
    );
    expect(screen.getByRole('region', { name: 'Scores side by side' })).toHaveAttribute(
      'tabindex',
      '0',
    );

    await fireEvent.input(screen.getByRole('textbox', { name: 'Result links, one per line' }), {
      target: { value: `${link('Q1', 3)}\n  https://example.org/result/#${link('Q2', 3)}  ` },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    await waitFor(() => {
      expect(location.hash).toBe(`#${link('Q1', 3)},${link('Q2', 3)}`);
    });
    expect(
      within(screen.getByRole('table')).getByRole('row', { name: /^Overall/ }),
    ).toHaveTextContent(/±0$/);
  });
});
