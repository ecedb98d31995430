/**
 * The team view's workflow: reading pasted or dropped links (in slices, so a 200,000-line file
 * never freezes the page), the filter and anonymity settings, and the figures of the view. The
 * islands render these stores and call the actions; they keep no workflow state of their own.
 *
 * A newer action supersedes an older one still running: every run carries a number, and a run
 * that is no longer the latest drops its results instead of overwriting newer ones.
 */
import { atom, computed } from 'nanostores';
import { persistentJSON } from '@nanostores/persistent';
import * as v from 'valibot';
import { TeamCollector, teamView, type Collection, type TeamView } from '../lib/aggregate';
import { DEFAULT_THRESHOLD, MAX_THRESHOLD, MIN_THRESHOLD } from '../lib/anonymity';
import type { Bank } from '../lib/bank';
import { findLinks } from '../lib/extract-links';
import { TEAM_CSV_MAX_BYTES } from '../lib/file-limits';
import { labelChoices, type LabelChoice } from '../lib/team-labels';
import { perceptionGap, teamStats, type GapRow, type TeamStats } from '../lib/team-stats';
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

const settingsSchema = v.object({
  threshold: v.pipe(v.number(), v.integer(), v.minValue(MIN_THRESHOLD), v.maxValue(MAX_THRESHOLD)),
});

/** Settings kept across visits: the anonymity threshold. */
export type TeamSettings = v.InferOutput<typeof settingsSchema>;

/** localStorage key of the settings. */
export const TEAM_SETTINGS_KEY = 'ccn:team:settings';

const storedSettings = persistentJSON<unknown>(TEAM_SETTINGS_KEY, null);

/** The settings, validated on every read; anything invalid falls back to the defaults. */
export const teamSettings = computed(storedSettings, (raw): TeamSettings => {
  const parsed = v.safeParse(settingsSchema, raw);
  return parsed.success ? parsed.output : { threshold: DEFAULT_THRESHOLD };
});

/** The label filter (a label key, or null for everyone) and the two roles compared. */
export const teamFilter = atom<{ label: string | null; pair: [string, string] }>({
  label: null,
  pair: ['executive', 'frontline'],
});

/** Everything the results show, for the current data, filter and threshold. */
export interface TeamFigures {
  bank: Bank;
  view: TeamView;
  stats: TeamStats;
  gap: GapRow[];
  labels: LabelChoice[];
}

/** The figures, recomputed when the data, the filter or the threshold change. */
export const teamFigures = computed(
  [teamData, teamFilter, teamSettings],
  (data, filter, settings): TeamFigures | null => {
    if (data === null || data.collection.respondents.length === 0) return null;
    const { bank } = data;
    const { respondents } = data.collection;
    const view = teamView(bank, respondents, filter.label, settings.threshold);
    const input = { ...view, threshold: settings.threshold };
    return {
      bank,
      view,
      stats: teamStats(bank, input),
      gap: perceptionGap(bank, input, filter.pair[0], filter.pair[1]),
      labels: labelChoices(respondents.map((r) => r.label)),
    };
  },
);

/** Finds handled between two pauses that let the browser paint and respond. */
const SLICE = 2000;
/** Longest stretch of reading before pausing, in milliseconds. */
const SLICE_MS = 12;

let latestRun = 0;

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
  let bank: Bank;
  try {
    bank = await getBank(latest.id, latest.version);
  } catch (error) {
    if (run !== latestRun) return;
    teamData.set(null);
    teamStatus.set({ status: 'error', message: (error as Error).message });
    return;
  }
  if (run !== latestRun) return;
  const collector = new TeamCollector(bank);
  let handled = 0;
  let started = performance.now();
  for (const find of findLinks(text)) {
    collector.add(find);
    handled += 1;
    if (handled % SLICE === 0 || performance.now() - started > SLICE_MS) {
      teamStatus.set({
        status: 'busy',
        message: `Reading ${source}: ${count(collector.collection.respondents.length, 'result', 'results')} so far…`,
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
  teamFilter.set({ ...teamFilter.get(), label: null });
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

/** Shows one label's figures (a label key), or everyone's (null). */
export function chooseLabel(label: string | null): void {
  teamFilter.set({ ...teamFilter.get(), label });
}

/** Sets the two roles whose perception gap is shown (A − B). */
export function choosePair(a: string, b: string): void {
  teamFilter.set({ ...teamFilter.get(), pair: [a, b] });
}

/** Sets the anonymity threshold (kept in this browser); out-of-range values are refused. */
export function chooseThreshold(threshold: number): void {
  const parsed = v.safeParse(settingsSchema, { threshold });
  if (!parsed.success) return;
  try {
    storedSettings.set(parsed.output);
  } catch {
    // Storage is off or full: the setting holds for this visit only.
  }
}

/** Forgets the data read (the pasted text stays in its field). */
export function clearTeam(): void {
  latestRun += 1;
  teamData.set(null);
  teamStatus.set({ status: 'idle' });
}
