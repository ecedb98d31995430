/**
 * The loyalty calculator's workflow and settings. The survey data (a file or pasted text) is
 * read in chunks by the lazily loaded file code, its columns matched, its rows checked; the
 * report is computed from the rows the user agreed to use. Settings (smallest segment, goals)
 * are saved in localStorage; the data itself, the column choices and the decision to leave out
 * rows with problems are kept for this tab only (sessionStorage), so a reload does not lose them
 * and closing the tab forgets them.
 */
import { atom, computed } from 'nanostores';
import * as v from 'valibot';
import { loyaltyReport, type LoyaltyReport } from '../lib/loyalty';
import { MIN_SEGMENT_DEFAULT } from '../lib/loyalty-breakdowns';
import { netScoreSdAt, planGoal, type GoalPlan } from '../lib/loyalty-goals';
import {
  matchColumns,
  readTable,
  type ColumnMap,
  type Role,
  type TableReading,
} from '../lib/loyalty-table';
import { savedDocument } from './saved-document';

/** localStorage key of the calculator's settings. */
export const LOYALTY_SETTINGS_KEY = 'ccn:tools:loyalty';
/** sessionStorage key of the data loaded in this tab. */
export const LOYALTY_DATA_KEY = 'ccn:tools:loyalty:data';
/** sessionStorage key of the column choices and the skip decision made on that data. */
export const LOYALTY_CHOICES_KEY = 'ccn:tools:loyalty:choices';
/** Longest text kept for the tab (characters); a larger file must be picked again after a reload. */
export const KEEP_DATA_MAX = 4_000_000;

const target = v.nullable(v.pipe(v.number(), v.minValue(-100), v.maxValue(100)));

const settingsSchema = v.object({
  minSegment: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000)),
  measure: v.picklist(['cli', 'recommend']),
  near: target,
  stretch: target,
});

/** The calculator's saved settings. */
export type LoyaltySettings = v.InferOutput<typeof settingsSchema>;

/** Validates stored settings; null when they are not valid. */
export function parseSettings(raw: unknown): LoyaltySettings | null {
  const result = v.safeParse(settingsSchema, raw);
  return result.success ? result.output : null;
}

const settingsDocument = savedDocument<LoyaltySettings>(
  LOYALTY_SETTINGS_KEY,
  parseSettings,
  () => ({
    minSegment: MIN_SEGMENT_DEFAULT,
    measure: 'cli',
    near: null,
    stretch: null,
  }),
);

/** The saved settings. */
export const settings = settingsDocument.value;
/** Whether the settings are being saved. */
export const settingsStatus = settingsDocument.status;
/** Clears damaged saved settings and saves again. */
export function discardDamagedSettings(): void {
  settingsDocument.discardDamaged();
}

/** Where the workflow is: nothing loaded, reading, read, or a file that could not be read. */
export type Phase = 'idle' | 'busy' | 'ready' | 'error';

/** The workflow's phase. */
export const phase = atom<Phase>('idle');
/** Share of the text read so far while busy (0–1). */
export const progress = atom(0);
/** Why the last file or text could not be read (phase "error"); the earlier data is kept. */
export const loadError = atom('');

/** The data that was read: its name, header and rows, and how its columns are mapped. */
export interface LoadedData {
  name: string;
  headers: string[];
  rows: string[][];
  map: ColumnMap;
}

/** The data in use, or null before any has been read. */
export const data = atom<LoadedData | null>(null);
/** Whether the user agreed to leave out the rows with problems. */
export const skipProblemRows = atom(false);

/** The rows checked against the column map; null until the recommend column is known. */
export const reading = computed(data, (loaded): TableReading | null =>
  loaded === null || loaded.map.recommend === null ? null : readTable(loaded.rows, loaded.map),
);

/** The report, once there is data with no problems or the user agreed to skip them. */
export const report = computed(
  [reading, skipProblemRows, settings],
  (table, skip, current): LoyaltyReport | null =>
    table === null || table.responses.length === 0 || (table.problemRows > 0 && !skip)
      ? null
      : loyaltyReport(table.responses, current.minSegment),
);

/** The measure the goals are set on: the index when the file has all three questions. */
export const goalMeasure = computed([report, settings], (current, chosen) =>
  current?.overall.cli != null && chosen.measure === 'cli' ? 'cli' : 'recommend',
);

/** Distance and sample size for the near-term and the stretch target. */
export const goalPlans = computed(
  [report, settings, goalMeasure],
  (current, chosen, measure): { near: GoalPlan | null; stretch: GoalPlan | null } => {
    const today = measure === 'cli' ? current?.overall.cli : current?.overall.scores.recommend;
    if (today == null || current === null) return { near: null, stretch: null };
    const recommend = current.overall.scores.recommend;
    const passiveShare = recommend === null ? 0 : recommend.passives / recommend.n;
    const plan = (goal: number | null): GoalPlan | null => {
      if (goal === null) return null;
      const spread = measure === 'cli' ? today.sd : netScoreSdAt(goal, passiveShare);
      return planGoal(today, goal, spread);
    };
    return { near: plan(chosen.near), stretch: plan(chosen.stretch) };
  },
);

