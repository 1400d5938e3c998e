/**
 * Search state <-> URL. The search page keeps its whole state in the query string so any search
 * can be shared: `/search/?q=sanctions&trend=worse&topic=belarus-west-relations&actor=nato`.
 * Values in URLs are our ids (topic id, verdict id, actor id, ...), never display labels, and the
 * Pagefind filters use the same ids, so the mapping is one-to-one. Pure, and free of runtime
 * imports, because the browser bundle of the search page imports it.
 */
import { ID_PATTERN } from '../schemas/ids.ts';

/** Folder of the Pagefind bundle in the built site; the search page loads `/<dir>/pagefind.js`. */
export const PAGEFIND_BUNDLE_DIR = 'pagefind';

/** Results the search page draws at a time; a button under the list draws the next ones. */
export const RESULTS_PER_PAGE = 50;

/** Pagefind filter names, in the order the search page shows their panes. */
export const SEARCH_FILTERS = ['topic', 'trend', 'actor', 'author', 'kind', 'year', 'language'] as const;

/** A Pagefind filter name. */
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** The URL parameter of each filter (`lang` is shorter and reads better than `language`). */
export const FILTER_PARAMS: Readonly<Record<SearchFilter, string>> = {
  topic: 'topic',
  trend: 'trend',
  actor: 'actor',
  author: 'author',
  kind: 'kind',
  year: 'year',
  language: 'lang',
};

/** `lang=all`: search every language's index without narrowing by language. */
export const ALL_LANGUAGES = 'all';

/** Result orders: Pagefind's relevance, or by date (period start, else publication date). */
export const SEARCH_SORTS = ['relevance', 'newest', 'oldest'] as const;

/** A result order. */
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** Everything a search page shows, as the URL says it. */
export interface SearchState {
  /** The query as typed (trimmed of surrounding space only). */
  q: string;
  /** Selected values per filter; a filter with no values is absent. */
  filters: Partial<Record<SearchFilter, string[]>>;
  /** `page`: only the page language's index; `all`: every language's index is loaded. */
  scope: 'page' | 'all';
  sort: SearchSort;
}

/** The state of a search page opened without parameters. */
export function emptySearchState(): SearchState {
  return { q: '', filters: {}, scope: 'page', sort: 'relevance' };
}

/** An id as content/ spells them (lowercase ASCII words joined by hyphens); years are 4 digits. */
const VALUE_PATTERN: Readonly<Record<SearchFilter, RegExp>> = {
  topic: ID_PATTERN,
  trend: /^[a-z]+$/,
  actor: ID_PATTERN,
  author: ID_PATTERN,
  kind: /^[a-z]+$/,
  year: /^\d{4}$/,
  language: /^[a-z]{2,3}$/,
};

/** Longest query kept from a URL: longer ones are cut, not refused (a shared link still works). */
export const MAX_QUERY_LENGTH = 200;

/** Most values kept per filter from a URL, so a crafted link cannot make a huge filter. */
export const MAX_VALUES_PER_FILTER = 50;

/**
 * Values of one parameter: repeated (`actor=eu&actor=nato`, what a GET form sends) and
 * comma-separated (`actor=eu,nato`, what we write) both work. Invalid values are dropped,
 * duplicates removed, order kept.
 */
function paramValues(params: URLSearchParams, name: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const raw of params.getAll(name)) {
    for (const part of raw.split(',')) {
      const value = part.trim().toLowerCase();
      if (pattern.test(value) && !out.includes(value)) out.push(value);
    }
  }
  return out.slice(0, MAX_VALUES_PER_FILTER);
}

