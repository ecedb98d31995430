import { describe, expect, it } from 'vitest';
import { countOf, dateFormat, formatCount } from '../../src/lib/formats';

describe('formatters made on first use', () => {
  it('formats dates in British English with the options given', () => {
    const when = new Date(Date.UTC(2026, 1, 3, 12));
    expect(dateFormat({ dateStyle: 'long', timeZone: 'UTC' }).format(when)).toBe('3 February 2026');
    expect(
      dateFormat({ day: 'numeric', month: 'short', year: '2-digit', timeZone: 'UTC' }).format(when),
    ).toBe('3 Feb 26');
  });

  it('keeps one formatter per set of options and makes a new one for other options', () => {
    const first = dateFormat({ dateStyle: 'medium' });
    expect(dateFormat({ dateStyle: 'medium' })).toBe(first);
    expect(dateFormat({ dateStyle: 'medium', timeStyle: 'short' })).not.toBe(first);
  });

  it('writes counts with thousands separators', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(1_000_000)).toBe('1,000,000');
  });

  it('puts a count with its noun, singular only for exactly one', () => {
    expect(countOf(1, 'row')).toBe('1 row');
    expect(countOf(0, 'row')).toBe('0 rows');
    expect(countOf(12345, 'row')).toBe('12,345 rows');
    expect(countOf(2, 'new result')).toBe('2 new results');
    expect(countOf(3, 'person', 'people')).toBe('3 people');
    expect(countOf(1, 'person', 'people')).toBe('1 person');
  });
});
