/**
 * What scoring rules 2 add to the plan (the full rules are in priorities.ts and on /method/):
 * urgency bands that give equally urgent priorities a shared rank with the keystone first among
 * them, and actions split by who can take them, the others' asked of or proposed to a role. Pure.
 */
import type { Action, Actor } from './bank';
import type { Band } from './scoring';
import type { ScoredDimension } from './priorities';

/** Someone else's action: to ask for (from a more senior role) or to propose (otherwise). */
export interface OtherAction {
  action: Action;
  /** The role to ask or propose it to. */
  actor: Exclude<Actor, 'anyone'>;
  mode: 'ask' | 'propose';
}

/** A scored dimension on its way to the plan: its urgency, band, keystone flag and bank order. */
export interface Candidate {
  dimension: ScoredDimension;
  urgency: number;
  urgencyBand: Band | null;
  keystone: boolean;
  order: number;
}

/** Seniority of the roles that can act; roles outside it (such as "other") have none. */
const LEVELS: readonly Exclude<Actor, 'anyone'>[] = ['frontline', 'manager', 'executive'];

/**
 * Splits actions into the respondent's own and the others'. Another role's action is asked of
 * the nearest more senior role that can take it, or else proposed to the nearest other one.
 */
export function splitActions(
  actions: readonly Action[],
  roleId: string | null,
): { yours: Action[]; others: OtherAction[] } {
  const yours: Action[] = [];
  const others: OtherAction[] = [];
  const level = LEVELS.findIndex((id) => id === roleId);
  for (const action of actions) {
    if (action.actors.includes('anyone') || action.actors.some((a) => a === roleId)) {
      yours.push(action);
      continue;
    }
    const candidates = LEVELS.filter((id) => action.actors.includes(id));
    const above = candidates.filter((id) => LEVELS.indexOf(id) > level);
    const target =
      level === -1
        ? candidates[0]
        : (above[0] ?? candidates.filter((id) => LEVELS.indexOf(id) < level).at(-1));
    if (target !== undefined) {
      others.push({
        action,
        actor: target,
        mode: LEVELS.indexOf(target) > level ? 'ask' : 'propose',
      });
    }
  }
  return { yours, others };
}

/**
 * Rules 2: takes the `count` most urgent, then gives overlapping urgency bands a shared rank
 * (a priority joins the rank of the most urgent priority of its group when their bands overlap)
 * and lists the keystone first within its rank. The keystone never changes which dimensions are
 * priorities, only their order among equals.
 */
export function rankWithBands(
  sorted: Candidate[],
  count: number,
): (Candidate & { rank: number })[] {
  const groups: Candidate[][] = [];
  for (const candidate of sorted.slice(0, count)) {
    const group = groups.at(-1);
    const low = group?.[0]?.urgencyBand?.low ?? Infinity;
    const high = candidate.urgencyBand?.high ?? -Infinity;
    if (group !== undefined && high >= low) group.push(candidate);
    else groups.push([candidate]);
  }
  return groups.flatMap((group, index) => {
    const keystone = group.find((c) => c.keystone);
    const moved = keystone !== undefined && keystone !== group[0];
    const ordered = moved ? [keystone, ...group.filter((c) => c !== keystone)] : group;
    return ordered.map((c) => ({ ...c, keystone: moved && c === keystone, rank: index + 1 }));
  });
}
