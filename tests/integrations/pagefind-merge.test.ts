/**
 * The browser module in front of the shards (src/search/pagefind-merge.ts), against a fake
 * Pagefind that behaves like the real one where it matters: prefix matching, and the fall-back
 * to the longest indexed word a query word starts with when nothing starts with the query word
 * (pagefind_web/src/search.rs, find_word_extensions), shard by shard. The real thing is tested in
 * the browser (tests/e2e/search-relevance.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  createMerged,
  mergeSearches,
  normalizeWord,
  parseQuery,
  type PagefindApi,
  type PagefindModule,
  type PagefindSearch,
  type SearchOptions,
  type ShardInfo,
} from '../../src/search/pagefind-merge.ts';

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
  const older = { era: 2015, result: response([['o1', 300], ['o2', 200]], { worse: 2 }) };
  const newer = { era: 2020, result: response([['n1', 90], ['n2', 10]], { worse: 1, better: 1 }) };
  const undated = { era: null, result: response([['u1', 5000]]) };

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

describe('parseQuery and normalizeWord', () => {
  it('splits closed quotes (straight, English and Russian) into phrases, and ignores an unclosed one', () => {
    const q = parseQuery('“joint grouping” forces «Белая Русь» "open');
    expect(q.phrases.map((p) => p.map((w) => w.norm))).toEqual([['joint', 'grouping'], ['белая', 'русь']]);
    expect(q.loose.map((w) => w.norm)).toEqual(['forces', 'open']);
  });

  it('compares words as Pagefind does: lower case, no punctuation, no diacritics', () => {
    expect(normalizeWord('Lukashenka’s')).toBe('lukashenkas');
    expect(normalizeWord('Ціханоўская')).toBe('ціханоуская');
    expect(normalizeWord('Страховкой')).toBe('страховкои');
  });
});

/** A page of the fake index: its words in order (lower case), and its date. */
interface FakePage {
  url: string;
  words: string[];
  date: string;
}

/** Shard path -> its pages. */
type FakeSite = Record<string, FakePage[]>;

/** The shard filter value a search asks for (string, or { any: [...] }), undefined for none. */
function wantedShards(options: SearchOptions | undefined): string[] | undefined {
  const value = (options?.filters ?? {})['shard'];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return [value];
  return (value as { any: string[] }).any;
}

/**
 * A fake Pagefind module over `site`: each createInstance is one runtime, shards joined by
 * mergeIndex with a synthetic shard filter. Loose searches extend prefixes and fall back to the
 * longest indexed prefix of an unknown word (as Pagefind does); quoted ones match whole words
 * in a row. Records which modules were loaded and which bundles were opened.
 */
