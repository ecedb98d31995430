// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Results from '../../src/components/navigator/Results.svelte';
import StorageNotice from '../../src/components/navigator/StorageNotice.svelte';
import ScoreBars from '../../src/components/report/ScoreBars.svelte';
import ScoreTable from '../../src/components/report/ScoreTable.svelte';
import StageLadder from '../../src/components/report/StageLadder.svelte';
import { scoreResponse } from '../../src/lib/scoring';
import { encodeResult } from '../../src/lib/share-link';
import { sharedFromResponse } from '../../src/lib/share-response';
import { historySaveStatus, recordResult } from '../../src/stores/history';
import { answerAll, testBank, testBankV2 } from '../fixtures/test-bank';

const bank = testBank();
const pageTitles = { 'page-a': 'Page A', 'page-b': 'Page B' };
const text = (element: HTMLElement) => element.textContent.replace(/\s+/g, ' ').trim();

describe('Results', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('says the index needs more answers, and lists each dimension without enough', () => {
    render(Results, {
      bank,
      answers: { ...answerAll(bank, 0), 'lead-1': 4, 'lead-2': 4 },
      role: 'manager',
      label: 'Support team',
      pageTitles,
    });
    expect(screen.getByRole('note')).toHaveTextContent('Overall index: not enough answers.');
    expect(
      screen.getByRole('heading', { level: 2, name: 'Customer culture report: Support team' }),
    ).toBeInTheDocument();
    const facts = screen.getByRole('region', { name: /^Customer culture report/ });
    expect(within(facts).getByText('Role').nextElementSibling).toHaveTextContent('Manager');
    const notes = screen.getByRole('region', { name: 'Coverage notes' });
    expect(within(notes).getAllByRole('listitem').map(text)).toEqual([
      'listen name: not enough answers to score (0 of 5 statements answered on the scale, 5 "don\'t know"). At least half are needed.',
      'train name: not enough answers to score (0 of 4 statements answered on the scale, 4 "don\'t know"). At least half are needed.',
      'cheer name: not enough answers to score (0 of 4 statements answered on the scale, 4 "don\'t know"). At least half are needed.',
    ]);
    expect(screen.getByRole('table')).toHaveTextContent('listen nameNot enough answers');
  });

  it('leads with the index and stage, then priorities with reasons, strengths and next steps', () => {
    const answers = { ...answerAll(bank, 4) };
    answers['lead-1'] = 1;
    answers['lead-2'] = 1;
    render(Results, { bank, answers, role: 'executive', label: '', pageTitles });
    const summary = screen.getByRole('region', { name: 'Customer culture report' });
    expect(within(summary).getByText(/^Stage \d of 5$/)).toBeInTheDocument();
    expect(within(summary).getByText('Role').nextElementSibling).toHaveTextContent('Executive');
    expect(within(summary).getByText('Date')).toBeInTheDocument();

    const priorities = screen.getByRole('region', { name: 'Priorities' });
    const items = within(priorities).getAllByRole('heading', { level: 4 });
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('lead name');
    expect(within(priorities).getByText(/^Listed first because it scores below 50/)).toBeVisible();
    expect(within(priorities).getAllByText('Do now')).toHaveLength(3);
    expect(within(priorities).getAllByText('Plan in stages')).toHaveLength(3);
    const link = within(priorities).getAllByRole('link', { name: 'Read: Page A' })[0];
    expect(link).toHaveAttribute('href', '/playbook/page-a/');
    expect(screen.getByRole('region', { name: 'Strengths to build on' })).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'The playbook path for the executive role' }),
    ).toHaveAttribute('href', '/playbook/roles/executive/');
  });

  it('links an action to the working tool for its playbook page, under the base path', () => {
    vi.stubEnv('BASE_URL', '/ccn/');
    const withTools = {
      ...bank,
      actions: bank.actions.map((a) =>
        a.playbook === 'page-a' ? { ...a, playbook: 'set-goals' } : a,
      ),
    };
    const answers = { ...answerAll(withTools, 4), 'lead-1': 1, 'lead-2': 1 } as const;
    render(Results, { bank: withTools, answers, role: 'manager', label: '', pageTitles });
    const priorities = screen.getByRole('region', { name: 'Priorities' });
    const read = within(priorities).getAllByRole('link', { name: 'Read: set-goals' })[0];
    expect(read).toHaveAttribute('href', '/ccn/playbook/set-goals/');
    const item = read?.closest('li');
    if (!item) throw new Error('the action is not a list item');
    expect(
      within(item).getByRole('link', { name: 'Use: Customer Loyalty Index calculator' }),
    ).toHaveAttribute('href', '/ccn/tools/loyalty/');
    // An action whose page has no tool offers only its reading.
    const plain = within(priorities)
      .getAllByRole('link', { name: 'Read: Page B' })[0]
      ?.closest('li');
    if (!plain) throw new Error('no action reads page B');
    expect(within(plain).getAllByRole('link')).toHaveLength(1);
    expect(within(plain).queryByRole('link', { name: /^Use:/ })).toBeNull();
    // The tool link is for the screen only: the printed report stays as long as before.
    expect(within(item).getByRole('link', { name: /^Use:/ }).closest('.no-print')).not.toBeNull();
  });

  it('offers one primary action, printing, above sharing and the downloads', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    render(Results, { bank, answers: answerAll(bank, 3), role: 'other', label: '', pageTitles });
    const actions = screen.getByRole('region', { name: 'Keep and share this report' });
    const buttons = within(actions).getAllByRole('button');
    expect(buttons[0]).toHaveAccessibleName('Print or save as PDF');
    expect(buttons.filter((b) => b.classList.contains('primary'))).toHaveLength(1);
    await fireEvent.click(buttons[0]!);
    expect(print).toHaveBeenCalledOnce();
    expect(screen.getByRole('link', { name: 'The playbook roadmap' })).toHaveAttribute(
      'href',
      '/playbook/roadmap/',
    );
  });
});

