import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RESULT_LIMIT, runSearch, searchState, type Pagefind } from '../../src/stores/search';

function fakePagefind(count: number): Pagefind {
  return {
    options: vi.fn(() => Promise.resolve()),
    search: vi.fn((query: string) =>
      Promise.resolve({
        results: Array.from({ length: count }, (_, index) => ({
          data: () =>
            Promise.resolve({
              url: `/page-${index}/`,
              excerpt: `about <mark>${query}</mark>`,
              meta: { title: `Page ${index}` },
            }),
        })),
      }),
    ),
  };
}

describe('the search store', () => {
  beforeEach(async () => {
    await runSearch('');
  });

  it('is idle for an empty query and does not load the index', async () => {
    const load = vi.fn(() => Promise.resolve(fakePagefind(1)));
    await runSearch('   ', load);
    expect(searchState.get()).toEqual({ status: 'idle' });
    expect(load).not.toHaveBeenCalled();
  });

  it('passes through busy to ready, keeps the best results and the total', async () => {
    const seen: string[] = [];
    const stop = searchState.listen((state) => seen.push(state.status));
    await runSearch(' apology ', () => Promise.resolve(fakePagefind(RESULT_LIMIT + 3)));
    stop();
    expect(seen).toEqual(['busy', 'ready']);
    const state = searchState.get();
    expect(state.status).toBe('ready');
    if (state.status !== 'ready') return;
    expect(state.query).toBe('apology');
    expect(state.total).toBe(RESULT_LIMIT + 3);
    expect(state.hits).toHaveLength(RESULT_LIMIT);
    expect(state.hits[0]?.passage).toEqual([
      { text: 'about ', hit: false },
      { text: 'apology', hit: true },
    ]);
  });

  it('reports a failure to load the index with a message people can act on, then retries', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await runSearch('loyalty', () => Promise.reject(new Error('404')));
    expect(searchState.get()).toMatchObject({
      status: 'error',
      query: 'loyalty',
      message: expect.stringMatching(/could not be loaded/) as unknown,
    });
    await runSearch('loyalty', () => Promise.resolve(fakePagefind(0)));
    expect(searchState.get()).toEqual({ status: 'ready', query: 'loyalty', hits: [], total: 0 });
  });

  it('treats a null answer from Pagefind as no results', async () => {
    const pagefind = { ...fakePagefind(0), search: () => Promise.resolve(null) };
    await runSearch('nothing', () => Promise.resolve(pagefind));
    expect(searchState.get()).toMatchObject({ status: 'ready', total: 0 });
  });

  it('lets a newer search win over an older one still running', async () => {
    let release: () => void = () => undefined;
    const slow: Pagefind = {
      options: () => Promise.resolve(),
      search: (query) =>
        query === 'old'
          ? new Promise((resolve) => {
              release = () => {
                resolve({ results: [] });
              };
            })
          : Promise.resolve({ results: [] }),
    };
    const old = runSearch('old', () => Promise.resolve(slow));
    await Promise.resolve();
    await runSearch('new', () => Promise.resolve(slow));
    release();
    await old;
    expect(searchState.get()).toMatchObject({ status: 'ready', query: 'new' });
  });
});
