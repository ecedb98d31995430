import { describe, expect, it } from 'vitest';
import {
  collectAll,
  commonestVersion,
  extractFragment,
  summarise,
  teamView,
  TeamCollector,
  type TeamRespondent,
} from '../../src/lib/aggregate';
import type { Bank } from '../../src/lib/bank';
import { findLinks } from '../../src/lib/extract-links';
import { scoreResponse, type Answers } from '../../src/lib/scoring';
import { decodeResult, encodeResult } from '../../src/lib/share-link';
import { sharedFromResponse } from '../../src/lib/share-response';
import { answerAll, testBank } from '../fixtures/test-bank';

/** The test bank under the one bank id share links can carry. */
const bank: Bank = { ...testBank(), id: 'culture-navigator' };

function link(role: string, answers: Answers, label = '', from: Bank = bank): string {
  return encodeResult(sharedFromResponse(from, role, answers, label));
}

/** A respondent built directly, for view tests that only need role and label. */
function respondent(role: string, label: string): TeamRespondent {
  return {
    line: 0,
    fragment: '',
    role,
    label,
    labelKey: label.toLowerCase(),
    answers: [],
    scores: [50, 50, 50, 50],
    overall: 50,
  };
}

describe('extractFragment', () => {
  it('takes the part after "#" of a full URL', () => {
    expect(extractFragment('https://example.org/result/?x=1#r1.AQAB')).toBe('r1.AQAB');
  });

  it('accepts a bare fragment with or without "#", trimming whitespace', () => {
    expect(extractFragment('  r1.AQAB\t')).toBe('r1.AQAB');
    expect(extractFragment(' #r1.AQAB \r')).toBe('r1.AQAB');
    expect(extractFragment('https://example.org/result/# r1.AQAB ')).toBe('r1.AQAB');
  });

  it('returns text without "#" whole, for the decoder to judge', () => {
    expect(extractFragment(' https://example.org/result/ ')).toBe('https://example.org/result/');
    expect(extractFragment('   ')).toBe('');
  });
});

