/**
 * The working tools under /tools/: one list that the tools index, the site navigation, the
 * home page and the "Tools for this page" block on playbook pages all read. Pure data.
 */

/** One tool: where it lives, what it is called, what it does, and the playbook pages it serves. */
export interface Tool {
  /** Path segment under /tools/. */
  slug: string;
  title: string;
  /** One sentence for cards and the index. */
  summary: string;
  /** Playbook page slugs whose advice the tool puts to work (they link to it, and it to them). */
  playbook: string[];
}

/** The tools, in the order the index lists them. */
export const TOOLS: readonly Tool[] = [
  {
    slug: 'loyalty',
    title: 'Customer Loyalty Index calculator',
    summary:
      'Turn a survey file into Net Promoter scores and a Customer Loyalty Index with honest error margins, by segment and period, and see what a goal would take.',
    playbook: ['set-goals', 'connect-the-dots'],
  },
  {
    slug: 'wows-and-woes',
    title: 'Wows and woes worksheet',
    summary:
      'Map each customer segment’s pain points, how well you and your competitors ease them, and where you fall behind on what matters most.',
    playbook: ['decide-on-your-ideal-customer'],
  },
  {
    slug: 'listening-plan',
    title: 'Listening plan',
    summary:
      'List where you listen to prospects, customers and employees, who owns each point and where results go, and see the gaps.',
    playbook: ['listen-for-strengths-and-weaknesses'],
  },
];

/** The path of a tool's page, without the deployment base: "/tools/<slug>/". */
export function toolPath(tool: Tool): string {
  return `/tools/${tool.slug}/`;
}

/** The tools that put a playbook page's advice to work, in index order. */
export function toolsForPage(slug: string): Tool[] {
  return TOOLS.filter((tool) => tool.playbook.includes(slug));
}

/**
 * Checks that every playbook slug a tool names exists, so a renamed page fails the build.
 * @returns one sentence per unknown slug; empty when all is well
 */
export function unknownPlaybookLinks(known: ReadonlySet<string>): string[] {
  return TOOLS.flatMap((tool) =>
    tool.playbook
      .filter((slug) => !known.has(slug))
      .map(
        (slug) => `The tool "${tool.slug}" links to a playbook page "${slug}" that does not exist.`,
      ),
  );
}
