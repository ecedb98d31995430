// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import CompareView from '../../src/components/compare/CompareView.svelte';
import HistoryView from '../../src/components/history/HistoryView.svelte';
import ResultView from '../../src/components/result/ResultView.svelte';
import { scoreResponse } from '../../src/lib/scoring';
import { encodeResult } from '../../src/lib/share-link';
import { sharedFromResponse } from '../../src/lib/share-response';
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
  vi.restoreAllMocks();
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

  it('opens a fragment saved with its "#" (finding 7: "/result/##r1…" read as damaged)', async () => {
    serveBank();
    location.hash = `##${fragment('North')}`;
    render(ResultView, { pageTitles });
    expect(
      await screen.findByRole('heading', { name: 'Customer culture report: North' }),
    ).toBeInTheDocument();
  });

  it('shows a label without its bidirectional override (finding 8)', async () => {
    serveBank();
    location.hash = `#${fragment('\u202E001 xedni')}`;
    render(ResultView, { pageTitles });
    const heading = await screen.findByRole('heading', { name: /^Customer culture report/ });
    expect(heading.textContent).toBe('Customer culture report: 001 xedni');
    expect(heading.querySelector('bdi')).not.toBeNull();
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

  it("shows each result's version, with a note, only when the history mixes versions", async () => {
    importEntries([saved('Q1', 1, 2), saved('Q2', 2, 4)]);
    const { unmount } = render(HistoryView);
    await screen.findByRole('table');
    expect(screen.queryByText(/come from questionnaire versions/)).toBeNull();
    expect(screen.getByRole('table')).not.toHaveTextContent('version');
    unmount();
    importEntries([{ ...saved('New', 3, 3), fragment: fragment('New', 3, 2) }]);
    render(HistoryView);
    expect(
      await screen.findByText(/^These results come from questionnaire versions 1 and 2\./),
    ).toBeInTheDocument();
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    // The version sits under the index, in the first cell after the row's heading.
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual([
      expect.stringContaining('version 2'),
      expect.stringContaining('version 1'),
      expect.stringContaining('version 1'),
    ]);
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
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      expect.stringMatching(/Q2$/),
      expect.stringMatching(/Q1$/),
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

/** Picks a history file in the page's file input. */
async function pick(container: HTMLElement, name: string, text: string): Promise<void> {
  const picker = container.querySelector<HTMLInputElement>('input[type="file"]')!;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(picker, 'files', { value: [file], configurable: true });
  await fireEvent.change(picker);
}

const historyText = (entries: unknown[]) =>
  JSON.stringify({ format: 'ccn-history', version: 1, entries });

const savedAt = (year: number, day: number) => new Date(Date.UTC(year, 0, day, 9)).toISOString();

describe('HistoryView under attack (issue 11)', () => {
  const entryOf = (label: string, answer: 0 | 1 | 2 | 3 | 4 | 5, when: string, overall = 50) => ({
    fragment: fragment(label, answer),
    savedAt: when,
    label,
    overall,
  });

  it('imports a file listing a result twice once, and the page keeps working (finding 1)', async () => {
    serveBank();
    const { container } = render(HistoryView);
    await screen.findByText('No results yet.');
    const twice = entryOf('Twice', 4, savedAt(2026, 1));
    await pick(
      container,
      'twice.json',
      historyText([twice, twice, { ...twice, fragment: `#${twice.fragment}` }]),
    );
    await waitFor(() => {
      expect(screen.getByRole('status')).toHaveTextContent(
        'Imported 1 new result from twice.json. 2 appeared twice in the file and were added once.',
      );
    });
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Delete all' })).toBeEnabled();
  });

  it('keeps five old results when a file of 200 is imported (finding 2)', async () => {
    serveBank();
    importEntries(
      Array.from({ length: 5 }, (_, i) => entryOf(`2020 #${i}`, 3, savedAt(2020, i + 1))),
    );
    const { container } = render(HistoryView);
    await screen.findByRole('table');
    const file = Array.from({ length: 200 }, (_, i) =>
      entryOf(`New ${i}`, 4, savedAt(2026, i + 1)),
    );
    await pick(container, 'big.json', historyText(file));
    await waitFor(() => {
      expect(screen.getByRole('status')).toHaveTextContent(
        'Imported 200 new results from big.json.',
      );
    });
    expect(history.get()).toHaveLength(205);
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(206);
  });

  it('says an import is kept for this page only when storage is blocked (finding 4)', async () => {
    serveBank();
    const { container } = render(HistoryView);
    await screen.findByText('No results yet.');
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    await pick(container, 'mine.json', historyText([entryOf('Mine', 4, savedAt(2026, 1))]));
    await waitFor(() => {
      expect(screen.getByRole('status')).toHaveTextContent(
        'This browser blocks storage, so they are kept only until you close this page.',
      );
    });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'This browser blocks storage for this site',
    );
  });

  it('refuses an import when storage is full and says what to do (finding 3)', async () => {
    serveBank();
    const { container } = render(HistoryView);
    await screen.findByText('No results yet.');
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await pick(container, 'mine.json', historyText([entryOf('Mine', 4, savedAt(2026, 1))]));
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent).join(' ')).toContain(
      "mine.json: This browser's storage is full, so nothing was imported.",
    );
    expect(screen.getByText('No results yet.')).toBeInTheDocument();
  });

  it('warns when the stored history is not JSON instead of saying "No results yet" (finding 4)', async () => {
    localStorage.setItem('ccn:history', '[{"fragment": "r1.AQAB');
    // As another tab would: the store follows the key.
    window.dispatchEvent(new StorageEvent('storage', { key: 'ccn:history' }));
    render(HistoryView);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The saved history could not be read: the data this browser holds for it is damaged.',
    );
  });

  it('shows the index worked out from the link, not the stored one (finding 7)', async () => {
    serveBank();
    const real = scoreResponse(bank, answerAll(bank, 2)).overall;
    expect(real).not.toBe(100);
    importEntries([
      entryOf('Lies', 2, savedAt(2026, 1), 100),
      entryOf('Other', 4, savedAt(2026, 2), 0),
    ]);
    render(HistoryView);
    const table = await screen.findByRole('table');
    await waitFor(() => {
      expect(within(table).getAllByRole('row')[2]).toHaveTextContent(`Lies${real}`);
    });
    expect(table).not.toHaveTextContent('100');
  });

  it('says an index is not available when the bank version cannot be had', async () => {
    serveBank(404);
    importEntries([
      { fragment: fragment('Gone', 2, 3), savedAt: savedAt(2026, 1), label: 'Gone', overall: 100 },
    ]);
    render(HistoryView);
    await waitFor(() => {
      expect(screen.getByRole('table')).toHaveTextContent('Not available');
    });
    expect(screen.getByText(/Some indexes are not available/)).toBeInTheDocument();
  });

  it('keeps focus in the list after Delete, then on the empty state (finding 11)', async () => {
    serveBank();
    importEntries([
      entryOf('A', 2, savedAt(2026, 1)),
      entryOf('B', 3, savedAt(2026, 2)),
      entryOf('C', 4, savedAt(2026, 3)),
    ]);
    render(HistoryView);
    const table = await screen.findByRole('table');
    const deleteOf = (row: number) =>
      within(within(table).getAllByRole('row')[row]!).getByRole('button', { name: /^Delete/ });
    await fireEvent.click(deleteOf(1));
    await waitFor(() => {
      expect(document.activeElement).toBe(deleteOf(1));
    });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('B');
    await fireEvent.click(deleteOf(2));
    await waitFor(() => {
      expect(document.activeElement).toBe(deleteOf(1));
    });
    await fireEvent.click(deleteOf(1));
    await waitFor(() => {
      expect(document.activeElement).toHaveTextContent('No results yet.');
    });
    expect(document.activeElement).not.toBe(document.body);
  });
});

describe('CompareView with the history (findings 1, 7, 8)', () => {
  it('reads each saved result with the index from its link and the label isolated', async () => {
    serveBank();
    const real = scoreResponse(bank, answerAll(bank, 2)).overall;
    importEntries([
      {
        fragment: fragment('\u202E001 xedni · Acme', 2),
        savedAt: savedAt(2026, 1),
        label: '\u202E001 xedni · Acme',
        overall: 100,
      },
      { fragment: fragment('Later', 4), savedAt: savedAt(2026, 2), label: 'Later', overall: 63 },
    ]);
    render(CompareView);
    const box = await screen.findByRole('checkbox', { name: /001 xedni/ });
    await waitFor(() => {
      expect(box).toHaveAccessibleName(`1 Jan 2026 · 001 xedni · Acme · index ${real}`);
    });
    expect(box.parentElement?.querySelector('bdi')?.textContent).toBe('001 xedni · Acme');
    await fireEvent.click(box);
    await fireEvent.click(screen.getByRole('checkbox', { name: /Later/ }));
    await fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    expect(await screen.findByRole('heading', { name: 'Side by side' })).toBeInTheDocument();
  });
});
