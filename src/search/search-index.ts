/**
 * The one place the search page talks to the search index: loads `/pagefind/pagefind.js` (our
 * module in front of Pagefind's shards, src/search/pagefind-merge.ts), runs searches in the
 * page language (or, for an all-languages search, in every language), and counts what a query
 * finds in another language. Swapping in another index layout changes this file only; the page
 * sees `SearchIndex`.
 */
import type { AnyOf, FilterCounts } from './search-state.ts';

/** What the search page shows of one result, from Pagefind's fragment for it. */
export interface ResultData {
  url: string;
  /** Pagefind's excerpt: text with `<mark>` around the matched words. */
  excerpt: string;
  /** True when the excerpt starts at the beginning of the page text, and when it ends at its end. */
  excerptAtStart: boolean;
  excerptAtEnd: boolean;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  /** True when the query matched words of the text (not only the title, summary or names in meta). */
  inText: boolean;
}

/** One result: its id, and its data on request (a fragment is fetched the first time). */
export interface Hit {
  id: string;
  data: () => Promise<ResultData>;
}

/** A search's answer: results in order, per filter value the count among these results, and the query words no analysis has. */
export interface SearchAnswer {
  hits: Hit[];
  counts: FilterCounts;
  absentWords: string[];
}

/** A loaded search index. */
export interface SearchIndex {
  /** Runs a search; a null term lists everything the filters match. */
  search: (term: string | null, filters: Record<string, AnyOf>, sort?: Record<string, 'asc' | 'desc'>) => Promise<SearchAnswer>;
  /** Every filter value of the whole index with its count (no query, no filters). */
  filters: () => Promise<FilterCounts>;
  /** How many analyses in `lang` a query finds (that language's index is loaded on first use). */
  count: (lang: string, term: string) => Promise<number>;
}

/** The parts of an instance of our pagefind.js this page uses. */
interface PagefindInstance {
  mergeIndex: (url: string, options: Record<string, unknown>) => Promise<void>;
  search: (term: string | null, options: Record<string, unknown>) => Promise<unknown>;
  filters: () => Promise<unknown>;
}

/** The parts of our pagefind.js module this page uses. */
interface PagefindModule {
  createInstance: (options: Record<string, unknown>) => PagefindInstance;
}

/** True when a loaded module has the functions we call. */
function isPagefind(value: unknown): value is PagefindModule {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'createInstance') === 'function';
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

/** Text with runs of white space as one space. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Pagefind's fragment data in our shape; a fragment without a URL is a broken bundle. */
function readData(value: unknown): ResultData {
  if (!isRecord(value) || typeof value['url'] !== 'string') throw new Error('search: a result fragment has no url');
  const filters: Record<string, string[]> = {};
  if (isRecord(value['filters'])) {
    for (const [k, v] of Object.entries(value['filters'])) if (Array.isArray(v)) filters[k] = v.filter((x): x is string => typeof x === 'string');
  }
  const locations = Array.isArray(value['weighted_locations']) ? value['weighted_locations'] : [];
  const content = squeeze(typeof value['content'] === 'string' ? value['content'] : '');
  const plain = squeeze(typeof value['plain_excerpt'] === 'string' ? value['plain_excerpt'] : '');
  return {
    url: value['url'],
    excerpt: typeof value['excerpt'] === 'string' ? value['excerpt'] : '',
    excerptAtStart: content.startsWith(plain),
    excerptAtEnd: content.endsWith(plain),
    meta: readStrings(value['meta']),
    filters,
    inText: locations.length > 0,
  };
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

/** Query words no analysis has, as our module reports them. */
function readAbsent(value: unknown): string[] {
  const words = isRecord(value) && Array.isArray(value['absentWords']) ? value['absentWords'] : [];
  return words.filter((w): w is string => typeof w === 'string');
}

/**
 * Loads the index from `bundlePath` (absolute path, e.g. `/pagefind/`) for a page in `pageLang`.
 * `merge` lists the other languages to search as well (an all-languages search).
 */
export async function loadSearchIndex(bundlePath: string, pageLang: string, merge: readonly string[]): Promise<SearchIndex> {
  const loaded: unknown = await import(/* @vite-ignore */ `${bundlePath}pagefind.js`);
  if (!isPagefind(loaded)) throw new Error(`search: ${bundlePath}pagefind.js is not our search module`);
  const main = loaded.createInstance({});
  for (const language of merge) await main.mergeIndex(bundlePath, { language });
  const others = new Map<string, PagefindInstance>();
  const instance = (lang: string): PagefindInstance => {
    if (lang === pageLang && merge.length === 0) return main;
    let made = others.get(lang);
    if (!made) others.set(lang, (made = loaded.createInstance({ language: lang })));
    return made;
  };
  return {
    search: async (term, filters, sort) => {
      const answer = await main.search(term, sort ? { filters, sort } : { filters });
      return { hits: readHits(answer), counts: readCounts(isRecord(answer) ? answer['filters'] : undefined), absentWords: readAbsent(answer) };
    },
    filters: async () => readCounts(await main.filters()),
    count: async (lang, term) => readHits(await instance(lang).search(term, {})).length,
  };
}
