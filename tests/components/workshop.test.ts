// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bank } from '../../src/lib/bank';
import { decodeResult } from '../../src/lib/share-link';
import { answerAll, testBank } from '../fixtures/test-bank';

const KEY = 'ccn:workshops';

/** The test bank under the real bank id, so that its results make share links. */
function linkableBank(): Bank {
  return { ...testBank(), id: 'culture-navigator' };
}

function serve(bank: Bank) {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(new Response(JSON.stringify(bank), { status: 200 }))),
  );
}

const saved = (): { active: string | null; workshops: Record<string, unknown>[] } =>
  JSON.parse(localStorage.getItem(KEY) ?? 'null') as {
    active: string | null;
    workshops: Record<string, unknown>[];
  };

/** The store from a fresh module registry, as after a page load. */
async function store() {
  vi.resetModules();
  return import('../../src/stores/workshop');
}

beforeEach(() => {
  localStorage.clear();
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('workshop store', () => {
  it('does not touch storage until first used', async () => {
    const getItem = vi.spyOn(Storage.prototype, 'getItem');
    await store();
    expect(getItem).not.toHaveBeenCalled();
  });

  it('refuses an empty name and starts a named workshop with a participant ready', async () => {
    const s = await store();
    expect(s.startWorkshop('   ', { id: 'culture-navigator', version: 1 })).toMatch(/name/);
    expect(s.startWorkshop(' Acme   care ', { id: 'culture-navigator', version: 1 })).toBeNull();
    const open = s.activeWorkshop.get();
    expect(open?.name).toBe('Acme care');
    expect(open?.participant).toEqual({ role: null, answers: {}, screen: 0 });
    expect(saved().active).toBe(open?.id);
  });

  it('saves every answer at once, so a reload resumes the participant', async () => {
    const first = await store();
    first.startWorkshop('Acme', { id: 'culture-navigator', version: 1 });
    first.chooseRole('manager');
    first.answer('lead-1', 4);
    first.goToScreen(2);
    const again = await store();
    const stop = again.activeWorkshop.listen(() => {});
    expect(again.activeWorkshop.get()?.participant).toEqual({
      role: 'manager',
      answers: { 'lead-1': 4 },
      screen: 2,
    });
    stop();
  });

  it('submits: the result link joins the pool and the answers are gone from memory and storage', async () => {
    const s = await store();
    const bank = linkableBank();
    s.startWorkshop('Acme care', { id: bank.id, version: bank.version });
    s.chooseRole('frontline');
    for (const [id, value] of Object.entries(answerAll(bank, 4))) s.answer(id, value);
    expect(await s.submitAndHandOver(bank)).toBe(true);
    expect(s.submitState.get()).toEqual({ status: 'handed-over' });
    const open = s.activeWorkshop.get();
    expect(open?.participant).toBeNull();
    expect(open?.links).toHaveLength(1);
    const decoded = decodeResult(open?.links[0] ?? '');
    expect(decoded.ok && decoded.result.label).toBe('Acme care');
    expect(decoded.ok && decoded.result.role).toBe(2);
    expect(localStorage.getItem(KEY)).not.toContain('answers');
    // Nothing to submit until the next person starts.
    expect(await s.submitAndHandOver(bank)).toBe(false);
    expect(s.nextParticipant()).toBe(true);
    expect(s.activeWorkshop.get()?.participant?.answers).toEqual({});
  });

  it('keeps the answers and lists the sections that need more when too few are given', async () => {
    const s = await store();
    const bank = linkableBank();
    s.startWorkshop('Acme', { id: bank.id, version: bank.version });
    s.chooseRole('executive');
    s.answer('lead-1', 3);
    expect(await s.submitAndHandOver(bank)).toBe(false);
    const state = s.submitState.get();
    expect(state.status).toBe('incomplete');
    expect(s.activeWorkshop.get()?.participant?.answers).toEqual({ 'lead-1': 3 });
    expect(s.activeWorkshop.get()?.links).toEqual([]);
    // Answering again clears the list, which described the answers before.
    s.answer('lead-2', 3);
    expect(s.submitState.get()).toEqual({ status: 'idle' });
  });

  it('reopens, closes, discards a participant and deletes a workshop', async () => {
    const s = await store();
    const ref = { id: 'culture-navigator', version: 1 };
    s.startWorkshop('First', ref);
    const first = s.activeWorkshop.get()?.id ?? '';
    s.startWorkshop('Second', ref);
    s.closeWorkshop();
    expect(s.activeWorkshop.get()).toBeNull();
    s.reopenWorkshop(first);
    expect(s.activeWorkshop.get()?.name).toBe('First');
    s.reopenWorkshop('ws-none');
    expect(s.activeWorkshop.get()?.name).toBe('First');
    s.discardParticipant();
    expect(s.activeWorkshop.get()?.participant).toBeNull();
    s.deleteWorkshop(first);
    expect(s.activeWorkshop.get()).toBeNull();
    expect(s.workshops.get().workshops.map((w) => w.name)).toEqual(['Second']);
    expect(saved().workshops).toHaveLength(1);
  });

  it('works in memory and says so when storage is unavailable', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const s = await store();
    s.startWorkshop('In memory', { id: 'culture-navigator', version: 1 });
    expect(s.workshopStatus.get()).toBe('unavailable');
    expect(s.activeWorkshop.get()?.name).toBe('In memory');
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('leaves damaged storage untouched, says so, and saves again once discarded', async () => {
    localStorage.setItem(KEY, '{"active":"ws-x","workshops":[]}');
    const s = await store();
    const stop = s.workshops.listen(() => {});
    expect(s.workshopStatus.get()).toBe('corrupted');
    s.startWorkshop('Meanwhile', { id: 'culture-navigator', version: 1 });
    expect(localStorage.getItem(KEY)).toBe('{"active":"ws-x","workshops":[]}');
    s.discardDamagedWorkshops();
    expect(s.workshopStatus.get()).toBe('saved');
    expect(saved()).toEqual({ active: null, workshops: [] });
    stop();
  });

  it('finishes with the team view read from the pool', async () => {
    const bank = linkableBank();
    serve(bank);
    const s = await store();
    s.startWorkshop('Acme', { id: bank.id, version: bank.version });
    s.chooseRole('manager');
    for (const [id, value] of Object.entries(answerAll(bank, 2))) s.answer(id, value);
    await s.submitAndHandOver(bank);
    await s.finishWorkshop();
    expect(s.teamShown.get()).toBe(true);
    const { teamData, teamStatus } = await import('../../src/stores/team');
    expect(teamStatus.get()).toEqual({ status: 'ready', message: '1 result read.' });
    expect(teamData.get()?.collection.respondents).toHaveLength(1);
    s.backToWorkshop();
    expect(s.teamShown.get()).toBe(false);
  });
});

type Library = typeof import('@testing-library/svelte');

describe('workshop page', () => {
  let library: Library;

  beforeEach(async () => {
    vi.resetModules();
    library = await import('@testing-library/svelte');
  });

  afterEach(() => {
    library.cleanup();
  });

  async function renderPage(bank: Bank) {
    serve(bank);
    const { default: WorkshopView } =
      await import('../../src/components/workshop/WorkshopView.svelte');
    return library.render(WorkshopView, { latest: { id: bank.id, version: bank.version } });
  }

  it('starts a workshop, takes one participant through and hands over with nothing left', async () => {
    const bank = linkableBank();
    await renderPage(bank);
    const { screen, fireEvent } = library;
    expect(await screen.findByText(/No workshops yet/)).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Start workshop' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Give the workshop a name');
    expect(screen.getByLabelText('Name of the session')).toHaveAttribute('aria-invalid', 'true');
    await fireEvent.input(screen.getByLabelText('Name of the session'), {
      target: { value: 'Acme care' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Start workshop' }));

    // The questionnaire's parts load after the page (later-views.ts).
    expect(
      await screen.findByRole('heading', { name: 'About you' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Your answers are private/)).toBeInTheDocument();
    // The label is the workshop's: no label field to change it.
    expect(screen.queryByRole('textbox')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose your role to continue.');
    await fireEvent.click(screen.getByRole('radio', { name: 'Manager' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));

    for (let section = 0; section < bank.dimensions.length; section += 1) {
      expect(screen.getAllByRole('status')[0]).toHaveTextContent(
        `Section ${section + 1} of ${bank.dimensions.length}`,
      );
      for (const group of screen.getAllByRole('group', { name: /^\d+\. / })) {
        await fireEvent.click(library.within(group).getByRole('radio', { name: 'L4' }));
      }
      const last = section === bank.dimensions.length - 1;
      await fireEvent.click(
        screen.getByRole('button', { name: last ? 'Submit and hand over' : 'Next' }),
      );
    }

    const heading = await screen.findByRole('heading', {
      name: 'Thank you: please pass the device to the next person',
    });
    expect(heading).toHaveFocus();
    expect(screen.getByText('1 person has taken part so far.')).toBeInTheDocument();
    expect(screen.queryAllByRole('radio')).toEqual([]);
    expect(screen.queryByText(/out of 100/)).toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: 'Start the next participant' }));
    expect(await screen.findByRole('heading', { name: 'About you' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Manager' })).not.toBeChecked();
  });

  it('lists saved workshops, and deletes one only after confirmation', async () => {
    localStorage.setItem(
      KEY,
      JSON.stringify({
        active: null,
        workshops: [
          {
            id: 'ws-a',
            name: 'Board away day',
            created: '2026-03-02T09:30:00.000Z',
            bank: { id: 'culture-navigator', version: 1 },
            links: [],
            participant: { role: 'executive', answers: {}, screen: 1 },
          },
        ],
      }),
    );
    await renderPage(linkableBank());
    const { screen, fireEvent } = library;
    expect(await screen.findByText(/someone was answering when it was left/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Continue Board away day' })).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Delete Board away day' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete the workshop “Board away day”?' });
    await fireEvent.click(library.within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(saved().workshops).toHaveLength(1);
    await fireEvent.click(screen.getByRole('button', { name: 'Delete Board away day' }));
    await fireEvent.click(
      library.within(dialog).getByRole('button', { name: 'Delete the workshop' }),
    );
    expect(await screen.findByText(/No workshops yet/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'The workshop “Board away day” was deleted.',
    );
    expect(saved().workshops).toEqual([]);
  });

  it('tells the facilitator when storage is damaged', async () => {
    localStorage.setItem(KEY, 'not json');
    await renderPage(linkableBank());
    expect(
      await library.screen.findByRole(
        'button',
        { name: 'Discard the damaged copy and save again' },
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(library.screen.getByRole('alert')).toHaveTextContent(/could not be read/);
  });
});
