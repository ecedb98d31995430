import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelChoices, labelKey, tidyLabel } from '../../src/lib/team-labels';

describe('tidyLabel and labelKey', () => {
  it('trims, collapses spaces and normalises, keeping case for display', () => {
    expect(tidyLabel('  acme   support ')).toBe('acme support');
    expect(tidyLabel('Acme\u00a0\tSupport\n')).toBe('Acme Support');
    expect(tidyLabel('Cafe\u0301')).toBe('Café');
    expect(labelKey('acme support ')).toBe(labelKey('Acme Support'));
    expect(labelKey('   ')).toBe('');
  });

  it('is idempotent, and spacing or case never splits a key', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(' ', '  ', '\t'), (label, gap) => {
        expect(tidyLabel(tidyLabel(label))).toBe(tidyLabel(label));
        const spaced = `${gap}${label.split(' ').join(`${gap} `)}${gap}`;
        expect(labelKey(spaced.toUpperCase())).toBe(labelKey(label.toUpperCase()));
      }),
    );
  });
});

describe('labelChoices', () => {
  it('merges spellings, shows the most common, and sorts for people', () => {
    const choices = labelChoices([
      'acme support ',
      'Acme Support',
      'Acme Support',
      'Team 10',
      'Team 2',
      '',
      '   ',
      'beta',
    ]);
    expect(choices).toEqual([
      { key: 'acme support', label: 'Acme Support', n: 3 },
      { key: 'beta', label: 'beta', n: 1 },
      { key: 'team 2', label: 'Team 2', n: 1 },
      { key: 'team 10', label: 'Team 10', n: 1 },
    ]);
    expect(labelChoices([])).toEqual([]);
  });

  it('keeps the first spelling met on a tie', () => {
    expect(labelChoices(['north', 'NORTH'])).toEqual([{ key: 'north', label: 'north', n: 2 }]);
  });
});
