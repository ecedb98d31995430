/**
 * Writing CSV safely, shared by every file the site makes: RFC 4180 through papaparse, a byte
 * order mark so spreadsheets read UTF-8, and text cells that could run as a formula neutralised.
 */
import Papa from 'papaparse';
import type { ParseError } from 'papaparse';

/**
 * Cells that a spreadsheet would run as a formula (or that can smuggle one in after a tab or
 * carriage return). Papaparse's own `escapeFormulae: true` uses `/^[=+\-@\t\r].*$/`, which misses
 * a cell such as "=1\n+2" because `.` stops at the newline, so we pass a prefix-only pattern.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Byte order mark put in front of every CSV we write: without it Excel reads UTF-8 as the local
 * code page and mangles any accented label. Papaparse strips it again when reading.
 */
const BOM = '\uFEFF';

/** A CSV cell before quoting; null becomes an empty cell. */
export type Cell = string | number | null;

/** Writes a header and rows as RFC 4180 CSV (CRLF line ends), guarding against formulae. */
export function toCsv(fields: string[], rows: Cell[][]): string {
  // Papaparse only prefixes strings, so numbers (scores, counts) are written as they are.
  return BOM + Papa.unparse({ fields, data: rows }, { escapeFormulae: FORMULA_START });
}

/**
 * What to say when a CSV file's quoting is broken, naming the row (1-based) when known.
 * @param error papaparse's error of type "Quotes"
 */
export function quoteProblem(error: ParseError): string {
  const where = error.row === undefined ? 'This file' : `Row ${error.row + 1} of this file`;
  const what =
    error.code === 'MissingQuotes'
      ? 'opens a quotation mark that is never closed'
      : 'has a quoted cell with more text after its closing quotation mark';
  return `${where} ${what}, so it cannot be read reliably. Save it again as CSV from your spreadsheet and try once more.`;
}