/** Reads a search state from a query string; anything malformed is ignored, never thrown. */
export function parseSearchParams(input: URLSearchParams | string): SearchState {
  const params = typeof input === 'string' ? new URLSearchParams(input) : input;
  const state = emptySearchState();
  state.q = (params.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
  for (const filter of SEARCH_FILTERS) {
    if (filter === 'language') continue;
    const values = paramValues(params, FILTER_PARAMS[filter], VALUE_PATTERN[filter]);
    if (values.length) state.filters[filter] = values;
  }
  // `lang` both widens the search to every index and, with language codes, narrows it again.
  const langs = paramValues(params, FILTER_PARAMS.language, /^(?:[a-z]{2,3}|all)$/);
  if (langs.length) {
    state.scope = 'all';
    const codes = langs.filter((l) => l !== ALL_LANGUAGES);
    if (codes.length && !langs.includes(ALL_LANGUAGES)) state.filters.language = codes;
  }
  const sort = params.get('sort');
  state.sort = SEARCH_SORTS.find((s) => s === sort) ?? 'relevance';
  return state;
}

/** The query string (without `?`) for a state, parameters in a fixed order; empty for no state. */
export function serializeSearchState(state: SearchState): string {
  const parts: string[] = [];
  const q = state.q.trim();
  if (q) parts.push(`q=${encodeURIComponent(q)}`);
  for (const filter of SEARCH_FILTERS) {
    if (filter === 'language') continue;
    const values = state.filters[filter];
    if (values?.length) parts.push(`${FILTER_PARAMS[filter]}=${values.map(encodeURIComponent).join(',')}`);
  }
  if (state.scope === 'all') {
    const langs = state.filters.language;
    parts.push(`${FILTER_PARAMS.language}=${langs?.length ? langs.map(encodeURIComponent).join(',') : ALL_LANGUAGES}`);
  }
  if (state.sort !== 'relevance') parts.push(`sort=${state.sort}`);
  return parts.join('&');
}

/**
 * Pagefind's sort option for a state. A query with the default order keeps Pagefind's ranking;
 * a filter-only listing has no ranking, so it reads newest first.
 */
export function pagefindSort(state: Pick<SearchState, 'q' | 'sort'>): Record<string, 'asc' | 'desc'> | undefined {
  if (state.sort === 'newest') return { date: 'desc' };
  if (state.sort === 'oldest') return { date: 'asc' };
  return state.q.trim() ? undefined : { date: 'desc' };
}

/** A link to a search page (`site.paths.search(lang)`) with some filters set (for topic, actor, ... pages). */
export function searchHref(searchPage: string, state: Partial<SearchState> = {}): string {
  const query = serializeSearchState({ ...emptySearchState(), ...state });
  return query ? `${searchPage}?${query}` : searchPage;
}

/** Result counts per filter value, as Pagefind reports them: `{ trend: { worse: 5, better: 2 } }`. */
export type FilterCounts = Record<string, Record<string, number>>;

/** One Pagefind filter condition: any of the values (OR). */
export interface AnyOf {
  any: string[];
}

/**
 * The Pagefind `filters` option for a state: values within one filter are alternatives (OR,
 * Pagefind's `any`), different filters must all hold (AND). `without` leaves one filter out, for
 * the counts of that filter's values (see `facetCounts`).
 */
export function pagefindFilterQuery(filters: SearchState['filters'], without?: SearchFilter): Record<string, AnyOf> {
  const out: Record<string, AnyOf> = {};
  for (const filter of SEARCH_FILTERS) {
    const values = filters[filter];
    if (filter !== without && values?.length) out[filter] = { any: [...values] };
  }
  return out;
}

/** The filters that have values set, in display order: each needs its own count query. */
export function filtersWithValues(filters: SearchState['filters']): SearchFilter[] {
  return SEARCH_FILTERS.filter((f) => (filters[f]?.length ?? 0) > 0);
}

/**
 * The count beside each value: how many results the reader gets with that value, given the query
 * and every OTHER filter. For a filter with nothing ticked that is the main search's own count
 * (ticking the value gives exactly that); for a filter with values ticked it comes from a search
 * without that filter, so the other values of the filter keep their counts and stay choosable, and
 * a sole ticked value's count equals the number of results.
 */
export function facetCounts(main: FilterCounts, withoutOwn: Partial<Record<SearchFilter, FilterCounts>>): FilterCounts {
  const out: FilterCounts = {};
  for (const [name, counts] of Object.entries(main)) out[name] = { ...counts };
  for (const filter of SEARCH_FILTERS) {
    const counts = withoutOwn[filter]?.[filter];
    if (counts) out[filter] = { ...counts };
  }
  return out;
}

/** A filter value in the URL that names nothing the site knows. */
export interface UnknownValue {
  filter: SearchFilter;
  value: string;
}

/**
 * Filter values in a query string that name no known id (`?trend=terrible`), malformed ones
 * included, each once, so the page can name them instead of silently finding nothing. Filters
 * missing from `known` are not checked (years are only known once the index has loaded).
 */
export function unknownFilterValues(input: URLSearchParams | string, known: Partial<Record<SearchFilter, readonly string[]>>): UnknownValue[] {
  const params = typeof input === 'string' ? new URLSearchParams(input) : input;
  const out: UnknownValue[] = [];
  for (const filter of SEARCH_FILTERS) {
    const ids = known[filter];
    if (!ids) continue;
    for (const raw of params.getAll(FILTER_PARAMS[filter])) {
      for (const part of raw.split(',')) {
        const value = part.trim().replace(/\s+/g, ' ').slice(0, 60);
        if (!value) continue;
        const id = value.toLowerCase();
        if (filter === 'language' && id === ALL_LANGUAGES) continue;
        if (!ids.includes(id) && !out.some((u) => u.filter === filter && u.value === value)) out.push({ filter, value });
      }
    }
  }
  return out;
}

/** A state with only known values (unknown ones would narrow an OR list to nothing). */
export function withKnownValues(state: SearchState, known: Partial<Record<SearchFilter, readonly string[]>>): SearchState {
  const filters: SearchState['filters'] = {};
  for (const filter of SEARCH_FILTERS) {
    const ids = known[filter];
    const values = state.filters[filter]?.filter((v) => !ids || ids.includes(v));
    if (values?.length) filters[filter] = values;
  }
  return { ...state, filters };
}

/** The state with one value of one filter ticked or unticked (other filters untouched). */
export function toggleValue(state: SearchState, filter: SearchFilter, value: string, on: boolean): SearchState {
  const current = state.filters[filter] ?? [];
  const values = on ? (current.includes(value) ? current : [...current, value]) : current.filter((v) => v !== value);
  const filters = { ...state.filters };
  if (values.length) filters[filter] = values;
  else delete filters[filter];
  return { ...state, filters };
}

/**
 * The document title of a search: query and filters first, so a tab, a bookmark and the history
 * list tell searches apart: `“sanctions” · Verdict: got worse, better — Search — Barometer`.
 */
export function searchDocumentTitle(state: SearchState, labelOf: (filter: SearchFilter, id: string) => string, groupOf: (filter: SearchFilter) => string, base: string): string {
  const parts: string[] = [];
  if (state.q) parts.push(`“${state.q}”`);
  for (const filter of filtersWithValues(state.filters)) {
    parts.push(`${groupOf(filter)}: ${(state.filters[filter] ?? []).map((id) => labelOf(filter, id)).join(', ')}`);
  }
  return parts.length ? `${parts.join(' · ')} — ${base}` : base;
}
