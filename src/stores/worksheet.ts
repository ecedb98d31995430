/**
 * The wows-and-woes worksheets, saved in localStorage as they are typed and validated every
 * time they are read. Several worksheets are kept side by side; one is open at a time.
 */
import { computed } from 'nanostores';
import {
  MAX_COMPETITORS,
  MAX_NAME,
  MAX_NOTES,
  MAX_PAINS,
  MAX_SEGMENTS,
  MAX_WORKSHEETS,
  blankPain,
  blankWorksheet,
  freshWorksheets,
  idsIn,
  newId,
  parseWorksheets,
  type Pain,
  type Worksheet,
  type Worksheets,
} from '../lib/worksheet';
import { savedDocument } from './saved-document';

/** localStorage key of the worksheets. */
export const WORKSHEETS_KEY = 'ccn:tools:wows-and-woes';

const document = savedDocument<Worksheets>(WORKSHEETS_KEY, parseWorksheets, freshWorksheets);

/** All worksheets and which one is open. */
export const worksheets = document.value;
/** Whether the worksheets are being saved. */
export const worksheetStatus = document.status;

/** The open worksheet. */
export const activeSheet = computed(
  worksheets,
  (state): Worksheet =>
    state.sheets.find((sheet) => sheet.id === state.active) ??
    state.sheets[0] ??
    blankWorksheet('w-1'),
);

/** Clears damaged saved worksheets and starts afresh, saving again. */
export function discardDamagedWorksheets(): void {
  document.discardDamaged();
}

function changeActive(change: (sheet: Worksheet) => Worksheet): void {
  document.update((state) => ({
    ...state,
    sheets: state.sheets.map((sheet) => (sheet.id === state.active ? change(sheet) : sheet)),
  }));
}

const cut = (text: string, max = MAX_NAME): string => text.slice(0, max);

/** Opens another worksheet. */
export function openSheet(sheetId: string): void {
  document.update((state) =>
    state.sheets.some((sheet) => sheet.id === sheetId) ? { ...state, active: sheetId } : state,
  );
}

/**
 * Adds a worksheet and opens it: a blank one, or a copy of the open one.
 * @returns false when the most worksheets are already kept
 */
export function addSheet(copy = false): boolean {
  const state = worksheets.get();
  if (state.sheets.length >= MAX_WORKSHEETS) return false;
  const sheetId = newId(
    'w',
    state.sheets.map((sheet) => sheet.id),
  );
  const current = activeSheet.get();
  const sheet = copy
    ? { ...structuredClone(current), id: sheetId, name: cut(`${current.name} (copy)`) }
    : blankWorksheet(sheetId, `Worksheet ${state.sheets.length + 1}`);
  document.update((now) => ({ active: sheetId, sheets: [...now.sheets, sheet] }));
  return true;
}

/** Deletes the open worksheet; the last one left is replaced by a blank one. */
export function deleteSheet(): void {
  document.update((state) => {
    const rest = state.sheets.filter((sheet) => sheet.id !== state.active);
    const first = rest[0];
    return first === undefined ? freshWorksheets() : { active: first.id, sheets: rest };
  });
}

/** Renames the open worksheet. */
export function renameSheet(name: string): void {
  changeActive((sheet) => ({ ...sheet, name: cut(name) }));
}

/** Adds a competitor column. @returns false at the limit */
export function addCompetitor(): boolean {
  const sheet = activeSheet.get();
  if (sheet.competitors.length >= MAX_COMPETITORS) return false;
  const competitorId = newId(
    'c',
    sheet.competitors.map((c) => c.id),
  );
  const letter = String.fromCharCode(65 + sheet.competitors.length);
  changeActive((s) => ({
    ...s,
    competitors: [...s.competitors, { id: competitorId, name: `Competitor ${letter}` }],
  }));
  return true;
}

/** Renames a competitor. */
export function renameCompetitor(competitorId: string, name: string): void {
  changeActive((sheet) => ({
    ...sheet,
    competitors: sheet.competitors.map((c) =>
      c.id === competitorId ? { ...c, name: cut(name) } : c,
    ),
  }));
}