describe('Results with scoring rules 2', () => {
  const v2 = testBankV2();

  it('asks to check the answers, with no stage, when a response check fires', () => {
    render(Results, {
      bank: v2,
      answers: answerAll(v2, 4),
      role: 'manager',
      label: '',
      pageTitles,
    });
    const note = screen.getByRole('note', { name: 'Check your answers' });
    expect(note).toHaveTextContent(/You agreed with/);
    expect(within(note).getByRole('link', { name: 'Review your answers' })).toHaveAttribute(
      'href',
      '#lead',
    );
    expect(screen.queryByText(/^Stage \d of 5$/)).toBeNull();
    expect(screen.queryByText('You are here')).toBeNull();
    expect(screen.getByText(/^likely between \d+ and \d+$/)).toBeInTheDocument();
  });

  it('shows equal ranks, the statements behind a priority, actions by who takes them and blind spots', () => {
    // Mixed answers, so no response check fires; "cheer" left mostly unknown.
    const answers: Record<string, 0 | 1 | 2 | 3 | 4 | 5> = {};
    v2.dimensions.forEach((d, i) => {
      d.statements.forEach((st, j) => {
        const agree = ((i + j) % 3) + 2; // 2, 3, 4 in turn
        answers[st.id] = (st.reverse ? 6 - agree : agree) as 2 | 3 | 4;
      });
    });
    answers['cheer-1'] = 0;
    answers['cheer-2'] = 0;
    render(Results, { bank: v2, answers, role: 'manager', label: '', pageTitles });
    expect(screen.queryByRole('note', { name: 'Check your answers' })).toBeNull();
    const priorities = screen.getByRole('region', { name: 'Priorities' });
    expect(
      within(priorities).getByText(/^Priorities with the same number are equally urgent/),
    ).toBeVisible();
    expect(within(priorities).getAllByText(', equally urgent').length).toBeGreaterThan(1);
    expect(
      within(priorities).getAllByText('The statements that pulled it down').length,
    ).toBeGreaterThan(0);
    expect(
      within(priorities).getAllByText(/^Propose to executives:|^Ask executives:/).length,
    ).toBeGreaterThan(0);
    // A manager's own actions: for anyone and for managers; not the front-line one.
    expect(within(priorities).getAllByText(/anyone now/).length).toBeGreaterThan(0);
    const frontline = within(priorities)
      .getAllByRole('listitem')
      .filter(
        (li) => li.textContent.includes('frontline staged') && li.querySelector('li') === null,
      );
    expect(frontline.length).toBeGreaterThan(0);
    for (const li of frontline) {
      expect(text(li)).toMatch(
        /^Propose to front-line employees: (lead|listen|train|cheer) frontline staged/,
      );
    }
    const blind = screen.getByRole('region', { name: 'Blind spots' });
    expect(blind).toHaveTextContent('You answered "don\'t know" to 2 statements.');
    expect(within(blind).getAllByRole('listitem').map(text)).toEqual([
      'cheer name: “cheer statement 1”',
      'cheer name: “cheer statement 2”',
    ]);
  });

  it('says so when no dimension has earned a strength', () => {
    const answers: Record<string, 0 | 1 | 2 | 3 | 4 | 5> = {};
    v2.dimensions.forEach((d, i) => {
      d.statements.forEach((st, j) => {
        answers[st.id] = (((i + j) % 2) + 2) as 2 | 3;
      });
    });
    render(Results, { bank: v2, answers, role: 'frontline', label: '', pageTitles });
    expect(screen.getByRole('region', { name: 'Strengths to build on' })).toHaveTextContent(
      /^Strengths to build on None yet: no dimension outside the priorities scores 60 or more/,
    );
  });
});

