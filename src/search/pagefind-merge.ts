/**
 * The browser side of the sharded search index: `/pagefind/pagefind.js` as the site serves it.
 * The build (src/search/pagefind.ts) writes one Pagefind bundle per language and era under
 * `/pagefind/<shard>/` and this module in front of them, with Pagefind's own module interface
 * (createInstance, search, filters, mergeIndex, ...), so the Component UI, our search script
 * and the bench load it exactly as they loaded the single bundle.
 *
 * Why not Pagefind's `mergeIndex`: it orders merged results by score, and for a date-sorted
 * search (every filter-only search) a result's score is only its rank inside its own shard, so
 * two eras would interleave. Here a sorted search keeps each shard's order and puts the shards
 * in era order; a relevance search is ordered by score, as Pagefind's merge does.
 *
 * Shipped as is after its types are stripped (node:module stripTypeScriptTypes): erasable
 * TypeScript only, no imports; the build appends the shard list and the exports.
 */

/** A shard as the build lists it: folder under the bundle dir, language, first year of its era (null: undated). */
export interface ShardInfo {
  path: string;
  lang: string;
  era: number | null;
}

/** Per filter, per value, how many pages. */
export type FilterCounts = Record<string, Record<string, number>>;

/** One result as Pagefind returns it (data() loads the fragment). */
export interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data: () => Promise<unknown>;
}

/** A search response as Pagefind returns it. */
export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
  timings: unknown[];
  search_keywords?: unknown;
  query_term_idfs?: unknown;
}

/** Search options (filters, sort, ...), passed through to every shard. */
export type SearchOptions = Record<string, unknown> & { sort?: Record<string, string> };

/** The part of a Pagefind instance this module uses. */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  destroy(): Promise<void>;
  search(term: string | null, options?: SearchOptions): Promise<PagefindSearch | null>;
  preload(term: string, options?: SearchOptions): Promise<void>;
  filters(): Promise<FilterCounts>;
}

/** Pagefind's module (each shard's pagefind.js). */
export interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindApi;
}

/** The merged instance: Pagefind's instance interface over several shards. */
export interface MergedApi extends PagefindApi {
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  debouncedSearch(term: string, options?: SearchOptions, ms?: number): Promise<PagefindSearch | null>;
}

/** Sums filter counts value by value, as Pagefind's merge does. */
export function mergeFilters(all: FilterCounts[]): FilterCounts {
  const merged: FilterCounts = {};
  for (const counts of all) {
    for (const [filter, values] of Object.entries(counts)) {
      const into = (merged[filter] ??= {});
      for (const [value, n] of Object.entries(values)) into[value] = (into[value] ?? 0) + n;
    }
  }
  return merged;
}

/**
 * One response from the shards' responses. Sorted searches: shards in era order (newest first
 * for `desc`, undated last), each shard's results in its own order. Relevance: by score.
 */
export function mergeSearches(parts: { shard: ShardInfo; result: PagefindSearch }[], options: SearchOptions = {}): PagefindSearch {
  const direction = Object.values(options.sort ?? {})[0];
  let results: PagefindResult[];
  if (direction === 'asc' || direction === 'desc') {
    const sign = direction === 'desc' ? -1 : 1;
    const eraKey = (p: { shard: ShardInfo }) => (p.shard.era === null ? Number.POSITIVE_INFINITY : sign * p.shard.era);
    results = [...parts].sort((a, b) => eraKey(a) - eraKey(b)).flatMap((p) => p.result.results);
  } else {
    results = parts.flatMap((p) => p.result.results).sort((a, b) => b.score - a.score);
  }
  const first = parts[0]?.result;
  const merged: PagefindSearch = {
    results,
    unfilteredResultCount: parts.reduce((n, p) => n + p.result.unfilteredResultCount, 0),
    filters: mergeFilters(parts.map((p) => p.result.filters)),
    totalFilters: mergeFilters(parts.map((p) => p.result.totalFilters)),
    timings: parts.map((p) => p.result.timings),
  };
  if (first?.search_keywords !== undefined) merged.search_keywords = first.search_keywords;
  if (first?.query_term_idfs !== undefined) merged.query_term_idfs = first.query_term_idfs;
  return merged;
}

/** The language whose shards a page searches first: its own, else the one with the most shards. */
export function primaryLanguage(shards: ShardInfo[], pageLang: string): string | undefined {
  const base = pageLang.toLowerCase().split('-')[0] ?? '';
  if (shards.some((s) => s.lang === base)) return base;
  const counts = new Map<string, number>();
  for (const s of shards) counts.set(s.lang, (counts.get(s.lang) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * A merged instance over `shards` (paths relative to `base`, an absolute URL ending in `/`),
 * each shard run by its own copy of Pagefind's module (`load(shard)`): instances created from
 * one module share its search worker, which then mixes up their bundles' chunks.
 * the page language's shards at first, another language's added by `mergeIndex(path, { language })`
 * (what the search page does for "all languages"). Shard instances start on first use.
 */
export function createMerged(load: (shard: ShardInfo) => Promise<PagefindModule>, shards: ShardInfo[], base: string, pageLang: string, initial: Record<string, unknown> = {}): MergedApi {
  const languages = new Set<string>();
  const first = primaryLanguage(shards, typeof initial['language'] === 'string' ? initial['language'] : pageLang);
  if (first !== undefined) languages.add(first);
  let settings: Record<string, unknown> = { ...initial };
  delete settings['language'];
  delete settings['basePath'];
  const running = new Map<string, PagefindApi>();
  let searchId = 0;

  const instances = async (): Promise<{ shard: ShardInfo; api: PagefindApi }[]> => {
    const chosen = shards.filter((s) => languages.has(s.lang));
    return Promise.all(
      chosen.map(async (shard) => {
        let api = running.get(shard.path);
        if (!api) {
          const mod = await load(shard);
          api = running.get(shard.path) ?? mod.createInstance({ ...settings, basePath: new URL(shard.path, base).href });
          running.set(shard.path, api);
        }
        return { shard, api };
      }),
    );
  };

  const search = async (term: string | null, options: SearchOptions = {}): Promise<PagefindSearch | null> => {
    const all = await instances();
    const results = await Promise.all(all.map(async ({ shard, api }) => ({ shard, result: await api.search(term, options) })));
    const answered = results.filter((r): r is { shard: ShardInfo; result: PagefindSearch } => r.result !== null);
    if (answered.length === 0) return null;
    return mergeSearches(answered, options);
  };

  return {
    async options(options) {
      settings = { ...settings, ...options };
      await Promise.all([...running.values()].map((api) => api.options(options)));
    },
    async init() {
      await Promise.all((await instances()).map(({ api }) => api.init()));
    },
    async destroy() {
      await Promise.all([...running.values()].map((api) => api.destroy()));
      running.clear();
    },
    async mergeIndex(_path, options = {}) {
      const language = options['language'];
      if (typeof language === 'string' && shards.some((s) => s.lang === language)) languages.add(language);
      else if (typeof language !== 'string') for (const s of shards) languages.add(s.lang);
    },
    search,
    async debouncedSearch(term, options = {}, ms = 300) {
      const id = ++searchId;
      void this.preload(term, options);
      await new Promise((done) => setTimeout(done, ms));
      if (id !== searchId) return null;
      const result = await search(term, options);
      return id === searchId ? result : null;
    },
    async preload(term, options = {}) {
      await Promise.all((await instances()).map(({ api }) => api.preload(term, options)));
    },
    async filters() {
      return mergeFilters(await Promise.all((await instances()).map(({ api }) => api.filters())));
    },
  };
}
