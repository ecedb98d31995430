/**
 * British English formatters, each made on first use and then kept. Making an Intl formatter
 * loads locale data: made while a page started, before anything needed formatting, they cost the
 * history page about 100 ms and the workshop page about 50 ms of a slow phone's main thread.
 */

const dates = new Map<string, Intl.DateTimeFormat>();

/** The date formatter for these options. */
export function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let format = dates.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', options);
    dates.set(key, format);
  }
  return format;
}

let counts: Intl.NumberFormat | undefined;

/** A whole count with thousands separators: "12,345". */
export function formatCount(n: number): string {
  counts ??= new Intl.NumberFormat('en-GB');
  return counts.format(n);
}

/**
 * A count with its noun, singular or plural as the number needs: "1 row", "12,345 rows".
 * @param many the plural, when it is not `one` + "s"
 */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
