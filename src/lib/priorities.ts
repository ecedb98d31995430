/**
 * Chooses what to work on next and what to celebrate. The rules belong to the bank version and
 * are explained on /method/.
 *
 * Both versions:
 * 1. Only dimensions with a score take part.
 * 2. Urgency = (100 − score) × the dimension's importance weight from the bank.
 * 3. Ties keep the bank's order. The top three are the priorities.
 *
 * Rules 1:
 * - Keystone: when the bank's keystone dimension (leadership commitment) scores below its
 *   threshold, it goes first whatever the others score.
 * - Strengths are the two highest-scoring remaining dimensions, whatever their score.
 * - Every action is shown to everyone as the respondent's own.
 *
 * Rules 2:
 * - Weights are bounded by the bank (see its `rules.weights`), so they can tip close calls but
 *   not decide the list.
 * - Each urgency carries a band (from the score's band). A priority whose band overlaps the band
 *   of the most urgent priority of its group shares its rank: they are equally urgent.
 * - Keystone: below its threshold, the keystone dimension is listed first among the priorities
 *   it is equally urgent with. It no longer jumps a clearly more urgent dimension, and it never
 *   changes which dimensions are priorities.
 * - Strengths: the two highest-scoring remaining dimensions at or above the bank's floor; none
 *   is a valid answer.
 * - Actions are split by who can take them: the respondent's own (their role or anyone) and the
 *   ones to ask for or propose, with the role to ask.
 */
import { shownIn, type Action, type Bank, type Statement } from './bank';
import {
  DONT_KNOW,
  isAgreement,
  itemScore,
  type Agreement,
  type Answers,
  type Band,
  type DimensionScore,
  type ScoredResult,
} from './scoring';
import { rankWithBands, splitActions, type Candidate, type OtherAction } from './priority-rules-2';

/** A dimension score that has a number. */
export type ScoredDimension = DimensionScore & { score: number; exact: number };

/** A statement that pulled a dimension's score down, with its answer and item score. */
export interface PulledDown {
  statement: Statement;
  answer: Agreement;
  /** Item score 0–100 after any reverse flip. */
  score: number;
}

/** A dimension to work on, with its suggested actions. */
export interface Priority {
  dimension: ScoredDimension;
  /** (100 − score) × weight, rounded to one decimal. */
  urgency: number;
  /** Rules 2: the urgency band from the score band; null with rules 1. */
  urgencyBand: Band | null;
  /** 1 for the most urgent; priorities whose urgency bands overlap share a rank (rules 2). */
  rank: number;
  /** Placed by the keystone rule rather than by urgency alone. */
  keystone: boolean;
  /** Short facts on why this is a priority, for the results. */
  why: string[];
  /** The statements that pulled the score down most (at most two), lowest first. */
  pulledDown: PulledDown[];
  /** Every do-now action of the dimension, whoever can take it. */
  now: Action[];
  /** Every plan-in-stages action of the dimension, whoever can take it. */
  staged: Action[];
  /** Actions the respondent can take: for their role or for anyone (rules 1: all of them). */
  yours: Action[];
  /** Actions for other roles, to ask for or propose (rules 1: none). */
  others: OtherAction[];
}

/** A statement answered "don't know": what the respondent cannot see is a finding too. */
export interface BlindSpot {
  statement: Statement;
  dimension: { id: string; name: string };
}

/** What to work on next and what to celebrate. */
export interface Plan {
  priorities: Priority[];
  strengths: ScoredDimension[];
  /** Rules 2: the lowest score a strength needs; null with rules 1 (no floor). */
  strengthsFloor: number | null;
  /** Statements the respondent was shown and answered "don't know", in bank order. */
  blindSpots: BlindSpot[];
}

/** Options of {@link makePlan}. */
export interface PlanOptions {
  /** How many priorities to return (3 on the results page). */
  count?: number;
  /** How many strengths to return at most (2 on the results page). */
  strengthCount?: number;
  /** The answers, for the statements that pulled each priority down and the blind spots. */
  answers?: Answers;
}

function hasScore(d: DimensionScore): d is ScoredDimension {
  return d.score !== null && d.exact !== null;
}

/** Urgency of a dimension: its gap to 100 weighted by importance, to one decimal. */
export function urgencyOf(score: number, weight: number): number {
  return Math.round((100 - score) * weight * 10) / 10;
}

/**
 * The statements of a dimension that pulled its score down most: those scoring below the
 * dimension's mean, lowest first (ties in bank order), at most `limit`. When every answer scores
 * the same, the first `limit` of them (none pulled harder than another).
 */
