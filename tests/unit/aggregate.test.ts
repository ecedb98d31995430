import { describe, expect, it } from 'vitest';
import {
  LOW_SCORE,
  MIN_GROUP,
  aggregateTeam,
  extractFragment,
  filterByLabel,
  labelsOf,
  parseTeamLinks,
  teamBankVersion,
  summarise,
  type TeamResponse,
} from '../../src/lib/aggregate';
import type { Bank } from '../../src/lib/bank';
import { scoreResponse, type Answers } from '../../src/lib/scoring';
import { decodeResult, encodeResult, sharedFromResponse } from '../../src/lib/share-link';
import { answerAll, testBank } from '../fixtures/test-bank';

/** The test bank under the one bank id share links can carry. */
const bank: Bank = { ...testBank(), id: 'culture-navigator' };

function link(role: string, answers: Answers, label = '', from: Bank = bank): string {
  return encodeResult(sharedFromResponse(from, role, answers, label));
}

/** A respondent built directly, for aggregation tests that need exact scores. */
function respondent(
  role: string,
  scores: (number | null)[],
  overall: number | null = null,
  label = '',
): TeamResponse {
  return { line: 0, fragment: '', role, label, scores, overall };
}

/** Scores for the four dimensions of the test bank, the first given, the rest 50. */
const first = (score: number | null): (number | null)[] => [score, 50, 50, 50];

describe('the thresholds', () => {
  it('are the documented ones', () => {
    expect(LOW_SCORE).toBe(40);
    expect(MIN_GROUP).toBe(3);
  });
});

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

describe('aggregateTeam', () => {
  it('summarises each dimension over the respondents scored in it', () => {
    const team = aggregateTeam(bank, [
      respondent('manager', [10, 80, null, 50], 40),
      respondent('manager', [30, null, null, 50], null),
      respondent('manager', [null, 60, null, 50], 60),
    ]);
    expect(team.respondents).toBe(3);
    expect(team.dimensions.map((d) => [d.id, d.name, d.short])).toEqual(
      bank.dimensions.map((d) => [d.id, d.name, d.short]),
    );
    expect(team.dimensions[0]?.summary).toMatchObject({ n: 2, mean: 20, min: 10, max: 30 });
    expect(team.dimensions[1]?.summary).toMatchObject({ n: 2, mean: 70, median: 70 });
    expect(team.dimensions[2]?.summary).toBeNull();
    expect(team.dimensions[2]?.lowShare).toBeNull();
    expect(team.dimensions[3]?.summary?.n).toBe(3);
    expect(team.overall).toMatchObject({ n: 2, mean: 50, min: 40, max: 60 });
  });

  it('counts scores below LOW_SCORE, not at it, as low', () => {
    const team = aggregateTeam(bank, [
      respondent('other', first(39)),
      respondent('other', first(40)),
      respondent('other', first(0)),
      respondent('other', first(null)),
      respondent('other', first(100)),
    ]);
    // Two of the four scored respondents are under 40; the unscored one is not counted.
    expect(team.dimensions[0]?.lowShare).toBe(0.5);
    expect(team.dimensions[1]?.lowShare).toBe(0);
  });

  it('shows roles only for groups of at least MIN_GROUP, in bank role order', () => {
    const team = aggregateTeam(bank, [
      respondent('frontline', first(10)),
      respondent('frontline', first(20)),
      respondent('frontline', first(30)),
      respondent('executive', first(90)),
      respondent('executive', first(70)),
      respondent('manager', first(60)),
      respondent('manager', first(80)),
      respondent('manager', first(null)),
      respondent('manager', first(70)),
    ]);
    // Executives (2) are hidden; managers count only their 3 scored members in dimension 1.
    expect(team.dimensions[0]?.byRole).toEqual([
      { role: 'manager', n: 3, mean: 70 },
      { role: 'frontline', n: 3, mean: 20 },
    ]);
    expect(team.dimensions[1]?.byRole).toEqual([
      { role: 'manager', n: 4, mean: 50 },
      { role: 'frontline', n: 3, mean: 50 },
    ]);
    expect(team.roleCounts).toEqual([
      { role: 'executive', n: 2 },
      { role: 'manager', n: 4 },
      { role: 'frontline', n: 3 },
    ]);
  });

  it('hides a role that drops under MIN_GROUP in one dimension only', () => {
    const team = aggregateTeam(bank, [
      respondent('manager', [60, 60, 60, 60]),
      respondent('manager', [60, 60, 60, 60]),
      respondent('manager', [60, null, 60, 60]),
    ]);
    expect(team.dimensions[0]?.byRole).toEqual([{ role: 'manager', n: 3, mean: 60 }]);
    expect(team.dimensions[1]?.byRole).toEqual([]);
  });

  it('gives the perception gap as executives minus front line', () => {
    const executives = [80, 70, 90].map((s) => respondent('executive', [s, 20, 50, 50]));
    const frontline = [40, 50, 60].map((s) => respondent('frontline', [s, 80, 50, 50]));
    const team = aggregateTeam(bank, [...executives, ...frontline]);
    expect(team.dimensions[0]?.gap).toEqual({ executive: 80, frontline: 50, difference: 30 });
    expect(team.dimensions[1]?.gap).toEqual({ executive: 20, frontline: 80, difference: -60 });
    expect(team.dimensions[2]?.gap).toEqual({ executive: 50, frontline: 50, difference: 0 });
  });

  it('gives no gap unless both groups have MIN_GROUP scored respondents', () => {
    const team = aggregateTeam(bank, [
      respondent('executive', [80, 80, 80, 80]),
      respondent('executive', [80, 80, 80, 80]),
      respondent('executive', [80, null, 80, 80]),
      respondent('frontline', [40, 40, 40, 40]),
      respondent('frontline', [40, 40, 40, 40]),
      respondent('frontline', [40, 40, 40, 40]),
      respondent('manager', [40, 40, 40, 40]),
    ]);
    expect(team.dimensions[0]?.gap?.difference).toBe(40);
    // Only two executives are scored in dimension 2.
    expect(team.dimensions[1]?.gap).toBeNull();
    // Without front-line respondents at all.
    const noFrontline = aggregateTeam(
      bank,
      [80, 80, 80].map((s) => respondent('executive', first(s))),
    );
    expect(noFrontline.dimensions[0]?.gap).toBeNull();
  });

  it('keeps respondents of a role the bank does not know, after the bank roles', () => {
    const team = aggregateTeam(bank, [
      respondent('auditor', first(10)),
      respondent('other', first(20)),
      respondent('auditor', first(20)),
      respondent('auditor', first(30)),
    ]);
    expect(team.roleCounts).toEqual([
      { role: 'other', n: 1 },
      { role: 'auditor', n: 3 },
    ]);
    expect(team.dimensions[0]?.byRole).toEqual([{ role: 'auditor', n: 3, mean: 20 }]);
  });

  it('treats a missing score (a scores array shorter than the bank) as not scored', () => {
    const team = aggregateTeam(bank, [respondent('other', [70]), respondent('other', [50, 30])]);
    expect(team.dimensions.map((d) => d.summary?.n ?? 0)).toEqual([2, 1, 0, 0]);
    expect(team.dimensions[1]?.lowShare).toBe(1);
  });

  it('handles an empty team', () => {
    const team = aggregateTeam(bank, []);
    expect(team.respondents).toBe(0);
    expect(team.overall).toBeNull();
    expect(team.roleCounts).toEqual([]);
    expect(team.dimensions).toHaveLength(bank.dimensions.length);
    for (const d of team.dimensions) {
      expect(d).toMatchObject({ summary: null, lowShare: null, byRole: [], gap: null });
    }
  });
});

