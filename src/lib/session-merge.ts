/**
 * Merging two copies of one questionnaire run, so that two tabs answering at the same moment
 * never lose an answer. Each tab writes the whole session; when another tab's write arrives,
 * the two copies are merged answer by answer: the answer given last wins (each answer carries
 * the time it was given), so both tabs reach the same session whatever order writes arrive in.
 * Pure TypeScript.
 */

/** The parts of a session that merging reads. */
export interface MergeableSession {
  /** Identifies one questionnaire run; a new run (Start over) replaces the old one. */
  run: string;
  answers: Readonly<Partial<Record<string, number>>>;
  /** When each answer was given, in milliseconds since 1970. */
  edited: Readonly<Partial<Record<string, number>>>;
  /** Sections already shown. */
  seen: readonly number[];
}

/** Whether `a` should win over `b` for one answer: given later, or on a tie the larger value. */
function wins(
  a: number | undefined,
  aTime: number | undefined,
  b: number | undefined,
  bTime: number | undefined,
): boolean {
  if (b === undefined) return a !== undefined;
  if (a === undefined) return false;
  const at = aTime ?? 0;
  const bt = bTime ?? 0;
  return at === bt ? a > b : at > bt;
}

/**
 * Merges this tab's copy of the session into the copy another tab wrote. Everything but the
 * answers and the sections seen is taken from `theirs` (it was written last). A different run
 * (the other tab started over) replaces this tab's copy entirely.
 * @returns the merged session, and whether it differs from `theirs` (then it must be written
 *   back, so the other tab gets this tab's answers too)
 */
export function mergeSessions<S extends MergeableSession>(
  mine: S,
  theirs: S,
): { merged: S; changed: boolean } {
  if (mine.run !== theirs.run) return { merged: theirs, changed: false };
  const answers = { ...theirs.answers };
  const edited = { ...theirs.edited };
  let changed = false;
  for (const id of Object.keys(mine.answers)) {
    if (wins(mine.answers[id], mine.edited[id], theirs.answers[id], theirs.edited[id])) {
      answers[id] = mine.answers[id];
      edited[id] = mine.edited[id];
      changed = true;
    }
  }
  const extra = mine.seen.filter((id) => !theirs.seen.includes(id));
  if (extra.length > 0) changed = true;
  return {
    merged: { ...theirs, answers, edited, seen: [...theirs.seen, ...extra] },
    changed,
  };
}
