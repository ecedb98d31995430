// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ShareLink from '../../src/components/results/ShareLink.svelte';
import TeamView from '../../src/components/team/TeamView.svelte';
import { encodeResult, sharedFromResponse } from '../../src/lib/share-link';
import { answerAll, testBank } from '../fixtures/test-bank';

// A bank the link format knows (share links carry a bank code, and "test-bank" has none).
const bank = { ...testBank(), id: 'culture-navigator', version: 1 };

vi.mock('../../src/stores/bank', () => ({
  getBank: vi.fn(() => Promise.resolve(bank)),
}));

const URL = 'https://example.org/result/#r1.AAAA';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ShareLink', () => {
  it('shows the whole link in a read-only field and confirms a copy', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(ShareLink, { url: URL });
    const field = screen.getByRole('textbox', { name: 'Share link' });
    expect(field).toHaveValue(URL);
    expect(field).toHaveAttribute('readonly');
    await fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(URL);
    await waitFor(() => {
      expect(screen.getByRole('status')).toHaveTextContent('Link copied.');
    });
  });

  it('selects the link and says how to copy it when the browser refuses', async () => {
    const writeText = vi.fn(() => Promise.reject(new Error('denied')));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(ShareLink, { url: URL });
    await fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await waitFor(() => {
      expect(screen.getByRole('status')).toHaveTextContent('The link is selected');
    });
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Share link' });
    expect(field.selectionEnd! - field.selectionStart!).toBe(URL.length);
  });

  it('explains why there is no link, and offers no field or button', () => {
    render(ShareLink, { url: null, reason: 'A share link needs your role.' });
    expect(screen.getByText('A share link needs your role.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
});

function link(role: string, answer: 0 | 1 | 2 | 3 | 4 | 5, label = ''): string {
  return `https://example.org/result/#${encodeResult(sharedFromResponse(bank, role, answerAll(bank, answer), label))}`;
}

describe('TeamView', () => {
  it('pools pasted links, reports bad and repeated lines by number, and filters by label', async () => {
    render(TeamView, { latest: { id: bank.id, version: bank.version } });
    expect(screen.getByText(/No results yet/)).toBeInTheDocument();
    const lines = [
      link('executive', 5, 'North'),
      'not a link',
      link('frontline', 1, 'North'),
      '',
      link('executive', 5, 'North'),
      link('manager', 3, 'South'),
    ];
    await fireEvent.input(screen.getByRole('textbox', { name: 'Result links, one per line' }), {
      target: { value: lines.join('\n') },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Analyse links' }));
    await waitFor(() => {
      expect(screen.getByRole('heading', { name: '3 respondent(s)' })).toBeInTheDocument();
    });
    expect(screen.getByRole('status')).toHaveTextContent('3 result(s) added; 2 line(s) skipped.');
    const skipped = within(screen.getByText('2 line(s) skipped').closest('details')!);
    expect(skipped.getByText(/Line 2:/).parentElement).toHaveTextContent(/Line 2:.+link/);
    expect(skipped.getByText(/Line 5:/).parentElement).toHaveTextContent('Duplicate of line 1');
    // Three respondents in three roles: no role group reaches three, so no gap is shown.
    expect(screen.getAllByText('Needs 3+ of each').length).toBe(bank.dimensions.length);

    await fireEvent.change(screen.getByRole('combobox', { name: 'Team label' }), {
      target: { value: 'South' },
    });
    await waitFor(() => {
      expect(screen.getByRole('heading', { name: '1 respondent(s)' })).toBeInTheDocument();
    });
  });

  it('breaks scores down by role only for roles with three or more respondents', async () => {
    render(TeamView, { latest: { id: bank.id, version: bank.version } });
    // Three executives (all "strongly agree"), three front-line employees (all "disagree"),
    // one manager.
    const lines = [
      link('executive', 5, 'A'),
      link('executive', 5, 'B'),
      link('executive', 5, 'C'),
      link('frontline', 2, 'A'),
      link('frontline', 2, 'B'),
      link('frontline', 2, 'C'),
      link('manager', 3, 'A'),
    ];
    await fireEvent.input(screen.getByRole('textbox', { name: 'Result links, one per line' }), {
      target: { value: lines.join('\n') },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Analyse links' }));
    await screen.findByRole('heading', { name: '7 respondent(s)' });
    const byRole = within(
      screen.getByRole('heading', { name: 'By role' }).nextElementSibling as HTMLElement,
    );
    const headers = byRole.getAllByRole('columnheader').map((cell) => cell.textContent.trim());
    expect(headers).toEqual(['Dimension', 'Executive', 'Front-line employee']);
    // The gap table shows executives' mean minus front-line employees' mean.
    const gaps = screen.getAllByText(/^[+−]\d+$/);
    expect(gaps.length).toBe(bank.dimensions.length);
    for (const gap of gaps) expect(gap.textContent.startsWith('+')).toBe(true);
  });

  it('says what is wrong with a file that holds no links, and keeps nothing', async () => {
    const { container } = render(TeamView, { latest: { id: bank.id, version: bank.version } });
    const picker = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    await waitFor(() => {
      expect(picker).toBeEnabled();
    });
    const file = new File(['name,score\nAnn,3\n'], 'scores.csv', { type: 'text/csv' });
    Object.defineProperty(picker, 'files', { value: [file], configurable: true });
    await fireEvent.change(picker);
    await waitFor(() => {
      expect(screen.getByRole('alert')).toHaveTextContent(/^scores\.csv: /);
    });
    expect(screen.queryByRole('heading', { name: /respondent/ })).toBeNull();
  });
});
