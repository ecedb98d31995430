/**
 * The loyalty calculator's file code, loaded only when a file or pasted text is read or results
 * are exported: papaparse turns text into rows (delimiter detected: comma, semicolon, tab…),
 * optionally in chunks that give the page back between them, and the results become CSV or JSON.
 */
import Papa from 'papaparse';
import type { ParseError, ParseResult, Parser } from 'papaparse';
import { quoteProblem, toCsv, type Cell } from './csv';
import type { LoyaltyReport } from './loyalty';
import type { LoyaltySummary } from './loyalty-index';
import { QUESTIONS, QUESTION_LABELS, type Estimate } from './loyalty-score';

/** Rows of cells read from text, or a sentence saying why the text cannot be read. */
export type ParsedRows = { ok: true; rows: string[][] } | { ok: false; message: string };

/** Characters handed to papaparse at a time when reading in chunks. */
export const CHUNK_CHARS = 512 * 1024;

function finish(rows: string[][], quoteError: ParseError | undefined): ParsedRows {
  if (quoteError !== undefined) return { ok: false, message: quoteProblem(quoteError) };
  const header = rows[0];
  if (header === undefined || rows.every((cells) => cells.join('').trim() === '')) {
    return { ok: false, message: 'This file or text is empty: there is nothing to read.' };
  }
  if (rows.length < 2) {
    return {
      ok: false,
      message:
        'There is only one row. The first row must name the columns and each row after it holds one respondent.',
    };
  }
  return { ok: true, rows };
}

/**
 * The delimiter, guessed from the header row: the most frequent of tab, semicolon, comma and
 * bar there (ties in that order), comma when none appears. The header names the columns and
 * rarely holds quoted delimiters, so it is a steadier guide than papaparse's guess over the
 * first rows, which a comma inside quoted answers can mislead.
 */
export function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r|\n|$/));
  let best = ',';
  let most = 0;
  for (const candidate of ['\t', ';', ',', '|']) {
    const count = header.split(candidate).length - 1;
    if (count > most) {
      best = candidate;
      most = count;
    }
  }
  return best;
}

const options = (text: string) =>
  ({ header: false, skipEmptyLines: false, delimiter: delimiterOf(text) }) as const;

/** Reads delimited text into rows at once (used by tests and the benchmark). Never throws. */
export function parseRows(text: string): ParsedRows {
  const parsed = Papa.parse<string[]>(text, options(text));
  return finish(
    parsed.data,
    parsed.errors.find((error) => error.type === 'Quotes'),
  );
}

/**
 * Reads delimited text into rows in chunks of {@link CHUNK_CHARS}, handing control back to the
 * browser between chunks so the page keeps responding to a large file.
 * @param onProgress called after each chunk with the share of the text read (0–1)
 */
export function parseRowsInChunks(
  text: string,
  onProgress: (share: number) => void = () => {},
): Promise<ParsedRows> {
  return new Promise((resolve) => {
    const rows: string[][] = [];
    let quoteError: ParseError | undefined;
    let done = false;
    const complete = (): void => {
      if (done) return;
      done = true;
      resolve(finish(rows, quoteError));
    };
    Papa.parse<string[]>(text, {
      ...options(text),
      chunkSize: CHUNK_CHARS,
      chunk(results: ParseResult<string[]>, parser: Parser) {
        for (const row of results.data) rows.push(row);
        quoteError ??= results.errors.find((error) => error.type === 'Quotes');
        onProgress(Math.min(1, results.meta.cursor / Math.max(1, text.length)));
        parser.pause();
        setTimeout(() => {
          parser.resume();
        }, 0);
      },
      complete,
    });
  });
}

const round = (value: number, places = 1): number => {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
};

const estimateCells = (estimate: Estimate | null): Cell[] =>
  estimate === null
    ? [null, null, null]
    : [round(estimate.value), round(estimate.low), round(estimate.high)];

/** Header of {@link loyaltyCsv}. */
export const LOYALTY_CSV_FIELDS = [
  'scope',
  'group',
  'measure',
  'respondents',
  'promoters',
  'passives',
  'detractors',
  'score',
  'low_95',
  'high_95',
];

