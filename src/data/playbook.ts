import { getCollection, render, type CollectionEntry } from 'astro:content';
import {
  PlaybookContentError,
  buildPlaybook,
  findSectionProblems,
  type PlaybookPage,
  type PlaybookPosition,
  type RoleId,
} from '../lib/playbook';
import { findContentProblems, guideSitePath, type NextStepLink } from '../lib/site-content';

/** A playbook entry flattened for the pure helpers, keeping the collection entry for rendering. */
export interface PlaybookItem extends PlaybookPage {
  description: string;
  /** Roles that lead this work. */
  roles: RoleId[];
  /** The next step after reading the page. */
  next: NextStepLink;
  entry: CollectionEntry<'playbook'>;
}

/** Everything the content pages show, validated together. */
export interface SiteContent {
  playbook: PlaybookPosition<PlaybookItem>[];
  templates: CollectionEntry<'templates'>[];
  guides: CollectionEntry<'guides'>[];
  glossary: CollectionEntry<'glossary'>[];
}

/** Site path of a guide: the roadmap, or the path of its role. */
export function guidePath(guide: CollectionEntry<'guides'>): string {
  return guideSitePath(guide.data);
}

let cache: Promise<SiteContent> | undefined;

async function load(): Promise<SiteContent> {
  const [entries, templates, guides, glossary] = await Promise.all([
    getCollection('playbook'),
    getCollection('templates'),
    getCollection('guides'),
    getCollection('glossary'),
  ]);
  const items: PlaybookItem[] = entries.map((entry) => ({ id: entry.id, ...entry.data, entry }));
  const problems: string[] = [];
  for (const item of items) {
    const { headings } = await render(item.entry);
    const h2 = headings.filter((heading) => heading.depth === 2).map((heading) => heading.text);
    problems.push(...findSectionProblems(item.id, h2));
  }

  problems.push(
    ...findContentProblems({
      playbook: items.map((item) => ({
        id: item.id,
        body: item.entry.body ?? '',
        next: item.next,
      })),
      templates: templates.map((entry) => ({ id: entry.id, body: entry.body ?? '' })),
      guides: guides.map((entry) => ({ id: entry.id, body: entry.body ?? '', ...entry.data })),
      glossary: glossary.map((entry) => entry.data),
    }),
  );
  if (problems.length > 0) throw new PlaybookContentError(problems);
  return {
    playbook: buildPlaybook(items),
    templates: [...templates].sort((a, b) => a.data.order - b.data.order),
    guides,
    glossary: [...glossary].sort((a, b) => a.data.term.localeCompare(b.data.term, 'en-GB')),
  };
}

/**
 * The playbook, templates, guides and glossary, validated once per build: a page with a missing
 * section, a link to a page that does not exist, a template no page links to or a glossary term
 * no page uses stops the build, naming the file.
 */
export function loadSiteContent(): Promise<SiteContent> {
  cache ??= load();
  return cache;
}

/** The whole playbook in reading order (see loadSiteContent for the checks). */
export async function loadPlaybook(): Promise<PlaybookPosition<PlaybookItem>[]> {
  return (await loadSiteContent()).playbook;
}
