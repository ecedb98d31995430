// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import TeamView from '../../src/components/team/TeamView.svelte';
import type { Bank } from '../../src/lib/bank';
import type { AnswerValue } from '../../src/lib/scoring';
import { encodeResult } from '../../src/lib/share-link';
import { sharedFromResponse } from '../../src/lib/share-response';
import { getBank } from '../../src/stores/bank';
import { clearTeam, readLinks, teamData, teamStatus } from '../../src/stores/team';
import { chooseThreshold, teamFigures } from '../../src/stores/team-view';
import { answerAll, testBank } from '../fixtures/test-bank';

// A bank the link format knows (share links carry a bank code, and "test-bank" has none).
const bank: Bank = { ...testBank(), id: 'culture-navigator', version: 1 };
const latest = { id: bank.id, version: bank.version };

vi.mock('../../src/stores/bank', () => ({
  getBank: vi.fn(() => Promise.resolve(bank)),
}));

function link(role: string, answer: AnswerValue, label = ''): string {
  return `https://example.org/result/#${encodeResult(sharedFromResponse(bank, role, answerAll(bank, answer), label))}`;
}

/** Distinct links: each person gets a slightly different answer to the last statement. */
function people(role: string, answer: AnswerValue, n: number, label = ''): string[] {
  return Array.from({ length: n }, (_, i) => {
    const answers = { ...answerAll(bank, answer), 'cheer-1': ((i % 5) + 1) as AnswerValue };
    const fragment = encodeResult(
      sharedFromResponse(bank, role, answers, `${label}${' '.repeat(i % 3)}`),
    );
    return `Hi, mine is <https://example.org/result/#${fragment}>. Thanks!`;
  });
}

async function paste(text: string): Promise<void> {
  await fireEvent.input(screen.getByRole('textbox', { name: 'Result links' }), {
    target: { value: text },
  });
  await fireEvent.click(screen.getByRole('button', { name: 'Analyse links' }));
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  clearTeam();
  chooseThreshold(5);
});

afterEach(() => {
  vi.mocked(getBank).mockImplementation(() => Promise.resolve(bank));
});

