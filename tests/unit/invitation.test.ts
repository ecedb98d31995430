import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localDay } from '../../src/lib/dates';
import {
  checkInvitation,
  closingDay,
  decodeInvitation,
  encodeInvitation,
  hasClosed,
  invitationFit,
  invitationUrl,
  isInvitationFragment,
  labelKey,
  mailtoFacilitator,
  MAX_INVITATION,
  tidyLabel,
  type Invitation,
} from '../../src/lib/invitation';
import { qrFor } from '../../src/lib/qr';

const full: Invitation = {
  team: 'Acme Support',
  facilitator: 'sam@example.org',
  closes: '2026-12-15',
  message: 'Ten minutes, honest answers please.\nThank you!',
};

describe('labels', () => {
  it('trims, collapses spaces and removes bidirectional controls', () => {
    expect(tidyLabel('  acme   support ')).toBe('acme support');
    expect(tidyLabel('\u202E001 xedni\u202C · Acme')).toBe('001 xedni · Acme');
    expect(tidyLabel('Acme\u00A0\tSupport\n')).toBe('Acme Support');
  });

  it('matches labels case-insensitively after tidying', () => {
    expect(labelKey('acme support ')).toBe(labelKey('Acme  Support'));
    expect(labelKey('Acme')).not.toBe(labelKey('Acme Ltd'));
  });
});

describe('checking an invitation as typed', () => {
  it('accepts a team name alone and tidies it', () => {
    expect(
      checkInvitation({ team: '  Acme   Support ', facilitator: '', closes: '', message: '' }),
    ).toEqual({
      ok: true,
      invitation: { team: 'Acme Support', facilitator: '', closes: '', message: '' },
    });
  });

  it.each([
    [{ team: '   ', facilitator: '', closes: '', message: '' }, /name/],
    [{ team: 'x'.repeat(61), facilitator: '', closes: '', message: '' }, /60 characters/],
    [{ team: 'Acme', facilitator: 'sam@', closes: '', message: '' }, /e-mail/],
    [{ team: 'Acme', facilitator: 'sam example.org', closes: '', message: '' }, /e-mail/],
    [{ team: 'Acme', facilitator: '', closes: '2026-02-30', message: '' }, /date/],
    [{ team: 'Acme', facilitator: '', closes: 'next week', message: '' }, /date/],
    [{ team: 'Acme', facilitator: '', closes: '', message: 'x'.repeat(401) }, /400 characters/],
  ])('refuses %j with a message that says what to fix', (input, message) => {
    const checked = checkInvitation(input);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toMatch(message);
  });
});

describe('invitation links', () => {
  it('round-trips every field, including non-Latin text and line breaks', () => {
    const fragment = encodeInvitation(full);
    expect(fragment).toMatch(/^i1\.[A-Za-z0-9_-]+$/);
    expect(isInvitationFragment(fragment)).toBe(true);
    expect(decodeInvitation(fragment)).toEqual({ ok: true, invitation: full });
    const other = { ...full, team: 'Équipe Zürich 東京', message: '' };
    expect(decodeInvitation(encodeInvitation(other))).toEqual({ ok: true, invitation: other });
  });

  it('round-trips any valid invitation (property)', () => {
    const text = (max: number) =>
      fc
        .string({ maxLength: max })
        .map((s) => tidyLabel(s))
        .filter((s) => s.length > 0);
    fc.assert(
      fc.property(
        text(60),
        fc.constantFrom('', 'a@b.co', 'first.last@example.org'),
        fc.constantFrom('', '2026-01-31', '2027-06-01'),
        fc.string({ maxLength: 300 }).map((s) => s.trim()),
        (team, facilitator, closes, message) => {
          const checked = checkInvitation({ team, facilitator, closes, message });
          if (!checked.ok) return;
          const decoded = decodeInvitation(encodeInvitation(checked.invitation));
          expect(decoded).toEqual({ ok: true, invitation: checked.invitation });
        },
      ),
    );
  });

  it('refuses damaged, foreign and oversized fragments with one clear message', () => {
    const good = encodeInvitation(full);
    const cases = [
      good.slice(0, -6),
      `${good}!`,
      good.replace('i1.', 'i2.'),
      'r1.AQAB',
      `i1.${btoa('{"team":"Acme"}')}`,
      `i1.${btoa('["", "", "", ""]')}`,
      `i1.${btoa('[1, 2, 3, 4]')}`,
      `i1.${'A'.repeat(MAX_INVITATION)}`,
      'i1.',
    ];
    for (const fragment of cases) {
      const decoded = decodeInvitation(fragment);
      expect(decoded.ok, fragment).toBe(false);
      if (!decoded.ok) expect(decoded.message).toMatch(/cut or changed/);
    }
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(typeof decodeInvitation(`i1.${text}`).ok).toBe('boolean');
      }),
    );
  });
});

