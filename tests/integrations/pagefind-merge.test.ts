/** The browser module that merges the shards: order, counts, and which shards a page searches. */
import { describe, expect, it } from 'vitest';
import { createMerged, mergeSearches, type PagefindApi, type PagefindModule, type PagefindSearch, type SearchOptions, type ShardInfo } from '../../src/search/pagefind-merge.ts';

const shard = (path: string, lang: string, era: number | null): ShardInfo => ({ path, lang, era });

/** A shard's response: results named by id with scores, and filter counts. */
function response(ids: [string, number][], trend: Record<string, number> = {}): PagefindSearch {
  return {
    results: ids.map(([id, score]) => ({ id, score, words: [], data: async () => ({ url: `/${id}/` }) })),
    unfilteredResultCount: ids.length,
    filters: { trend },
    totalFilters: { trend },
    timings: [],
  };
}

describe('mergeSearches', () => {
  const older = { shard: shard('en-2015/', 'en', 2015), result: response([['o1', 300], ['o2', 200]], { worse: 2 }) };
  const newer = { shard: shard('en-2020/', 'en', 2020), result: response([['n1', 90], ['n2', 10]], { worse: 1, better: 1 }) };
  const undated = { shard: shard('en-undated/', 'en', null), result: response([['u1', 5000]]) };

  it('keeps the eras in date order for a date sort, whatever the shard-local scores say', () => {
    expect(mergeSearches([older, undated, newer], { sort: { date: 'desc' } }).results.map((r) => r.id)).toEqual(['n1', 'n2', 'o1', 'o2', 'u1']);
    expect(mergeSearches([newer, older, undated], { sort: { date: 'asc' } }).results.map((r) => r.id)).toEqual(['o1', 'o2', 'n1', 'n2', 'u1']);
  });

  it('orders a relevance search by score across shards', () => {
    expect(mergeSearches([newer, older]).results.map((r) => r.id)).toEqual(['o1', 'o2', 'n1', 'n2']);
  });

  it('adds up counts and filter values', () => {
    const merged = mergeSearches([older, newer]);
    expect(merged.unfilteredResultCount).toBe(4);
    expect(merged.filters).toEqual({ trend: { worse: 3, better: 1 } });
    expect(merged.totalFilters).toEqual({ trend: { worse: 3, better: 1 } });
  });
});

describe('createMerged', () => {
  const shards = [shard('en-2020/', 'en', 2020), shard('en-2015/', 'en', 2015), shard('ru-2020/', 'ru', 2020)];

  /** A fake Pagefind module recording the bundles it was asked for. */
  function fakeModule(): { mod: PagefindModule; opened: string[]; searched: string[] } {
    const opened: string[] = [];
    const searched: string[] = [];
    const mod: PagefindModule = {
      createInstance(options) {
        const path = String(options['basePath']);
        opened.push(path);
        const api: PagefindApi = {
          options: async () => undefined,
          init: async () => undefined,
          destroy: async () => undefined,
          preload: async () => undefined,
          filters: async () => ({ lang: { [path.includes('ru-') ? 'ru' : 'en']: 1 } }),
          search: async (_term: string | null, _o?: SearchOptions) => {
            searched.push(path);
            return response([[path, 1]]);
          },
        };
        return api;
      },
    };
    return { mod, opened, searched };
  }

  it("searches the page language's shards, and another language's once it is merged in", async () => {
    const { mod, searched } = fakeModule();
    const api = createMerged(async (_shard: ShardInfo) => mod, shards, 'https://site.example/pagefind/', 'en');
    await api.search('x');
    expect(searched.sort()).toEqual(['https://site.example/pagefind/en-2015/', 'https://site.example/pagefind/en-2020/']);
    await api.mergeIndex('https://site.example/pagefind/', { language: 'ru' });
    searched.length = 0;
    const all = await api.search('x');
    expect(searched).toHaveLength(3);
    expect(all?.results).toHaveLength(3);
    expect(await api.filters()).toEqual({ lang: { en: 2, ru: 1 } });
  });

  it('falls back to the language with most shards when the page language has none, and opens each shard once', async () => {
    const { mod, opened } = fakeModule();
    const api = createMerged(async (_shard: ShardInfo) => mod, shards, 'https://site.example/pagefind/', 'be');
    await api.search('x');
    await api.search('y');
    expect(opened.sort()).toEqual(['https://site.example/pagefind/en-2015/', 'https://site.example/pagefind/en-2020/']);
  });
});