export function pulledDown(
  bank: Bank,
  dimension: ScoredDimension,
  answers: Answers,
  roleId: string | null,
  limit = 2,
): PulledDown[] {
  const source = bank.dimensions.find((d) => d.id === dimension.id);
  if (source === undefined) return [];
  const statements = bank.rules.version === 1 ? source.statements : shownIn(source, roleId);
  const items = statements.flatMap((statement) => {
    const answer = answers[statement.id];
    return isAgreement(answer)
      ? [{ statement, answer, score: itemScore(answer, statement.reverse) }]
      : [];
  });
  const below = items.filter((item) => item.score < dimension.exact);
  return (below.length > 0 ? below : items)
    .map((item, order) => ({ item, order }))
    .sort((a, b) => a.item.score - b.item.score || a.order - b.order)
    .slice(0, limit)
    .map(({ item }) => item);
}

function whyFacts(bank: Bank, c: Candidate & { rank: number }, scoredCount: number): string[] {
  const d = c.dimension;
  const weight = bank.dimensions.find((x) => x.id === d.id)?.weight ?? 1;
  const facts = [
    d.band
      ? `Scores ${d.score} (likely between ${d.band.low} and ${d.band.high}) from ${d.scored} statement${d.scored === 1 ? '' : 's'}.`
      : `Scores ${d.score} from ${d.scored} statement${d.scored === 1 ? '' : 's'}.`,
    `Urgency (100 − ${d.score}) × weight ${weight} = ${c.urgency}, of ${scoredCount} scored dimensions.`,
  ];
  if (c.keystone) {
    facts.push(
      bank.rules.version === 1
        ? `Listed first because it scores below ${bank.priority.keystoneBelow}: other changes rarely last without it.`
        : `Listed first among equally urgent priorities because it scores below ${bank.priority.keystoneBelow}: other changes rarely last without it.`,
    );
  }
  if (d.dontKnow > 0) {
    facts.push(
      `${d.dontKnow} statement${d.dontKnow === 1 ? ' was' : 's were'} answered "don't know" and left out.`,
    );
  }
  return facts;
}

/**
 * Builds the plan from a scored result, with the bank's rules.
 * @param roleId - the respondent's role: decides which actions are theirs (rules 2) and which
 *   statements count for the detail (null: unknown, only "anyone" actions are theirs)
 */
export function makePlan(
  bank: Bank,
  result: ScoredResult,
  roleId: string | null = null,
  options: PlanOptions = {},
): Plan {
  const { count = 3, strengthCount = 2, answers = {} } = options;
  const weights = new Map(bank.dimensions.map((d) => [d.id, d.weight]));
  const scored = result.dimensions.filter(hasScore);
  const v1 = bank.rules.version === 1;
  const candidates = scored
    .map((dimension, order): Candidate => {
      const weight = weights.get(dimension.id) ?? 1;
      const urgency = urgencyOf(dimension.score, weight);
      const keystone =
        dimension.id === bank.priority.keystone && dimension.score < bank.priority.keystoneBelow;
      const band = dimension.band ?? null;
      const urgencyBand =
        v1 || band === null
          ? null
          : { low: urgencyOf(band.high, weight), high: urgencyOf(band.low, weight) };
      return { dimension, urgency, urgencyBand, keystone, order };
    })
    .sort(
      (a, b) =>
        (v1 ? Number(b.keystone) - Number(a.keystone) : 0) ||
        b.urgency - a.urgency ||
        a.order - b.order,
    );
  const ranked = v1
    ? candidates.slice(0, count).map((c, i) => ({ ...c, rank: i + 1 }))
    : rankWithBands(candidates, count);
  const priorities = ranked.map((c): Priority => {
    const actions = bank.actions.filter((a) => a.dimension === c.dimension.id);
    const split = v1 ? { yours: actions, others: [] } : splitActions(actions, roleId);
    return {
      dimension: c.dimension,
      urgency: c.urgency,
      urgencyBand: c.urgencyBand,
      rank: c.rank,
      keystone: c.keystone,
      why: whyFacts(bank, c, scored.length),
      pulledDown: pulledDown(bank, c.dimension, answers, roleId),
      now: actions.filter((a) => a.horizon === 'now'),
      staged: actions.filter((a) => a.horizon === 'staged'),
      ...split,
    };
  });
  const chosen = new Set(priorities.map((p) => p.dimension.id));
  const floor = bank.rules.version === 1 ? null : bank.rules.strengthsFloor;
  const strengths = scored
    .filter((d) => !chosen.has(d.id) && (floor === null || d.score >= floor))
    .map((dimension, order) => ({ dimension, order }))
    .sort((a, b) => b.dimension.score - a.dimension.score || a.order - b.order)
    .slice(0, strengthCount)
    .map(({ dimension }) => dimension);
  const blindSpots = bank.dimensions.flatMap((d) =>
    (v1 ? d.statements : shownIn(d, roleId))
      .filter((statement) => answers[statement.id] === DONT_KNOW)
      .map((statement) => ({ statement, dimension: { id: d.id, name: d.name } })),
  );
  return { priorities, strengths, strengthsFloor: floor, blindSpots };
}