/** Changes the saved settings. */
export function updateSettings(change: Partial<LoyaltySettings>): void {
  settingsDocument.update((current) => ({ ...current, ...change }));
}

function keepForTab(name: string, text: string): void {
  try {
    if (text.length > KEEP_DATA_MAX) sessionStorage.removeItem(LOYALTY_DATA_KEY);
    else sessionStorage.setItem(LOYALTY_DATA_KEY, JSON.stringify({ name, text }));
  } catch {
    // Storage is off or full: the data simply is not kept across a reload.
  }
}

/** Said when the page cannot load its file code. */
export const FILE_CODE_FAILED =
  'The part of the page that reads files could not be loaded. Reload the page and try again.';

/**
 * Reads survey text (a file's content or a paste) in chunks. On success the data replaces the
 * earlier data; on failure the earlier data stays and `loadError` says what was wrong.
 * @param keep whether to keep the text for this tab (false when restoring it)
 */
export async function loadText(name: string, text: string, keep = true): Promise<void> {
  phase.set('busy');
  progress.set(0);
  loadError.set('');
  let parsed: Awaited<ReturnType<typeof import('../lib/loyalty-file').parseRowsInChunks>>;
  try {
    const { parseRowsInChunks } = await import('../lib/loyalty-file');
    parsed = await parseRowsInChunks(text, (share) => {
      progress.set(share);
    });
  } catch {
    parsed = { ok: false, message: FILE_CODE_FAILED };
  }
  if (!parsed.ok) {
    loadError.set(`${name}: ${parsed.message} Nothing was changed.`);
    phase.set('error');
    return;
  }
  const headers = (parsed.rows[0] ?? []).map((header) => header.trim());
  data.set({ name, headers, rows: parsed.rows, map: matchColumns(headers) });
  skipProblemRows.set(false);
  if (keep) {
    keepForTab(name, text);
    keepChoices();
  }
  phase.set('ready');
}

function keepChoices(): void {
  const loaded = data.get();
  try {
    if (loaded === null) sessionStorage.removeItem(LOYALTY_CHOICES_KEY);
    else
      sessionStorage.setItem(
        LOYALTY_CHOICES_KEY,
        JSON.stringify({ map: loaded.map, skip: skipProblemRows.get() }),
      );
  } catch {
    // Storage is off or full: the choices simply are not kept across a reload.
  }
}

/** Maps a column (by index; null for none) to a role, taking it away from any other role. */
export function setColumn(role: Role, column: number | null): void {
  const loaded = data.get();
  if (loaded === null) return;
  const map = { ...loaded.map };
  if (column !== null) {
    for (const other of Object.keys(map) as Role[]) if (map[other] === column) map[other] = null;
  }
  map[role] = column;
  data.set({ ...loaded, map });
  skipProblemRows.set(false);
  keepChoices();
}

/** Agrees to leave out the rows with problems, or takes that back. */
export function chooseSkip(skip: boolean): void {
  skipProblemRows.set(skip);
  keepChoices();
}

/** Forgets the data (settings stay). */
export function clearData(): void {
  data.set(null);
  skipProblemRows.set(false);
  loadError.set('');
  phase.set('idle');
  try {
    sessionStorage.removeItem(LOYALTY_DATA_KEY);
    sessionStorage.removeItem(LOYALTY_CHOICES_KEY);
  } catch {
    // Nothing was kept.
  }
}

const keptSchema = v.object({ name: v.string(), text: v.string() });
const column = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0)));
const choicesSchema = v.object({
  map: v.object({
    recommend: column,
    repurchase: column,
    tryOther: column,
    segment: column,
    period: column,
  }),
  skip: v.boolean(),
});

function keptChoices(): v.InferOutput<typeof choicesSchema> | null {
  try {
    const text = sessionStorage.getItem(LOYALTY_CHOICES_KEY);
    const result = text === null ? null : v.safeParse(choicesSchema, JSON.parse(text));
    return result?.success === true ? result.output : null;
  } catch {
    return null;
  }
}

/** Reads the data kept for this tab again after a reload, if there is any. */
export async function restoreData(): Promise<void> {
  if (data.get() !== null || phase.get() === 'busy') return;
  let kept: v.InferOutput<typeof keptSchema> | null;
  try {
    const text = sessionStorage.getItem(LOYALTY_DATA_KEY);
    const result = text === null ? null : v.safeParse(keptSchema, JSON.parse(text));
    kept = result?.success === true ? result.output : null;
  } catch {
    kept = null;
  }
  if (kept === null) return;
  const choices = keptChoices();
  await loadText(kept.name, kept.text, false);
  const loaded = data.get();
  if (choices === null || loaded === null) return;
  // Choices about another file's columns (or a damaged record of them) are not applied.
  const width = loaded.headers.length;
  if (Object.values(choices.map).every((index) => index === null || index < width)) {
    data.set({ ...loaded, map: choices.map });
    skipProblemRows.set(choices.skip);
  }
}
