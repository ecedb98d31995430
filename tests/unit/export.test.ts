import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  HISTORY_MAX_BYTES,
  HISTORY_MAX_ENTRIES,
  RESULT_CSV_FIELDS,
  historyFile,
  parseHistoryFile,
  resultCsv,
  resultJson,
  safeFileName,
  teamFiguresCsv,
  type HistoryEntry,
  type ResultJson,
} from '../../src/lib/export';
import type { Bank } from '../../src/lib/bank';
import { scoreResponse, type Answers } from '../../src/lib/scoring';
import { encodeResult } from '../../src/lib/share-link';
import { sharedFromResponse } from '../../src/lib/share-response';
import { answerAll, testBank } from '../fixtures/test-bank';

// Only 'culture-navigator' has a bank code, so real links need the fixture under that id.
const bank: Bank = { ...testBank(), id: 'culture-navigator' };

/**
 * lead: all agree; listen: one scored, three "don't know", one unanswered (too few to score);
 * train: all disagree; cheer: all neutral.
 */
const mixed: Answers = {
  ...Object.fromEntries(Object.entries(answerAll(bank, 3)).filter(([id]) => id !== 'listen-5')),
  'lead-1': 4,
  'lead-2': 4,
  'lead-3': 4,
  'lead-4': 4,
  'listen-1': 5,
  'listen-2': 0,
  'listen-3': 0,
  'listen-4': 0,
  'train-1': 2,
  'train-2': 2,
  'train-3': 2,
  'train-4': 2,
};

function link(label = 'Acme', answers: Answers = mixed, role = 'manager'): string {
  return encodeResult(sharedFromResponse(bank, role, answers, label));
}

