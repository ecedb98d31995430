// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bank } from '../../src/lib/bank';
import { decodeInvitation, encodeInvitation, type Invitation } from '../../src/lib/invitation';
import { decodeResult } from '../../src/lib/share-link';
import { testBank } from '../fixtures/test-bank';
import {
  freshPage,
  renderNavigator,
  save,
  serve,
  stored,
  unmountNavigator,
  WAIT,
} from './navigator-harness';

const INVITATION = 'ccn:navigator:invitation';

const acme: Invitation = {
  team: 'Acme Support',
  facilitator: 'sam@example.org',
  closes: '2099-01-31',
  message: 'Ten minutes, honest answers please.',
};

/** Opens the questionnaire at an address, as following a link does. */
async function open(hash: string, bank: Bank = testBank()) {
  window.history.replaceState(null, '', `/navigator/${hash}`);
  serve(bank);
  return renderNavigator(bank);
}

function labelField(): HTMLInputElement {
  return screen.getByRole('textbox', { name: /Organisation or team/ });
}

beforeEach(freshPage);

afterEach(() => {
  unmountNavigator();
  vi.unstubAllGlobals();
});

describe('opening an invitation in the questionnaire', () => {
  it('shows who invites and why, labels the questionnaire, and keeps it through a reload', async () => {
    await open(`#${encodeInvitation({ ...acme, team: '  acme   support ' })}`);
    const banner = await screen.findByRole(
      'region',
      {
        name: 'You are answering for acme support',
      },
      { timeout: WAIT },
    );
    expect(banner).toHaveTextContent('Ten minutes, honest answers please.');
    expect(banner).toHaveTextContent('Please answer by 31 January 2099.');
    expect(banner).toHaveTextContent('Sent by sam@example.org.');
    await waitFor(() => {
      expect(labelField()).toHaveValue('acme support');
    });
    expect(stored()['label']).toBe('acme support');
    // The address moves on to the screen's own fragment.
    expect(location.hash).toBe('#about-you');

    await renderNavigator();
    expect(
      await screen.findByRole(
        'region',
        { name: 'You are answering for acme support' },
        { timeout: WAIT },
      ),
    ).toBeInTheDocument();
    // On a section, one line says who the answers are for.
    await fireEvent.click(screen.getByRole('radio', { name: 'Manager' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText(/Answering for/)).toHaveTextContent(
      'Answering for acme support, by 31 January 2099.',
    );
    expect(screen.queryByRole('region', { name: /You are answering/ })).toBeNull();
  });

  it('says plainly when the invitation has closed, and still lets the respondent answer', async () => {
    await open(`#${encodeInvitation({ ...acme, closes: '2020-03-01', facilitator: '' })}`);
    const banner = await screen.findByRole(
      'region',
      { name: /You are answering for/ },
      { timeout: WAIT },
    );
    expect(banner).toHaveTextContent('This invitation closed on 1 March 2020.');
    expect(banner).toHaveTextContent('At the end you get a result link to send back');
    expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled();
  });

  it("shows the decoder's message for a damaged link, and the questionnaire still works", async () => {
    const damaged = encodeInvitation(acme).slice(0, -6);
    await open(`#${damaged}`);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      decodeInvitation(damaged).ok ? 'unexpected' : /cut or changed/,
    );
    expect(localStorage.getItem(INVITATION)).toBeNull();
    await fireEvent.click(screen.getByRole('radio', { name: 'Manager' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'lead name' })).toBeVisible();
  });

  it('never replaces a questionnaire in progress without asking', async () => {
    save({ role: 'manager', label: 'Globex', answers: { 'lead-1': 4, 'lead-2': 2 }, run: 'r1' });
    const fragment = encodeInvitation(acme);
    await open(`#${fragment}`);
    const dialog = await screen.findByRole(
      'dialog',
      {
        name: 'Start a new questionnaire for Acme Support?',
      },
      { timeout: WAIT },
    );
    expect(dialog).toHaveTextContent('2 answers and the label “Globex”');
    // Nothing has changed while the question is open.
    expect(stored()).toMatchObject({ label: 'Globex', answers: { 'lead-1': 4 }, run: 'r1' });

    await fireEvent.click(within(dialog).getByRole('button', { name: 'Keep my current answers' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    const note = screen.getAllByRole('status').find((s) => s.textContent.includes('not used'));
    expect(note).toHaveTextContent('The invitation for Acme Support was not used');
    expect(stored()).toMatchObject({ label: 'Globex', answers: { 'lead-1': 4 }, run: 'r1' });
    expect(screen.queryByRole('region', { name: /You are answering for/ })).toBeNull();

    // Opening it again asks again; this time the respondent starts afresh for the team.
    window.history.replaceState(null, '', `/navigator/#${fragment}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    const again = await screen.findByRole(
      'dialog',
      { name: /Start a new questionnaire/ },
      { timeout: WAIT },
    );
    await fireEvent.click(
      within(again).getByRole('button', { name: 'Start a new questionnaire for Acme Support' }),
    );
    await screen.findByRole(
      'region',
      { name: 'You are answering for Acme Support' },
      { timeout: WAIT },
    );
    expect(stored()).toMatchObject({ label: 'Acme Support', answers: {}, role: null });
    expect(stored()['run']).not.toBe('r1');
    expect(location.hash).toBe('#about-you');
    expect(screen.getByRole('heading', { level: 2, name: 'About you' })).toHaveFocus();
  });

  it('applies an invitation for the same team without asking, answers kept', async () => {
    save({ role: 'manager', label: 'ACME  support', answers: { 'lead-1': 4 }, run: 'r2' });
    await open(`#${encodeInvitation(acme)}`);
    await screen.findByRole('region', { name: /You are answering for/ }, { timeout: WAIT });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(stored()).toMatchObject({ label: 'Acme Support', answers: { 'lead-1': 4 }, run: 'r2' });
  });

  it('ends with Start over, and tells the respondent when the kept invitation is unreadable', async () => {
    await open(`#${encodeInvitation(acme)}`);
    await screen.findByRole('region', { name: /You are answering for/ }, { timeout: WAIT });
    await fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Clear my answers' }));
    await waitFor(() => {
      expect(screen.queryByRole('region', { name: /You are answering for/ })).toBeNull();
    });

    localStorage.setItem(INVITATION, JSON.stringify({ fragment: 42 }));
    await open('');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The invitation kept in this browser could not be read',
    );
  });
});

describe("an invited respondent's results", () => {
  /** The test bank under the real bank id, so that its results make share links. */
  const bank: Bank = { ...testBank(), id: 'culture-navigator' };
  const answers = Object.fromEntries(
    bank.dimensions.flatMap((d, i) => d.statements.map((s, j) => [s.id, 1 + ((i + j) % 5)])),
  );

  async function results(invitation: Invitation) {
    save({ bank: bank.id, role: 'manager', label: invitation.team, answers, screen: 5, run: 'r3' });
    localStorage.setItem(
      INVITATION,
      JSON.stringify({ fragment: encodeInvitation(invitation), run: 'r3' }),
    );
    await open('#results', bank);
    return screen.findByRole(
      'region',
      { name: `Send your result for ${invitation.team}` },
      { timeout: WAIT },
    );
  }

  it('sends the result link to the facilitator by e-mail, with Copy and a QR code', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const panel = await results(acme);
    const send = within(panel).getByRole('link', { name: 'Send to facilitator' });
    const mailto = new URL(send.getAttribute('href') ?? '');
    expect(mailto.protocol).toBe('mailto:');
    expect(mailto.pathname).toBe('sam@example.org');
    expect(mailto.searchParams.get('subject')).toContain('Acme Support');
    const link = /https?:\S+\/result\/#(\S+)/.exec(mailto.searchParams.get('body') ?? '');
    expect(decodeResult(link?.[1] ?? '')).toMatchObject({ ok: true });
    // No share sheet in this browser: no Share… button.
    expect(within(panel).queryByRole('button', { name: 'Share…' })).toBeNull();

    await fireEvent.click(within(panel).getByRole('button', { name: 'Copy result link' }));
    expect(writeText).toHaveBeenCalledWith(link?.[0]);
    await fireEvent.click(within(panel).getByRole('button', { name: 'Show QR code' }));
    expect(
      await within(panel).findByRole('img', { name: 'QR code of your result link' }),
    ).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Hide QR code' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  });

  it("offers the device's share sheet where there is one, and no e-mail without an address", async () => {
    const share = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    try {
      const panel = await results({ ...acme, facilitator: '' });
      expect(within(panel).queryByRole('link', { name: 'Send to facilitator' })).toBeNull();
      await fireEvent.click(within(panel).getByRole('button', { name: 'Share…' }));
      expect(share).toHaveBeenCalledWith(
        expect.objectContaining({ url: expect.stringMatching(/\/result\/#r1\./) as string }),
      );
    } finally {
      Reflect.deleteProperty(navigator, 'share');
    }
  });
});