describe('TeamView', () => {
  it('pools links found in whole e-mails, with the role counts and the heatmap', async () => {
    render(TeamView, { latest });
    expect(screen.getByText(/No results yet/)).toBeInTheDocument();
    const mail = [
      ...people('executive', 5, 6, 'Acme Support'),
      'Sent from my iPhone',
      ...people('frontline', 2, 6, 'acme support'),
      `> quoted: ${link('manager', 3, 'Sales')}`,
    ].join('\n');
    await paste(mail);
    await screen.findByRole('heading', { name: 'Everyone: 13 respondents' }, { timeout: 10_000 });
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('13 results read.');
    expect(
      screen.getByText(/By role: Executive 6, Manager 1, Front-line employee 6/),
    ).toBeVisible();
    const heatmap = screen.getByRole('region', { name: 'Scores by role, table' });
    const headers = within(heatmap)
      .getAllByRole('columnheader')
      .map((c) => c.textContent.replace(/\s+/g, ' ').trim());
    expect(headers).toEqual([
      'Dimension',
      'Everyone 13 people',
      'Executive 6 people',
      'Manager 1 person',
      'Front-line employee 6 people',
    ]);
    // The lone manager shows no figure, and neither does a second group that would give it away.
    const masked = within(heatmap).getAllByText(/hidden, fewer than 5/);
    expect(masked.length).toBe(bank.dimensions.length * 2);
    // Spelling and spacing do not split a label: "Acme Support" is one team of 12. The one
    // Sales respondent is hidden, and so is Acme Support: Everyone minus Acme would be them.
    const select = screen.getByRole('combobox', { name: 'Team label' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent.trim()),
    ).toEqual(['Everyone (13)', 'Acme Support (12, hidden)', 'Sales (1, hidden)']);
  });

  it('shows nothing for a label held by fewer than the threshold, and warns below 5', async () => {
    render(TeamView, { latest });
    await paste(
      [...people('executive', 4, 6, 'North'), ...people('frontline', 2, 3, 'South')].join('\n'),
    );
    await screen.findByRole('heading', { name: 'Everyone: 9 respondents' }, { timeout: 10_000 });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Team label' }), {
      target: { value: 'south' },
    });
    await screen.findByRole('heading', { name: 'South: 3 respondents' }, { timeout: 10_000 });
    expect(screen.getByText(/This group is hidden/)).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Scores by role, table' })).toBeNull();
    expect(screen.queryByText(/Warning:/)).toBeNull();
    await fireEvent.change(screen.getByRole('combobox', { name: 'Smallest group shown' }), {
      target: { value: '3' },
    });
    await waitFor(() => {
      expect(screen.getByText(/Warning:/)).toBeVisible();
    });
  });

  it('summarises thousands of unreadable links in a short status; the list is on demand', async () => {
    render(TeamView, { latest });
    const bad = Array.from(
      { length: 2501 },
      (_, i) => `https://example.org/result/#r1.${'A'.repeat(20 + (i % 7))}`,
    );
    await paste([...people('manager', 3, 5), ...bad].join('\n'));
    await screen.findByRole(
      'heading',
      { name: '2,501 links could not be read' },
      { timeout: 10_000 },
    );
    // The live region says how many, not what each one is.
    expect(screen.getAllByRole('status')[0]!.textContent.trim()).toBe(
      '5 results read; 2,501 links could not be read.',
    );
    const list = screen.getByRole('heading', {
      name: '2,501 links could not be read',
    }).parentElement!;
    expect(list.closest('[aria-live], [role="status"], [role="alert"]')).toBeNull();
    // Five up front; the others only when asked for.
    expect(within(list).getAllByRole('listitem')).toHaveLength(5);
    expect(within(list).getByText('Show the other 2,496')).toBeInTheDocument();
  });

  it('clears the previous figures when a file is refused (no stale table on screen)', async () => {
    const { container } = render(TeamView, { latest });
    await paste(people('manager', 4, 6).join('\n'));
    await screen.findByRole('heading', { name: 'Everyone: 6 respondents' }, { timeout: 10_000 });
    const picker = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    const file = new File(['name,score\nAnn,3\n'], 'scores.csv', { type: 'text/csv' });
    Object.defineProperty(picker, 'files', { value: [file], configurable: true });
    await fireEvent.change(picker);
    await waitFor(() => {
      expect(screen.getByRole('alert')).toHaveTextContent(
        /^No result links were found in scores\.csv\./,
      );
    });
    expect(screen.queryByRole('heading', { name: /respondents/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Scores by role, table' })).toBeNull();
  });

  it('refuses a binary file with a message naming it', async () => {
    const { container } = render(TeamView, { latest });
    const picker = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    await waitFor(() => {
      expect(picker).toBeEnabled();
    });
    const file = new File([new Uint8Array([80, 75, 3, 4, 0, 0, 1])], 'team.xlsx');
    Object.defineProperty(picker, 'files', { value: [file], configurable: true });
    await fireEvent.change(picker);
    await waitFor(() => {
      expect(screen.getByRole('alert')).toHaveTextContent(/^team\.xlsx: this is not a text file/);
    });
  });

  it('reads a dropped file of links', async () => {
    render(TeamView, { latest });
    const zone = screen.getByRole('group', { name: 'Paste or drop links' });
    const file = new File([people('frontline', 3, 5).join('\n')], 'links.txt', {
      type: 'text/plain',
    });
    await fireEvent.drop(zone, { dataTransfer: { files: [file], types: ['Files'] } });
    await screen.findByRole('heading', { name: 'Everyone: 5 respondents' }, { timeout: 10_000 });
  });
});

describe('team store', () => {
  it('ignores a read that a newer one superseded', async () => {
    let release: (value: Bank) => void = () => {};
    vi.mocked(getBank).mockImplementationOnce(
      () => new Promise<Bank>((resolve) => (release = resolve)),
    );
    const slow = readLinks(people('executive', 5, 6).join('\n'), 'the first paste', latest);
    await vi.waitFor(() => {
      expect(getBank).toHaveBeenCalled();
    });
    await readLinks(people('frontline', 2, 7).join('\n'), 'the second paste', latest);
    expect(teamData.get()?.collection.respondents).toHaveLength(7);
    release(bank);
    await slow;
    expect(teamData.get()?.source).toBe('the second paste');
    expect(teamData.get()?.collection.respondents).toHaveLength(7);
    expect(teamStatus.get()).toEqual({ status: 'ready', message: '7 results read.' });
  });

  it('says why when the questionnaire cannot be loaded, and keeps no data', async () => {
    vi.mocked(getBank).mockImplementationOnce(() => Promise.reject(new Error('Offline.')));
    await readLinks(people('executive', 5, 5).join('\n'), 'the paste', latest);
    expect(teamStatus.get()).toEqual({ status: 'error', message: 'Offline.' });
    expect(teamData.get()).toBeNull();
    expect(teamFigures.get()).toBeNull();
  });

  it('keeps the threshold in this browser and refuses values out of range', () => {
    chooseThreshold(7);
    expect(JSON.parse(localStorage.getItem('ccn:team:settings') ?? 'null')).toEqual({
      threshold: 7,
    });
    chooseThreshold(2);
    chooseThreshold(11);
    expect(JSON.parse(localStorage.getItem('ccn:team:settings') ?? 'null')).toEqual({
      threshold: 7,
    });
  });
});
