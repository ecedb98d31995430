/**
 * Files of the worksheet and listening plan tools: JSON to keep or move them (all or nothing on
 * import, validated with the same schemas as storage) and CSV for spreadsheets. Loaded only when
 * a file is made or read. Never throws on bad input: a sentence for people instead.
 */
import * as v from 'valibot';
import { toCsv } from './csv';
import { TOOL_JSON_MAX_BYTES } from './file-limits';
import {
  METHOD_LABELS,
  RESPONSE_LABELS,
  VOICE_LABELS,
  planSchema,
  type ListeningPlan,
} from './listening';
import { MAX_WORKSHEETS, shortfalls, worksheetSchema, type Worksheet } from './worksheet';

/** What reading a tool file gives: the value, or why not. */
export type FileReading<T> = { ok: true; value: T } | { ok: false; message: string };

function readJson<T>(
  text: string,
  format: string,
  body: v.GenericSchema<unknown, T>,
  what: string,
): FileReading<T> {
  if (text.length > TOOL_JSON_MAX_BYTES) {
    return {
      ok: false,
      message: `This file is larger than 2 MB, far larger than any ${what}. Nothing was imported.`,
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return {
      ok: false,
      message: `This file is not valid JSON, so it is not a ${what} exported from this site; it may be damaged or cut short. Nothing was imported.`,
    };
  }
  const envelope = v.safeParse(
    v.object({ format: v.literal(format), version: v.literal(1), content: v.unknown() }),
    raw,
  );
  if (!envelope.success) {
    return {
      ok: false,
      message: `This is not a ${what} exported from this site, or it comes from a newer version of the site. Nothing was imported.`,
    };
  }
  const content = v.safeParse(body, envelope.output.content);
  if (!content.success) {
    const [issue] = content.issues;
    const where = (issue.path ?? [])
      .map((item) => (typeof item.key === 'number' ? `#${item.key + 1}` : String(item.key)))
      .join(' › ');
    return {
      ok: false,
      message: `This ${what} is damaged${where === '' ? '' : ` at ${where}`}: ${issue.message}. Nothing was imported.`,
    };
  }
  return { ok: true, value: content.output };
}

const WORKSHEET_FORMAT = 'ccn-wows-and-woes';
const PLAN_FORMAT = 'ccn-listening-plan';

/** Worksheets as JSON: `{ format: "ccn-wows-and-woes", version: 1, content: [worksheets] }`. */
export function worksheetsFile(sheets: readonly Worksheet[]): string {
  return `${JSON.stringify({ format: WORKSHEET_FORMAT, version: 1, content: sheets }, null, 2)}\n`;
}

/** Reads a worksheet file written by {@link worksheetsFile}. */
export function parseWorksheetsFile(text: string): FileReading<Worksheet[]> {
  return readJson(
    text,
    WORKSHEET_FORMAT,
    v.pipe(v.array(worksheetSchema), v.minLength(1), v.maxLength(MAX_WORKSHEETS)),
    'worksheet file',
  );
}

/** A listening plan as JSON: `{ format: "ccn-listening-plan", version: 1, content: plan }`. */
export function planFile(plan: ListeningPlan): string {
  return `${JSON.stringify({ format: PLAN_FORMAT, version: 1, content: plan }, null, 2)}\n`;
}

/** Reads a plan file written by {@link planFile}. */
export function parsePlanFile(text: string): FileReading<ListeningPlan> {
  return readJson(text, PLAN_FORMAT, planSchema, 'listening plan');
}

/**
 * A worksheet as CSV for a spreadsheet: one row per pain point with its segment, how much it
 * matters (1–5), our verdict, each competitor's verdict (one column each, headed by its name),
 * how many steps we are behind the best competitor (empty when we are not) and the notes.
 */
export function worksheetCsv(sheet: Worksheet): string {
  const behind = new Map(shortfalls(sheet).map((s) => [s.pain.id, s.gap]));
  const fields = [
    'segment',
    'pain_point',
    'matters_1_to_5',
    'us',
    ...sheet.competitors.map((c) => c.name),
    'behind_by',
    'notes',
  ];
  const rows = sheet.segments.flatMap((segment) =>
    segment.pains.map((pain) => [
      segment.name,
      pain.text,
      pain.importance,
      pain.us,
      ...sheet.competitors.map((c) => pain.them[c.id] ?? null),
      behind.get(pain.id) ?? null,
      pain.notes,
    ]),
  );
  return toCsv(fields, rows);
}

/** A listening plan as CSV: one row per point, the labels as the page shows them. */
export function planCsv(plan: ListeningPlan): string {
  return toCsv(
    [
      'voice',
      'moment',
      'method',
      'timing',
      'owner',
      'response_to_individual_problems',
      'combined_results_go_to',
    ],
    plan.points.map((point) => [
      VOICE_LABELS[point.voice],
      point.moment,
      METHOD_LABELS[point.method],
      point.timing,
      point.owner,
      RESPONSE_LABELS[point.response],
      point.destination,
    ]),
  );
}