function fakeModule(site: FakeSite): { mod: PagefindModule; opened: string[] } {
  const opened: string[] = [];
  const mod: PagefindModule = {
    createInstance(options) {
      const shards: { name: string; pages: FakePage[] }[] = [];
      const add = (path: string, filter: Record<string, unknown> | undefined) => {
        const folder = path.replace(/^.*\/pagefind\//, '');
        opened.push(folder);
        shards.push({ name: String(filter?.['shard'] ?? folder), pages: site[folder] ?? [] });
      };
      add(String(options['basePath']), options['mergeFilter'] as Record<string, unknown>);
      /** Pages of one shard matching one word, with the positions that matched. */
      const match = (pages: FakePage[], word: string, exact: boolean): Map<FakePage, number[]> => {
        const all = new Set(pages.flatMap((p) => p.words));
        let test = (w: string) => (exact ? w === word : w.startsWith(word));
        if (!exact && ![...all].some(test)) {
          const prefix = [...all].filter((w) => word.startsWith(w)).sort((a, b) => b.length - a.length)[0];
          test = (w: string) => w === prefix;
        }
        const out = new Map<FakePage, number[]>();
        for (const p of pages) {
          const at = p.words.flatMap((w, i) => (test(w) ? [i] : []));
          if (at.length) out.set(p, at);
        }
        return out;
      };
      const api: PagefindApi = {
        options: async () => undefined,
        init: async () => undefined,
        destroy: async () => undefined,
        preload: async () => undefined,
        async mergeIndex(path, o) {
          add(path, o?.['mergeFilter'] as Record<string, unknown>);
        },
        filters: async () => ({ shard: Object.fromEntries(shards.map((s) => [s.name, s.pages.length])), kind: { weekly: shards.reduce((n, s) => n + s.pages.length, 0) } }),
        async search(term: string | null, o?: SearchOptions) {
          const wanted = wantedShards(o);
          const exact = term !== null && /^".*"$/.test(term);
          const words = (term ?? '').replace(/"/g, '').split(' ').filter(Boolean);
          const total: Record<string, number> = {};
          const results: PagefindSearch['results'] = [];
          for (const s of shards) {
            let found: Map<FakePage, number[]>;
            if (words.length === 0) found = new Map(s.pages.map((p) => [p, []]));
            else if (exact) {
              // A phrase: the words one after the other.
              found = new Map();
              for (const p of s.pages) {
                const at = p.words.flatMap((_, i) => (words.every((w, k) => p.words[i + k] === w) ? [i] : []));
                if (at.length) found.set(p, at);
              }
            } else {
              const per = words.map((w) => match(s.pages, w, false));
              found = new Map();
              for (const p of s.pages) if (per.every((m) => m.has(p))) found.set(p, per.flatMap((m) => m.get(p) ?? []));
            }
            total[s.name] = found.size;
            if (wanted && !wanted.includes(s.name)) continue;
            for (const [p, at] of found) {
              results.push({
                id: p.url,
                score: o?.sort ? Number(p.date.replace(/-/g, '')) : at.length,
                words: at,
                data: async () => ({ url: p.url, content: p.words.join(' '), meta: {}, filters: { shard: [s.name] }, excerpt: p.words.map((w, i) => (at.includes(i) ? `<mark>${w}</mark>` : w)).join(' ') }),
              });
            }
          }
          results.sort((a, b) => b.score - a.score);
          const counted = Object.fromEntries(Object.keys(total).map((k) => [k, results.filter((r) => shards.find((s) => s.name === k)?.pages.some((p) => p.url === r.id)).length]));
          return { results, unfilteredResultCount: Object.values(total).reduce((a, b) => a + b, 0), filters: { shard: counted }, totalFilters: { shard: total }, timings: [] };
        },
      };
      return api;
    },
  };
  return { mod, opened };
}

const page = (url: string, text: string, date = '2022-01-03'): FakePage => ({ url, words: text.toLowerCase().split(' '), date });

const SITE: FakeSite = {
  'en-2020/': [
    page('/a/', 'sanctions hit minsk in march', '2022-03-07'),
    page('/b/', 'warsaw warsaw warsaw warsaw talks in poland', '2023-05-01'),
    page('/c/', 'the war goes on in the east', '2024-01-15'),
    page('/d/', 'joint grouping of forces in belarus', '2022-10-10'),
    page('/e/', 'joint regional grouping of forces', '2022-10-17'),
  ],
  'en-2015/': [page('/f/', 'sanctions again in minsk', '2016-02-01'), page('/g/', 'a quiet year in minsk', '2017-06-05')],
  'ru-2020/': [page('/ru/a/', 'санкции и минск', '2022-03-07')],
};
const SHARDS = [shard('en-2020/', 'en', 2020), shard('en-2015/', 'en', 2015), shard('ru-2020/', 'ru', 2020)];
const BASE = 'https://site.example/pagefind/';

/** A merged instance over SITE, with the modules it loaded. */
function merged(pageLang = 'en', initial: Record<string, unknown> = {}) {
  const { mod, opened } = fakeModule(SITE);
  const loaded: string[] = [];
  const api = createMerged(async (s) => (loaded.push(s.path), mod), SHARDS, BASE, pageLang, initial);
  return { api, opened, loaded };
}

/** Result ids of a search. */
async function ids(api: ReturnType<typeof merged>['api'], term: string | null, options: SearchOptions = {}): Promise<string[]> {
  return ((await api.search(term, options))?.results ?? []).map((r) => r.id);
}

describe('createMerged', () => {
  it('loads one runtime per language, from its newest shard, and merges its other shards into it', async () => {
    const { api, opened, loaded } = merged();
    await api.search('minsk');
    expect(loaded).toEqual(['en-2020/']);
    expect(opened).toEqual(['en-2020/', 'en-2015/']);
    await api.mergeIndex(BASE, { language: 'ru' });
    expect(await ids(api, 'minsk')).toEqual(expect.arrayContaining(['/a/', '/f/', '/g/']));
    expect(loaded).toEqual(['en-2020/', 'ru-2020/']);
    expect(await api.filters()).toEqual({ kind: { weekly: 8 } });
  });

  it('finds nothing for a word no analysis has, where Pagefind would fall back to a shorter word ("in")', async () => {
    const { api } = merged();
    const answer = await api.search('inflation');
    expect(answer?.results).toEqual([]);
    expect(answer?.absentWords).toEqual(['inflation']);
    // Beside a word that is there, the absent word still empties the search (every word must match).
    expect((await api.search('minsk inflation'))?.absentWords).toEqual(['inflation']);
    expect(await ids(api, 'minsk inflation')).toEqual([]);
  });

  it('keeps prefix matching for a word being typed, only in the shards that have such a word', async () => {
    const { api } = merged();
    // "sanct" starts real words in both eras; "talk" only in the newer one (the older falls back to nothing useful).
    expect((await ids(api, 'sanct')).sort()).toEqual(['/a/', '/f/']);
    expect(await ids(api, 'talk')).toEqual(['/b/']);
    expect((await api.search('talk'))?.absentWords).toEqual([]);
  });

  it('puts whole-word matches before prefix matches, whatever the counts', async () => {
    const { api } = merged();
    expect(await ids(api, 'war')).toEqual(['/c/', '/b/']);
  });

  it('matches a quoted phrase as a phrase, alone or beside other words', async () => {
    const { api } = merged();
    expect(await ids(api, '"joint grouping"')).toEqual(['/d/']);
    expect(await ids(api, '"joint grouping" forces')).toEqual(['/d/']);
    expect(await ids(api, 'joint grouping')).toEqual(expect.arrayContaining(['/d/', '/e/']));
  });

  it('matches a one-letter word only whole', async () => {
    const { api } = merged();
    expect(await ids(api, 'a')).toEqual(['/g/']);
  });

  it('lists by date era by era, newest first, for a filter-only search', async () => {
    const { api } = merged();
    expect(await ids(api, null, { sort: { date: 'desc' } })).toEqual(['/c/', '/b/', '/e/', '/d/', '/a/', '/g/', '/f/']);
  });

  it('searches an explicit language alone, and nothing for a language without shards', async () => {
    expect(await ids(merged('en', { language: 'ru' }).api, 'минск')).toEqual(['/ru/a/']);
    expect(await ids(merged('en', { language: 'be' }).api, 'minsk')).toEqual([]);
    // A page in a language without shards falls back to the language with the most.
    expect((await ids(merged('be').api, 'minsk')).sort()).toEqual(['/a/', '/f/', '/g/']);
  });
});
