// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Results from '../../src/components/navigator/Results.svelte';
import StorageNotice from '../../src/components/navigator/StorageNotice.svelte';
import { answerAll, testBank } from '../fixtures/test-bank';

vi.mock('../../src/components/navigator/radar-chart', () => ({
  drawRadar: vi.fn(() => ({ destroy: vi.fn() })),
}));

const bank = testBank();
const pageTitles = { 'page-a': 'Page A', 'page-b': 'Page B' };

describe('Results', () => {
  it('says the index needs more answers, and lists each dimension without enough', () => {
    render(Results, {
      bank,
      answers: { ...answerAll(bank, 0), 'lead-1': 4, 'lead-2': 4 },
      role: 'manager',
      label: 'Support team',
      pageTitles,
    });
    expect(screen.getByRole('note')).toHaveTextContent('Overall index: not enough answers.');
    expect(screen.getByText(/Role:/)).toHaveTextContent(
      'Role: Manager · Organisation or team: Support team',
    );
    const notes = screen.getByRole('heading', { name: 'Coverage notes' }).nextElementSibling;
    expect(notes).not.toBeNull();
    const items = within(notes as HTMLElement).getAllByRole('listitem');
    expect(items.map((item) => item.textContent.replace(/\s+/g, ' ').trim())).toEqual([
      'listen name: not enough answers to score (0 of 5 statements answered on the scale, 5 "don\'t know"). At least half are needed.',
      'train name: not enough answers to score (0 of 4 statements answered on the scale, 4 "don\'t know"). At least half are needed.',
      'cheer name: not enough answers to score (0 of 4 statements answered on the scale, 4 "don\'t know"). At least half are needed.',
    ]);
    expect(screen.getByRole('table')).toHaveTextContent('listen nameNot enough answers');
  });

  it('shows the stage, two strengths and three priorities with both kinds of action', () => {
    const answers = { ...answerAll(bank, 4) };
    answers['lead-1'] = 1;
    answers['lead-2'] = 1;
    render(Results, { bank, answers, role: null, label: '', pageTitles });
    expect(screen.getByText(/Stage \d of 5/)).toBeInTheDocument();
    expect(screen.getByText(/Role:/)).toHaveTextContent('Role: Not given');
    const priorities = screen.getByRole('heading', { name: 'Your priorities' })
      .nextElementSibling as HTMLElement;
    const items = within(priorities).getAllByRole('heading', { level: 4 });
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('lead name');
    expect(
      within(priorities).getByText(/leadership commitment is the foundation/),
    ).toBeInTheDocument();
    expect(within(priorities).getAllByText('Do now')).toHaveLength(3);
    expect(within(priorities).getAllByText('Plan in stages')).toHaveLength(3);
    const link = within(priorities).getAllByRole('link', { name: 'Read: Page A' })[0];
    expect(link).toHaveAttribute('href', '/playbook/page-a/');
    expect(screen.getByRole('heading', { name: 'Strengths to celebrate' })).toBeInTheDocument();
  });
});

describe('Results, when the history cannot keep the result (finding 3)', () => {
  // A bank the link format knows: only results with a share link are kept in the history.
  const linkable = { ...bank, id: 'culture-navigator', version: 1 };

  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
  });

  it('says so on the results screen, with what to do, when storage is full', async () => {
    localStorage.clear();
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    render(Results, {
      bank: linkable,
      answers: answerAll(bank, 4),
      role: 'manager',
      label: '',
      pageTitles,
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      /could not be added to your history: this browser's storage is full/,
    );
    expect(alert).toHaveTextContent(/copy the share link or download it below/);
    expect(within(alert).getByRole('link', { name: 'your history' })).toHaveAttribute(
      'href',
      '/history/',
    );
    expect(localStorage.getItem('ccn:history')).toBeNull();
  });

  it('says nothing when the result was kept', async () => {
    localStorage.clear();
    render(Results, {
      bank: linkable,
      answers: answerAll(bank, 4),
      role: 'manager',
      label: '',
      pageTitles,
    });
    await waitFor(() => {
      expect(JSON.parse(localStorage.getItem('ccn:history') ?? '[]')).toHaveLength(1);
    });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('StorageNotice', () => {
  it('warns that answers are not saved when storage is unavailable', () => {
    render(StorageNotice, { status: 'unavailable' });
    expect(screen.getByRole('alert')).toHaveTextContent('Your answers are not being saved.');
  });

  it('says nothing while answers are being saved', () => {
    render(StorageNotice, { status: 'saved' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
