/**
 * Files the Culture Navigator writes and reads: one result as CSV or JSON, a team table as CSV,
 * result links read from a consultant's CSV, and the saved-results history as JSON.
 *
 * Pure TypeScript (no DOM): the islands turn these strings into downloads and hand file text in.
 * All CSV goes through papaparse, because quoting, embedded newlines, delimiters other than the
 * comma and byte order marks are exactly where hand-rolled CSV breaks. Everything read from a
 * file is validated before use (valibot for JSON), and the readers never throw: a bad file gives
 * a sentence for people instead.
 */
import Papa from 'papaparse';
import type { ParseError, ParseResult } from 'papaparse';
import * as v from 'valibot';
import type { Bank } from './bank';
import type { ScoredResult } from './scoring';
import { HISTORY_MAX_BYTES, HISTORY_MAX_ENTRIES } from './file-limits';
import {
  HISTORY_LABEL_MAX,
  historyEntrySchema as entrySchema,
  type HistoryEntry,
} from './history-entry';

export { HISTORY_LABEL_MAX, HISTORY_MAX_BYTES, HISTORY_MAX_ENTRIES, type HistoryEntry };

/**
 * Cells that a spreadsheet could run as a formula. Spreadsheets trim before they read, and some
 * split a cell again at ";" or read past a stray quotation mark, so the test looks past leading
 * whitespace (line feeds and no-break spaces included), invisible characters, and separator-like
 * characters (; , " ' |) for a formula sign: = + - @, their full-width forms (＝ ＋ － ＠), the
 * small forms (﹢ ﹣ ﹦) and the minus sign. A cell starting with a tab, carriage return or line
 * feed is treated the same way. Papaparse puts an apostrophe before every matching text cell
 * (its own `escapeFormulae: true` checks only the first character).
 */
