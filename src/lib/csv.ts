/**
 * Writing CSV safely, shared by every file the site makes: RFC 4180 through papaparse, a byte
 * order mark so spreadsheets read UTF-8, and text cells that could run as a formula neutralised.
 */
import Papa from 'papaparse';
import type { ParseError } from 'papaparse';

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
