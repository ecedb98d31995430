/** Small date checks shared by every schema that reads a date people or files supply. */

/**
 * True for a real calendar date in a string that starts "YYYY-MM-DD" (a date or an ISO
 * timestamp): the ISO pattern lets 2026-02-31 through, and Date.parse rolls it over.
 */
export function realDate(timestamp: string): boolean {
  const day = Number(timestamp.slice(8, 10));
  const month = Number(timestamp.slice(5, 7)) - 1;
  return new Date(Date.UTC(Number(timestamp.slice(0, 4)), month, day)).getUTCDate() === day;
}

/** A moment's calendar date where the user is, as YYYY-MM-DD (what date inputs hold). */
export function localDay(moment: Date): string {
  const month = String(moment.getMonth() + 1).padStart(2, '0');
  const day = String(moment.getDate()).padStart(2, '0');
  return `${moment.getFullYear()}-${month}-${day}`;
}
