/**
 * The browser side of the search index: `/pagefind/pagefind.js` as the site serves it. The build
 * (src/search/pagefind.ts) writes one Pagefind bundle per language and era under
 * `/pagefind/<shard>/` and this module in front of them, with Pagefind's module interface
 * (createInstance, search, filters, mergeIndex, ...), so our search script, the bench and the
 * tests load it as they would load a single bundle.
 *
 * One Pagefind runtime per language: the first shard's `pagefind.js` and wasm are loaded once, the
 * other shards of the language are merged into that instance (Pagefind's `mergeIndex`, which
 * reuses the wasm), each tagged with a synthetic `shard` filter so a search can still tell the
 * shards apart. Languages get a runtime each, because each language's wasm carries its stemmer.
 * The search runs on the page's thread (`noWorker`): Pagefind's worker would add a second copy
 * of its code (43 KB) for searches that take milliseconds.
 *
 * On top of Pagefind's search this module fixes what Pagefind gets wrong for this site:
 * - A word no analysis contains matches nothing. Pagefind (pagefind_web/src/search.rs,
 *   `find_word_extensions`) answers a word it cannot extend by the longest indexed word the query
 *   word starts with ("inflation" finds "in"), shard by shard. Each query word is checked per
 *   shard: it is there when the shard has it as a whole word (an exact search, same stem) or as
 *   the start of a longer word (a prefix being typed; the top result must hold a word that starts
 *   with it); shards without it are left out of the search by the `shard` filter.
 * - Whole-word matches come before prefix matches ("war" before "Warsaw").
 * - Quoted phrases match as phrases, also beside other words.
 * - Date-ordered searches keep the eras in order (Pagefind's merge orders by score, and a sorted
 *   result's score is only its rank inside its own shard).
 * - One-letter words match only as whole words (as prefixes they match most of the index).
 *
 * Shipped as is after its types are stripped (node:module stripTypeScriptTypes): erasable
 * TypeScript only, no imports; the build appends the shard list, the ranking and the exports.
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

/** A search response as Pagefind returns it, plus the query words no analysis contains. */
export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
  timings: unknown[];
  search_keywords?: unknown;
  query_term_idfs?: unknown;
  /** Query words (as typed) that no searched analysis contains, whole or as the start of a word. */
  absentWords?: string[];
}

/** Search options (filters, sort, ...), passed through to Pagefind. */
export type SearchOptions = Record<string, unknown> & { sort?: Record<string, string>; filters?: Record<string, unknown> };

/** The part of a Pagefind instance this module uses. */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  destroy(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: SearchOptions): Promise<PagefindSearch | null>;
  preload(term: string, options?: SearchOptions): Promise<void>;
  filters(): Promise<FilterCounts>;
}

/** Pagefind's module (a shard's pagefind.js). */
export interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindApi;
}

/** The merged instance: Pagefind's instance interface over every shard of the chosen languages. */
export interface MergedApi extends Omit<PagefindApi, 'mergeIndex'> {
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  debouncedSearch(term: string, options?: SearchOptions, ms?: number): Promise<PagefindSearch | null>;
}

/** The synthetic filter that names each page's shard (`en-2020`). */
export const SHARD_FILTER = 'shard';

/** A shard filter value no shard has: a search with it costs no result list, only counts. */
const NO_SHARD = '-';

/** Pagefind options a merged (secondary) index accepts. */
const MERGE_OPTIONS = ['excerptLength', 'ranking', 'highlightParam', 'indexWeight', 'exactDiacritics', 'metaCacheTag'];

/** A shard's filter value: its folder name. */
export function shardName(shard: ShardInfo): string {
  return shard.path.replace(/\/+$/, '');
}

/**
 * A query word the way Pagefind compares it: lower case, without punctuation (Pagefind drops
 * dashes, brackets, quotes and other punctuation from queries), without diacritics (й → и, ў → у).
 */
