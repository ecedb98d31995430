/**
 * The largest files the pages read. A module of its own so that a page can refuse a wrong file
 * before loading the file code (papaparse) that reads it.
 */

/**
 * Most results a history keeps, and so most entries a history file may hold: an export always
 * imports back. About 300 bytes a result, so 1,000 take about 0.3 MB of the 5 MB browsers give
 * a site (measured by tests/components/history-store.test.ts).
 */
export const HISTORY_MAX_ENTRIES = 1000;

/** Largest history file read: 1,000 full entries take well under 1 MB. */
export const HISTORY_MAX_BYTES = 2 * 1024 * 1024;

/** Largest CSV of result links read in the team view: about 300,000 links with a name column. */
export const TEAM_CSV_MAX_BYTES = 32 * 1024 * 1024;
