/**
 * What the team view shows of the data read (stores/team.ts): the label filter, the two roles
 * compared, the anonymity threshold (kept in this browser, validated on every read) and the
 * figures computed from them. Loaded with the results, not with the page.
 */
import { atom, computed } from 'nanostores';
import { persistentJSON } from '@nanostores/persistent';
import * as v from 'valibot';
import { teamView, type TeamView } from '../lib/aggregate';
import { DEFAULT_THRESHOLD, MAX_THRESHOLD, MIN_THRESHOLD } from '../lib/anonymity';
import type { Bank } from '../lib/bank';
import { labelChoices, type LabelChoice } from '../lib/team-labels';
import { perceptionGap, type GapRow } from '../lib/perception-gap';
import { teamStats, type TeamStats } from '../lib/team-stats';
import { teamData } from './team';

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
  /** The label in view (a label key; null for everyone): a label the data lacks falls back. */
  label: string | null;
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
    const label =
      filter.label !== null && respondents.some((r) => r.labelKey === filter.label)
        ? filter.label
        : null;
    const view = teamView(bank, respondents, label, settings.threshold);
    const input = { ...view, threshold: settings.threshold };
    return {
      bank,
      label,
      view,
      stats: teamStats(bank, input),
      gap: perceptionGap(bank, input, filter.pair[0], filter.pair[1]),
      labels: labelChoices(respondents.map((r) => r.label)),
    };
  },
);

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
