/**
 * Small facts the results report shows, worked out once for every view that shows a result
 * (the navigator's results, /result/, /compare/ and /history/). Pure.
 */
import type { Stage } from './bank';

/** Where an index sits on the stage ladder. */
export interface LadderPosition {
  /** 0-based position of the stage the index falls in. */
  index: number;
  stage: Stage;
  /** The stage above, or null at the top. */
  next: Stage | null;
  /** Points still needed to reach the next stage (null at the top). */
  toNext: number | null;
}

/**
 * The stage an index (0–100) falls in, the one above it and the distance to it.
 * @param stages the bank's stages, lowest first (a bank has at least one)
 */
export function ladderPosition(stages: readonly Stage[], overall: number): LadderPosition {
  let index = 0;
  stages.forEach((stage, i) => {
    if (stage.min <= overall) index = i;
  });
  const stage = stages[index];
  if (stage === undefined) throw new Error('A bank needs at least one stage');
  const next = stages[index + 1] ?? null;
  return { index, stage, next, toNext: next === null ? null : next.min - overall };
}

/** The highest index each stage covers: one below the next stage's minimum, 100 for the top. */
export function stageRanges(
  stages: readonly Stage[],
): { stage: Stage; from: number; to: number }[] {
  return stages.map((stage, i) => ({
    stage,
    from: stage.min,
    to: (stages[i + 1]?.min ?? 101) - 1,
  }));
}

/** 1-based stage number (1–5 in the released banks) of a score, for its colour in the charts. */
export function stageNumber(stages: readonly Stage[], score: number): number {
  return ladderPosition(stages, score).index + 1;
}

/** A date as people read it in the report ("25 Nov 2026"), in the visitor's time zone. */
export function reportDate(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(date);
}

/** Roles that have their own path through the playbook (/playbook/roles/<id>/). */
const ROLE_PATHS = new Set(['executive', 'manager', 'frontline']);

/**
 * The playbook page that fits a respondent's role: the role's own path, or the roadmap for
 * anyone else (role "other", or none given). A path without the site's base.
 */
export function rolePath(role: string | null): string {
  return role !== null && ROLE_PATHS.has(role) ? `/playbook/roles/${role}/` : '/playbook/roadmap/';
}