describe('summarise', () => {
  it('gives null for no values', () => {
    expect(summarise([])).toBeNull();
  });

  it('makes every figure the value itself for a single value', () => {
    expect(summarise([42])).toEqual({
      n: 1,
      mean: 42,
      median: 42,
      q1: 42,
      q3: 42,
      min: 42,
      max: 42,
    });
  });

  it('interpolates quartiles between closest ranks (odd count, unsorted input)', () => {
    // Sorted 1, 3, 5: q1 sits halfway between ranks 1 and 2, q3 halfway between 2 and 3.
    expect(summarise([5, 1, 3])).toEqual({
      n: 3,
      mean: 3,
      median: 3,
      q1: 2,
      q3: 4,
      min: 1,
      max: 5,
    });
  });

  it('averages the middle pair for the median of an even count', () => {
    // R: quantile(1:4) gives 1, 1.75, 2.5, 3.25, 4.
    expect(summarise([4, 3, 2, 1])).toMatchObject({ median: 2.5, q1: 1.75, q3: 3.25, mean: 2.5 });
  });

  it('agrees with R type 7 / Excel QUARTILE.INC on a textbook sample', () => {
    // R: quantile(c(7, 15, 36, 39, 40, 41)) gives 20.25, 37.5, 39.75.
    const summary = summarise([40, 7, 41, 15, 39, 36]);
    expect(summary).toMatchObject({ n: 6, q1: 20.25, median: 37.5, q3: 39.75, min: 7, max: 41 });
    expect(summary?.mean).toBeCloseTo(178 / 6, 10);
  });

  it('leaves its input untouched', () => {
    const values = [3, 1, 2];
    summarise(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('TeamCollector', () => {
  // All 4s on the scale; each dimension's last statement is reverse-worded (25), the others 75.
  const agree = answerAll(bank, 4);
  const disagree = answerAll(bank, 2);

  it('scores each link against the bank, keeping line, role, tidied label and answers', () => {
    const text = [
      `Mine: https://x.test/result/#${link('executive', agree, '  north   office ')}.`,
      '',
      link('frontline', disagree),
    ].join('\n');
    const { respondents, problems, repeats } = collectAll(bank, findLinks(text));
    expect(problems).toEqual([]);
    expect(repeats).toEqual([]);
    const expected = scoreResponse(bank, agree);
    expect(respondents[0]).toMatchObject({
      line: 1,
      fragment: link('executive', agree, '  north   office '),
      role: 'executive',
      label: 'north office',
      labelKey: 'north office',
      scores: expected.dimensions.map((d) => d.score),
      overall: expected.overall,
    });
    expect(respondents[0]?.answers).toHaveLength(17);
    expect(respondents[0]?.answers.every((a) => a === 4)).toBe(true);
    // lead: 75, 75, 75 and a reverse 4 (25) → 62.5 → 63.
    expect(respondents[0]?.scores[0]).toBe(63);
    expect(respondents[1]).toMatchObject({ line: 3, role: 'frontline', label: '', labelKey: '' });
  });

  it('keeps "not enough answers" as null', () => {
    const { respondents } = collectAll(bank, findLinks(link('other', { 'lead-1': 5 })));
    expect(respondents[0]?.scores).toEqual([null, null, null, null]);
    expect(respondents[0]?.overall).toBeNull();
  });

  it("reports a link that does not decode with the decoder's message", () => {
    const good = link('manager', agree);
    // Change one character of the payload: the checksum no longer matches.
    const changed = `${good.slice(0, 10)}${good[10] === 'A' ? 'B' : 'A'}${good.slice(11)}`;
    const { respondents, problems } = collectAll(bank, findLinks(`${good}\n#${changed}`));
    expect(respondents.map((r) => r.line)).toEqual([1]);
    const altered = decodeResult(changed);
    expect(problems).toEqual([
      { line: 2, text: changed, message: altered.ok ? '' : altered.message },
    ]);
    expect(problems[0]?.message).toMatch(/altered or mistyped/);
  });

  it('counts a repeated link once and notes where it came first', () => {
    const fragment = link('manager', agree, 'North');
    const text = [
      link('frontline', agree),
      `https://example.org/result/#${fragment}`,
      `> #${fragment}`,
      `${fragment} and ${fragment}`,
    ].join('\n');
    const { respondents, repeats } = collectAll(bank, findLinks(text));
    expect(respondents.map((r) => r.line)).toEqual([1, 2]);
    expect(repeats).toEqual([
      { line: 3, first: 2 },
      { line: 4, first: 2 },
      { line: 4, first: 2 },
    ]);
  });

  it('reports a link made with another version of the questionnaire', () => {
    const v2: Bank = { ...bank, version: 2 };
    const { respondents, problems } = collectAll(bank, findLinks(link('manager', agree, '', v2)));
    expect(respondents).toEqual([]);
    expect(problems).toEqual([
      {
        line: 1,
        text: link('manager', agree, '', v2),
        message:
          'Made with a different questionnaire (culture-navigator version 2); this view uses version 1.',
      },
    ]);
  });

  it('names both questionnaires when the bank ids differ', () => {
    const { problems } = collectAll(testBank(), findLinks(link('manager', agree)));
    expect(problems[0]?.message).toBe(
      'Made with a different questionnaire (culture-navigator version 1); this view uses test-bank version 1.',
    );
  });

  it("reports a link that does not fit the bank with responseFromShared's message", () => {
    const wrongRole = encodeResult({ ...sharedFromResponse(bank, 'other', agree, ''), role: 9 });
    const shorter = encodeResult({
      ...sharedFromResponse(bank, 'other', agree, ''),
      answers: [4, 4, 4],
    });
    const { respondents, problems } = collectAll(bank, findLinks(`${wrongRole}\n${shorter}`));
    expect(respondents).toEqual([]);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [1, expect.stringMatching(/does not fit the questionnaire version/)],
      [2, expect.stringMatching(/does not fit the questionnaire version/)],
    ]);
  });

  it('re-checks a find a custom finder passed as decoded, and can be fed one find at a time', () => {
    const collector = new TeamCollector(bank);
    collector.add({ ok: true, line: 4, fragment: 'r1.notalink' });
    collector.add({ ok: false, line: 5, text: 'r1.x', message: 'Broken.' });
    expect(collector.collection.problems).toEqual([
      { line: 4, text: 'r1.notalink', message: expect.any(String) as string },
      { line: 5, text: 'r1.x', message: 'Broken.' },
    ]);
  });
});

describe('teamView', () => {
  const team = [
    ...Array.from({ length: 6 }, () => respondent('executive', 'North')),
    ...Array.from({ length: 6 }, () => respondent('frontline', 'North')),
    ...Array.from({ length: 5 }, () => respondent('frontline', 'South')),
    ...Array.from({ length: 5 }, () => respondent('executive', 'South')),
    respondent('manager', 'South'),
    ...Array.from({ length: 2 }, () => respondent('manager', 'East')),
  ];

  it('shows everyone with role counts, hiding small roles and what would reveal them', () => {
    const view = teamView(bank, team, null, 5);
    expect(view.respondents).toHaveLength(25);
    expect(view.hidden).toBe(false);
    expect(view.roleCounts).toEqual([
      { role: 'executive', n: 11 },
      { role: 'manager', n: 3 },
      { role: 'frontline', n: 11 },
    ]);
    // Managers (3) are hidden, and one more role with them, or All − the rest would show them.
    expect(view.hiddenRoles.has('manager')).toBe(true);
    expect(view.hiddenRoles.size).toBe(2);
    // East (2 people) is hidden, and South with it.
    expect([...view.hiddenLabels].sort()).toEqual(['east', 'south']);
  });

  it('filters by label key and hides a label or role the rule hides', () => {
    const north = teamView(bank, team, 'north', 5);
    expect(north.respondents).toHaveLength(12);
    expect(north.hidden).toBe(false);
    expect(north.hiddenRoles.has('frontline')).toBe(false);
    // Executives are hidden in "All" to protect the managers; a hidden total hides its cells
    // too, or the labels' figures would add up to it.
    expect(north.hiddenRoles.has('executive')).toBe(true);
    const east = teamView(bank, team, 'east', 5);
    expect(east.hidden).toBe(true);
    const nobody = teamView(bank, team, 'west', 5);
    expect(nobody.respondents).toEqual([]);
    expect(nobody.hidden).toBe(true);
  });

  it('hides the whole team below the threshold, and counts unknown roles', () => {
    const small = [respondent('executive', ''), respondent('coach', '')];
    const view = teamView(bank, small, null, 3);
    expect(view.hidden).toBe(true);
    expect(view.roleCounts).toEqual([
      { role: 'executive', n: 1 },
      { role: 'coach', n: 1 },
    ]);
  });
});

describe('commonestVersion', () => {
  const agree = answerAll(bank, 4);
  const v2: Bank = { ...bank, version: 2 };

  it('picks the version most readable links were made with, the newer on a tie', () => {
    const one = link('manager', agree, 'A');
    const two = [link('manager', agree, 'B', v2), link('frontline', agree, 'C', v2)];
    expect(commonestVersion(findLinks([one, ...two].join('\n')))).toEqual({
      id: 'culture-navigator',
      version: 2,
    });
    expect(
      commonestVersion(findLinks([one, link('manager', agree, 'D'), ...two].join('\n'))),
    ).toEqual({
      id: 'culture-navigator',
      version: 2,
    });
    expect(
      commonestVersion(
        findLinks([one, link('manager', agree, 'D'), link('frontline', agree, 'E')].join('\n')),
      ),
    ).toEqual({ id: 'culture-navigator', version: 1 });
  });

  it('is null without a readable link', () => {
    expect(commonestVersion(findLinks('#r1.AAAAAAAAAAAAAAAAAAAA\nhello'))).toBeNull();
    expect(commonestVersion([{ ok: true, line: 1, fragment: 'r1.broken' }])).toBeNull();
  });
});
