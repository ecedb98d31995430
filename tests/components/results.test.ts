// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import Results from '../../src/components/navigator/Results.svelte';
import StorageNotice from '../../src/components/navigator/StorageNotice.svelte';
import ScoreBars from '../../src/components/report/ScoreBars.svelte';
import ScoreTable from '../../src/components/report/ScoreTable.svelte';
import StageLadder from '../../src/components/report/StageLadder.svelte';
import { scoreResponse } from '../../src/lib/scoring';
import { answerAll, testBank } from '../fixtures/test-bank';

const bank = testBank();
const pageTitles = { 'page-a': 'Page A', 'page-b': 'Page B' };
const text = (element: HTMLElement) => element.textContent.replace(/\s+/g, ' ').trim();

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
    expect(
      within(priorities).getByText(/leadership commitment is the foundation/),
    ).toBeInTheDocument();
    expect(within(priorities).getAllByText('Do now')).toHaveLength(3);
    expect(within(priorities).getAllByText('Plan in stages')).toHaveLength(3);
    const link = within(priorities).getAllByRole('link', { name: 'Read: Page A' })[0];
    expect(link).toHaveAttribute('href', '/playbook/page-a/');
    expect(screen.getByRole('region', { name: 'Strengths to build on' })).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'The playbook path for the executive role' }),
    ).toHaveAttribute('href', '/playbook/roles/executive/');
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