describe('parseTeamLinks', () => {
  // All 4s on the scale; each dimension's last statement is reverse-worded (25), the others 75.
  const agree = answerAll(bank, 4);
  const disagree = answerAll(bank, 2);

  it('scores each link against the bank, keeping line, role and label', () => {
    const lines = [
      link('executive', agree, 'North'),
      `https://x.test/result/#${link('frontline', disagree)}`,
    ];
    const { responses, problems } = parseTeamLinks(lines, bank);
    expect(problems).toEqual([]);
    const expected = scoreResponse(bank, agree);
    expect(responses[0]).toEqual({
      line: 1,
      fragment: lines[0],
      role: 'executive',
      label: 'North',
      scores: expected.dimensions.map((d) => d.score),
      overall: expected.overall,
    });
    // lead: 75, 75, 75 and a reverse 4 (25) → 62.5 → 63.
    expect(responses[0]?.scores[0]).toBe(63);
    expect(responses[1]).toMatchObject({
      line: 2,
      role: 'frontline',
      label: '',
      fragment: link('frontline', disagree),
    });
    expect(responses[1]?.scores).toEqual(
      scoreResponse(bank, disagree).dimensions.map((d) => d.score),
    );
  });

  it('keeps "not enough answers" as null', () => {
    const { responses } = parseTeamLinks([link('other', { 'lead-1': 5 })], bank);
    expect(responses[0]?.scores).toEqual([null, null, null, null]);
    expect(responses[0]?.overall).toBeNull();
  });

  it('skips blank lines silently and still counts them for line numbers', () => {
    const { responses, problems } = parseTeamLinks(['', '   ', link('manager', agree), '\t'], bank);
    expect(problems).toEqual([]);
    expect(responses.map((r) => r.line)).toEqual([3]);
  });

  it("reports a line that does not decode with the decoder's message, and skips it", () => {
    const good = link('manager', agree);
    // Change one character of the payload: the checksum no longer matches.
    const changed = `${good.slice(0, 10)}${good[10] === 'A' ? 'B' : 'A'}${good.slice(11)}`;
    const lines = ['  not a link  ', good, changed];
    const { responses, problems } = parseTeamLinks(lines, bank);
    expect(responses.map((r) => r.line)).toEqual([2]);
    const notALink = decodeResult('not a link');
    const altered = decodeResult(changed);
    expect(notALink.ok || altered.ok).toBe(false);
    expect(problems).toEqual([
      { line: 1, text: 'not a link', message: notALink.ok ? '' : notALink.message },
      { line: 3, text: changed, message: altered.ok ? '' : altered.message },
    ]);
    expect(problems[1]?.message).toMatch(/altered or mistyped/);
  });

  it('reports duplicates with the line that was added first', () => {
    const fragment = link('manager', agree, 'North');
    const lines = [
      link('frontline', agree),
      `https://example.org/result/#${fragment}`,
      '',
      link('manager', agree, 'South'),
      `#${fragment}`,
      fragment,
    ];
    const { responses, problems } = parseTeamLinks(lines, bank);
    expect(responses.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(problems).toEqual([
      {
        line: 5,
        text: `#${fragment}`,
        message: 'Duplicate of line 2: the same result was already added.',
      },
      {
        line: 6,
        text: fragment,
        message: 'Duplicate of line 2: the same result was already added.',
      },
    ]);
  });

  it('reports a repeated broken line for what is wrong with it, not as a duplicate', () => {
    const { problems } = parseTeamLinks(['r1.x', 'r1.x'], bank);
    expect(problems.map((p) => p.message)).toEqual([
      expect.not.stringMatching(/Duplicate/),
      expect.not.stringMatching(/Duplicate/),
    ]);
  });

  it('reports a link made with another version of the questionnaire', () => {
    const v2: Bank = { ...bank, version: 2 };
    const { responses, problems } = parseTeamLinks([link('manager', agree, '', v2)], bank);
    expect(responses).toEqual([]);
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
    const { problems } = parseTeamLinks([link('manager', agree)], testBank());
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
    const { responses, problems } = parseTeamLinks([wrongRole, shorter], bank);
    expect(responses).toEqual([]);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [1, expect.stringMatching(/does not fit the questionnaire version/)],
      [2, expect.stringMatching(/does not fit the questionnaire version/)],
    ]);
  });

  it('feeds aggregateTeam: a perception gap from real links', () => {
    const lines = [
      ...['A', 'B', 'C'].map((label) => link('executive', agree, label)),
      ...['D', 'E', 'F'].map((label) => link('frontline', disagree, label)),
    ];
    const { responses } = parseTeamLinks(lines, bank);
    const team = aggregateTeam(bank, responses);
    // lead: agreeing 63 vs disagreeing (25, 25, 25 and a reverse 2 → 75) 37.5 → 38.
    expect(team.dimensions[0]?.gap).toEqual({ executive: 63, frontline: 38, difference: 25 });
    expect(team.respondents).toBe(6);
  });
});

