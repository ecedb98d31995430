// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bank } from '../../src/lib/bank';
import { testBank } from '../fixtures/test-bank';

vi.mock('../../src/components/navigator/radar-chart', () => ({
  drawRadar: vi.fn(() => ({ destroy: vi.fn() })),
}));

const KEY = 'ccn:navigator:session';
const pageTitles = { 'page-a': 'Page A', 'page-b': 'Page B' };

function serve(bank: Bank | null, status = 200) {
  const fetchMock = vi.fn(() =>
    Promise.resolve(new Response(bank === null ? 'nope' : JSON.stringify(bank), { status })),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

let cleanup: (() => void) | undefined;

/**
 * Mounts the island from a fresh module registry, as a page load does: the stores read storage
 * again. The testing library is imported again too, so it shares the fresh Svelte runtime.
 */
async function mountNavigator() {
  cleanup?.();
  vi.resetModules();
  const library = await import('@testing-library/svelte');
  cleanup = library.cleanup;
  const { default: Navigator } = await import('../../src/components/navigator/Navigator.svelte');
  return library.render(Navigator, { latest: { id: 'test-bank', version: 1 }, pageTitles });
}

async function renderNavigator() {
  const view = await mountNavigator();
  await screen.findByRole('heading', { level: 2 });
  return view;
}

function answerScreen(value: string) {
  for (const group of screen.getAllByRole('group')) {
    void fireEvent.click(within(group).getByRole('radio', { name: value }));
  }
}

beforeEach(async () => {
  localStorage.clear();
  // @nanostores/persistent is loaded once per file (resetModules does not reload node_modules),
  // so undo any switch to the in-memory engine that an earlier test's store made.
  const persistent = await import('@nanostores/persistent');
  persistent.setPersistentEngine(localStorage, persistent.windowPersistentEvents);
});

afterEach(() => {
  cleanup?.();
  cleanup = undefined;
  vi.unstubAllGlobals();
});

describe('Navigator island', () => {
  it('asks for the role first and will not go on without it', async () => {
    serve(testBank());
    await renderNavigator();
    expect(screen.getByRole('status')).toHaveTextContent('About you, before section 1 of 4');
    expect(screen.getByRole('group', { name: 'Your role' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Organisation or team/ })).toHaveAttribute(
      'maxlength',
      '60',
    );
    expect(screen.queryByRole('button', { name: 'Back' })).not.toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose your role to continue.');
    expect(screen.getByRole('status')).toHaveTextContent('About you');
  });

  it('shows one section per screen with a fieldset per statement and native radios', async () => {
    serve(testBank());
    await renderNavigator();
    await fireEvent.click(screen.getByRole('radio', { name: 'Front-line employee' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('status')).toHaveTextContent('Section 1 of 4');
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('lead name');
    const groups = screen.getAllByRole('group');
    expect(groups).toHaveLength(4);
    expect(groups[0]).toHaveAccessibleName('1. lead statement 1');
    expect(within(groups[0]!).getAllByRole('radio')).toHaveLength(6);
    expect(within(groups[0]!).getByRole('radio', { name: "Don't know" })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back' })).toBeInTheDocument();
  });

  it('saves every answer immediately and resumes on the same screen', async () => {
    serve(testBank());
    await renderNavigator();
    await fireEvent.click(screen.getByRole('radio', { name: 'Manager' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await fireEvent.click(screen.getAllByRole('radio', { name: 'L4' })[1]!);
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as {
      answers: unknown;
      screen: number;
    };
    expect(stored.answers).toEqual({ 'lead-2': 4 });
    expect(stored.screen).toBe(1);

    await renderNavigator();
    expect(screen.getByRole('status')).toHaveTextContent('Section 1 of 4');
    expect(screen.getAllByRole('radio', { name: 'L4' })[1]).toBeChecked();
    expect(screen.getByText(/1 of 4 answered/)).toBeInTheDocument();
  });

  it('ends with "See my results" and shows the overall index and priorities', async () => {
    serve(testBank());
    await renderNavigator();
    await fireEvent.click(screen.getByRole('radio', { name: 'Executive' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    for (let section = 1; section <= 4; section += 1) {
      answerScreen('L4');
      const last = section === 4;
      expect(screen.queryByRole('button', { name: 'Next' }) === null).toBe(last);
      await fireEvent.click(screen.getByRole('button', { name: last ? 'See my results' : 'Next' }));
    }
    // All "agree": normal items 75, reverse items 25; four-item dimensions 62.5, five-item 65,
    // so the index is (62.5 + 65 + 62.5 + 62.5) / 4 = 63.1, shown as 63.
    const index = await screen.findByText('Overall index');
    expect(index.parentElement).toHaveTextContent(/^Overall index\s*63\s*\/ 100$/);
    expect(screen.getByRole('heading', { name: 'Priorities' })).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Read: Page A' }).length).toBeGreaterThan(0);
    expect(screen.getByRole('img', { name: /^Bar chart of the score/ })).toBeInTheDocument();
    expect(screen.getByRole('table')).toHaveTextContent('lead name63');
  });

  it('goes back a screen with Back', async () => {
    serve(testBank());
    await renderNavigator();
    await fireEvent.click(screen.getByRole('radio', { name: 'Other' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('status')).toHaveTextContent('Section 2 of 4');
    await fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('status')).toHaveTextContent('Section 1 of 4');
  });

  it('asks before starting over, and keeps answers when the user backs out', async () => {
    serve(testBank());
    await renderNavigator();
    await fireEvent.click(screen.getByRole('radio', { name: 'Manager' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    const dialog = screen.getByRole('dialog', { name: 'Start over?' });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Keep my answers' }));
    expect(screen.getByRole('radio', { name: 'Manager' })).toBeChecked();
    await fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Clear my answers' }));
    await waitFor(() => {
      expect(screen.getByRole('radio', { name: 'Manager' })).not.toBeChecked();
    });
    expect(JSON.parse(localStorage.getItem(KEY) ?? '{}')).toMatchObject({
      role: null,
      answers: {},
    });
  });

  it('says what is wrong when the questionnaire cannot be loaded', async () => {
    serve(null, 404);
    await mountNavigator();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This site does not have version 1 of the questionnaire "test-bank".',
    );
  });

  it('tells the user when saved answers could not be read', async () => {
    localStorage.setItem(KEY, '{broken');
    serve(testBank());
    await renderNavigator();
    expect(screen.getByRole('alert')).toHaveTextContent('Your saved answers could not be read');
  });

  it('opens the section named in the address once the role is known', async () => {
    localStorage.setItem(
      KEY,
      JSON.stringify({
        bank: 'test-bank',
        version: 1,
        role: 'manager',
        label: '',
        answers: {},
        screen: 0,
      }),
    );
    window.location.hash = '#train';
    serve(testBank());
    await renderNavigator();
    await waitFor(() => {
      expect(screen.getByRole('status')).toHaveTextContent('Section 3 of 4');
    });
    window.location.hash = '';
  });
});