export const FORMULA_START =
  /^[\s\u200B-\u200D\u2060\uFEFF;,"'|]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE62\uFE63\uFE66\u2212]|^[\t\r\n]/;

/**
 * Byte order mark put in front of every CSV we write: without it Excel reads UTF-8 as the local
 * code page and mangles any accented label. Papaparse strips it again when reading.
 */
const BOM = '\uFEFF';

/** A CSV cell before quoting; null becomes an empty cell. */
type Cell = string | number | null;

/** Writes a header and rows as RFC 4180 CSV (CRLF line ends), guarding against formulae. */
function toCsv(fields: string[], rows: Cell[][]): string {
  // Papaparse only prefixes strings, so numbers (scores, counts) are written as they are.
  return BOM + Papa.unparse({ fields, data: rows }, { escapeFormulae: FORMULA_START });
}

/** Who answered, for which organisation, and when; shown in every export of one result. */
export interface ResultMeta {
  /** The respondent's role as people read it (for example "Manager"). */
  role: string;
  /** The optional organisation or team label the respondent typed; user text. */
  label: string;
  /** The date the export describes, ISO 8601 (for example "2026-11-22"). */
  date: string;
}

/** Header of {@link resultCsv}. */
export const RESULT_CSV_FIELDS = ['section', 'item', 'value', 'answered', 'dont_know', 'total'];

/**
 * One result as CSV, laid out to read well in a spreadsheet. Columns:
 * `section,item,value,answered,dont_know,total`. Rows, in order:
 * - `about` rows: Questionnaire (bank id and version), Role, Label, Date, each in `value`;
 * - one `dimension` row per dimension in bank order: its name, its score 0–100 (empty when
 *   fewer than half its statements were answered), then statements answered on the scale,
 *   answered "don't know", and in total;
 * - an `overall` row: the overall index (empty when not enough dimensions have a score) and
 *   the same three counts summed over all statements;
 * - a `stage` row: the stage name (empty with the overall index).
 *
 * The text starts with a byte order mark so spreadsheets read it as UTF-8. Any text cell that
 * a spreadsheet could read as a formula ({@link FORMULA_START}) gets a leading apostrophe, so a
 * label can never run as a formula.
 */
export function resultCsv(bank: Bank, result: ScoredResult, meta: ResultMeta): string {
  const sum = (pick: (d: ScoredResult['dimensions'][number]) => number): number =>
    result.dimensions.reduce((total, d) => total + pick(d), 0);
  const rows: Cell[][] = [
    ['about', 'Questionnaire', `${bank.id} v${bank.version}`, null, null, null],
    ['about', 'Role', meta.role, null, null, null],
    ['about', 'Label', meta.label, null, null, null],
    ['about', 'Date', meta.date, null, null, null],
    ...result.dimensions.map((d): Cell[] => [
      'dimension',
      d.name,
      d.score,
      d.scored,
      d.dontKnow,
      d.total,
    ]),
    [
      'overall',
      'Overall index',
      result.overall,
      sum((d) => d.scored),
      sum((d) => d.dontKnow),
      sum((d) => d.total),
    ],
    ['stage', 'Stage', result.stage?.name ?? null, null, null, null],
  ];
  return toCsv(RESULT_CSV_FIELDS, rows);
}

/** The JSON document {@link resultJson} writes. */
export interface ResultJson {
  format: 'ccn-result';
  version: 1;
  /** The question bank version the answers were scored with. */
  bank: { id: string; version: number };
  role: string;
  label: string;
  date: string;
  /** Overall index 0–100, or null when not enough dimensions have a score. */
  overall: number | null;
  stage: { id: string; name: string } | null;
  dimensions: {
    id: string;
    name: string;
    /** 0–100, or null when fewer than half the statements were answered on the scale. */
    score: number | null;
    /** Statements answered on the scale. */
    scored: number;
    /** Statements answered "don't know". */
    dontKnow: number;
    total: number;
  }[];
  /** The share link that reopens this result. */
  link: string;
}

/**
 * One result as pretty-printed JSON (format "ccn-result", version 1), for people who want to
 * feed results into their own tools. Carries the share link so the result can be reopened.
 */
export function resultJson(
  bank: Bank,
  result: ScoredResult,
  meta: ResultMeta & { link: string },
): string {
  const document: ResultJson = {
    format: 'ccn-result',
    version: 1,
    bank: { id: bank.id, version: bank.version },
    role: meta.role,
    label: meta.label,
    date: meta.date,
    overall: result.overall,
    stage: result.stage === null ? null : { id: result.stage.id, name: result.stage.name },
    // Only what the result means; `exact` is an internal step of the overall index.
    dimensions: result.dimensions.map((d) => ({
      id: d.id,
      name: d.name,
      score: d.score,
      scored: d.scored,
      dontKnow: d.dontKnow,
      total: d.total,
    })),
    link: meta.link,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** One respondent of a team table. */
export interface TeamRow {
  /** Row number of the respondent's link in the file it came from. */
  line: number;
  role: string;
  label: string;
  /** Dimension scores in bank order; null when the dimension had too few answers. */
  scores: (number | null)[];
  overall: number | null;
}

/**
 * A team table as CSV, one row per respondent in the order given. Columns: `line`, `role`,
 * `label`, `overall`, then one column per dimension in bank order, headed by the dimension's
 * short name. Scores that are null (too few answers) are empty cells; so are scores missing
 * from a short `scores` array, and extra scores beyond the bank's dimensions are left out.
 * Starts with a byte order mark and guards text cells against formulae, as {@link resultCsv}.
 */
export function teamCsv(bank: Bank, rows: readonly TeamRow[]): string {
  const fields = ['line', 'role', 'label', 'overall', ...bank.dimensions.map((d) => d.short)];
  const data = rows.map((row): Cell[] => [
    row.line,
    row.role,
    row.label,
    row.overall,
    ...bank.dimensions.map((_, i) => row.scores[i] ?? null),
  ]);
  return toCsv(fields, data);
}

/** A cell that holds a result link: a URL with "#r1." in it, or a bare "r1." fragment. */
const LINK_CELL = /#r\d+\.|^r\d+\./;

/** Said when a CSV file has no column of result links. */
export const NO_LINK_COLUMN =
  'No column of result links was found in this file. Each row needs a result link, such as one copied from Share link.';

function quoteProblem(error: ParseError): string {
  const where = error.row === undefined ? 'This file' : `Row ${error.row + 1} of this file`;
  const what =
    error.code === 'MissingQuotes'
      ? 'opens a quotation mark that is never closed'
      : 'has a quoted cell with more text after its closing quotation mark';
  return `${where} ${what}, so it cannot be read reliably. Save it again as CSV from your spreadsheet and try once more.`;
}

/**
 * Reads result links from a CSV file a consultant already has, such as a form's or a
 * spreadsheet's export. The delimiter is detected (comma, semicolon, tab…), and cells may be
 * quoted and hold commas or line breaks.
 *
 * The link column is the first column in which some cell holds "#r<digits>." (a full link) or
 * starts with "r<digits>." (a bare fragment). Each row's cell from that column is returned,
 * trimmed, with its 1-based row number as a spreadsheet shows it: counting a header row and
 * blank rows, and counting a record whose quoted cell spans several lines once. Rows whose cell
 * is empty are skipped, and so is a first row whose cell is not a link (a header). Other cells
 * that are not links are returned, so the caller can say which row is wrong.
 *
 * @returns the links, or an error sentence (no link column, broken quoting, empty file) with no
 *   links. Never throws.
 */
export function linksFromCsv(text: string): {
  links: { line: number; text: string }[];
  error: string | null;
} {
  let parsed: ParseResult<string[]>;
  try {
    // Blank rows are skipped below rather than with skipEmptyLines, because papaparse drops
    // them before numbering rows, and row numbers must match what the consultant sees.
    parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  } catch {
    // Papaparse does not throw on strings; this guards untyped callers handing in other values.
    return { links: [], error: 'This file could not be read as text.' };
  }
  // "UndetectableDelimiter" only means a single column, which a list of links often is.
  const fatal = parsed.errors.find((error) => error.type === 'Quotes');
  if (fatal !== undefined) return { links: [], error: quoteProblem(fatal) };
  const rows = parsed.data
    .map((cells, index) => ({ line: index + 1, cells }))
    .filter((row) => row.cells.join('').trim() !== '');
  if (rows.length === 0) return { links: [], error: 'This file is empty.' };
  // reduce, not Math.max(...rows): spreading a few hundred thousand rows overflows the stack.
  const width = rows.reduce((widest, row) => Math.max(widest, row.cells.length), 0);
  const column = Array.from({ length: width }, (_, i) => i).find((i) =>
    rows.some((row) => LINK_CELL.test(row.cells[i]?.trim() ?? '')),
  );
  if (column === undefined) return { links: [], error: NO_LINK_COLUMN };
  const links = rows.flatMap(({ line, cells }, index) => {
    const cell = cells[column]?.trim() ?? '';
    const header = index === 0 && !LINK_CELL.test(cell);
    return cell === '' || header ? [] : [{ line, text: cell }];
  });
  return { links, error: null };
}

/**
 * The history as a JSON file: `{ format: "ccn-history", version: 1, exportedAt, entries }`.
 * Only the fields of an entry are written (`run` when the entry has one), whatever else the
 * objects carry.
 * @param now the export time; a parameter so tests get a fixed file
 */
export function historyFile(entries: readonly HistoryEntry[], now: Date = new Date()): string {
  const document = {
    format: 'ccn-history',
    version: 1,
    exportedAt: now.toISOString(),
    entries: entries.map(({ fragment, savedAt, label, overall, run }) => ({
      fragment,
      savedAt,
      label,
      overall,
      ...(run === undefined ? {} : { run }),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

const envelopeSchema = v.object({
  format: v.literal('ccn-history'),
  version: v.literal(1),
  entries: v.array(v.unknown()),
});

// One sentence per field, chosen by the issue's path: valibot reports a missing key with the
// object's message, so per-schema messages alone could not name the field.
const ENTRY_PROBLEMS: Record<keyof HistoryEntry, string> = {
  fragment: 'holds a damaged result link.',
  savedAt: 'has no valid date and time of saving.',
  label: `has a label that is not text of at most ${HISTORY_LABEL_MAX} characters.`,
  overall: 'has an overall index that is not empty or a whole number from 0 to 100.',
  run: 'has a run id that is not 8 to 64 letters, digits, hyphens or underscores.',
};

const NOT_A_HISTORY =
  'This is not a history file exported from the Culture Navigator, or it comes from a newer version of the site. Nothing was imported.';

function entryProblem(issue: v.BaseIssue<unknown>): string {
  const key = issue.path?.[0]?.key;
  return typeof key === 'string' && key in ENTRY_PROBLEMS
    ? ENTRY_PROBLEMS[key as keyof HistoryEntry]
    : 'is not a saved result.';
}

/**
 * Reads a history file written by {@link historyFile}. All or nothing: one invalid entry fails
 * the whole import, with a sentence naming the entry (1-based) and the problem, so a history is
 * never half-imported. Accepts at most {@link HISTORY_MAX_ENTRIES} entries and
 * {@link HISTORY_MAX_BYTES} of text. Never throws.
 */
export function parseHistoryFile(
  text: string,
): { ok: true; entries: HistoryEntry[] } | { ok: false; message: string } {
  // Counting characters first spares encoding a huge wrong file; UTF-8 needs at least a byte each.
  if (
    text.length > HISTORY_MAX_BYTES ||
    new TextEncoder().encode(text).length > HISTORY_MAX_BYTES
  ) {
    return {
      ok: false,
      message:
        'This file is larger than 2 MB, far larger than any history file, so it was not read. Nothing was imported.',
    };
  }
  let raw: unknown;
  try {
    // Some editors save JSON with a byte order mark, which JSON.parse rejects.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return {
      ok: false,
      message:
        'This file is not valid JSON, so it is not a history file from the Culture Navigator; it may be damaged or cut short. Nothing was imported.',
    };
  }
  const envelope = v.safeParse(envelopeSchema, raw);
  if (!envelope.success) return { ok: false, message: NOT_A_HISTORY };
  const items = envelope.output.entries;
  if (items.length > HISTORY_MAX_ENTRIES) {
    return {
      ok: false,
      message: `This file holds ${items.length} entries, more than the ${HISTORY_MAX_ENTRIES} a history can hold. Nothing was imported.`,
    };
  }
  const entries: HistoryEntry[] = [];
  for (const [index, item] of items.entries()) {
    const entry = v.safeParse(entrySchema, item, { abortEarly: true });
    if (!entry.success) {
      const [issue] = entry.issues;
      return {
        ok: false,
        message: `Entry ${index + 1} ${entryProblem(issue)} Nothing was imported.`,
      };
    }
    entries.push(entry.output);
  }
  return { ok: true, entries };
}

/** Longest label part of a file name, so names stay readable in a downloads folder. */
const SLUG_MAX = 40;

/**
 * A file name that is safe on every system: "culture-navigator-", a lower-case ASCII slug of
 * the label (accents dropped, anything else turned into hyphens, at most 40 characters;
 * "result" when nothing is left), then the suffix. A suffix starting with "." follows the slug
 * directly; any other is joined with a hyphen.
 * @param suffix chosen by the code, not the user, such as "2026-11-22.csv"
 * @example safeFileName('Acme Support', '2026-11-22.csv')
 *   // "culture-navigator-acme-support-2026-11-22.csv"
 */
export function safeFileName(label: string, suffix: string): string {
  const slug =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+/, '')
      .slice(0, SLUG_MAX)
      .replace(/-+$/, '') || 'result';
  const joiner = suffix === '' || suffix.startsWith('.') ? '' : '-';
  return `culture-navigator-${slug}${joiner}${suffix}`;
}
