/**
 * Mounting the questionnaire island as a page load does, for the component tests of the
 * navigator and of invitations in it.
 */
import { screen } from '@testing-library/svelte';
import { vi } from 'vitest';
import type { Bank } from '../../src/lib/bank';
import { testBank } from '../fixtures/test-bank';

/** How long to wait for what loads lazily, in ms. */
export const WAIT = 5000;

export const pageTitles = { 'page-a': 'Page A', 'page-b': 'Page B' };

/** Serves a question bank (or a failure) to the island's fetch. */
export function serve(bank: Bank | null, status = 200) {
  const fetchMock = vi.fn(() =>
    Promise.resolve(new Response(bank === null ? 'nope' : JSON.stringify(bank), { status })),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

let cleanup: (() => void) | undefined;

/** Unmounts the island mounted last (call after each test). */
export function unmountNavigator(): void {
  cleanup?.();
  cleanup = undefined;
}

/**
 * Mounts the island from a fresh module registry, as a page load does: the stores read storage
 * again. The testing library is imported again too, so it shares the fresh Svelte runtime.
 */
export async function mountNavigator(bank: Bank = testBank()) {
  cleanup?.();
  vi.resetModules();
  const library = await import('@testing-library/svelte');
  cleanup = library.cleanup;
  const { default: Navigator } = await import('../../src/components/navigator/Navigator.svelte');
  return library.render(Navigator, {
    latest: { id: bank.id, version: bank.version },
    pageTitles,
  });
}

/** Mounts and waits until the questionnaire, with its lazily loaded parts, is on screen. */
export async function renderNavigator(bank?: Bank) {
  const view = await mountNavigator(bank);
  // The first mount in a file compiles the island and its lazy parts: allow for a busy machine.
  await screen.findByRole('heading', { level: 2 }, { timeout: WAIT });
  await screen.findByRole('button', { name: 'Start over' }, { timeout: WAIT });
  return view;
}

/** localStorage key of the questionnaire in progress. */
export const SESSION_KEY = 'ccn:navigator:session';

/** The saved session, as stored. */
export function stored(): Record<string, unknown> {
  return JSON.parse(localStorage.getItem(SESSION_KEY) ?? '{}') as Record<string, unknown>;
}

/** Saves a session on the test bank, as an earlier visit would have. */
export function save(session: Record<string, unknown>) {
  localStorage.setItem(
    SESSION_KEY,
    JSON.stringify({
      bank: 'test-bank',
      version: 1,
      label: '',
      answers: {},
      screen: 0,
      ...session,
    }),
  );
}

/** Empty storage and the page at /navigator/: call before each test. */
export async function freshPage(): Promise<void> {
  localStorage.clear();
  window.history.replaceState(null, '', '/navigator/');
  // @nanostores/persistent is loaded once per file (resetModules does not reload node_modules),
  // so undo any switch to the in-memory engine that an earlier test's store made.
  const persistent = await import('@nanostores/persistent');
  persistent.setPersistentEngine(localStorage, persistent.windowPersistentEvents);
}
