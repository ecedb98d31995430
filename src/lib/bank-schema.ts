/**
 * The schema of a Culture Navigator question bank (one YAML file per released version in
 * content/navigator/). src/content.config.ts validates every bank with it at build time and
 * src/lib/bank.ts derives its types from it (type imports only, so zod never reaches a client
 * bundle). Version 1 files stay valid: every field added for version 2 is optional or has a
 * default that means "as version 1 did it".
 */
import { z } from 'astro/zod';
import { ACTORS } from './bank';

const slug = z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and hyphens');

/** Scoring rules of version 1: the rules the first bank was released with, kept unchanged. */
const rulesV1 = z.strictObject({
  /** 1: no response checks, no bands, unbounded weights, keystone first below its threshold. */
  version: z.literal(1),
});

/** Scoring rules of version 2; every threshold is a stated judgement shown on /method/. */
const rulesV2 = z.strictObject({
  /** 2: response checks, score bands, bounded weights, a floor for strengths. */
  version: z.literal(2),
  /** When a response is flagged "Check your answers" (and given no stage). */
  checks: z.strictObject({
    /** Checks run only when at least this many statements have an answer on the scale. */
    minAnswers: z.number().int().min(5),
    /** Share (0.5–1) of scale answers that are one and the same value: straight-lining. */
    straightLine: z.number().min(0.5).max(1),
    /**
     * Share (0.5–1) of normal and, at the same time, of reverse-worded statements agreed with:
     * agreeing with a statement and with its opposite.
     */
    acquiescence: z.number().min(0.5).max(1),
    /** Share (0.3–1) of scale answers that are the middle answer ("Neither"). */
    mostlyNeutral: z.number().min(0.3).max(1),
  }),
  /** Lowest dimension score (0–100) that can be shown as a strength. */
  strengthsFloor: z.number().min(0).max(100),
  /** The uncertainty band around each dimension score. */
  band: z.strictObject({
    /** Multiplier of the standard error: 1 gives a band of one standard error each side. */
    z: z.number().min(0.5).max(3),
    /**
     * Smallest spread (standard deviation of item scores, 0–50 points) assumed, so a dimension
     * whose few answers happen to agree still gets a band of honest width.
     */
    minSpread: z.number().min(0).max(50),
  }),
  /** Bounds every dimension weight must stay within, so weights cannot decide priorities. */
  weights: z.strictObject({
    min: z.number().min(0.5).max(1),
    max: z.number().min(1).max(2),
  }),
});

/** One statement the respondent rates on the agreement scale. */
const statementSchema = z.strictObject({
  /** Stable identifier, unique in the bank. */
  id: slug,
  /** The statement the respondent agrees or disagrees with: one actor, one behaviour. */
  text: z.string().min(15).max(200),
  /** True when agreeing signals a weaker culture; its score is flipped. */
  reverse: z.boolean().default(false),
  /**
   * Role ids of the respondents who can observe this, and are shown it. Absent: every role
   * (version 1 statements have no such field).
   */
  judges: z.array(slug).min(1).optional(),
});

/** One dimension of customer-centricity. */
const dimensionSchema = z.strictObject({
  id: slug,
  /** Full name, shown as the section heading. */
  name: z.string().min(3),
  /** Short name for charts and tables. */
  short: z.string().min(3).max(24),
  /** One sentence on what this dimension covers. */
  about: z.string().min(20),
  /** Importance weight used in prioritisation (1 = average); version 2 bounds it in `rules`. */
  weight: z.number().min(0.5).max(2),
  /** Playbook pages this dimension measures; the first is the main one. */
  playbook: z.array(slug).min(1),
  /** 4 to 6 statements, at least one reverse-worded (version 2: the same number everywhere). */
  statements: z.array(statementSchema).min(4).max(6),
});

/** A suggested next action. */
const actionSchema = z.strictObject({
  /** The dimension whose weakness this action addresses. */
  dimension: slug,
  /** "now" for a do-now action, "staged" for one to plan in stages. */
  horizon: z.enum(['now', 'staged']),
  /**
   * What to do, in one or two sentences, in the imperative: for other roles the results put
   * "Ask …" or "Propose …" in front of it.
   */
  text: z.string().min(20).max(240),
  /** Playbook page that explains the action. */
  playbook: slug,
  /** Who can take it; absent means anyone (every version 1 action). */
  actors: z.array(z.enum(ACTORS)).min(1).default(['anyone']),
});

/** A whole bank version. */
export const bankSchema = z.strictObject({
  /** Stable identifier shared by every version of this bank. */
  id: slug,
  /** Version number; raise it whenever statements, scale, weights, rules or stages change. */
  version: z.number().int().min(1),
  /** Date this version was released (YYYY-MM-DD). */
  released: z.iso.date(),
  /**
   * Shown before the first statement: the time frame and what "we" and "leaders" mean.
   * Absent in version 1.
   */
  instructions: z.string().min(40).max(700).optional(),
  /** The five-point agreement scale, from value 1 (strongly disagree) to 5 (strongly agree). */
  scale: z
    .array(z.strictObject({ value: z.number().int().min(1).max(5), label: z.string().min(1) }))
    .length(5),
  /** Label of the "don't know" answer, recorded and left out of scoring. */
  dontKnow: z.string().min(1),
  /** Label of the "not applicable" answer; absent means the bank offers no such answer. */
  notApplicable: z.string().min(1).optional(),
  /** Roles a respondent can choose before the statements. */
  roles: z.array(z.strictObject({ id: slug, label: z.string().min(1) })).min(2),
  /** Maturity stages from lowest to highest; `min` is the lowest index (0–100) in the stage. */
  stages: z
    .array(
      z.strictObject({
        id: slug,
        name: z.string().min(1),
        min: z.number().min(0).max(100),
        summary: z.string().min(20),
      }),
    )
    .length(5),
  /** The prioritisation rule's settings. */
  priority: z.strictObject({
    /**
     * The keystone dimension. Rules 1: it goes first whenever it scores below `keystoneBelow`.
     * Rules 2: below that score it is listed first among equally urgent priorities.
     */
    keystone: slug,
    /** Score below which the keystone rule applies. */
    keystoneBelow: z.number().min(0).max(100),
  }),
  /** Which scoring rules apply, with their thresholds. Absent: version 1. */
  rules: z.discriminatedUnion('version', [rulesV1, rulesV2]).default({ version: 1 }),
  /** The dimensions, in the order the questionnaire shows them. */
  dimensions: z.array(dimensionSchema).min(1),
  /** Suggested next actions, each tied to a dimension and a playbook page. */
  actions: z.array(actionSchema).min(1),
});

/** A bank as the schema gives it (statements may lack `judges`). */
export type BankData = z.output<typeof bankSchema>;
