/**
 * The Culture Navigator's question bank: its types and the cross-checks that the content
 * schema cannot express (unique ids, reverse items, links into the playbook). Pure TypeScript.
 */

import type { BankData } from './bank-schema';

/** Who can take an action: a level of the organisation, or anyone whatever their role. */
export const ACTORS = ['executive', 'manager', 'frontline', 'anyone'] as const;

type DimensionData = BankData['dimensions'][number];

/** One statement the respondent rates on the agreement scale. */
export type Statement = DimensionData['statements'][number] & {
  /** Role ids of the respondents who can observe it and are shown it (v1: every role). */
  judges: string[];
};

/** A dimension of customer-centricity, measured by 4 to 6 statements. */
export type Dimension = Omit<DimensionData, 'statements'> & { statements: Statement[] };

/** A maturity stage; `min` is the lowest overall index that falls in it. */
export type Stage = BankData['stages'][number];

/** Who can take an action: 'executive', 'manager', 'frontline' or 'anyone'. */
export type Actor = (typeof ACTORS)[number];

/** A suggested next action, with who can take it. */
export type Action = BankData['actions'][number];

/** The scoring rules of a bank version, with their thresholds (see bank-schema.ts). */
export type Rules = BankData['rules'];

/** Scoring rules version 2 and its thresholds. */
export type RulesV2 = Extract<Rules, { version: 2 }>;

/** One released version of the question bank, with every statement's judges filled in. */
export type Bank = Omit<BankData, 'dimensions'> & { dimensions: Dimension[] };

/**
 * Fills in what a bank file may leave out: a statement without `judges` can be judged by
 * every role. Everything else is kept as it is.
 */
export function normaliseBank(data: BankData): Bank {
  const everyRole = data.roles.map((role) => role.id);
  return {
    ...data,
    dimensions: data.dimensions.map((dimension) => ({
      ...dimension,
      statements: dimension.statements.map((statement) => ({
        ...statement,
        judges: statement.judges ?? everyRole,
      })),
    })),
  };
}

/** A bank that fails its cross-checks. The message names the file and each field at fault. */
export class BankContentError extends Error {
  constructor(file: string, problems: string[]) {
    super(
      `The question bank ${file} has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`,
    );
    this.name = 'BankContentError';
  }
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) repeated.add(value);
    seen.add(value);
  }
  return [...repeated];
}

/**
 * Checks a bank beyond its schema: unique ids, at least one reverse-worded statement per
 * dimension, stages that start at 0 and rise, a keystone that exists, actions of both
 * horizons for every dimension, every playbook link pointing at a real page, every
 * playbook page measured by some dimension (each page links to the section that measures it),
 * judges that are roles, and for rules version 2 the checks of {@link findRulesV2Problems}.
 * @returns one message per problem, each naming the field; empty when the bank is sound.
 */
export function findBankProblems(bank: Bank, playbookIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const dimensionIds = bank.dimensions.map((d) => d.id);
  for (const id of duplicates(dimensionIds)) problems.push(`dimensions: id "${id}" is used twice`);
  const statementIds = bank.dimensions.flatMap((d) => d.statements.map((s) => s.id));
  for (const id of duplicates(statementIds)) {
    problems.push(`dimensions.statements: id "${id}" is used twice`);
  }
  const scaleValues = bank.scale.map((option) => option.value).join(',');
  if (scaleValues !== '1,2,3,4,5') problems.push('scale: values must be 1, 2, 3, 4, 5 in order');
  bank.stages.forEach((stage, index) => {
    const previous = bank.stages[index - 1];
    if (index === 0 && stage.min !== 0) problems.push(`stages[0].min must be 0, not ${stage.min}`);
    if (previous !== undefined && stage.min <= previous.min) {
      problems.push(`stages[${index}].min (${stage.min}) must be above the stage before it`);
    }
  });
  if (!dimensionIds.includes(bank.priority.keystone)) {
    problems.push(`priority.keystone: "${bank.priority.keystone}" is not a dimension`);
  }
  bank.dimensions.forEach((dimension, index) => {
    if (!dimension.statements.some((s) => s.reverse)) {
      problems.push(`dimensions[${index}] (${dimension.id}): no statement has "reverse: true"`);
    }
    for (const page of dimension.playbook) {
      if (!playbookIds.has(page)) {
        problems.push(`dimensions[${index}].playbook: "${page}" is not a playbook page`);
      }
    }
    for (const horizon of ['now', 'staged'] as const) {
      const count = bank.actions.filter(
        (a) => a.dimension === dimension.id && a.horizon === horizon,
      ).length;
      if (count === 0) {
        problems.push(
          `actions: dimension "${dimension.id}" has no action with horizon "${horizon}"`,
        );
      }
    }
  });
  problems.push(...findRoleProblems(bank));
  if (bank.rules.version === 2) problems.push(...findRulesV2Problems(bank, bank.rules));
  const measured = new Set(bank.dimensions.flatMap((d) => d.playbook));
  for (const page of [...playbookIds].sort()) {
    if (!measured.has(page)) {
      problems.push(`dimensions.playbook: no dimension measures the playbook page "${page}"`);
    }
  }
  bank.actions.forEach((action, index) => {
    if (!dimensionIds.includes(action.dimension)) {
      problems.push(`actions[${index}].dimension: "${action.dimension}" is not a dimension`);
    }
    if (!playbookIds.has(action.playbook)) {
      problems.push(`actions[${index}].playbook: "${action.playbook}" is not a playbook page`);
    }
  });
  return problems;
}

