// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import HistoryView from '../../src/components/history/HistoryView.svelte';
import ResultView from '../../src/components/result/ResultView.svelte';
import { encodeResult, sharedFromResponse } from '../../src/lib/share-link';
import { clearHistory, history, importEntries } from '../../src/stores/history';
import { answerAll, testBank } from '../fixtures/test-bank';

// A bank the link format knows (share links carry a bank code, and "test-bank" has none).
const bank = { ...testBank(), id: 'culture-navigator', version: 1 };
const pageTitles = { 'page-a': 'Page A', 'page-b': 'Page B' };

vi.mock('../../src/components/lazy-chart', async (original) => ({
  ...(await original<typeof import('../../src/components/lazy-chart')>()),
  // jsdom has no canvas: the chart is never drawn, the table carries the figures.
  lazyChart: () => () => undefined,
}));

function fragment(label: string, answer: 0 | 1 | 2 | 3 | 4 | 5 = 4, version = 1): string {
  return encodeResult(
    sharedFromResponse({ ...bank, version }, 'manager', answerAll(bank, answer), label),
  );
}

function serveBank(status = 200): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(() =>
      Promise.resolve(
        new Response(JSON.stringify(bank), {
          status,
          headers: { 'content-type': 'application/json' },
        }),
      ),
    ),
  );
}

beforeEach(async () => {
  localStorage.clear();
  const persistent = await import('@nanostores/persistent');
  persistent.setPersistentEngine(localStorage, persistent.windowPersistentEvents);
  // The history store outlives a test (as it outlives a component); start each one empty.
  clearHistory();
});

afterEach(() => {
  vi.unstubAllGlobals();
  location.hash = '';
});

describe('ResultView', () => {
  it('shows a shared result read-only and keeps nothing in this browser', async () => {
    serveBank();
    location.hash = `#${fragment('North')}`;
    render(ResultView, { pageTitles });
    expect(
      await screen.findByRole('heading', { name: 'Customer culture report: North' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/shown read-only in your browser/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /^Priorities$/ })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Share link' })).toHaveValue(location.href);
    expect(history.get()).toEqual([]);
    expect(JSON.parse(localStorage.getItem('ccn:history') ?? '[]')).toEqual([]);
  });

  it('explains a damaged link and shows no result', async () => {
    serveBank();
    const good = fragment('');
    location.hash = `#${good.slice(0, -3)}${good.endsWith('A') ? 'B' : 'A'}${good.slice(-2)}`;
    render(ResultView, { pageTitles });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This result link cannot be shown.');
    expect(alert).toHaveTextContent('Copy the whole link again.');
    expect(screen.queryByText(/Overall index/)).toBeNull();
    expect(
      screen.getByRole('link', { name: 'Take the Culture Navigator yourself' }),
    ).toBeInTheDocument();
  });

  it('says when the questionnaire version a link names cannot be had', async () => {
    serveBank(404);
    location.hash = `#${fragment('', 4, 2)}`;
    render(ResultView, { pageTitles });
    expect(await screen.findByRole('alert')).toHaveTextContent('does not have version 2');
    expect(screen.queryByText(/Overall index/)).toBeNull();
  });
});

describe('ResultView when the address changes while a link is loading', () => {
  it("never shows the older link's result under the newer link's address", async () => {
    // Link A names questionnaire version 2, whose file arrives late; link B names version 1.
    let arriveLate: (() => void) | undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => {
        const version = url.endsWith('-2.json') ? 2 : 1;
        const response = () =>
          new Response(JSON.stringify({ ...bank, version }), {
            headers: { 'content-type': 'application/json' },
          });
        return version === 2
          ? new Promise<Response>((resolve) => {
              arriveLate = () => {
                resolve(response());
              };
            })
          : Promise.resolve(response());
      }),
    );
    location.hash = `#${fragment('Link A', 2, 2)}`;
    // jsdom announces the change in a later task; let it pass before the view listens.
    await new Promise((resolve) => setTimeout(resolve, 0));
    render(ResultView, { pageTitles });
    await waitFor(() => {
      expect(arriveLate).toBeDefined();
    });
    location.hash = `#${fragment('Link B', 4, 1)}`; // jsdom fires "hashchange", as browsers do
    expect(
      await screen.findByRole('heading', { name: 'Customer culture report: Link B' }),
    ).toBeInTheDocument();
    arriveLate?.();
    // Let the late file and anything it would trigger run, then look again.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByText(/Link A/)).toBeNull();
    expect(
      screen.getByRole('heading', { name: 'Customer culture report: Link B' }),
    ).toBeInTheDocument();
  });
});

describe('HistoryView', () => {
  const saved = (label: string, day: number, answer: 0 | 1 | 2 | 3 | 4 | 5) => ({
    fragment: fragment(label, answer),
    savedAt: new Date(Date.UTC(2026, 0, day, 9)).toISOString(),
    label,
    overall: 20 * answer,
  });

  it('invites a first run when nothing is kept', async () => {
    render(HistoryView);
    expect(await screen.findByText('No results yet.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export history (JSON)' })).toBeDisabled();
  });

  it('lists kept results newest first, and deletes one', async () => {
    importEntries([saved('Q1', 1, 2), saved('Q2', 2, 4)]);
    render(HistoryView);
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual([
      'Q2',
      'Q1',
    ]);
    await fireEvent.click(within(rows[0]!).getByRole('button', { name: /^Delete the result of/ }));
    expect(screen.getByRole('status')).toHaveTextContent(/^Deleted the result of/);
    expect(JSON.parse(localStorage.getItem('ccn:history') ?? '[]')).toHaveLength(1);
  });

  it('refuses a bad import file with a reason and keeps the history as it was', async () => {
    importEntries([saved('Q1', 1, 2)]);
    const before = localStorage.getItem('ccn:history');
    expect(before).toContain('Q1');
    const { container } = render(HistoryView);
    await screen.findByRole('table');
    const picker = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    const file = new File(['{"format":"something else"}'], 'notes.json', {
      type: 'application/json',
    });
    Object.defineProperty(picker, 'files', { value: [file], configurable: true });
    await fireEvent.change(picker);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/^notes\.json: .+ Your history was not changed\.$/);
    expect(localStorage.getItem('ccn:history')).toBe(before);
    expect(history.get().map((entry) => entry.label)).toEqual(['Q1']);
  });

  it('refuses a file too large or unreadable before reading it, and says which and why', async () => {
    const { container } = render(HistoryView);
    await screen.findByText('No results yet.');
    const picker = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    const huge = new File(['{}'], 'backup.json', { type: 'application/json' });
    Object.defineProperty(huge, 'size', { value: 40 * 1024 * 1024 });
    Object.defineProperty(picker, 'files', { value: [huge], configurable: true });
    await fireEvent.change(picker);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'backup.json: This file is 40 MB; the largest this page reads is 2 MB.',
    );
    const broken = new File(['{}'], 'locked.json', { type: 'application/json' });
    Object.defineProperty(broken, 'text', { value: () => Promise.reject(new Error('denied')) });
    Object.defineProperty(picker, 'files', { value: [broken], configurable: true });
    await fireEvent.change(picker);
    await waitFor(() => {
      expect(screen.getByRole('alert')).toHaveTextContent(
        /^locked\.json: This file could not be read\..+Your history was not changed\.$/,
      );
    });
    expect(history.get()).toEqual([]);
  });
});