describe('StageLadder', () => {
  it('marks the current stage in words and says how far each stage reaches', () => {
    render(StageLadder, { stages: bank.stages, overall: 47 });
    const steps = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(steps.map(text)).toEqual([
      'One 0–19',
      'Two 20–39',
      'Three 40–59 You are here',
      'Four 60–79',
      'Five 80–100',
    ]);
    expect(steps[2]).toHaveAttribute('aria-current', 'step');
    expect(steps.filter((s) => s.hasAttribute('aria-current'))).toHaveLength(1);
  });
});

describe('ScoreBars and ScoreTable', () => {
  const result = scoreResponse(bank, {
    ...answerAll(bank, 4),
    'lead-1': 1,
    'cheer-1': 0,
    'cheer-2': 0,
    'cheer-3': 0,
  });

  it('draws a bar per dimension with its number, colour-coded by stage, described in words', () => {
    const { container } = render(ScoreBars, { stages: bank.stages, dimensions: result.dimensions });
    const chart = screen.getByRole('img');
    expect(chart).toHaveAccessibleName(
      `Bar chart of the score out of 100 for each dimension: lead name ${result.dimensions[0]?.score}, listen name 65, train name 63, cheer name not enough answers. The same figures are in the table below.`,
    );
    const fills = container.querySelectorAll('rect.fill');
    expect(fills).toHaveLength(3);
    expect(fills[1]).toHaveAttribute('width', '65');
    expect(fills[1]).toHaveClass('stage-4');
    expect([...container.querySelectorAll('.value')].map((v) => v.textContent)).toEqual([
      String(result.dimensions[0]?.score),
      '65',
      '63',
      'n/a',
    ]);
  });

  it('puts the same figures in a table without a "Bar" column, keyboard-reachable when it scrolls', () => {
    render(ScoreTable, { stages: bank.stages, dimensions: result.dimensions });
    const table = screen.getByRole('table', { name: /^Scores by dimension/ });
    const headers = within(table).getAllByRole('columnheader').map(text);
    expect(headers).toEqual(['Dimension', 'Score', 'Stage', 'Answered']);
    const cheer = within(table).getByRole('row', { name: /cheer name/ });
    expect(within(cheer).getAllByRole('cell').map(text)).toEqual([
      'Not enough answers',
      '—',
      '1 of 4, 3 "don\'t know"',
    ]);
    expect(screen.getByRole('region', { name: 'Scores by dimension, as a table' })).toHaveAttribute(
      'tabindex',
      '0',
    );
  });

  it('shows a likely range when the scoring gives one', () => {
    const dimensions = result.dimensions.map((d) => ({ ...d, band: { low: 50, high: 70 } }));
    render(ScoreTable, { stages: bank.stages, dimensions });
    expect(screen.getAllByRole('columnheader').map(text)).toContain('Likely range');
    expect(screen.getByRole('row', { name: /listen name/ })).toHaveTextContent('50–70');
    render(ScoreBars, { stages: bank.stages, dimensions });
    expect(document.querySelectorAll('rect.band')).toHaveLength(3);
  });
});

describe('Results, when the history cannot keep the result (finding 3)', () => {
  // A bank the link format knows: only results with a share link are kept in the history.
  const linkable = { ...bank, id: 'culture-navigator', version: 1 };
  const answers = answerAll(bank, 4);
  /** What the finish action does before the results show: keep the run in the history. */
  const finishRun = () =>
    recordResult({
      fragment: encodeResult(sharedFromResponse(linkable, 'manager', answers, '')),
      savedAt: new Date().toISOString(),
      label: '',
      overall: 63,
    });

  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
    historySaveStatus.set('idle');
  });

  it('says so on the results screen, with what to do, when storage is full', async () => {
    localStorage.clear();
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    finishRun();
    render(Results, { bank: linkable, answers, role: 'manager', label: '', pageTitles });
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

  it('says nothing when the result was kept, and records nothing itself', async () => {
    localStorage.clear();
    finishRun();
    expect(JSON.parse(localStorage.getItem('ccn:history') ?? '[]')).toHaveLength(1);
    const write = vi.spyOn(Storage.prototype, 'setItem');
    render(Results, { bank: linkable, answers, role: 'manager', label: '', pageTitles });
    await screen.findByRole('heading', { name: 'Customer culture report' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // The finish action is the only place that records a run; the screen only shows it.
    expect(write.mock.calls.filter(([key]) => key === 'ccn:history')).toEqual([]);
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
