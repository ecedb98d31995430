// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bank } from '../../src/lib/bank';
import { testBank, testBankV2 } from '../fixtures/test-bank';
import {
  freshPage,
  mountNavigator,
  renderNavigator,
  save,
  serve,
  SESSION_KEY,
  stored,
  unmountNavigator,
} from './navigator-harness';

vi.mock('../../src/components/navigator/radar-chart', () => ({
  drawRadar: vi.fn(() => ({ destroy: vi.fn() })),
}));

const HISTORY = 'ccn:history';
/** The progress line: the page's first status region (the results add their own below it). */
function progress(): string {
  return screen.getAllByRole('status')[0]?.textContent ?? '';
}

/** The statements on screen: one fieldset each, named by its number and text. */
function statements(): HTMLElement[] {
  return screen.getAllByRole('group', { name: /^\d+\. / });
}

/** The test bank under the real bank id, so that its results make share links and history. */
function linkableBank(): Bank {
  return { ...testBank(), id: 'culture-navigator' };
}

async function next(name = 'Next') {
  await fireEvent.click(screen.getByRole('button', { name }));
}

function answerScreen(value: string) {
  for (const group of statements()) {
    void fireEvent.click(within(group).getByRole('radio', { name: value }));
  }
}

function history(): { run?: string; fragment: string }[] {
  return JSON.parse(localStorage.getItem(HISTORY) ?? '[]') as { run?: string; fragment: string }[];
}

/** A rules-2 bank in which the "train" section is for executives only. */
function bankWithHiddenSection(): Bank {
  const bank = testBankV2();
  for (const statement of bank.dimensions[2]?.statements ?? []) statement.judges = ['executive'];
  return bank;
}

beforeEach(freshPage);

afterEach(() => {
  unmountNavigator();
  vi.unstubAllGlobals();
});

