/**
 * The listening plan, saved in localStorage as it is typed and validated every time it is read.
 * A first visit starts from the suggested set of listening points.
 */
import { atom, computed } from 'nanostores';
import {
  MAX_POINTS,
  MAX_TEXT,
  findGaps,
  parsePlan,
  suggestedPlan,
  type ListeningPlan,
  type ListeningPoint,
  type Voice,
} from '../lib/listening';
import { newId } from '../lib/worksheet';
import { savedDocument } from './saved-document';

/** localStorage key of the plan. */
export const PLAN_KEY = 'ccn:tools:listening-plan';

const document = savedDocument<ListeningPlan>(PLAN_KEY, parsePlan, suggestedPlan);

/** The plan. */
export const plan = document.value;
/** Whether the plan is being saved. */
export const planStatus = document.status;
/** The gaps in the plan. */
export const gaps = computed(plan, findGaps);
/** The plan as it was before the last import, so the import can be undone (this visit only). */
export const beforeImport = atom<ListeningPlan | null>(null);

/** Clears a damaged saved plan and starts afresh, saving again. */
export function discardDamagedPlan(): void {
  document.discardDamaged();
}

/** Renames the plan. */
export function renamePlan(name: string): void {
  document.update((current) => ({ ...current, name: name.slice(0, MAX_TEXT) }));
}

/** Adds an empty point for a voice. @returns its id, or null at the limit */
export function addPoint(voice: Voice): string | null {
  const current = plan.get();
  if (current.points.length >= MAX_POINTS) return null;
  const id = newId(
    'l',
    current.points.map((point) => point.id),
  );
  const point: ListeningPoint = {
    id,
    voice,
    moment: '',
    method: 'survey',
    timing: '',
    owner: '',
    response: 'week',
    destination: '',
  };
  document.update((now) => ({ ...now, points: [...now.points, point] }));
  return id;
}

/** Changes a point. Text is cut to the longest allowed. */
export function updatePoint(id: string, change: Partial<Omit<ListeningPoint, 'id'>>): void {
  const safe = { ...change };
  for (const key of ['moment', 'timing', 'owner', 'destination'] as const) {
    const value = safe[key];
    if (value !== undefined) safe[key] = value.slice(0, MAX_TEXT);
  }
  document.update((now) => ({
    ...now,
    points: now.points.map((point) => (point.id === id ? { ...point, ...safe } : point)),
  }));
}

/** Removes a point. */
export function removePoint(id: string): void {
  document.update((now) => ({ ...now, points: now.points.filter((point) => point.id !== id) }));
}

/** Replaces the plan with the suggested set. */
export function startFromSuggestions(): void {
  document.update(() => suggestedPlan());
}

/** Replaces the plan with an imported one (already validated); {@link undoImport} takes it back. */
export function importPlan(next: ListeningPlan): void {
  beforeImport.set(plan.get());
  document.update(() => next);
}

/** Puts back the plan as it was before the last import. */
export function undoImport(): void {
  const previous = beforeImport.get();
  if (previous === null) return;
  beforeImport.set(null);
  document.update(() => previous);
}
