/**
 * Site search on /search/: loads Pagefind's index (built after `astro build`) on first use and
 * keeps the state of the current query. Only the search page imports this module.
 */
import { atom } from 'nanostores';
import { toSearchHit, type PagefindFragment, type SearchHit } from '../lib/search';
import { withBase } from '../lib/site';

/** How many results are shown. */
export const RESULT_LIMIT = 12;

/** The state of the search page. */
export type SearchState =
  | { status: 'idle' }
  | { status: 'busy'; query: string }
  | { status: 'ready'; query: string; hits: SearchHit[]; total: number }
  | { status: 'error'; query: string; message: string };

/** The current search. */
export const searchState = atom<SearchState>({ status: 'idle' });

/** The parts of the Pagefind browser library used here. */
export interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindFragment> }[] } | null>;
}

/** Loads the Pagefind library the build wrote to /pagefind/, set up for the site's base path. */
async function loadPagefind(): Promise<Pagefind> {
  const base = import.meta.env.BASE_URL;
  const url = withBase(base, '/pagefind/pagefind.js');
  const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  await pagefind.options({ baseUrl: base });
  return pagefind;
}

/** Each loader's library, loaded once; a failed load is forgotten so the next search retries. */
const libraries = new Map<() => Promise<Pagefind>, Promise<Pagefind>>();
let latest = 0;

/**
 * Runs a search and publishes its results; a newer search overrides an older one still running.
 * @param load - where the Pagefind library comes from (tests pass their own)
 */
export async function runSearch(query: string, load: () => Promise<Pagefind> = loadPagefind) {
  const text = query.trim();
  const run = ++latest;
  if (text === '') {
    searchState.set({ status: 'idle' });
    return;
  }
  searchState.set({ status: 'busy', query: text });
  try {
    let library = libraries.get(load);
    if (library === undefined) {
      library = load();
      libraries.set(load, library);
    }
    const pagefind = await library;
    const found = await pagefind.search(text);
    const results = found?.results ?? [];
    const hits = await Promise.all(
      results.slice(0, RESULT_LIMIT).map(async (result) => toSearchHit(await result.data())),
    );
    if (run === latest)
      searchState.set({ status: 'ready', query: text, hits, total: results.length });
  } catch (error) {
    libraries.delete(load);
    if (run === latest) {
      searchState.set({
        status: 'error',
        query: text,
        message:
          'The search index could not be loaded. Check your connection and try again, or browse the playbook and templates from the menu.',
      });
    }
    console.warn('Search failed:', error);
  }
}