/** Reads CSV the way a spreadsheet would: every row as an array of cells. */
function cells(csv: string): string[][] {
  const parsed = Papa.parse<string[]>(csv, { header: false, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

const meta = { role: 'Manager', label: 'Acme Support', date: '2026-11-22' };

describe('resultCsv', () => {
  const result = scoreResponse(bank, mixed);

  it('writes a header, the about rows, one row per dimension, the overall and the stage', () => {
    const csv = resultCsv(bank, result, meta);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const rows = cells(csv);
    expect(rows[0]).toEqual(['section', 'item', 'value', 'answered', 'dont_know', 'total']);
    expect(rows[0]).toEqual(RESULT_CSV_FIELDS);
    expect(rows.slice(1, 5)).toEqual([
      ['about', 'Questionnaire', 'culture-navigator v1', '', '', ''],
      ['about', 'Role', 'Manager', '', '', ''],
      ['about', 'Label', 'Acme Support', '', '', ''],
      ['about', 'Date', '2026-11-22', '', '', ''],
    ]);
    expect(rows.slice(5, 9)).toEqual([
      // lead: 75, 75, 75 and the reversed 25 → 62.5 → 63.
      ['dimension', 'lead name', '63', '4', '0', '4'],
      // listen: one scored answer of five is too few, so the score cell is empty.
      ['dimension', 'listen name', '', '1', '3', '5'],
      // train: 25, 25, 25 and the reversed 75 → 37.5 → 38.
      ['dimension', 'train name', '38', '4', '0', '4'],
      ['dimension', 'cheer name', '50', '4', '0', '4'],
    ]);
    // (62.5 + 37.5 + 50) / 3 = 50, stage "Three" (40–59).
    expect(rows.slice(9)).toEqual([
      ['overall', 'Overall index', '50', '13', '3', '17'],
      ['stage', 'Stage', 'Three', '', '', ''],
    ]);
  });

  it('leaves the overall index and stage empty when there are not enough answers', () => {
    const rows = cells(resultCsv(bank, scoreResponse(bank, { 'lead-1': 3 }), meta));
    expect(rows.find((row) => row[0] === 'overall')).toEqual([
      'overall',
      'Overall index',
      '',
      '1',
      '0',
      '17',
    ]);
    expect(rows.find((row) => row[0] === 'stage')).toEqual(['stage', 'Stage', '', '', '', '']);
    expect(rows.filter((row) => row[0] === 'dimension').map((row) => row[2])).toEqual([
      '',
      '',
      '',
      '',
    ]);
  });

  it.each([
    ['=HYPERLINK("https://evil.example","click")'],
    ['+1+2'],
    ['-2+3'],
    ['@SUM(A1:A2)'],
    ['\t=1+1'],
    ['\r=1+1'],
    ['=1\n+2'],
    // Finding 9: each of these was written without the apostrophe.
    [' =1+1'],
    ['\u00A0=1+1'],
    ['\n=1+1'],
    ['\uFF1D1+1'],
    ['\uFF0B1'],
    ['\uFF0D1'],
    ['\uFF20SUM(A1)'],
    [';=1+1'],
    ['"=1+1'],
    [' \u200B\t ,|=1'],
    ['\u2212\u20051'],
  ])('puts an apostrophe before a label that a spreadsheet would run: %j', (label) => {
    const rows = cells(resultCsv(bank, result, { ...meta, label, role: label }));
    expect(rows[2]?.[2]).toBe(`'${label}`);
    expect(rows[3]?.[2]).toBe(`'${label}`);
  });

  it('leaves no cell that reads as a formula once trimmed (property)', () => {
    const piece = fc.constantFrom(
      ...[' ', '\u00A0', '\n', '\t', '\r', '\u3000', '\u200B', ';', ',', '"', "'", '|'],
      ...['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '\u2212', 'a', '1', 'Acme'],
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (pieces) => {
        const label = pieces.join('');
        const written = cells(resultCsv(bank, result, { ...meta, label }))[3]?.[2] ?? '';
        // What a spreadsheet sees once it trims and skips separator-like characters.
        const seen = written.replace(/^[\s\u200B;,"|]+/, '');
        expect(written === label || written === `'${label}`).toBe(true);
        expect(seen.startsWith("'") || !/^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\u2212]/.test(seen)).toBe(
          true,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('keeps harmless text as it is, including commas, quotes and line breaks', () => {
    const label = 'Acme, "Support"\nteam = 1 + 2';
    const rows = cells(resultCsv(bank, result, { ...meta, label }));
    expect(rows[3]?.[2]).toBe(label);
    expect(rows).toHaveLength(11);
  });
});

describe('resultJson', () => {
  it('writes the result, its bank version and the share link as pretty JSON', () => {
    const result = scoreResponse(bank, mixed);
    const text = resultJson(bank, result, { ...meta, link: `https://x.example/#${link()}` });
    expect(text).toContain('\n  "format": "ccn-result",');
    const json = JSON.parse(text) as ResultJson;
    expect(json).toEqual({
      format: 'ccn-result',
      version: 1,
      bank: { id: 'culture-navigator', version: 1 },
      role: 'Manager',
      label: 'Acme Support',
      date: '2026-11-22',
      overall: 50,
      stage: { id: 's3', name: 'Three' },
      dimensions: [
        { id: 'lead', name: 'lead name', score: 63, scored: 4, dontKnow: 0, total: 4 },
        { id: 'listen', name: 'listen name', score: null, scored: 1, dontKnow: 3, total: 5 },
        { id: 'train', name: 'train name', score: 38, scored: 4, dontKnow: 0, total: 4 },
        { id: 'cheer', name: 'cheer name', score: 50, scored: 4, dontKnow: 0, total: 4 },
      ],
      link: `https://x.example/#${link()}`,
    });
  });

  it('writes null for the overall index and stage when there are not enough answers', () => {
    const json = JSON.parse(
      resultJson(bank, scoreResponse(bank, {}), { ...meta, link: '' }),
    ) as ResultJson;
    expect(json.overall).toBeNull();
    expect(json.stage).toBeNull();
    expect(json.dimensions.every((d) => d.score === null && d.scored === 0)).toBe(true);
  });
});

describe('teamFiguresCsv', () => {
  it('writes pooled figures with a header, and neutralises formula-like text', () => {
    const csv = teamFiguresCsv([
      ['mean', 'Everyone', 'Listening', 12, 61.5, ''],
      ['mean', 'Manager', 'Listening', null, null, 'hidden: fewer than 5'],
      ['blind spot', 'Everyone', '=HYPERLINK("x")', 9, 33.3, "% don't know"],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(cells(csv)).toEqual([
      ['section', 'group', 'item', 'respondents', 'value', 'note'],
      ['mean', 'Everyone', 'Listening', '12', '61.5', ''],
      ['mean', 'Manager', 'Listening', '', '', 'hidden: fewer than 5'],
      ['blind spot', 'Everyone', `'=HYPERLINK("x")`, '9', '33.3', "% don't know"],
    ]);
  });
});

describe('history file', () => {
  const entries: HistoryEntry[] = [
    { fragment: link('Acme'), savedAt: '2026-11-20T09:30:00.000Z', label: 'Acme', overall: 48 },
    {
      fragment: `#${link('', {})}`,
      savedAt: '2026-11-21T10:00:00+01:00',
      label: '',
      overall: null,
    },
    {
      fragment: link('é'.repeat(60)),
      savedAt: '2026-11-22T23:59:59Z',
      label: 'é'.repeat(60),
      overall: 100,
    },
  ];
  const now = new Date('2026-11-22T12:00:00.000Z');
  /** The entries as a reader gives them back: fragments bare, without the "#". */
  const readBack = entries.map((entry) => ({
    ...entry,
    fragment: entry.fragment.replace('#', ''),
  }));

  /** A history file text with the given entries (valid or not), written by hand. */
  function file(items: unknown[], envelope: Record<string, unknown> = {}): string {
    return JSON.stringify({ format: 'ccn-history', version: 1, entries: items, ...envelope });
  }

  it('writes format, version, export time and entries as pretty JSON', () => {
    const text = historyFile(entries, now);
    expect(text).toContain('\n  "format": "ccn-history",');
    expect(JSON.parse(text)).toEqual({
      format: 'ccn-history',
      version: 1,
      exportedAt: '2026-11-22T12:00:00.000Z',
      entries,
    });
  });

  it('stamps the current time when no time is given', () => {
    const before = Date.now();
    const { exportedAt } = JSON.parse(historyFile([])) as { exportedAt: string };
    expect(Date.parse(exportedAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(exportedAt)).toBeLessThanOrEqual(Date.now());
  });

  it('reads back exactly what it wrote, leaving out fields that are not part of an entry', () => {
    const extra = entries.map((entry) => ({ ...entry, secret: 'x' }));
    expect(parseHistoryFile(historyFile(extra, now))).toEqual({ ok: true, entries: readBack });
    expect(parseHistoryFile(file([{ ...entries[0], more: 1 }]))).toEqual({
      ok: true,
      entries: [entries[0]],
    });
  });

  it('keeps a run id, and normalises fragments and labels (findings 7 and 8)', () => {
    const run = '0b5e7c1e-4a44-4f0e-9d5e-6c0b8d7a1f20';
    const text = file([
      { ...entries[0], fragment: `##${link('Acme')}`, run },
      { ...entries[1], label: '\u202E001 xedni \u2066·\u2069 Acme' },
    ]);
    expect(parseHistoryFile(text)).toEqual({
      ok: true,
      entries: [
        { ...entries[0], run },
        { ...readBack[1], label: '001 xedni · Acme' },
      ],
    });
    expect(JSON.parse(historyFile([{ ...entries[0]!, run }], now))).toMatchObject({
      entries: [{ run }],
    });
    expect(parseHistoryFile(file([{ ...entries[0], run: 'short' }]))).toEqual({
      ok: false,
      message:
        'Entry 1 has a run id that is not 8 to 64 letters, digits, hyphens or underscores. Nothing was imported.',
    });
  });

  it('reads a file with a byte order mark, an empty history and the largest history', () => {
    expect(parseHistoryFile(`\uFEFF${historyFile(entries, now)}`)).toEqual({
      ok: true,
      entries: readBack,
    });
    expect(parseHistoryFile(historyFile([], now))).toEqual({ ok: true, entries: [] });
    const full = Array.from({ length: HISTORY_MAX_ENTRIES }, () => entries[0]!);
    const result = parseHistoryFile(historyFile(full, now));
    expect(result.ok && result.entries.length).toBe(HISTORY_MAX_ENTRIES);
  });

  it.each([[''], ['{'], ['{"format": "ccn-history",}'], ['not json at all']])(
    'refuses text that is not JSON: %j',
    (text) => {
      expect(parseHistoryFile(text)).toEqual({
        ok: false,
        message:
          'This file is not valid JSON, so it is not a history file from the Culture Navigator; it may be damaged or cut short. Nothing was imported.',
      });
    },
  );

  it.each([
    ['null', 'null'],
    ['an array', '[]'],
    ['a result file', resultJson(bank, scoreResponse(bank, mixed), { ...meta, link: link() })],
    ['another format', file([], { format: 'ccn-result' })],
    ['a newer version', file([], { version: 2 })],
    ['no entries', JSON.stringify({ format: 'ccn-history', version: 1 })],
    ['entries that are not a list', file([], { entries: {} })],
  ])('refuses %s as not a history file', (_, text) => {
    const result = parseHistoryFile(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(
      /^This is not a history file exported from the Culture Navigator/,
    );
  });

  it('refuses more than 1,000 entries', () => {
    const items = Array.from({ length: HISTORY_MAX_ENTRIES + 1 }, () => entries[0]);
    expect(parseHistoryFile(file(items))).toEqual({
      ok: false,
      message:
        'This file holds 1001 entries, more than the 1000 a history can hold. Nothing was imported.',
    });
  });

  it.each([
    ['characters', 'x'.repeat(HISTORY_MAX_BYTES + 1)],
    // Fewer characters than the limit, but more bytes once encoded as UTF-8.
    ['bytes', `"${'é'.repeat(HISTORY_MAX_BYTES / 2)}"`],
  ])('refuses text over 2 MB counted in %s', (_, text) => {
    expect(text.length).toBeLessThanOrEqual(HISTORY_MAX_BYTES + 1);
    expect(parseHistoryFile(text)).toEqual({
      ok: false,
      message:
        'This file is larger than 2 MB, far larger than any history file, so it was not read. Nothing was imported.',
    });
  });

  const good = entries[0]!;
  const damaged = `${good.fragment.slice(0, -2)}${good.fragment.endsWith('AA') ? 'BB' : 'AA'}`;
  it.each<[string, unknown, string]>([
    ['a damaged link', { ...good, fragment: damaged }, 'holds a damaged result link.'],
    [
      'a cut link',
      { ...good, fragment: good.fragment.slice(0, 20) },
      'holds a damaged result link.',
    ],
    ['no link', { ...good, fragment: undefined }, 'holds a damaged result link.'],
    ['a link that is not text', { ...good, fragment: 42 }, 'holds a damaged result link.'],
    ['no date', { ...good, savedAt: undefined }, 'has no valid date and time of saving.'],
    ['a date in words', { ...good, savedAt: 'yesterday' }, 'has no valid date and time of saving.'],
    ['a date only', { ...good, savedAt: '2026-11-22' }, 'has no valid date and time of saving.'],
    [
      'an impossible date',
      { ...good, savedAt: '2026-02-31T10:00:00Z' },
      'has no valid date and time of saving.',
    ],
    [
      'a label of 61 characters',
      { ...good, label: 'x'.repeat(61) },
      'has a label that is not text of at most 60 characters.',
    ],
    [
      'a label that is not text',
      { ...good, label: 7 },
      'has a label that is not text of at most 60 characters.',
    ],
    ...[101, -1, 50.5, '50', undefined].map((overall): [string, unknown, string] => [
      `an overall index of ${JSON.stringify(overall)}`,
      { ...good, overall },
      'has an overall index that is not empty or a whole number from 0 to 100.',
    ]),
    ['null', null, 'is not a saved result.'],
    ['a bare link', good.fragment, 'is not a saved result.'],
  ])('refuses the whole file when entry 3 has %s', (_, bad, problem) => {
    const result = parseHistoryFile(file([good, entries[1], bad, good]));
    expect(result).toEqual({ ok: false, message: `Entry 3 ${problem} Nothing was imported.` });
  });

  it('accepts a leap day, refuses the 29th of February in other years', () => {
    const on = (savedAt: string) => parseHistoryFile(file([{ ...good, savedAt }])).ok;
    expect(on('2028-02-29T00:00:00Z')).toBe(true);
    expect(on('2026-02-29T00:00:00Z')).toBe(false);
  });
});

describe('safeFileName', () => {
  it.each([
    ['Acme Support', '2026-11-22.csv', 'culture-navigator-acme-support-2026-11-22.csv'],
    [
      'Société Générale / Nord',
      '2026-11-22.json',
      'culture-navigator-societe-generale-nord-2026-11-22.json',
    ],
    ['  --Acme__Support!!  ', 'team.csv', 'culture-navigator-acme-support-team.csv'],
    ['', '2026-11-22.csv', 'culture-navigator-result-2026-11-22.csv'],
    ['東京チーム', 'history.json', 'culture-navigator-result-history.json'],
    ['../../etc/passwd', '.csv', 'culture-navigator-etc-passwd.csv'],
    ['Acme', '', 'culture-navigator-acme'],
  ])('names %j + %j as %j', (label, suffix, expected) => {
    expect(safeFileName(label, suffix)).toBe(expected);
  });

  it('keeps the slug to 40 characters without a trailing hyphen', () => {
    const name = safeFileName(`${'a'.repeat(39)} bcd`, 'x.csv');
    expect(name).toBe(`culture-navigator-${'a'.repeat(39)}-x.csv`);
    const slug = safeFileName('abcd efgh '.repeat(10), '').replace('culture-navigator-', '');
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
