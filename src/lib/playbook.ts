/**
 * The playbook's structure: kinds of page, practice groups, reading order, and the checks that
 * make a broken page fail the build instead of shipping. Pure: no Astro, DOM or Svelte imports,
 * so the same rules are unit-tested and used by the pages.
 */

/** The kinds of playbook page, in reading order. */
export const PLAYBOOK_KINDS = ['step', 'practice', 'insight'] as const;
/** A kind of playbook page. */
export type PlaybookKind = (typeof PLAYBOOK_KINDS)[number];

/** Headings shown for each kind on the playbook index. */
export const KIND_LABELS: Record<PlaybookKind, string> = {
  step: 'The five steps',
  practice: 'Ten practices',
  insight: 'Feedback that leads somewhere',
};

/** The groups practices are listed under, in display order. */
export const PRACTICE_GROUPS = [
  { id: 'lead', label: 'Lead from the top' },
  { id: 'listen', label: 'Listen and learn' },
  { id: 'measure', label: 'Measure what matters' },
  { id: 'equip', label: 'Equip your people' },
  { id: 'recognise', label: 'Recognise and reward' },
] as const;

/** Identifiers of the practice groups, for the content schema. */
export const PRACTICE_GROUP_IDS = PRACTICE_GROUPS.map((group) => group.id) as [
  PracticeGroupId,
  ...PracticeGroupId[],
];
/** A practice group identifier. */
export type PracticeGroupId = (typeof PRACTICE_GROUPS)[number]['id'];

/**
 * The second-level headings every playbook page must have, in this order: why bother, and what
 * to do first. Everything else (signs, stages, cautions, worked examples) follows the subject.
 */
export const REQUIRED_SECTIONS = ['Why it matters', 'Do now'] as const;

/**
 * The roles a reader can take, each with a path through the playbook. The ids match the
 * Culture Navigator's respondent roles, so its results can link to the right path.
 */
export const ROLES = [
  { id: 'executive', label: 'Executives', one: 'an executive' },
  { id: 'manager', label: 'Managers', one: 'a manager' },
  { id: 'frontline', label: 'Front-line staff', one: 'someone on the front line' },
] as const;

/** Identifiers of the roles, for the content schemas. */
export const ROLE_IDS = ROLES.map((role) => role.id) as [RoleId, ...RoleId[]];
/** A role identifier. */
export type RoleId = (typeof ROLES)[number]['id'];

/** Site path of the twelve-month roadmap. */
export const ROADMAP_PATH = '/playbook/roadmap/';

/**
 * Site path of the path for a role; any other value (a Navigator respondent who chose "other")
 * gets the roadmap.
 */
export function rolePath(role: string): string {
  return ROLE_IDS.includes(role as RoleId) ? `/playbook/roles/${role}/` : ROADMAP_PATH;
}

/** The fields of a playbook page that ordering and linking need. */
export interface PlaybookPage {
  /** Slug: the file name without ".md". */
  id: string;
  title: string;
  summary: string;
  kind: PlaybookKind;
  order: number;
  group?: PracticeGroupId | undefined;
  related: string[];
}

/** Where a page sits in the reading order, with its neighbours. */
export interface PlaybookPosition<T extends PlaybookPage> {
  page: T;
  previous: T | undefined;
  next: T | undefined;
  related: T[];
}

/** A problem found in the playbook content, naming the file and field at fault. */
export class PlaybookContentError extends Error {
  constructor(problems: string[]) {
    super(`The playbook content has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    this.name = 'PlaybookContentError';
  }
}

function fileOf(page: PlaybookPage): string {
  return `content/playbook/${page.id}.md`;
}

/**
 * Sorts pages into reading order: the steps, then the practices by group, then the insights;
 * within each, by `order`.
 */
export function sortPlaybook<T extends PlaybookPage>(pages: readonly T[]): T[] {
  const groupRank = (page: T): number =>
    page.group === undefined ? 0 : PRACTICE_GROUP_IDS.indexOf(page.group);
  return [...pages].sort(
    (a, b) =>
      PLAYBOOK_KINDS.indexOf(a.kind) - PLAYBOOK_KINDS.indexOf(b.kind) ||
      groupRank(a) - groupRank(b) ||
      a.order - b.order ||
      a.id.localeCompare(b.id),
  );
}

/**
 * Checks the links and numbering between pages. Returns every problem found, each naming the
 * file and the field, so one build run reports them all.
 */
export function findPlaybookProblems(pages: readonly PlaybookPage[]): string[] {
  const problems: string[] = [];
  const ids = new Set(pages.map((page) => page.id));
  const seenOrder = new Map<string, string>();
  for (const page of pages) {
    for (const target of page.related) {
      if (!ids.has(target)) {
        problems.push(`${fileOf(page)}: field "related" names "${target}", which is not a page`);
      } else if (target === page.id) {
        problems.push(`${fileOf(page)}: field "related" names the page itself`);
      }
    }
    const slot = `${page.kind}/${page.group ?? ''}/${page.order}`;
    const holder = seenOrder.get(slot);
    if (holder === undefined) {
      seenOrder.set(slot, page.id);
    } else {
      problems.push(
        `${fileOf(page)}: field "order" (${page.order}) is already used by content/playbook/${holder}.md`,
      );
    }
  }
  return problems;
}

/**
 * Finds the required sections a page lacks or has out of order, given its second-level
 * headings in document order.
 */
export function findSectionProblems(id: string, headings: readonly string[]): string[] {
  const problems: string[] = [];
  let cursor = -1;
  for (const section of REQUIRED_SECTIONS) {
    const at = headings.indexOf(section);
    if (at === -1) {
      problems.push(`content/playbook/${id}.md: the body has no "## ${section}" section`);
    } else if (at < cursor) {
      problems.push(`content/playbook/${id}.md: "## ${section}" is out of order`);
    } else {
      cursor = at;
    }
  }
  return problems;
}

/**
 * Orders the pages and links each to its neighbours and related pages.
 * @throws PlaybookContentError when any page links to a missing page or reuses an order number.
 */
export function buildPlaybook<T extends PlaybookPage>(pages: readonly T[]): PlaybookPosition<T>[] {
  const problems = findPlaybookProblems(pages);
  if (problems.length > 0) throw new PlaybookContentError(problems);
  const ordered = sortPlaybook(pages);
  const byId = new Map(ordered.map((page) => [page.id, page]));
  return ordered.map((page, index) => ({
    page,
    previous: ordered[index - 1],
    next: ordered[index + 1],
    related: page.related.map((id) => byId.get(id)).filter((p): p is T => p !== undefined),
  }));
}

/** Pages of one practice group, in order. */
export function practicesIn<T extends PlaybookPage>(
  pages: readonly T[],
  group: PracticeGroupId,
): T[] {
  return sortPlaybook(pages.filter((page) => page.kind === 'practice' && page.group === group));
}

/** Pages of one kind, in order. */
export function pagesOfKind<T extends PlaybookPage>(pages: readonly T[], kind: PlaybookKind): T[] {
  return sortPlaybook(pages.filter((page) => page.kind === kind));
}
