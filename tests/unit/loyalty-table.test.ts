import { describe, expect, it } from 'vitest';
import { matchColumns, readRating, readTable } from '../../src/lib/loyalty-table';
import {
  CHUNK_CHARS,
  delimiterOf,
  loyaltyCsv,
  loyaltyJson,
  parseRows,
  parseRowsInChunks,
  sampleSurvey,
} from '../../src/lib/loyalty-file';
import { loyaltyReport } from '../../src/lib/loyalty';

describe('matching columns by header', () => {
  it('finds every role whatever the case and punctuation', () => {
    expect(matchColumns(['Region', 'NPS', 'Renew', 'Try_Other', 'Quarter'])).toEqual({
      recommend: 1,
      repurchase: 2,
      tryOther: 3,
      segment: 0,
      period: 4,
    });
    expect(
      matchColumns(['How likely to recommend?', 'Buy again', 'Other offerings', 'Group', 'Wave']),
    ).toEqual({ recommend: 0, repurchase: 1, tryOther: 2, segment: 3, period: 4 });
    expect(matchColumns(['LTR', 'date'])).toMatchObject({ recommend: 0, period: 1 });
  });

  it('leaves a role unset when no header fits, and uses each column once', () => {
    expect(matchColumns(['id', 'comment'])).toEqual({
      recommend: null,
      repurchase: null,
      tryOther: null,
      segment: null,
      period: null,
    });
    expect(matchColumns(['recommend', 'recommend again'])).toMatchObject({
      recommend: 0,
      repurchase: null,
    });
  });
});

describe('reading ratings', () => {
  it('accepts whole numbers from 0 to 10 and names every other problem', () => {
    expect(['0', ' 10 ', '+7'].map(readRating)).toEqual([0, 10, 7]);
    expect(['', '  '].map(readRating)).toEqual(['blank', 'blank']);
    expect(['11', '-1'].map(readRating)).toEqual(['out of range', 'out of range']);
    expect(['7.5', '8,0', '.5'].map(readRating)).toEqual(['decimal', 'decimal', 'decimal']);
    expect(['1', '0', '10'].map(readRating)).toEqual([1, 0, 10]);
    expect(['a', '-'].map(readRating)).toEqual(['not a number', 'not a number']);
    expect(['seven', '7a', 'N/A'].map(readRating)).toEqual([
      'not a number',
      'not a number',
      'not a number',
    ]);
  });
});

describe('reading a table', () => {
  const map = { recommend: 1, repurchase: 2, tryOther: null, segment: 0, period: 3 };

  it('keeps good rows and lists every bad cell with its spreadsheet row number', () => {
    const rows = [
      ['segment', 'nps', 'renew', 'date'],
      ['North', '9', '10', '2026-01-05'],
      ['', '', ''],
      ['South', '', '7', 'Q2'],
      ['South', '12', 'x', 'Q2'],
      [' East ', '6', '7.5', 'Q2'],
      ['West', '4', '3'],
    ];
    const reading = readTable(rows, map);
    expect(reading.rows).toBe(5);
    expect(reading.responses).toEqual([
      {
        row: 2,
        recommend: 9,
        repurchase: 10,
        tryOther: null,
        segment: 'North',
        period: '2026 Q1',
      },
      { row: 7, recommend: 4, repurchase: 3, tryOther: null, segment: 'West', period: '' },
    ]);
    expect(reading.problemRows).toBe(3);
    expect(reading.problems).toEqual([
      { row: 4, role: 'recommend', value: '', problem: 'blank' },
      { row: 5, role: 'recommend', value: '12', problem: 'out of range' },
      { row: 5, role: 'repurchase', value: 'x', problem: 'not a number' },
      { row: 6, role: 'repurchase', value: '7.5', problem: 'decimal' },
    ]);
  });

  it('reads only the recommend column when no other is mapped', () => {
    const reading = readTable([['ltr'], ['10'], ['3']], {
      recommend: 0,
      repurchase: null,
      tryOther: null,
      segment: null,
      period: null,
    });
    expect(reading.responses.map((r) => [r.recommend, r.segment, r.period])).toEqual([
      [10, '', ''],
      [3, '', ''],
    ]);
  });
});

