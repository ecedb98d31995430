/**
 * The team view's workflow: reading pasted or dropped links, in slices so that a 200,000-line
 * file never freezes the page. The reading code loads on first use, so /team/ opens light. The
 * filter, the anonymity setting and the figures live in stores/team-view.ts. The islands render
 * these stores and call the actions; they keep no workflow state of their own.
 *
 * A newer action supersedes an older one still running: every run carries a number, and a run
 * that is no longer the latest drops its results instead of overwriting newer ones.
 */
import { atom } from 'nanostores';
import type { Collection } from '../lib/aggregate';
import type { Bank } from '../lib/bank';
import type { Find } from '../lib/extract-links';
import { TEAM_CSV_MAX_BYTES } from '../lib/file-limits';
import { getBank } from './bank';

/** Where the workflow stands. */
export type TeamStatus =
  | { status: 'idle' }
  | { status: 'busy'; message: string }
  | { status: 'ready'; message: string }
  | { status: 'error'; message: string };

/** The workflow's state. */
export const teamStatus = atom<TeamStatus>({ status: 'idle' });

/** What was read last: the bank it was scored with, where it came from, and what was found. */
export interface TeamData {
  bank: Bank;
  /** "the pasted text" or a file name, for messages. */
  source: string;
  collection: Collection;
}

/** The data of the last successful read; cleared when a read is refused. */
export const teamData = atom<TeamData | null>(null);

/** Finds handled between two pauses that let the browser paint and respond. */
const SLICE = 2000;
/** Longest stretch of reading before pausing, in milliseconds. */
const SLICE_MS = 12;

let latestRun = 0;

/** Said when the reading code cannot be loaded (the site was updated since, or offline). */
export const READER_FAILED =
  'The part of the page that reads links could not be loaded. Reload the page and try again.';

/** Lets the browser paint and handle input between slices of work. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Words for a count: "1 link", "2 links". */
const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The sentence the live region reads once a read is done: short, whatever was found. */
export function summaryMessage(collection: Collection): string {
  const { respondents, problems, repeats } = collection;
  const parts = [`${count(respondents.length, 'result', 'results')} read`];
  if (problems.length > 0)
    parts.push(count(problems.length, 'link', 'links') + ' could not be read');
  if (repeats.length > 0) parts.push(`${count(repeats.length, 'repeat', 'repeats')} counted once`);
  return `${parts.join('; ')}.`;
}

/**
 * Reads links from pasted text or a file's text, in slices. A newer call supersedes this one.
 * Text with no link at all is refused with a message and clears the previous results, so a
 * refused read never leaves figures on screen that look like its own.
 */
export async function readLinks(
  text: string,
  source: string,
  latest: { id: string; version: number },
): Promise<void> {
  const run = ++latestRun;
  teamStatus.set({ status: 'busy', message: `Reading ${source}…` });
  let reader: typeof import('../lib/aggregate') & typeof import('../lib/extract-links');
  try {
    const [aggregate, extract] = await Promise.all([
      import('../lib/aggregate'),
      import('../lib/extract-links'),
    ]);
    reader = { ...aggregate, ...extract };
  } catch {
    if (run !== latestRun) return;
    teamData.set(null);
    teamStatus.set({ status: 'error', message: READER_FAILED });
    return;
  }
  if (run !== latestRun) return;
  // Pass 1: find the links, in slices so that a huge file never freezes the page.
  const finds: Find[] = [];
  let started = performance.now();
  for (const find of reader.findLinks(text)) {
    finds.push(find);
    if (finds.length % SLICE === 0 || performance.now() - started > SLICE_MS) {
      teamStatus.set({
        status: 'busy',
        message: `Reading ${source}: ${count(finds.length, 'link', 'links')} found so far…`,
      });
      await pause();
      if (run !== latestRun) return;
      started = performance.now();
    }
  }
  // The version most links were made with is pooled; without any readable link, the newest.
  const wanted = reader.commonestVersion(finds) ?? latest;
  let bank: Bank;
  try {
    bank = await getBank(wanted.id, wanted.version);
  } catch (error) {
    if (run !== latestRun) return;
    teamData.set(null);
    teamStatus.set({ status: 'error', message: (error as Error).message });
    return;
  }
  if (run !== latestRun) return;
  // Pass 2: read and score each link against that version.
  const collector = new reader.TeamCollector(bank);
  started = performance.now();
  for (const [i, find] of finds.entries()) {
    collector.add(find);
    if ((i + 1) % SLICE === 0 || performance.now() - started > SLICE_MS) {
      teamStatus.set({
        status: 'busy',
        message: `Scoring: ${count(i + 1, 'link', 'links')} of ${finds.length.toLocaleString('en')}…`,
      });
      await pause();
      if (run !== latestRun) return;
      started = performance.now();
    }
  }
  const { collection } = collector;
  if (collection.respondents.length === 0 && collection.problems.length === 0) {
    teamData.set(null);
    teamStatus.set({
      status: 'error',
      message: `No result links were found in ${source}. A result link contains “/result/#r1.”; ask respondents to use Copy link on their results page.`,
    });
    return;
  }
  teamData.set({ bank, source, collection });
  teamStatus.set({ status: 'ready', message: summaryMessage(collection) });
}

/** File types the team view reads: any text with links in it, such as a list or a CSV export. */
export const TEAM_FILE_TYPES = '.txt,.csv,.tsv,text/plain,text/csv,text/tab-separated-values';

/**
 * Reads a picked or dropped file of links. Too large, unreadable or binary files are refused
 * with a message naming the file, and the previous results are cleared.
 */
export async function readLinksFile(
  file: File,
  latest: { id: string; version: number },
): Promise<void> {
  const run = ++latestRun;
  const refuse = (message: string) => {
    if (run !== latestRun) return;
    teamData.set(null);
    teamStatus.set({ status: 'error', message: `${file.name}: ${message}` });
  };
  if (file.size > TEAM_CSV_MAX_BYTES) {
    const mb = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`;
    refuse(
      `this file is ${mb(file.size)}; the largest this page reads is ${mb(TEAM_CSV_MAX_BYTES)}. Check that it is the right file.`,
    );
    return;
  }
  teamStatus.set({ status: 'busy', message: `Opening ${file.name}…` });
  let text: string;
  try {
    text = await file.text();
  } catch {
    refuse('this file could not be read. Check that it is a text or CSV file and try again.');
    return;
  }
  if (run !== latestRun) return;
  if (text.includes('\u0000')) {
    refuse(
      'this is not a text file (a spreadsheet or an image, perhaps). Save it as CSV or plain text and try again.',
    );
    return;
  }
  await readLinks(text, file.name, latest);
}

/** Forgets the data read (the pasted text stays in its field). */
export function clearTeam(): void {
  latestRun += 1;
  teamData.set(null);
  teamStatus.set({ status: 'idle' });
}