describe('closing date and sending results back', () => {
  it('stays open all through the closing day', () => {
    expect(hasClosed(full, '2026-12-15')).toBe(false);
    expect(hasClosed(full, '2026-12-16')).toBe(true);
    expect(hasClosed({ ...full, closes: '' }, '2099-01-01')).toBe(false);
  });

  it('builds a mailto link whose subject names the team and whose body holds the result link', () => {
    const url = 'https://example.org/result/#r1.AQAB';
    const mailto = mailtoFacilitator(full, url);
    expect(mailto).not.toBeNull();
    const parsed = new URL(mailto ?? '');
    expect(parsed.protocol).toBe('mailto:');
    expect(parsed.pathname).toBe('sam@example.org');
    expect(parsed.searchParams.get('subject')).toBe('Culture Navigator result for Acme Support');
    expect(parsed.searchParams.get('body')).toContain(url);
    expect(mailtoFacilitator({ ...full, facilitator: '' }, url)).toBeNull();
  });
});

describe('QR codes', () => {
  it('draws a square code whose path stays inside its grid', () => {
    const drawing = qrFor('https://example.org/navigator/#i1.AAAA');
    expect(drawing).not.toBeNull();
    if (drawing === null) return;
    expect(drawing.size).toBeGreaterThanOrEqual(21);
    expect((drawing.size - 17) % 4).toBe(0);
    const numbers = (drawing.path.match(/\d+/g) ?? []).map(Number);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(drawing.size);
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
  });

  it('grows with the text and gives up on text no QR code can hold', () => {
    const small = qrFor('https://example.org/');
    const large = qrFor(`https://example.org/navigator/#${encodeInvitation(full)}`);
    expect((large?.size ?? 0) > (small?.size ?? 0)).toBe(true);
    expect(qrFor('x'.repeat(5000))).toBeNull();
  });
});

describe('invitation URLs', () => {
  it('puts the invitation in the fragment of the questionnaire page, on http(s) only', () => {
    const url = invitationUrl('https://example.org/ccn/navigator/?utm=x#old', full);
    expect(url).toBe(`https://example.org/ccn/navigator/#${encodeInvitation(full)}`);
    expect(invitationUrl('file:///site/navigator/index.html', full)).toBeNull();
  });
});

describe('opening an invitation on a questionnaire in progress', () => {
  const team = { ...full, team: 'Acme Support' };

  it('applies it to an empty questionnaire or one already labelled for the team', () => {
    expect(invitationFit({ label: '', answered: 0 }, team)).toBe('apply');
    expect(invitationFit({ label: ' acme  SUPPORT ', answered: 12 }, team)).toBe('apply');
  });

  it('asks first when answers or another label would end up under the team', () => {
    expect(invitationFit({ label: '', answered: 1 }, team)).toBe('ask');
    expect(invitationFit({ label: 'Globex', answered: 0 }, team)).toBe('ask');
    expect(invitationFit({ label: 'Globex', answered: 30 }, team)).toBe('ask');
  });
});

describe('dates for people', () => {
  it('writes the closing date out in words, whatever the time zone', () => {
    expect(closingDay('2026-12-15')).toBe('15 December 2026');
    expect(closingDay('2027-01-01')).toBe('1 January 2027');
  });

  it("gives a moment's local calendar date as YYYY-MM-DD, as a date input holds it", () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localDay(new Date(2026, 11, 31, 0, 1))).toBe('2026-12-31');
    expect(hasClosed(full, localDay(new Date(2026, 11, 15, 23)))).toBe(false);
    expect(hasClosed(full, localDay(new Date(2026, 11, 16, 0, 1)))).toBe(true);
  });
});
