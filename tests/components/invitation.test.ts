// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import InvitationSheet from '../../src/components/invite/InvitationSheet.svelte';
import { decodeInvitation, encodeInvitation } from '../../src/lib/invitation';

afterEach(() => {
  vi.restoreAllMocks();
  history.replaceState(null, '', '/');
});

describe('making an invitation', () => {
  it('asks for a team name before making a link', async () => {
    render(InvitationSheet, { base: '/' });
    await fireEvent.click(await screen.findByRole('button', { name: 'Create invitation' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Give the team or organisation a name.');
    expect(screen.queryByRole('textbox', { name: 'Invitation link' })).toBeNull();
  });

  it('makes a questionnaire link that carries the tidied team name, and copies it', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(InvitationSheet, { base: '/' });
    await fireEvent.input(
      await screen.findByRole('textbox', { name: /Team or organisation name/ }),
      { target: { value: '  acme   support ' } },
    );
    await fireEvent.input(screen.getByRole('textbox', { name: /Your e-mail/ }), {
      target: { value: 'sam@example.org' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Create invitation' }));
    const field = await screen.findByRole('textbox', { name: 'Invitation link' });
    const url = new URL((field as HTMLInputElement).value);
    expect(url.pathname).toBe('/navigator/');
    expect(location.hash).toBe(url.hash);
    expect(decodeInvitation(url.hash.slice(1))).toEqual({
      ok: true,
      invitation: { team: 'acme support', facilitator: 'sam@example.org', closes: '', message: '' },
    });
    expect(
      screen.getByRole('heading', { level: 1, name: 'How customer-centric is acme support?' }),
    ).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(url.href);
    await waitFor(() => {
      expect(screen.getByRole('status')).toHaveTextContent('Invitation link copied.');
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Create another invitation' }));
    expect(await screen.findByRole('button', { name: 'Create invitation' })).toBeInTheDocument();
  });
});

describe('InvitationSheet', () => {
  it('shows the team, the message, the closing date and a QR code of the link', async () => {
    const fragment = encodeInvitation({
      team: 'Acme Support',
      facilitator: 'sam@example.org',
      closes: '2026-12-15',
      message: 'Thank you for your time.',
    });
    history.replaceState(null, '', `/team/invitation/#${fragment}`);
    render(InvitationSheet, { base: '/' });
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'How customer-centric is Acme Support?',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('Thank you for your time.')).toBeInTheDocument();
    expect(screen.getByText('15 December 2026')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'QR code of the invitation link' })).toBeInTheDocument();
    expect(screen.getByText(/sam@example.org/)).toBeInTheDocument();
  });

  it('says clearly when the link is damaged', async () => {
    history.replaceState(null, '', '/team/invitation/#i1.AAAA');
    render(InvitationSheet, { base: '/' });
    expect(await screen.findByRole('alert')).toHaveTextContent('cut or changed');
  });
});