describe('Navigator island', () => {
  it('asks for the role first and will not go on without it', async () => {
    serve(testBank());
    await renderNavigator();
    expect(progress()).toBe('About you, before section 1 of 4');
    expect(location.hash).toBe('#about-you');
    expect(screen.getByRole('group', { name: 'Your role' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Organisation or team/ })).toHaveAttribute(
      'maxlength',
      '60',
    );
    expect(screen.queryByRole('button', { name: 'Back' })).not.toBeInTheDocument();
    await next();
    expect(screen.getByRole('alert')).toHaveTextContent('Choose your role to continue.');
    expect(progress()).toMatch(/^About you/);
  });

  it('shows one section per screen: a fieldset per statement, the scale, then the two other answers', async () => {
    serve(testBankV2());
    await renderNavigator(testBankV2());
    await fireEvent.click(screen.getByRole('radio', { name: 'Manager' }));
    await next();
    expect(progress()).toBe('Section 1 of 4, 3 not seen yet');
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('lead name');
    const groups = statements();
    expect(groups).toHaveLength(5);
    expect(groups[0]).toHaveAccessibleName('1. lead statement 1');
    const names = within(groups[0]!)
      .getAllByRole('radio')
      .map((radio) => radio.closest('label')?.textContent.trim());
    expect(names).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', "Don't know", 'Not applicable']);
    // The instructions start open on the first section the respondent sees.
    const instructions = screen.getByText('How to answer').closest('details');
    expect(instructions).toHaveAttribute('open');
    expect(instructions).toHaveTextContent('Think of the past twelve months.');
    expect(screen.getByRole('button', { name: 'Back' })).toBeInTheDocument();
  });

  it('shows a respondent only the statements their role can judge, and skips empty sections', async () => {
    const bank = bankWithHiddenSection();
    serve(bank);
    await renderNavigator(bank);
    await fireEvent.click(screen.getByRole('radio', { name: 'Front-line employee' }));
    await next();
    // "lead-3" is for executives and managers only.
    expect(statements()).toHaveLength(4);
    expect(screen.queryByText(/lead statement 3/)).not.toBeInTheDocument();
    expect(progress()).toBe('Section 1 of 3, 2 not seen yet');
    await next();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('listen name');
    await next();
    // "train" has no statement for this role: never shown, never counted.
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('cheer name');
    expect(progress()).toBe('Section 3 of 3');
    expect(screen.getByRole('button', { name: 'See my results' })).toBeInTheDocument();
  });

  it('saves every answer immediately and resumes on the same screen', async () => {
    serve(testBank());
    await renderNavigator();
    await fireEvent.click(screen.getByRole('radio', { name: 'Manager' }));
    await next();
    await fireEvent.click(screen.getAllByRole('radio', { name: 'L4' })[1]!);
    expect(stored()).toMatchObject({ answers: { 'lead-2': 4 }, screen: 1, seen: [1] });
    expect(location.hash).toBe('#lead');

    await renderNavigator();
    expect(progress()).toBe('Section 1 of 4, 3 not seen yet');
    expect(screen.getAllByRole('radio', { name: 'L4' })[1]).toBeChecked();
    expect(screen.getByText(/1 of 4 answered/)).toBeInTheDocument();
  });

  it('keeps the address on the current section and follows Back and Forward', async () => {
    serve(testBank());
    await renderNavigator();
    await fireEvent.click(screen.getByRole('radio', { name: 'Other' }));
    await next();
    await next();
    expect(location.hash).toBe('#listen');
    expect(progress()).toBe('Section 2 of 4, 2 not seen yet');
    // The in-page Back button.
    await fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(progress()).toMatch(/^Section 1 of 4/);
    expect(location.hash).toBe('#lead');
    // The browser's Back and Forward arrive as hashchange with the address already changed.
    window.history.replaceState(null, '', '#about-you');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => {
      expect(progress()).toMatch(/^About you/);
    });
    window.history.replaceState(null, '', '#listen');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => {
      expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('listen name');
    });
  });

  it('opens a linked section after "About you", and still visits every section before the results', async () => {
    window.history.replaceState(null, '', '/navigator/#train');
    serve(testBank());
    await renderNavigator();
    // The link waits for the role; the address keeps naming the section until then.
    expect(progress()).toMatch(/^About you/);
    expect(location.hash).toBe('#train');
    await fireEvent.click(screen.getByRole('radio', { name: 'Executive' }));
    await next();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('train name');
    expect(progress()).toBe('Section 3 of 4, 3 not seen yet');
    const order: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      expect(screen.getByRole('button', { name: 'Next' })).toBeInTheDocument();
      await next();
      order.push(screen.getByRole('heading', { level: 2 }).textContent);
    }
    expect(order).toEqual(['cheer name', 'lead name', 'listen name']);
    expect(progress()).toBe('Section 2 of 4');
    // Every section seen: the results are one click away.
    expect(screen.getByRole('button', { name: 'See my results' })).toBeInTheDocument();
  });

  it('opens a linked section at once when the role is known', async () => {
    save({ role: 'manager', screen: 1, seen: [1] });
    window.history.replaceState(null, '', '/navigator/#cheer');
    serve(testBank());
    await renderNavigator();
    await waitFor(() => {
      expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('cheer name');
    });
    expect(progress()).toBe('Section 4 of 4, 2 not seen yet');
  });

  it('gives an empty run no result and names the sections that need answers', async () => {
    serve(testBank());
    await renderNavigator();
    await fireEvent.click(screen.getByRole('radio', { name: 'Manager' }));
    await next();
    answerScreen("Don't know");
    for (let i = 0; i < 3; i += 1) await next();
    await next('See my results');
    const message = await screen.findByRole('region', {
      name: 'Not enough answers for a result yet',
    });
    expect(message).toHaveFocus();
    expect(message).toHaveTextContent('Add answers to 2 more sections');
    const items = within(message).getAllByRole('listitem');
    expect(items.map((item) => item.textContent.replace(/\s+/g, ' ').trim())).toEqual([
      'lead name: 0 of 4 answered on the scale',
      'listen name: 0 of 5 answered on the scale',
      'train name: 0 of 4 answered on the scale',
      'cheer name: 0 of 4 answered on the scale',
    ]);
    expect(progress()).toBe('Section 4 of 4');
    expect(history()).toEqual([]);
    await fireEvent.click(within(message).getByRole('link', { name: 'listen name' }));
    await waitFor(() => {
      expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('listen name');
    });
    expect(screen.queryByRole('region', { name: /Not enough answers/ })).not.toBeInTheDocument();
  });

  it('ends with "See my results", keeps one history entry per run, and updates it after a correction', async () => {
    serve(linkableBank());
    await renderNavigator(linkableBank());
    await fireEvent.click(screen.getByRole('radio', { name: 'Executive' }));
    await next();
    for (let section = 1; section <= 4; section += 1) {
      answerScreen('L4');
      await next(section === 4 ? 'See my results' : 'Next');
    }
    // All "agree": normal items 75, reverse items 25; four-item dimensions 62.5, five-item 65,
    // so the index is (62.5 + 65 + 62.5 + 62.5) / 4 = 63.1, shown as 63.
    const index = await screen.findByText('Overall index');
    expect(index.parentElement).toHaveTextContent(/^Overall index\s*63\s*\/ 100$/);
    expect(progress()).toBe('Results: all 4 sections scored');
    expect(location.hash).toBe('#results');
    expect(screen.getByRole('img', { name: /^Bar chart of the score/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Priorities' })).toBeInTheDocument();
    const run = stored()['run'];
    expect(history()).toEqual([expect.objectContaining({ run })]);
    const first = history()[0]?.fragment;

    await fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('cheer name');
    await fireEvent.click(screen.getAllByRole('radio', { name: 'L1' })[0]!);
    await next('See my results');
    await screen.findByText('Overall index');
    expect(history()).toHaveLength(1);
    expect(history()[0]).toMatchObject({ run });
    expect(history()[0]?.fragment).not.toBe(first);
  });

  it('reopens the results after a reload without adding to the history', async () => {
    const bank = linkableBank();
    const answers = Object.fromEntries(
      bank.dimensions.flatMap((d) => d.statements.map((s) => [s.id, 2])),
    );
    save({
      bank: bank.id,
      role: 'manager',
      answers,
      screen: 5,
      run: 'run-reload-1',
      seen: [1, 2, 3, 4, 5],
    });
    window.history.replaceState(null, '', '/navigator/#results');
    serve(bank);
    await renderNavigator(bank);
    await screen.findByText('Overall index');
    expect(history()).toEqual([expect.objectContaining({ run: 'run-reload-1' })]);
    await renderNavigator(bank);
    await screen.findByText('Overall index');
    expect(history()).toHaveLength(1);
  });

  it('starts a new run on Start over, after asking', async () => {
    serve(testBank());
    await renderNavigator();
    await fireEvent.click(screen.getByRole('radio', { name: 'Manager' }));
    const run = stored()['run'];
    await fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    const dialog = screen.getByRole('dialog', { name: 'Start over?' });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Keep my answers' }));
    expect(screen.getByRole('radio', { name: 'Manager' })).toBeChecked();
    await fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Clear my answers' }));
    await waitFor(() => {
      expect(screen.getByRole('radio', { name: 'Manager' })).not.toBeChecked();
    });
    expect(stored()).toMatchObject({ role: null, answers: {}, seen: [] });
    expect(stored()['run']).not.toBe(run);
  });

  it('says what is wrong when the questionnaire cannot be loaded', async () => {
    serve(null, 404);
    await mountNavigator();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This site does not have version 1 of the questionnaire "test-bank".',
    );
  });

  it('tells the user when saved answers could not be read', async () => {
    localStorage.setItem(SESSION_KEY, '{broken');
    serve(testBank());
    await renderNavigator();
    expect(screen.getByRole('alert')).toHaveTextContent('Your saved answers could not be read');
  });
});