describe('labelsOf and filterByLabel', () => {
  const responses = [
    respondent('manager', first(10), null, 'Team 10'),
    respondent('manager', first(20), null, 'Team 2'),
    respondent('manager', first(30), null, ''),
    respondent('manager', first(40), null, 'Team 2'),
    respondent('manager', first(50), null, '  '),
    respondent('manager', first(60), null, 'beta'),
    respondent('manager', first(70), null, 'Acme'),
  ];

  it('lists distinct non-empty labels for people: case ignored, numbers in numeric order', () => {
    expect(labelsOf(responses)).toEqual(['Acme', 'beta', 'Team 2', 'Team 10']);
    expect(labelsOf([])).toEqual([]);
  });

  it('filters by exact label, or keeps everyone for null', () => {
    expect(filterByLabel(responses, 'Team 2').map((r) => r.scores[0])).toEqual([20, 40]);
    expect(filterByLabel(responses, 'Nobody')).toEqual([]);
    const all = filterByLabel(responses, null);
    expect(all).toEqual(responses);
    expect(all).not.toBe(responses);
  });
});

describe('teamBankVersion', () => {
  it('pools the version of the first readable link, or the newest when none reads', () => {
    const make = (version: number) =>
      encodeResult({ bank: 'culture-navigator', version, role: 0, answers: [1], label: '' });
    const latest = { id: 'culture-navigator', version: 2 };
    expect(
      teamBankVersion(['', 'not a link', `https://x.org/result/#${make(1)}`, make(2)], latest),
    ).toEqual({
      id: 'culture-navigator',
      version: 1,
    });
    expect(teamBankVersion(['', 'r1.broken'], latest)).toBe(latest);
  });
});
