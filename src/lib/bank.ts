/**
 * The Culture Navigator's question bank: its types and the cross-checks that the content
 * schema cannot express (unique ids, reverse items, links into the playbook). Pure TypeScript.
 */

/** One statement the respondent rates on the agreement scale. */
export interface Statement {
  id: string;
  text: string;
  /** Agreeing signals a weaker culture, so the score is flipped. */
  reverse: boolean;
}

/** A dimension of customer-centricity, measured by 4 or 5 statements. */
export interface Dimension {
  id: string;
  name: string;
  short: string;
  about: string;
  /** Importance weight in prioritisation; 1 is average. */
  weight: number;
  /** Playbook pages this dimension measures; the first is the main one. */
  playbook: string[];
  statements: Statement[];
}

/** A maturity stage; `min` is the lowest overall index that falls in it. */
export interface Stage {
  id: string;
  name: string;
  min: number;
  summary: string;
}

/** A suggested next action. */
export interface Action {
  dimension: string;
  horizon: 'now' | 'staged';
  text: string;
  playbook: string;
}

/** One released version of the question bank. */
export interface Bank {
  id: string;
  version: number;
  released: string;
  scale: { value: number; label: string }[];
  dontKnow: string;
  roles: { id: string; label: string }[];
  stages: Stage[];
  priority: { keystone: string; keystoneBelow: number };
  dimensions: Dimension[];
  actions: Action[];
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
 * horizons for every dimension, every playbook link pointing at a real page, and every
 * playbook page measured by some dimension (each page links to the section that measures it).
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
    Array.isArray(bank.roles)
  );
}
