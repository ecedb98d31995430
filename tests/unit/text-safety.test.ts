import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseFragment } from '../../src/lib/fragment';
import { formatGap } from '../../src/lib/format';
import { BIDI_CONTROLS, safeLabel } from '../../src/lib/label-safety';
import { decodeResult } from '../../src/lib/share-link';
import { shortFragment } from '../fixtures/short-fragment';

const good = shortFragment('Acme');

describe('normaliseFragment', () => {
  it.each([
    [good],
    [`#${good}`],
    [`##${good}`],
    [`  https://example.org/result/#${good}\r\n`],
    [`https://example.org/result/##${good}`],
    [`\u200B${good.slice(0, 10)}\n${good.slice(10)}\uFEFF`],
    [`# ${good} `],
  ])('reads %j as the bare fragment (finding 7)', (text) => {
    expect(normaliseFragment(text)).toBe(good);
    expect(decodeResult(normaliseFragment(text)).ok).toBe(true);
  });

  it('leaves text without a link for the decoder to explain', () => {
    expect(normaliseFragment(' not a link ')).toBe('notalink');
    expect(normaliseFragment('')).toBe('');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const once = normaliseFragment(text);
        expect(normaliseFragment(once)).toBe(once);
        expect(once).not.toMatch(/[#\s]/);
      }),
    );
  });
});

describe('safeLabel', () => {
  it('removes the override that made "index 12" read "index 100" (finding 8)', () => {
    expect(safeLabel('\u202E001 xedni · Acme')).toBe('001 xedni · Acme');
    expect(
      safeLabel('a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069i\u200Ej\u200Fk\u061Cl'),
    ).toBe('abcdefghijkl');
  });

  it('keeps every other character, right-to-left scripts included', () => {
    expect(safeLabel('שלום Acme — مرحبا')).toBe('שלום Acme — مرحبا');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const safe = safeLabel(text);
        expect(safe).not.toMatch(new RegExp(BIDI_CONTROLS.source));
        expect(safeLabel(safe)).toBe(safe);
        expect(safe).toBe(text.replace(BIDI_CONTROLS, ''));
      }),
    );
  });
});

describe('formatGap', () => {
  it.each([
    [0, '±0'],
    [-0, '±0'],
    [0.4, '±0'],
    [-0.4, '±0'],
    [-0.5, '−1'],
    [0.5, '+1'],
    [12, '+12'],
    [-12, '−12'],
  ])('writes %d as %s (finding 11: no "−0" or "+0")', (value, text) => {
    expect(formatGap(value)).toBe(text);
  });

  it('keeps decimals when asked, and still never writes a signed zero', () => {
    expect(formatGap(1.25, 1)).toBe('+1.3');
    expect(formatGap(-0.04, 1)).toBe('±0');
    expect(formatGap(-2.5, 1)).toBe('−2.5');
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), fc.nat(2), (value, digits) => {
        const text = formatGap(value, digits);
        expect(text).toMatch(/^(±0|[+−]\d+(\.\d+)?)$/);
        expect(text).not.toMatch(/^[+−]0(\.0+)?$/);
      }),
    );
  });
});