describe('the file code', () => {
  it('reads comma, semicolon and tab separated text with quoted cells', () => {
    for (const text of [
      'nps,segment\n9,"North, upper"\n',
      'nps;segment\n9;"North, upper"\n',
      'nps\tsegment\n9\t"North, upper"\n',
    ]) {
      const parsed = parseRows(text);
      expect(parsed).toEqual({
        ok: true,
        rows: [['nps', 'segment'], ['9', 'North, upper'], ['']],
      });
    }
  });

  it('guesses the delimiter from the header row', () => {
    expect(delimiterOf('a;b,c;d\n1;2')).toBe(';');
    expect(delimiterOf('a|b|c')).toBe('|');
    expect(delimiterOf('a\tb;c')).toBe('\t');
    expect(delimiterOf('recommend')).toBe(',');
  });

  it('says what is wrong with empty text, a header alone or broken quoting', () => {
    const message = (text: string) => {
      const parsed = parseRows(text);
      return parsed.ok ? '' : parsed.message;
    };
    expect(message('')).toContain('empty');
    expect(message('nps')).toContain('only one row');
    expect(message('nps,segment\n9,"North\n')).toContain('quotation mark');
  });

  it('reads in chunks exactly what it reads at once, reporting progress', async () => {
    const lines = ['nps,segment,comment'];
    for (let i = 0; i < 60_000; i += 1) {
      lines.push(`${i % 11},S${i % 7},"line one\nline two, ${i}"`);
    }
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(3 * CHUNK_CHARS);
    const shares: number[] = [];
    const chunked = await parseRowsInChunks(text, (share) => shares.push(share));
    expect(chunked).toEqual(parseRows(text));
    expect(shares.length).toBeGreaterThan(3);
    expect(shares.at(-1)).toBe(1);
    expect(await parseRowsInChunks('nps,x\n9,"open\n')).toMatchObject({ ok: false });
  });

  it('exports the results as CSV and JSON', () => {
    const people = [
      { row: 2, recommend: 10, repurchase: 9, tryOther: 6, segment: '=cmd', period: 'Q1' },
      { row: 3, recommend: 6, repurchase: 9, tryOther: 9, segment: '=cmd', period: 'Q2' },
    ];
    const report = loyaltyReport(people, 2);
    const csv = loyaltyCsv(report);
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'scope,group,measure,respondents,promoters,passives,detractors,score,low_95,high_95',
    );
    expect(lines[1]).toMatch(/^all,All respondents,Recommend,2,1,0,1,0,/);
    expect(csv).toContain(`segment,"'=cmd",Recommend,2`);
    expect(csv).toContain('all,All respondents,Customer Loyalty Index,2,,,,33.3,');
    expect(lines.filter((line) => line.startsWith('period,'))).toHaveLength(10);
    const json = JSON.parse(
      loyaltyJson(report, { minSegment: 2, source: 'survey.csv', date: '2026-11-25' }),
    ) as { format: string; overall: { n: number }; method: { minimumSegment: number } };
    expect(json.format).toBe('ccn-loyalty');
    expect(json.overall.n).toBe(2);
    expect(json.method.minimumSegment).toBe(2);
  });
});

describe('the sample survey', () => {
  it('is the same every time, reads cleanly and has something for every part of the page', () => {
    expect(sampleSurvey(200)).toBe(sampleSurvey(200));
    const parsed = parseRows(sampleSurvey());
    if (!parsed.ok) throw new Error(parsed.message);
    const reading = readTable(parsed.rows, matchColumns(parsed.rows[0] ?? []));
    expect(reading.problems).toEqual([]);
    const report = loyaltyReport(reading.responses, 30);
    expect(report.overall.n).toBe(900);
    expect(report.segments.shown).toHaveLength(3);
    expect(report.segments.hidden).toEqual([{ label: 'Public sector', n: 23 }]);
    expect(report.periods.map((p) => p.label)).toEqual(['2026 Q1', '2026 Q2', '2026 Q3']);
  });
});