/** Judges that are not roles of the bank, and actions that mix "anyone" with a role. */
function findRoleProblems(bank: Bank): string[] {
  const problems: string[] = [];
  const roleIds = new Set(bank.roles.map((role) => role.id));
  bank.dimensions.forEach((dimension, i) => {
    dimension.statements.forEach((statement, j) => {
      for (const judge of statement.judges) {
        if (!roleIds.has(judge)) {
          problems.push(`dimensions[${i}].statements[${j}].judges: "${judge}" is not a role`);
        }
      }
    });
  });
  bank.actions.forEach((action, index) => {
    if (action.actors.includes('anyone') && action.actors.length > 1) {
      problems.push(`actions[${index}].actors: "anyone" already includes every role`);
    }
  });
  return problems;
}

/**
 * The cross-checks of scoring rules version 2: balanced keying (the same number of
 * reverse-worded statements in every dimension), weights within their bounds, every role shown
 * a balanced part of every dimension, enough statements for the response checks, instructions,
 * and an action anyone can take in every dimension.
 */
function findRulesV2Problems(bank: Bank, rules: RulesV2): string[] {
  const problems: string[] = [];
  if (bank.instructions === undefined) {
    problems.push('instructions: rules version 2 needs instructions (time frame, "we", "leaders")');
  }
  const reverseCounts = bank.dimensions.map((d) => d.statements.filter((s) => s.reverse).length);
  if (new Set(reverseCounts).size > 1) {
    const found = bank.dimensions.map((d, i) => `${d.id} ${reverseCounts[i]}`).join(', ');
    problems.push(
      `dimensions: every dimension needs the same number of reverse-worded statements (found ${found})`,
    );
  }
  bank.dimensions.forEach((dimension, i) => {
    if (dimension.weight < rules.weights.min || dimension.weight > rules.weights.max) {
      problems.push(
        `dimensions[${i}].weight (${dimension.weight}) is outside rules.weights (${rules.weights.min} to ${rules.weights.max})`,
      );
    }
    if (!bank.actions.some((a) => a.dimension === dimension.id && a.actors.includes('anyone'))) {
      problems.push(`actions: dimension "${dimension.id}" has no action that "anyone" can take`);
    }
  });
  for (const role of bank.roles) {
    const shown = visibleStatements(bank, role.id);
    if (shown.length < rules.checks.minAnswers) {
      problems.push(
        `rules.checks.minAnswers (${rules.checks.minAnswers}) is more than the ${shown.length} statements role "${role.id}" is shown`,
      );
    }
    for (const dimension of bank.dimensions) {
      const seen = shownIn(dimension, role.id);
      if (seen.length < 2 || !seen.some((s) => s.reverse) || seen.every((s) => s.reverse)) {
        problems.push(
          `dimensions (${dimension.id}): role "${role.id}" must be shown at least one normal and one reverse-worded statement`,
        );
      }
    }
  }
  return problems;
}

/**
 * Checks several versions of a bank together: versions of one bank id must be unique.
 * @returns the newest version of each bank id, keyed by id.
 */
export function latestBanks(banks: readonly Bank[]): Map<string, Bank> {
  const latest = new Map<string, Bank>();
  for (const bank of banks) {
    const current = latest.get(bank.id);
    if (current?.version === bank.version) {
      throw new BankContentError(`${bank.id} v${bank.version}`, ['version: released twice']);
    }
    if (current === undefined || bank.version > current.version) latest.set(bank.id, bank);
  }
  return latest;
}

/** Every statement of the bank, in questionnaire order. */
export function allStatements(bank: Bank): Statement[] {
  return bank.dimensions.flatMap((dimension) => dimension.statements);
}

/** The statements of one dimension that a role is shown (all of them when role is null). */
export function shownIn(dimension: Dimension, roleId: string | null): Statement[] {
  return roleId === null
    ? dimension.statements
    : dimension.statements.filter((statement) => statement.judges.includes(roleId));
}

/**
 * The statements a role is shown, in questionnaire order: those whose `judges` include the
 * role. Every statement when the role is null (not chosen yet) or the bank does not restrict.
 */
export function visibleStatements(bank: Bank, roleId: string | null): Statement[] {
  return bank.dimensions.flatMap((dimension) => shownIn(dimension, roleId));
}

/**
 * The dimension that measures each playbook page (the first dimension that lists it).
 * Pages measured by no dimension are absent.
 */
export function dimensionForPage(bank: Bank): Map<string, Dimension> {
  const map = new Map<string, Dimension>();
  for (const dimension of bank.dimensions) {
    for (const page of dimension.playbook) if (!map.has(page)) map.set(page, dimension);
  }
  return map;
}

/** Key naming one bank version ("culture-navigator@1"), for maps of banks. */
export function bankKey(id: string, version: number): string {
  return `${id}@${version}`;
}

/** Path (below the site base) of the JSON file a bank version is published as. */
export function bankPath(id: string, version: number): string {
  return `/navigator/banks/${id}-${version}.json`;
}

/**
 * Light structural check of a bank fetched at run time. The file is built from the validated
 * content, so this guards against a wrong or truncated file, not against hostile content.
 */
export function looksLikeBank(value: unknown, id: string, version: number): value is Bank {
  if (typeof value !== 'object' || value === null) return false;
  const bank = value as Partial<Bank>;
  return (
    bank.id === id &&
    bank.version === version &&
    Array.isArray(bank.dimensions) &&
    bank.dimensions.length > 0 &&
    Array.isArray(bank.scale) &&
    Array.isArray(bank.stages) &&
    Array.isArray(bank.actions) &&
    Array.isArray(bank.roles) &&
    typeof bank.rules === 'object'
  );
}