/** Removes a competitor and its ratings. */
export function removeCompetitor(competitorId: string): void {
  changeActive((sheet) => ({
    ...sheet,
    competitors: sheet.competitors.filter((c) => c.id !== competitorId),
    segments: sheet.segments.map((segment) => ({
      ...segment,
      pains: segment.pains.map((pain) => ({
        ...pain,
        them: Object.fromEntries(Object.entries(pain.them).filter(([key]) => key !== competitorId)),
      })),
    })),
  }));
}

/** Adds a segment with one empty pain point. @returns the new segment's id, or null at the limit */
export function addSegment(): string | null {
  const sheet = activeSheet.get();
  if (sheet.segments.length >= MAX_SEGMENTS) return null;
  const segmentId = newId('s', idsIn(sheet));
  const painId = newId('p', [...idsIn(sheet), segmentId]);
  changeActive((s) => ({
    ...s,
    segments: [
      ...s.segments,
      { id: segmentId, name: `Segment ${s.segments.length + 1}`, pains: [blankPain(painId)] },
    ],
  }));
  return segmentId;
}

/** Renames a segment. */
export function renameSegment(segmentId: string, name: string): void {
  changeActive((sheet) => ({
    ...sheet,
    segments: sheet.segments.map((s) => (s.id === segmentId ? { ...s, name: cut(name) } : s)),
  }));
}

/** Removes a segment and its pain points. */
export function removeSegment(segmentId: string): void {
  changeActive((sheet) => ({
    ...sheet,
    segments: sheet.segments.filter((s) => s.id !== segmentId),
  }));
}

/** Adds an empty pain point to a segment. @returns its id, or null at the limit */
export function addPain(segmentId: string): string | null {
  const sheet = activeSheet.get();
  const segment = sheet.segments.find((s) => s.id === segmentId);
  if (segment === undefined || segment.pains.length >= MAX_PAINS) return null;
  const painId = newId('p', idsIn(sheet));
  changeActive((s) => ({
    ...s,
    segments: s.segments.map((seg) =>
      seg.id === segmentId ? { ...seg, pains: [...seg.pains, blankPain(painId)] } : seg,
    ),
  }));
  return painId;
}

/** Changes a pain point: its text, importance, our verdict or notes. */
export function updatePain(
  segmentId: string,
  painId: string,
  change: Partial<Pick<Pain, 'text' | 'importance' | 'us' | 'notes'>>,
): void {
  const safe = { ...change };
  if (safe.text !== undefined) safe.text = cut(safe.text);
  if (safe.notes !== undefined) safe.notes = cut(safe.notes, MAX_NOTES);
  changeActive((sheet) => ({
    ...sheet,
    segments: sheet.segments.map((seg) =>
      seg.id === segmentId
        ? { ...seg, pains: seg.pains.map((p) => (p.id === painId ? { ...p, ...safe } : p)) }
        : seg,
    ),
  }));
}

/** Records a competitor's verdict on a pain point (null: not rated). */
export function rateCompetitor(
  segmentId: string,
  painId: string,
  competitorId: string,
  verdict: Pain['us'],
): void {
  changeActive((sheet) => ({
    ...sheet,
    segments: sheet.segments.map((seg) =>
      seg.id === segmentId
        ? {
            ...seg,
            pains: seg.pains.map((p) =>
              p.id === painId ? { ...p, them: { ...p.them, [competitorId]: verdict } } : p,
            ),
          }
        : seg,
    ),
  }));
}

/** Removes a pain point. */
export function removePain(segmentId: string, painId: string): void {
  changeActive((sheet) => ({
    ...sheet,
    segments: sheet.segments.map((seg) =>
      seg.id === segmentId ? { ...seg, pains: seg.pains.filter((p) => p.id !== painId) } : seg,
    ),
  }));
}

/**
 * Adds imported worksheets (already validated) side by side with the others, each under a new
 * id, and opens the first.
 * @returns how many were added (fewer than given when the limit is reached)
 */
export function importSheets(sheets: readonly Worksheet[]): number {
  const state = worksheets.get();
  const room = Math.max(0, MAX_WORKSHEETS - state.sheets.length);
  const taken = state.sheets.map((sheet) => sheet.id);
  const added = sheets.slice(0, room).map((sheet) => {
    const sheetId = newId('w', taken);
    taken.push(sheetId);
    return { ...sheet, id: sheetId };
  });
  const first = added[0];
  if (first !== undefined) {
    document.update((now) => ({ active: first.id, sheets: [...now.sheets, ...added] }));
  }
  return added.length;
}
