/**
 * Workshops on one device (/workshop/): a named session in which several people answer the
 * questionnaire in turn on the same laptop or tablet. Pure: the schema that validates what is
 * kept in the browser, the edits to it, and the links file a workshop exports.
 *
 * A workshop keeps only the result link of each person who has submitted (the pool) and the
 * answers of the one person answering now. Submitting turns those answers into a link and
 * forgets them, so nothing of one participant is left for the next to see.
 */
import * as v from 'valibot';
import { shownIn, type Bank } from './bank';
import { LABEL_MAX } from './label-safety';
import { tidyLabel } from './invitation';

/** Longest workshop name: it becomes each participant's label, so the label limit. */
export const WORKSHOP_NAME_MAX = LABEL_MAX;
/** Most workshops kept side by side in one browser. */
export const MAX_WORKSHOPS = 30;
/** Most participants in one workshop (a room, not a survey: use invitations for more). */
export const MAX_PARTICIPANTS = 200;

const id = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/));
const screen = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(255));

const participantSchema = v.object({
  role: v.nullable(v.pipe(v.string(), v.minLength(1))),
  answers: v.record(v.string(), v.picklist([0, 1, 2, 3, 4, 5, 6] as const)),
  /** The screen shown: 0 "about you", 1..n the sections; where a reload resumes. */
  screen,
});

const workshopSchema = v.object({
  id,
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(WORKSHOP_NAME_MAX)),
  /** When the workshop was started, ISO 8601. */
  created: v.pipe(v.string(), v.isoTimestamp()),
  /** The question bank version every participant answers. */
  bank: v.object({
    id: v.pipe(v.string(), v.minLength(1)),
    version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  }),
  /** Result link fragments ("r1.…") of the people who have submitted, in order. */
  links: v.pipe(
    v.array(v.pipe(v.string(), v.regex(/^r\d{1,3}\.[A-Za-z0-9_-]+$/))),
    v.maxLength(MAX_PARTICIPANTS),
  ),
  /** The person answering now, or null between two people. */
  participant: v.nullable(participantSchema),
});

const workshopsSchema = v.object({
  /** The workshop open on this device, or null for the list. */
  active: v.nullable(id),
  workshops: v.pipe(v.array(workshopSchema), v.maxLength(MAX_WORKSHOPS)),
});

/** The answers of the person answering now. */
export type Participant = v.InferOutput<typeof participantSchema>;
/** One workshop: its name, its pool of result links and the person answering now. */
export type Workshop = v.InferOutput<typeof workshopsSchema>['workshops'][number];
/** Every workshop kept in this browser, and which one is open. */
export type Workshops = v.InferOutput<typeof workshopsSchema>;

/** No workshop yet. */
export function freshWorkshops(): Workshops {
  return { active: null, workshops: [] };
}

/** Validates stored workshops. @returns null when the data is not valid workshops */
export function parseWorkshops(raw: unknown): Workshops | null {
  const parsed = v.safeParse(workshopsSchema, raw);
  if (!parsed.success) return null;
  const ids = new Set(parsed.output.workshops.map((w) => w.id));
  // Two workshops under one id, or an open one that does not exist, were not written by us.
  if (ids.size !== parsed.output.workshops.length) return null;
  if (parsed.output.active !== null && !ids.has(parsed.output.active)) return null;
  return parsed.output;
}

/** A workshop name as kept: tidied (spaces collapsed) and cut to the label limit. */
export function workshopName(name: string): string {
  return tidyLabel(name).slice(0, WORKSHOP_NAME_MAX).trim();
}

/** A participant who has not answered anything yet. */
export function freshParticipant(): Participant {
  return { role: null, answers: {}, screen: 0 };
}

/**
 * A new workshop, with nobody answering yet.
 * @param name already tidied with {@link workshopName}, not empty
 * @param now the start time, a parameter so tests get a fixed value
 */
export function newWorkshop(
  workshopId: string,
  name: string,
  bank: { id: string; version: number },
  now: Date,
): Workshop {
  return {
    id: workshopId,
    name,
    created: now.toISOString(),
    bank: { id: bank.id, version: bank.version },
    links: [],
    participant: null,
  };
}

/** A workshop id not yet taken: "ws-<time>" with a counter when two start in one millisecond. */
export function workshopId(now: Date, taken: readonly string[]): string {
  const base = `ws-${now.getTime().toString(36)}`;
  let candidate = base;
  for (let n = 2; taken.includes(candidate); n += 1) candidate = `${base}-${n}`;
  return candidate;
}

/**
 * The links file of a workshop: one full result link per line, which the team view (and any
 * text editor) reads. Lines starting with "#" name the workshop; the team view ignores them.
 * @param resultHref the absolute address of the result page ("https://…/result/")
 */
export function workshopLinksFile(workshop: Workshop, resultHref: string): string {
  const head = [
    `# Culture Navigator workshop: ${workshop.name}`,
    `# Started ${workshop.created.slice(0, 10)}; ${workshop.links.length} ${workshop.links.length === 1 ? 'participant' : 'participants'}`,
  ];
  const page = resultHref.split('#')[0] ?? resultHref;
  return [...head, ...workshop.links.map((fragment) => `${page}#${fragment}`), ''].join('\n');
}

/*
 * A participant's path: "about you" (screen 0), then the sections their role is shown, in bank
 * order, one after the other. Simpler than the questionnaire's own path (lib/navigator-path.ts),
 * which also handles links into a section; kept apart so that sharing it does not split the
 * questionnaire's first download into one more file (its budget has no room for that).
 */

/** Screen numbers (1..n) of the sections a role is shown: those with a statement it can judge. */
export function participantSections(bank: Bank, role: string | null): number[] {
  return bank.dimensions.flatMap((d, i) => (shownIn(d, role).length > 0 ? [i + 1] : []));
}

/** Where Next leads from a screen: the next section shown, or "submit" after the last. */
export function stepAfter(sections: readonly number[], screen: number): number | 'submit' {
  return sections.find((s) => s > screen) ?? 'submit';
}

/** Where Back leads from a screen: the section shown before it, or "about you" (0). */
export function stepBefore(sections: readonly number[], screen: number): number {
  return sections.filter((s) => s < screen).at(-1) ?? 0;
}
