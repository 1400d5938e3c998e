/**
 * The one place the search page talks to Pagefind: loads the bundle (and, for an all-languages
 * search, merges the other languages' indexes) and runs searches. Swapping in another index
 * layout (e.g. shards merged in the browser) changes this file only; the page sees `SearchIndex`.
 */
import type { AnyOf, FilterCounts } from './search-state.ts';

/** What the search page shows of one result, from Pagefind's fragment for it. */
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  /** Weights of the matched words' locations (below 1: the actor-name block, see search-fields). */
  weights: number[];
}

/** One result: its id, and its data on request (a fragment is fetched the first time). */
export interface Hit {
  id: string;
  data: () => Promise<ResultData>;
}

/** A search's answer: results in order, and per filter value the count among these results. */
export interface SearchAnswer {
  hits: Hit[];
  counts: FilterCounts;
}

/** A loaded search index. */
export interface SearchIndex {
  /** Runs a search; a null term lists everything the filters match. */
  search: (term: string | null, filters: Record<string, AnyOf>, sort?: Record<string, 'asc' | 'desc'>) => Promise<SearchAnswer>;
  /** Every filter value of the whole index with its count (no query, no filters). */
  filters: () => Promise<FilterCounts>;
}

/** The parts of pagefind.js this page uses. */
interface PagefindModule {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (url: string, options: Record<string, unknown>) => Promise<void>;
  search: (term: string | null, options: Record<string, unknown>) => Promise<unknown>;
  filters: () => Promise<unknown>;
}

/** True when a loaded module has the functions we call. */
function isPagefind(value: unknown): value is PagefindModule {
  if (typeof value !== 'object' || value === null) return false;
  return ['options', 'init', 'mergeIndex', 'search', 'filters'].every((name) => typeof Reflect.get(value, name) === 'function');
}

/** A plain object (not null, not an array). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Pagefind's `{ name: { value: count } }`, keeping only numeric counts. */
function readCounts(value: unknown): FilterCounts {
  const out: FilterCounts = {};
  if (!isRecord(value)) return out;
  for (const [name, counts] of Object.entries(value)) {
    if (!isRecord(counts)) continue;
    out[name] = {};
    for (const [id, n] of Object.entries(counts)) if (typeof n === 'number') out[name][id] = n;
  }
  return out;
}

/** A string-to-string map from Pagefind's meta, other values dropped. */
function readStrings(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(value)) for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Pagefind's fragment data in our shape; a fragment without a URL is a broken bundle. */
function readData(value: unknown): ResultData {
  if (!isRecord(value) || typeof value['url'] !== 'string') throw new Error('search: a result fragment has no url');
  const filters: Record<string, string[]> = {};
  if (isRecord(value['filters'])) {
    for (const [k, v] of Object.entries(value['filters'])) if (Array.isArray(v)) filters[k] = v.filter((x): x is string => typeof x === 'string');
  }
  const locations = Array.isArray(value['weighted_locations']) ? value['weighted_locations'] : [];
  const weights = locations.map((l: unknown) => (isRecord(l) && typeof l['weight'] === 'number' ? l['weight'] : 1));
  return { url: value['url'], excerpt: typeof value['excerpt'] === 'string' ? value['excerpt'] : '', meta: readStrings(value['meta']), filters, weights };
}

/** Pagefind's result list in our shape. */
function readHits(value: unknown): Hit[] {
  const results = isRecord(value) && Array.isArray(value['results']) ? value['results'] : [];
  const hits: Hit[] = [];
  for (const r of results) {
    if (!isRecord(r) || typeof r['data'] !== 'function') continue;
    const load = r['data'] as () => Promise<unknown>;
    let cached: Promise<ResultData> | undefined;
    hits.push({ id: String(r['id']), data: () => (cached ??= load().then(readData)) });
  }
  return hits;
}

/**
 * Loads Pagefind from `bundlePath` (absolute path, e.g. `/pagefind/`). `merge` lists the other
 * languages to search as well: the same bundle holds every language's index, and Pagefind skips
 * a merge whose path prefixes the primary's, so merges use the absolute URL.
 */
export async function loadSearchIndex(bundlePath: string, merge: readonly string[]): Promise<SearchIndex> {
  const loaded: unknown = await import(/* @vite-ignore */ `${bundlePath}pagefind.js`);
  if (!isPagefind(loaded)) throw new Error(`search: ${bundlePath}pagefind.js is not a Pagefind bundle`);
  await loaded.options({ bundlePath, excerptLength: 30 });
  const absolute = new URL(bundlePath, location.href).href;
  for (const language of merge) await loaded.mergeIndex(absolute, { language });
  await loaded.init();
  return {
    search: async (term, filters, sort) => {
      const answer = await loaded.search(term, sort ? { filters, sort } : { filters });
      return { hits: readHits(answer), counts: readCounts(isRecord(answer) ? answer['filters'] : undefined) };
    },
    filters: async () => readCounts(await loaded.filters()),
  };
}
