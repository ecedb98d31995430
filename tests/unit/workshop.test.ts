import { describe, expect, it } from 'vitest';
import {
  MAX_WORKSHOPS,
  WORKSHOP_NAME_MAX,
  freshParticipant,
  freshWorkshops,
  newWorkshop,
  parseWorkshops,
  participantSections,
  stepAfter,
  stepBefore,
  workshopId,
  workshopLinksFile,
  workshopName,
  type Workshop,
} from '../../src/lib/workshop';
import { findLinks } from '../../src/lib/extract-links';
import { testBankV2 } from '../fixtures/test-bank';

const NOW = new Date('2026-03-02T09:30:00.000Z');
const BANK = { id: 'culture-navigator', version: 2 };

function workshop(links: string[] = []): Workshop {
  return { ...newWorkshop('ws-a', 'Acme support', BANK, NOW), links };
}

describe('workshop names', () => {
  it('are tidied like labels and cut to the label limit', () => {
    expect(workshopName('  Acme \u202E  support \n')).toBe('Acme support');
    expect(workshopName('x'.repeat(WORKSHOP_NAME_MAX + 5))).toHaveLength(WORKSHOP_NAME_MAX);
    // A cut that ends on a space does not leave it trailing.
    expect(workshopName(`${'a'.repeat(WORKSHOP_NAME_MAX - 1)} b`)).toBe('a'.repeat(59));
    expect(workshopName('   ')).toBe('');
  });
});

describe('workshop ids', () => {
  it('are new even when two workshops start in the same millisecond', () => {
    const first = workshopId(NOW, []);
    expect(first).toMatch(/^ws-[a-z0-9]+$/);
    expect(workshopId(NOW, [first])).toBe(`${first}-2`);
    expect(workshopId(NOW, [first, `${first}-2`])).toBe(`${first}-3`);
  });
});

describe('stored workshops', () => {
  it('start empty and round-trip through JSON', () => {
    expect(parseWorkshops(freshWorkshops())).toEqual({ active: null, workshops: [] });
    const state = {
      active: 'ws-a',
      workshops: [{ ...workshop(['r1.AAAAAAAAAAAAAAAA']), participant: freshParticipant() }],
    };
    expect(parseWorkshops(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it('refuse anything this site did not write', () => {
    const good = { active: null, workshops: [workshop()] };
    expect(parseWorkshops(null)).toBeNull();
    expect(parseWorkshops('text')).toBeNull();
    expect(parseWorkshops({ ...good, active: 'ws-missing' })).toBeNull();
    expect(parseWorkshops({ active: null, workshops: [workshop(), workshop()] })).toBeNull();
    expect(parseWorkshops({ active: null, workshops: [workshop(['https://x/'])] })).toBeNull();
    expect(parseWorkshops({ active: null, workshops: [{ ...workshop(), name: '' }] })).toBeNull();
    expect(
      parseWorkshops({
        active: null,
        workshops: [{ ...workshop(), participant: { role: null, answers: { a: 9 }, screen: 0 } }],
      }),
    ).toBeNull();
    const many = Array.from({ length: MAX_WORKSHOPS + 1 }, (_, i) => ({
      ...workshop(),
      id: `ws-${i}`,
    }));
    expect(parseWorkshops({ active: null, workshops: many })).toBeNull();
  });
});

describe('the links file', () => {
  it('holds one full result link a line, which the team view finds, and names the workshop', () => {
    const links = ['r1.AAAAAAAAAAAAAAAAAAAA', 'r1.BBBBBBBBBBBBBBBBBBBB'];
    const text = workshopLinksFile(workshop(links), 'https://example.org/ccn/result/#old');
    expect(text.split('\n')).toEqual([
      '# Culture Navigator workshop: Acme support',
      '# Started 2026-03-02; 2 participants',
      'https://example.org/ccn/result/#r1.AAAAAAAAAAAAAAAAAAAA',
      'https://example.org/ccn/result/#r1.BBBBBBBBBBBBBBBBBBBB',
      '',
    ]);
    expect([...findLinks(text)].map((find) => find.line)).toEqual([3, 4]);
    expect(workshopLinksFile(workshop(['r1.CCCCCCCCCCCCCCCC']), 'https://e.org/result/')).toContain(
      '1 participant\n',
    );
  });
});

describe("a participant's path", () => {
  it('goes through the sections the role is shown, in order, then to submit', () => {
    const bank = testBankV2();
    const all = participantSections(bank, null);
    expect(all).toEqual(bank.dimensions.map((_, i) => i + 1));
    expect(stepAfter(all, 0)).toBe(1);
    expect(stepAfter(all, 1)).toBe(2);
    expect(stepAfter(all, all.length)).toBe('submit');
    expect(stepBefore(all, 1)).toBe(0);
    expect(stepBefore(all, 3)).toBe(2);
    // A section with no statement for the role is skipped both ways.
    expect(stepAfter([1, 3], 1)).toBe(3);
    expect(stepBefore([1, 3], 3)).toBe(1);
  });

  it('leaves out sections with no statement the role can judge', () => {
    const bank = testBankV2();
    const first = bank.dimensions[0];
    if (first === undefined) throw new Error('no dimension');
    for (const statement of first.statements) statement.judges = ['executive'];
    expect(participantSections(bank, 'frontline')).not.toContain(1);
    expect(participantSections(bank, 'executive')).toContain(1);
  });
});
