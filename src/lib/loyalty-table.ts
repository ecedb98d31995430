/**
 * Turns a table of survey answers (rows of cells, header first) into loyalty responses: finds
 * the columns by their headers, checks every rating, and lists every problem with its row
 * number, so the page can ask before skipping anything. Pure: the parsing of CSV text into rows
 * is in loyalty-file.ts.
 */
import { periodOf } from './loyalty-breakdowns';
import type { LoyaltyResponse, Question } from './loyalty-score';

/** The columns the calculator reads: the three questions, a segment and a period. */
export const ROLES = ['recommend', 'repurchase', 'tryOther', 'segment', 'period'] as const;
/** A column's role. */
export type Role = (typeof ROLES)[number];

/** How each role is named on the page. */
export const ROLE_LABELS: Record<Role, string> = {
  recommend: 'Likelihood to recommend (0–10)',
  repurchase: 'Likelihood to buy again or renew (0–10)',
  tryOther: 'Likelihood to try other offerings (0–10)',
  segment: 'Segment',
  period: 'Period',
};

/** Which column (0-based) holds each role; null when none does. */
export type ColumnMap = Record<Role, number | null>;

/**
 * Header words that identify each role, tried in this order on headers turned to lower case
 * with punctuation as spaces ("Try_Other" reads "try other").
 */
const HEADER_PATTERNS: [Role, RegExp][] = [
  ['recommend', /recommend|\bnps\b|\bltr\b|promot/],
  ['repurchase', /repurchase|re purchase|renew|buy again|rebuy|purchase again|retention/],
  ['tryOther', /try other|other offering|other product|\btry\b|cross/],
  ['segment', /segment|group|region|\bteam\b|market/],
  ['period', /period|quarter|wave|date|month|\byear\b|\bwhen\b/],
];

const normalise = (header: string): string =>
  header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Matches columns to roles by their headers, case-insensitively. Each column serves one role,
 * the first it matches in the order recommend, repurchase, try other, segment, period.
 */
export function matchColumns(headers: readonly string[]): ColumnMap {
  const map: ColumnMap = {
    recommend: null,
    repurchase: null,
    tryOther: null,
    segment: null,
    period: null,
  };
  const used = new Set<number>();
  for (const [role, pattern] of HEADER_PATTERNS) {
    const index = headers.findIndex((header, i) => !used.has(i) && pattern.test(normalise(header)));
    if (index >= 0) {
      map[role] = index;
      used.add(index);
    }
  }
  return map;
}

/** Why a rating cell cannot be used. */
export type CellProblem = 'blank' | 'not a number' | 'decimal' | 'out of range';

/** Sentences for each kind of problem, as the page lists them. */
export const PROBLEM_TEXT: Record<CellProblem, string> = {
  blank: 'is blank',
  'not a number': 'is not a number',
  decimal: 'is not a whole number',
  'out of range': 'is outside 0–10',
};

/** A rating cell that cannot be used. */
export interface RowProblem {
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  role: Question;
  /** The cell as written, cut to 40 characters. */
  value: string;
  problem: CellProblem;
}

/** Reads a 0–10 rating: a whole number, spaces around it allowed. */
export function readRating(cell: string): number | CellProblem {
  // Fast path for the usual cell, one digit or "10", without trimming or a regular expression.
  if (cell.length === 1) {
    const digit = cell.charCodeAt(0) - 48;
    if (digit >= 0 && digit <= 9) return digit;
  } else if (cell === '10') return 10;
  const text = cell.trim();
  if (text === '') return 'blank';
  if (/^[+-]?\d+$/.test(text)) {
    const value = Number(text);
    return value >= 0 && value <= 10 ? value : 'out of range';
  }
  if (/^[+-]?(\d+[.,]\d*|[.,]\d+)$/.test(text)) return 'decimal';
  return 'not a number';
}

/** The responses of a table, the problems found, and the rows that have them. */
export interface TableReading {
  /** Usable rows; rows with a problem are left out and listed in `problems`. */
  responses: LoyaltyResponse[];
  /** Every problem, in row order (a row can have several). */
  problems: RowProblem[];
  /** How many rows have at least one problem. */
  problemRows: number;
  /** Data rows read (not counting the header and blank rows). */
  rows: number;
}

const QUESTION_ROLES: Question[] = ['recommend', 'repurchase', 'tryOther'];

/**
 * Reads every data row under the header (rows[0]). Entirely blank rows are passed over
 * without comment but still counted in row numbers. A row with any unusable rating in a mapped
 * question column goes to `problems` and not to `responses`: the page shows them and asks.
 * @param map where each role is; `recommend` must be set
 */
export function readTable(rows: readonly (readonly string[])[], map: ColumnMap): TableReading {
  const responses: LoyaltyResponse[] = [];
  const problems: RowProblem[] = [];
  let problemRows = 0;
  let read = 0;
  const questions = QUESTION_ROLES.filter((role) => map[role] !== null);
  for (let index = 1; index < rows.length; index += 1) {
    const cells = rows[index] ?? [];
    if (cells.every((cell) => cell.trim() === '')) continue;
    read += 1;
    const row = index + 1;
    const ratings: Record<Question, number | null> = {
      recommend: null,
      repurchase: null,
      tryOther: null,
    };
    let bad = false;
    for (const role of questions) {
      const cell = cells[map[role] ?? 0] ?? '';
      const rating = readRating(cell);
      if (typeof rating === 'number') ratings[role] = rating;
      else {
        bad = true;
        problems.push({ row, role, value: cell.trim().slice(0, 40), problem: rating });
      }
    }
    if (bad) {
      problemRows += 1;
      continue;
    }
    responses.push({
      row,
      recommend: ratings.recommend ?? 0,
      repurchase: ratings.repurchase,
      tryOther: ratings.tryOther,
      segment: map.segment === null ? '' : (cells[map.segment] ?? '').trim(),
      period: map.period === null ? '' : periodOf(cells[map.period] ?? ''),
    });
  }
  return { responses, problems, problemRows, rows: read };
}