export function normalizeWord(text: string): string {
  return text
    .toLocaleLowerCase()
    .replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** One query word: as typed (for messages) and as compared. */
export interface QueryWord {
  raw: string;
  norm: string;
}

/** A query split into quoted phrases and loose words. */
export interface ParsedQuery {
  /** Closed quotes: each phrase's words, in order (a quoted single word: whole word only). */
  phrases: QueryWord[][];
  /** Words outside quotes. */
  loose: QueryWord[];
}

/** Straight and typographic quotes (English “”, Russian and Belarusian «» „“). */
const QUOTE = /["“”„«»]/u;

/** The words of a stretch of query text. */
function queryWords(text: string): QueryWord[] {
  return text
    .split(/\s+/)
    .map((raw) => ({ raw: raw.replace(/^[\p{P}]+|[\p{P}]+$/gu, '') || raw, norm: normalizeWord(raw) }))
    .filter((w) => w.norm.length > 0);
}

/** Splits a query into phrases (between closed quotes) and loose words; an unclosed quote is ignored. */
export function parseQuery(term: string): ParsedQuery {
  const phrases: QueryWord[][] = [];
  const loose: QueryWord[] = [];
  const parts = term.split(new RegExp(QUOTE.source, 'gu'));
  // Odd parts sit between quotes; the last part is only a phrase when its quote was closed.
  parts.forEach((part, i) => {
    const quoted = i % 2 === 1 && i < parts.length - 1;
    const words = queryWords(part);
    if (quoted && words.length) phrases.push(words);
    else loose.push(...words);
  });
  return { phrases, loose };
}

/** Every word of a page's fragment (text and meta), normalized. */
export function pageWords(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return [];
  const content = Reflect.get(data, 'content');
  const meta = Reflect.get(data, 'meta');
  const texts = [typeof content === 'string' ? content : ''];
  if (typeof meta === 'object' && meta !== null) for (const v of Object.values(meta)) if (typeof v === 'string') texts.push(v);
  return texts.join(' ').split(/[\s\p{Pd}/]+/u).map(normalizeWord).filter(Boolean);
}

/** The words Pagefind marked in a fragment's excerpt, normalized. */
function markedWords(data: unknown): string[] {
  const excerpt = typeof data === 'object' && data !== null ? Reflect.get(data, 'excerpt') : undefined;
  return typeof excerpt === 'string' ? [...excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => normalizeWord(m[1] ?? '')).filter(Boolean) : [];
}

/**
 * True when Pagefind matched a query word with diacritics to a form of the same word. Pagefind
 * folds diacritics out of a query before it stems it, but stems page words before folding: the
 * Russian "страховкой" becomes "страховкои", stems to nothing the index has, and only Pagefind's
 * fall-back to the longest indexed prefix finds "страховк" (Страховка). That fall-back is kept
 * for such words when the word it matched shares all but the last three letters with the query.
 */
function sameStem(word: QueryWord, data: unknown): boolean {
  if (normalizeWord(word.raw) === word.raw.toLocaleLowerCase().replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu, '')) return false;
  const need = Math.max(4, [...word.norm].length - 3);
  return markedWords(data).some((w) => {
    let n = 0;
    while (n < w.length && n < word.norm.length && w[n] === word.norm[n]) n += 1;
    return n >= need;
  });
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

/** One searched part: a shard (date-ordered searches) or a whole language (relevance). */
export interface SearchPart {
  era: number | null | undefined;
  result: PagefindSearch;
}

/**
 * One response from the parts' responses. Sorted searches: parts in era order (newest first for
 * `desc`, undated last), each part's results in its own order. Relevance: by score.
 */
export function mergeSearches(parts: SearchPart[], options: SearchOptions = {}): PagefindSearch {
  const direction = Object.values(options.sort ?? {})[0];
  let results: PagefindResult[];
  if (direction === 'asc' || direction === 'desc') {
    const sign = direction === 'desc' ? -1 : 1;
    const eraKey = (p: SearchPart) => (p.era === null || p.era === undefined ? Number.POSITIVE_INFINITY : sign * p.era);
    results = [...parts].sort((a, b) => eraKey(a) - eraKey(b)).flatMap((p) => p.result.results);
  } else {
    results = parts.flatMap((p) => p.result.results).sort((a, b) => b.score - a.score);
  }
  return {
    results,
    unfilteredResultCount: parts.reduce((n, p) => n + p.result.unfilteredResultCount, 0),
    filters: mergeFilters(parts.map((p) => p.result.filters)),
    totalFilters: mergeFilters(parts.map((p) => p.result.totalFilters)),
    timings: parts.map((p) => p.result.timings),
  };
}

/** The language whose shards a page searches first: its own, else the one with the most shards. */
export function primaryLanguage(shards: ShardInfo[], pageLang: string): string | undefined {
  const base = pageLang.toLowerCase().split('-')[0] ?? '';
  if (shards.some((s) => s.lang === base)) return base;
  const counts = new Map<string, number>();
  for (const s of shards) counts.set(s.lang, (counts.get(s.lang) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Where a word is, shard by shard: pages having it whole (same stem), and as a word's start. */
interface WordPresence {
  /** Shard name -> true when the shard really has the word (whole, or as the start of a word). */
  present: Map<string, boolean>;
  /** True when some shard also has longer words starting with it (prefix matches beside whole ones). */
  extended: boolean;
}

/** One language's index: a Pagefind instance over all its shards (newest first). */
export interface LanguageIndex {
  lang: string;
  shards: ShardInfo[];
  api: PagefindApi;
  presence: Map<string, Promise<WordPresence>>;
}

/** A filter condition as Pagefind takes it. */
type FilterValue = string | string[] | Record<string, unknown>;

/** An empty response (what Pagefind answers for a blank query). */
function emptySearch(): PagefindSearch {
  return { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {}, timings: [] };
}

/** Shards newest first, undated last. */
function newestFirst(list: ShardInfo[]): ShardInfo[] {
  return [...list].sort((a, b) => (b.era ?? Number.NEGATIVE_INFINITY) - (a.era ?? Number.NEGATIVE_INFINITY));
}

/** Counts of the `filters` of result fragments (for results Pagefind's own counts do not describe). */
async function countFragments(results: PagefindResult[]): Promise<FilterCounts> {
  const counts: FilterCounts = {};
  for (const data of await Promise.all(results.map((r) => r.data()))) {
    const filters = typeof data === 'object' && data !== null ? Reflect.get(data, 'filters') : undefined;
    if (typeof filters !== 'object' || filters === null) continue;
    for (const [name, values] of Object.entries(filters)) {
      if (!Array.isArray(values)) continue;
      const into = (counts[name] ??= {});
      for (const v of values) if (typeof v === 'string') into[v] = (into[v] ?? 0) + 1;
    }
  }
  return counts;
}

/** A quoted query for Pagefind's exact (phrase, whole-word) search. */
function quoted(words: QueryWord[]): string {
  return `"${words.map((w) => w.norm).join(' ')}"`;
}

/**
 * A merged instance over `shards` (paths relative to `base`, an absolute URL ending in `/`):
 * the page language's shards at first, another language's added by `mergeIndex(path, { language })`
 * (what the search page does for "all languages"), or only `initial.language` when it is given.
 * `load` brings a shard's pagefind.js; each
 * language's runtime is made once from its newest shard and kept in `runtimes`, shared by every
 * instance of the module. `initial` holds Pagefind options for the runtimes (ranking, ...).
 */
export function createMerged(
  load: (shard: ShardInfo) => Promise<PagefindModule>,
  shards: ShardInfo[],
  base: string,
  pageLang: string,
  initial: Record<string, unknown> = {},
  runtimes: Map<string, Promise<LanguageIndex>> = new Map(),
): MergedApi {
  const languages = new Set<string>();
  // An explicit language is searched alone (none when it has no shards); the page's falls back.
  const asked = initial['language'];
  const first = typeof asked === 'string' ? shards.find((s) => s.lang === asked)?.lang : primaryLanguage(shards, pageLang);
  if (first !== undefined) languages.add(first);
  let settings: Record<string, unknown> = { ...initial };
  delete settings['language'];
  delete settings['basePath'];
  let searchId = 0;

  const open = (lang: string): Promise<LanguageIndex> => {
    const known = runtimes.get(lang);
    if (known) return known;
    const made = (async (): Promise<LanguageIndex> => {
      const list = newestFirst(shards.filter((s) => s.lang === lang));
      const head = list[0];
      if (!head) throw new Error(`search: no index for the language ${lang}`);
      const mod = await load(head);
      const api = mod.createInstance({ ...settings, basePath: new URL(head.path, base).href, noWorker: true, mergeFilter: { [SHARD_FILTER]: shardName(head) } });
      const merged = Object.fromEntries(Object.entries(settings).filter(([k]) => MERGE_OPTIONS.includes(k)));
      await Promise.all(list.slice(1).map((s) => api.mergeIndex(new URL(s.path, base).href, { ...merged, language: lang, mergeFilter: { [SHARD_FILTER]: shardName(s) } })));
      return { lang, shards: list, api, presence: new Map() };
    })();
    runtimes.set(lang, made);
    return made;
  };
  const indexes = (): Promise<LanguageIndex[]> => Promise.all([...languages].map(open));

  /** Runs one Pagefind search; Pagefind answers null only for a superseded debounced search. */
  const run = async (index: LanguageIndex, term: string | null, options: SearchOptions): Promise<PagefindSearch> => (await index.api.search(term, options)) ?? emptySearch();

  /**
   * Where `word` is in each shard of `index`. Two searches that return only counts (a shard filter
   * nothing has; the per-shard counts before filtering come back anyway): one as typed, one
   * quoted (whole word). A shard with the word only as typed has it as a prefix of longer words,
   * or Pagefind fell back to a shorter word: the top result of that shard tells which.
   */
  const presence = (index: LanguageIndex, word: QueryWord): Promise<WordPresence> => {
    const known = index.presence.get(word.norm);
    if (known) return known;
    const found = (async (): Promise<WordPresence> => {
      const none: SearchOptions = { filters: { [SHARD_FILTER]: NO_SHARD } };
      const [loose, exact] = await Promise.all([run(index, word.norm, none), run(index, quoted([word]), none)]);
      const present = new Map<string, boolean>();
      let extended = false;
      await Promise.all(
        index.shards.map(async (shard) => {
          const name = shardName(shard);
          const whole = exact.totalFilters[SHARD_FILTER]?.[name] ?? 0;
          const any = loose.totalFilters[SHARD_FILTER]?.[name] ?? 0;
          if (whole > 0) {
            present.set(name, true);
            if (any > whole) extended = true;
            return;
          }
          // A single letter is too short to be a prefix: most of the index starts with one.
          if (any === 0 || [...word.norm].length < 2) {
            present.set(name, false);
            return;
          }
          const top = (await run(index, word.norm, { filters: { [SHARD_FILTER]: name } })).results[0];
          const data = top ? await top.data() : undefined;
          const starts = pageWords(data).some((w) => w.startsWith(word.norm));
          present.set(name, starts || sameStem(word, data));
          if (starts) extended = true;
        }),
      );
      return { present, extended };
    })();
    index.presence.set(word.norm, found);
    return found;
  };

  /** Pagefind filters for a search in some shards (all when `names` is undefined). */
  const inShards = (filters: unknown, names: string[] | undefined): Record<string, FilterValue> => {
    const out: Record<string, FilterValue> = typeof filters === 'object' && filters !== null ? { ...(filters as Record<string, FilterValue>) } : {};
    if (names) out[SHARD_FILTER] = { any: names.length ? names : [NO_SHARD] };
    return out;
  };

  /** Ids of the results of `term` in some shards of `index`, with the given filters. */
  const idsOf = async (index: LanguageIndex, term: string, options: SearchOptions, names: string[] | undefined): Promise<string[]> =>
    (await run(index, term, { filters: inShards(options.filters, names) })).results.map((r) => r.id);

  const search = async (term: string | null, options: SearchOptions = {}): Promise<PagefindSearch | null> => {
    const all = await indexes();
    if (all.length === 0) return emptySearch();
    const sorted = Object.keys(options.sort ?? {}).length > 0;

    // Filters only: every shard, in era order when sorted.
    if (term === null || term.trim() === '') {
      if (term !== null) return emptySearch();
      const parts = await Promise.all(
        all.map(async (index) => (sorted ? Promise.all(index.shards.map(async (s) => ({ era: s.era, result: await run(index, null, { ...options, filters: inShards(options.filters, [shardName(s)]) }) }))) : [{ era: undefined, result: await run(index, null, options) }])),
      );
      return mergeSearches(parts.flat(), options);
    }

    const query = parseQuery(term);
    const long = query.loose.filter((w) => [...w.norm].length > 1);
    const short = query.loose.filter((w) => [...w.norm].length <= 1);
    // One-letter words alone are searched as whole words (a phrase); beside longer words they only
    // need to be in the shard.
    const phrases = long.length === 0 && short.length > 0 ? [...query.phrases, short] : query.phrases;
    const checked = long.length > 0 ? query.loose : [];
    if (phrases.length === 0 && checked.length === 0) return emptySearch();
    const phraseOnly = phrases.length === 1 && long.length === 0;
    // The words Pagefind ranks by: the loose words, and the phrases' words.
    const rankWords = [...long, ...phrases.flat()];
    const rankTerm = phraseOnly ? quoted(phrases[0] ?? []) : rankWords.map((w) => w.norm).join(' ');

    const perLanguage = await Promise.all(
      all.map(async (index) => {
        const found = await Promise.all(checked.map((w) => presence(index, w)));
        const having = index.shards.map(shardName).filter((name) => found.every((p) => p.present.get(name)));
        // Shards left out by the shard filter; none to leave out, no filter (it costs a pass over every result).
        const usable = checked.length > 0 && having.length < index.shards.length ? having : undefined;
        const absent = checked.filter((_, i) => ![...(found[i]?.present.values() ?? [])].some(Boolean));
        const names = usable ?? index.shards.map(shardName);
        const filters = inShards(options.filters, usable);
        let parts: SearchPart[] = [];
        if (names.length) {
          parts = sorted
            ? await Promise.all(index.shards.filter((s) => names.includes(shardName(s))).map(async (s) => ({ era: s.era, result: await run(index, rankTerm, { ...options, filters: inShards(options.filters, [shardName(s)]) }) })))
            : [{ era: undefined, result: await run(index, rankTerm, { ...options, filters }) }];
        }
        // A phrase alone: Pagefind's exact search scores every match alike, so its matches are
        // ordered by the score of the same words searched loosely.
        if (phraseOnly && !sorted && parts[0] && parts[0].result.results.length > 1) {
          const scores = new Map((await run(index, rankWords.map((w) => w.norm).join(' '), { filters })).results.map((r) => [r.id, r.score]));
          for (const r of parts[0].result.results) r.score = scores.get(r.id) ?? 0;
        }
        // Phrases beside other words: a result must hold each phrase.
        const phraseIds = phraseOnly ? [] : await Promise.all(phrases.map(async (p) => new Set(await idsOf(index, quoted(p), options, usable))));
        // Words that also match as prefixes: the results holding them whole come first.
        const wholeIds = new Map<string, Set<string>>();
        if (!sorted) {
          await Promise.all(
            long.map(async (w) => {
              if (found[query.loose.indexOf(w)]?.extended) wholeIds.set(w.norm, new Set(await idsOf(index, quoted([w]), options, usable)));
            }),
          );
        }
        return { parts, absent, phraseIds, wholeIds };
      }),
    );

    const merged = mergeSearches(perLanguage.flatMap((l) => l.parts), options);
    let results = merged.results;
    if (!phraseOnly && phrases.length) {
      results = results.filter((r) => phrases.every((_, i) => perLanguage.some((l) => l.phraseIds[i]?.has(r.id))));
      // Pagefind's counts describe the loose search; the phrases narrowed it, so count again.
      const counts = await countFragments(results);
      merged.filters = counts;
      merged.totalFilters = counts;
    }
    const wholeWords = [...new Set(perLanguage.flatMap((l) => [...l.wholeIds.keys()]))];
    if (wholeWords.length) {
      const whole = (r: PagefindResult) => wholeWords.filter((w) => perLanguage.some((l) => l.wholeIds.get(w)?.has(r.id))).length;
      results = results.map((r, i) => ({ r, i, n: whole(r) })).sort((a, b) => b.n - a.n || a.i - b.i).map((x) => x.r);
    }
    merged.results = results;
    const absent = checked.filter((w) => perLanguage.every((l) => l.absent.includes(w)));
    // Phrases that found nothing: name the words no analysis has at all.
    if (results.length === 0 && phrases.length) {
      for (const w of phrases.flat()) {
        if (absent.some((a) => a.norm === w.norm)) continue;
        const found = await Promise.all(all.map((index) => presence(index, w)));
        if (found.every((p) => ![...p.present.values()].some(Boolean))) absent.push(w);
      }
    }
    merged.absentWords = [...new Set(absent.map((w) => w.raw))];
    return merged;
  };

  return {
    async options(options) {
      settings = { ...settings, ...options };
      await Promise.all([...runtimes.values()].map(async (index) => (await index).api.options(options)));
    },
    async init() {
      await indexes();
    },
    async destroy() {
      await Promise.all([...runtimes.values()].map(async (index) => (await index).api.destroy()));
      runtimes.clear();
    },
    async mergeIndex(_path, options = {}) {
      const language = options['language'];
      if (typeof language === 'string' && shards.some((s) => s.lang === language)) languages.add(language);
      else if (typeof language !== 'string') for (const s of shards) languages.add(s.lang);
    },
    search,
    async debouncedSearch(term, options = {}, ms = 300) {
      const id = ++searchId;
      await new Promise((done) => setTimeout(done, ms));
      if (id !== searchId) return null;
      const result = await search(term, options);
      return id === searchId ? result : null;
    },
    async preload(term, options = {}) {
      await Promise.all((await indexes()).map(({ api }) => api.preload(term, options)));
    },
    async filters() {
      const counts = mergeFilters(await Promise.all((await indexes()).map(({ api }) => api.filters())));
      delete counts[SHARD_FILTER];
      return counts;
    },
  };
}
