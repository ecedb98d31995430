/**
 * The wows-and-woes worksheet (/tools/wows-and-woes/): customer segments, their pain points,
 * how much each matters, and whether we and each named competitor ease it (a wow), leave it as
 * it is, or make it worse (a woe). Pure: the schema that validates stored and imported
 * worksheets, the edits, the ranking of where we fall behind, and the CSV and JSON files.
 */
import * as v from 'valibot';

/** Most worksheets kept side by side. */
export const MAX_WORKSHEETS = 20;
/** Most segments in a worksheet. */
export const MAX_SEGMENTS = 20;
/** Most pain points in a segment. */
export const MAX_PAINS = 30;
/** Most competitors named in a worksheet. */
export const MAX_COMPETITORS = 6;
/** Longest name (worksheet, segment, competitor) or pain point. */
export const MAX_NAME = 120;
/** Longest note. */
export const MAX_NOTES = 1000;

/** How we (or a competitor) do on a pain point. */
export const VERDICTS = ['wow', 'neutral', 'woe'] as const;
/** Eases the pain (wow), leaves it (neutral) or makes it worse (woe). */
export type Verdict = (typeof VERDICTS)[number];
/** Labels of the verdicts. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  wow: 'Wow: we ease it',
  neutral: 'Neutral',
  woe: 'Woe: we make it worse',
};
const VERDICT_VALUE: Record<Verdict, number> = { wow: 1, neutral: 0, woe: -1 };

/** How much a pain point matters to the segment, 1 (a little) to 5 (a great deal). */
export const IMPORTANCE_LABELS = ['A little', 'Somewhat', 'Quite a lot', 'A lot', 'A great deal'];

const id = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/));
const name = v.pipe(v.string(), v.maxLength(MAX_NAME));
const verdict = v.nullable(v.picklist(VERDICTS));

const painSchema = v.object({
  id,
  text: name,
  importance: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
  us: verdict,
  /** Verdict per competitor id; a competitor not rated yet is missing or null. */
  them: v.record(id, verdict),
  notes: v.pipe(v.string(), v.maxLength(MAX_NOTES)),
});

const segmentSchema = v.object({
  id,
  name,
  pains: v.pipe(v.array(painSchema), v.maxLength(MAX_PAINS)),
});

/** Schema of one worksheet, used for storage and imported files. */
export const worksheetSchema = v.object({
  id,
  name,
  competitors: v.pipe(v.array(v.object({ id, name })), v.maxLength(MAX_COMPETITORS)),
  segments: v.pipe(v.array(segmentSchema), v.maxLength(MAX_SEGMENTS)),
});

/** A pain point of a segment. */
export type Pain = v.InferOutput<typeof painSchema>;
/** A customer segment with its pain points. */
export type Segment = v.InferOutput<typeof segmentSchema>;
/** One worksheet. */
export type Worksheet = v.InferOutput<typeof worksheetSchema>;

/** Schema of everything the worksheet page keeps: the worksheets and which is open. */
export const worksheetsSchema = v.pipe(
  v.object({
    active: id,
    sheets: v.pipe(v.array(worksheetSchema), v.minLength(1), v.maxLength(MAX_WORKSHEETS)),
  }),
  v.check((state) => state.sheets.some((sheet) => sheet.id === state.active)),
);

/** The worksheets kept in the browser. */
export type Worksheets = v.InferOutput<typeof worksheetsSchema>;

/** Validates stored worksheets; null when they are not valid. */
export function parseWorksheets(raw: unknown): Worksheets | null {
  const result = v.safeParse(worksheetsSchema, raw);
  return result.success ? result.output : null;
}

/** A new identifier, unique among `taken`: a short prefix and a counter. */
export function newId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}

/** A new pain point, unrated. */
export function blankPain(painId: string, text = ''): Pain {
  return { id: painId, text, importance: 3, us: null, them: {}, notes: '' };
}

/** A worksheet to start from: one segment with one empty pain point and one competitor. */
export function blankWorksheet(sheetId: string, title = 'Our ideal customers'): Worksheet {
  return {
    id: sheetId,
    name: title,
    competitors: [{ id: 'c-1', name: 'Competitor A' }],
    segments: [{ id: 's-1', name: 'Segment 1', pains: [blankPain('p-1')] }],
  };
}

/** A fresh set of worksheets with one blank worksheet open. */
export function freshWorksheets(): Worksheets {
  return { active: 'w-1', sheets: [blankWorksheet('w-1')] };
}

/** Every id used inside a worksheet (segments and pains), for {@link newId}. */
export function idsIn(sheet: Worksheet): string[] {
  return sheet.segments.flatMap((segment) => [segment.id, ...segment.pains.map((p) => p.id)]);
}

/** A pain point we do worse on than the best competitor, with its priority. */
export interface Shortfall {
  segment: Segment;
  pain: Pain;
  /** The competitor(s) doing best on it. */
  leaders: string[];
  /** How many steps we are behind the best competitor (1 or 2). */
  gap: number;
  /** Importance × gap: the ranking key. */
  priority: number;
}

/**
 * The pain points where we do worse than the best-rated competitor, most important gaps first:
 * ranked by importance × gap (ties: larger importance, then worksheet order). A pain point we
 * have not rated, or no competitor has, is left out.
 */
export function shortfalls(sheet: Worksheet): Shortfall[] {
  const found: { item: Shortfall; order: number }[] = [];
  let order = 0;
  for (const segment of sheet.segments) {
    for (const pain of segment.pains) {
      order += 1;
      if (pain.us === null) continue;
      const ours = VERDICT_VALUE[pain.us];
      const rated = sheet.competitors.flatMap((c) => {
        const theirs = pain.them[c.id];
        return theirs == null ? [] : [{ name: c.name, value: VERDICT_VALUE[theirs] }];
      });
      const best = rated.reduce((top, c) => Math.max(top, c.value), -2);
      if (best <= ours) continue;
      const gap = best - ours;
      found.push({
        item: {
          segment,
          pain,
          leaders: rated.filter((c) => c.value === best).map((c) => c.name),
          gap,
          priority: pain.importance * gap,
        },
        order,
      });
    }
  }
  return found
    .sort(
      (a, b) =>
        b.item.priority - a.item.priority ||
        b.item.pain.importance - a.item.pain.importance ||
        a.order - b.order,
    )
    .map((entry) => entry.item);
}

/** The pain points where we are a wow and no competitor is: strengths to protect and tell. */
export function strengths(sheet: Worksheet): { segment: Segment; pain: Pain }[] {
  return sheet.segments.flatMap((segment) =>
    segment.pains
      .filter(
        (pain) => pain.us === 'wow' && sheet.competitors.every((c) => pain.them[c.id] !== 'wow'),
      )
      .map((pain) => ({ segment, pain })),
  );
}

/** What to do about a shortfall, with the playbook page that explains how. */
export interface Advice {
  text: string;
  playbook: string;
}

/** The action that fits a shortfall. */
export function adviceFor(shortfall: Shortfall): Advice {
  const { pain } = shortfall;
  if (pain.us === 'woe' && pain.importance >= 4) {
    return {
      text: 'Urgent: we make a pain that matters a lot worse. Fix what you can now, and tell these customers what will change and when.',
      playbook: 'take-action',
    };
  }
  if (pain.us === 'woe') {
    return {
      text: 'Stop making it worse: plan the fix in stages the business can absorb.',
      playbook: 'take-action',
    };
  }
  return {
    text: `Find out what ${shortfall.leaders.join(' and ')} do that these customers value: ask customers who chose them or left for them.`,
    playbook: 'listen-for-strengths-and-weaknesses',
  };
}
