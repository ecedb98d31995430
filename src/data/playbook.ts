import { getCollection, render, type CollectionEntry } from 'astro:content';
import {
  PlaybookContentError,
  buildPlaybook,
  findSectionProblems,
  type PlaybookPage,
  type PlaybookPosition,
} from '../lib/playbook';

/** A playbook entry flattened for the pure helpers, keeping the collection entry for rendering. */
export interface PlaybookItem extends PlaybookPage {
  description: string;
  entry: CollectionEntry<'playbook'>;
}

let cache: Promise<PlaybookPosition<PlaybookItem>[]> | undefined;

async function load(): Promise<PlaybookPosition<PlaybookItem>[]> {
  const entries = await getCollection('playbook');
  const items: PlaybookItem[] = entries.map((entry) => ({ id: entry.id, ...entry.data, entry }));
  const sectionProblems: string[] = [];
  for (const item of items) {
    const { headings } = await render(item.entry);
    const h2 = headings.filter((heading) => heading.depth === 2).map((heading) => heading.text);
    sectionProblems.push(...findSectionProblems(item.id, h2));
  }
  if (sectionProblems.length > 0) throw new PlaybookContentError(sectionProblems);
  return buildPlaybook(items);
}

/**
 * The whole playbook in reading order, validated once per build: a page with a missing
 * section, a broken related link or a duplicate order number stops the build with its file name.
 */
export function loadPlaybook(): Promise<PlaybookPosition<PlaybookItem>[]> {
  cache ??= load();
  return cache;
}