function summaryRows(scope: string, group: string, summary: LoyaltySummary): Cell[][] {
  const rows: Cell[][] = [];
  for (const question of QUESTIONS) {
    const score = summary.scores[question];
    if (score === null) continue;
    rows.push([
      scope,
      group,
      QUESTION_LABELS[question],
      score.n,
      score.promoters,
      score.passives,
      score.detractors,
      ...estimateCells(score),
    ]);
  }
  if (summary.cli !== null) {
    rows.push([
      scope,
      group,
      'Customer Loyalty Index',
      summary.n,
      null,
      null,
      null,
      ...estimateCells(summary.cli),
    ]);
  }
  if (summary.ratingIndex !== null) {
    rows.push([
      scope,
      group,
      'Mean rating index (0-100)',
      summary.n,
      null,
      null,
      null,
      ...estimateCells(summary.ratingIndex),
    ]);
  }
  return rows;
}

/**
 * The results as CSV: one row per measure (each question, the Customer Loyalty Index, the mean
 * rating index) for all respondents, each segment shown and each period, with counts, the score
 * and its 95 % interval, rounded to one decimal. Text cells are guarded against formulae.
 */
export function loyaltyCsv(report: LoyaltyReport): string {
  const rows: Cell[][] = [
    ...summaryRows('all', 'All respondents', report.overall),
    ...report.segments.shown.flatMap((segment) =>
      summaryRows('segment', segment.label, segment.summary),
    ),
    ...report.periods.flatMap((period) => summaryRows('period', period.label, period.summary)),
  ];
  return toCsv(LOYALTY_CSV_FIELDS, rows);
}

/**
 * The results as JSON (format "ccn-loyalty", version 1): the same figures as the page, unrounded,
 * with the settings that produced them.
 */
export function loyaltyJson(
  report: LoyaltyReport,
  settings: { minSegment: number; source: string; date: string },
): string {
  const document = {
    format: 'ccn-loyalty',
    version: 1,
    date: settings.date,
    source: settings.source,
    method: {
      netScore:
        'percent promoters (9-10) minus percent detractors (0-6); 95% adjusted-Wald interval',
      customerLoyaltyIndex: 'mean of the three net scores; 95% t interval of respondent means',
      minimumSegment: settings.minSegment,
    },
    overall: report.overall,
    segments: report.segments.shown,
    hiddenSegments: report.segments.hidden,
    periods: report.periods,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Mulberry32: a tiny seeded generator, so the sample is the same on every visit. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SAMPLE_SEGMENTS = ['Enterprise', 'Mid-market', 'Small business', 'Public sector'];
const SAMPLE_PERIODS = ['2026 Q1', '2026 Q2', '2026 Q3'];

/**
 * Made-up survey answers to try the calculator with: columns segment, quarter, recommend,
 * renew, try_other, one row per respondent, comma-separated with a header. Each segment leans
 * a different way and loyalty rises a little each quarter, so every part of the page has
 * something to show. The same text for the same row count, every time.
 */
export function sampleSurvey(rows = 900): string {
  const next = seeded(20_261_125);
  const lines = ['segment,quarter,recommend,renew,try_other'];
  for (let i = 0; i < rows; i += 1) {
    const segment = i % SAMPLE_SEGMENTS.length;
    const period = Math.floor((i / rows) * SAMPLE_PERIODS.length);
    // The public sector group is small, to show how segments under the minimum are handled.
    const name = segment === 3 && i % 40 !== 3 ? SAMPLE_SEGMENTS[0] : SAMPLE_SEGMENTS[segment];
    const lean = [1.2, 0.4, -0.6, 0][segment] ?? 0;
    const rating = (shift: number): number =>
      Math.max(0, Math.min(10, Math.round(7 + lean + period * 0.5 + shift + (next() - 0.5) * 7)));
    lines.push(`${name},${SAMPLE_PERIODS[period]},${rating(0)},${rating(0.6)},${rating(-1)}`);
  }
  return `${lines.join('\n')}\n`;
}
