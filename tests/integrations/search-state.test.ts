import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptySearchState,
  facetCounts,
  filtersWithValues,
  pagefindFilterQuery,
  searchDocumentTitle,
  toggleValue,
  unknownFilterValues,
  withKnownValues,
  MAX_QUERY_LENGTH,
  MAX_VALUES_PER_FILTER,
  pagefindSort,
  parseSearchParams,
  SEARCH_FILTERS,
  searchHref,
  serializeSearchState,
  type SearchState,
} from '../../src/search/search-state.ts';
import { sitePaths } from '../../src/lib/site-paths.ts';

describe('parseSearchParams', () => {
  it('reads the example URL of the issue', () => {
    const state = parseSearchParams('?q=sanctions&trend=worse&topic=belarus-west-relations&actor=nato');
    expect(state).toEqual({ q: 'sanctions', filters: { topic: ['belarus-west-relations'], trend: ['worse'], actor: ['nato'] }, scope: 'page', sort: 'relevance' });
  });

  it('accepts repeated and comma-separated values alike, once each, in order', () => {
    expect(parseSearchParams('actor=eu&actor=nato,eu&actor=osce').filters.actor).toEqual(['eu', 'nato', 'osce']);
  });

  it('drops values that are not ids instead of failing', () => {
    const state = parseSearchParams('topic=%3Cscript%3E&trend=worse,../x&year=22&author=Pavel%20Kruk&kind=');
    expect(state.filters).toEqual({ trend: ['worse'] });
  });

  it('lowercases ids and trims the query, capping its length', () => {
    const state = parseSearchParams(`q=${encodeURIComponent(`  ${'x'.repeat(MAX_QUERY_LENGTH + 50)}  `)}&topic=Ruling-Elite`);
    expect(state.q).toHaveLength(MAX_QUERY_LENGTH);
    expect(state.filters.topic).toEqual(['ruling-elite']);
  });

  it('caps the number of values per filter', () => {
    const many = Array.from({ length: MAX_VALUES_PER_FILTER + 10 }, (_, i) => `a${i}`).join(',');
    expect(parseSearchParams(`actor=${many}`).filters.actor).toHaveLength(MAX_VALUES_PER_FILTER);
  });

  it('reads lang: absent = the page language only, all = every index, codes = every index narrowed', () => {
    expect(parseSearchParams('').scope).toBe('page');
    expect(parseSearchParams('lang=all')).toMatchObject({ scope: 'all', filters: {} });
    expect(parseSearchParams('lang=ru,be')).toMatchObject({ scope: 'all', filters: { language: ['ru', 'be'] } });
    expect(parseSearchParams('lang=ru&lang=all')).toMatchObject({ scope: 'all', filters: {} });
    expect(parseSearchParams('lang=').scope).toBe('page');
  });

  it('reads the order, defaulting to relevance', () => {
    expect(parseSearchParams('sort=oldest').sort).toBe('oldest');
    expect(parseSearchParams('sort=sideways').sort).toBe('relevance');
  });
});

describe('serializeSearchState', () => {
  it('writes parameters in a fixed order with comma-joined ids', () => {
    const state: SearchState = { q: 'nuclear weapons', filters: { actor: ['nato', 'eu'], trend: ['worse'], language: ['ru'] }, scope: 'all', sort: 'newest' };
    expect(serializeSearchState(state)).toBe('q=nuclear%20weapons&trend=worse&actor=nato,eu&lang=ru&sort=newest');
  });

  it('writes nothing for the empty state, and lang=all for every language unnarrowed', () => {
    expect(serializeSearchState(emptySearchState())).toBe('');
    expect(serializeSearchState({ ...emptySearchState(), scope: 'all' })).toBe('lang=all');
  });

  it('round-trips any state a reader can make', () => {
    const id = fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,2}$/);
    const state = fc.record({
      q: fc.string({ maxLength: 40 }).map((s) => s.replace(/\s+/g, ' ').trim()),
      topic: fc.uniqueArray(id, { maxLength: 3 }),
      actor: fc.uniqueArray(id, { maxLength: 4 }),
      year: fc.uniqueArray(fc.integer({ min: 1990, max: 2099 }).map(String), { maxLength: 2 }),
      language: fc.uniqueArray(fc.constantFrom('en', 'be', 'ru'), { maxLength: 3 }),
      scope: fc.constantFrom('page' as const, 'all' as const),
      sort: fc.constantFrom('relevance' as const, 'newest' as const, 'oldest' as const),
    });
    fc.assert(
      fc.property(state, (s) => {
        const filters: SearchState['filters'] = {};
        if (s.topic.length) filters.topic = s.topic;
        if (s.actor.length) filters.actor = s.actor;
        if (s.year.length) filters.year = s.year;
        if (s.scope === 'all' && s.language.length) filters.language = s.language;
        const original: SearchState = { q: s.q, filters, scope: s.scope, sort: s.sort };
        expect(parseSearchParams(serializeSearchState(original))).toEqual(original);
      }),
    );
  });
});

describe('Pagefind filters', () => {
  it('ORs the values within a filter and ANDs the filters, with the URL\'s ids', () => {
    const state = parseSearchParams('topic=ruling-elite&trend=worse&trend=better&actor=nato,eu&lang=be');
    expect(pagefindFilterQuery(state.filters)).toEqual({ topic: { any: ['ruling-elite'] }, trend: { any: ['worse', 'better'] }, actor: { any: ['nato', 'eu'] }, language: { any: ['be'] } });
  });

  it('leaves one filter out for that filter\'s counts', () => {
    const state = parseSearchParams('topic=ruling-elite&trend=worse,better');
    expect(pagefindFilterQuery(state.filters, 'trend')).toEqual({ topic: { any: ['ruling-elite'] } });
    expect(filtersWithValues(state.filters)).toEqual(['topic', 'trend']);
  });

  it('names every filter the index carries', () => {
    expect([...SEARCH_FILTERS]).toEqual(['topic', 'trend', 'actor', 'author', 'kind', 'year', 'language']);
  });
});

describe('pagefindSort', () => {
  it('keeps relevance for a query, lists newest first without one', () => {
    expect(pagefindSort({ q: 'sanctions', sort: 'relevance' })).toBeUndefined();
    expect(pagefindSort({ q: '', sort: 'relevance' })).toEqual({ date: 'desc' });
    expect(pagefindSort({ q: 'sanctions', sort: 'oldest' })).toEqual({ date: 'asc' });
    expect(pagefindSort({ q: '', sort: 'newest' })).toEqual({ date: 'desc' });
  });
});

describe('searchHref', () => {
  it('links to each language\'s search page with filters set', () => {
    const paths = sitePaths('en');
    expect(searchHref(paths.search('en'), { filters: { topic: ['ruling-elite'] } })).toBe('/search/?topic=ruling-elite');
    expect(searchHref(paths.search('ru'), { filters: { actor: ['nato'] } })).toBe('/ru/search/?actor=nato');
    expect(searchHref(paths.search('be'))).toBe('/be/search/');
    expect(searchHref(sitePaths('ru').search('ru'), { filters: { actor: ['nato'] } })).toBe('/search/?actor=nato');
  });
});

describe('facetCounts', () => {
  it('takes a ticked filter\'s counts from the search without it, the others from the main search', () => {
    const main = { trend: { worse: 5, better: 0, unchanged: 0 }, topic: { a: 3, b: 2 } };
    const withoutTrend = { trend: { worse: 5, better: 2, unchanged: 3 }, topic: { a: 6, b: 4 } };
    expect(facetCounts(main, { trend: withoutTrend })).toEqual({ trend: { worse: 5, better: 2, unchanged: 3 }, topic: { a: 3, b: 2 } });
  });

  it('is the main search\'s counts when nothing is ticked', () => {
    const main = { trend: { worse: 1 } };
    expect(facetCounts(main, {})).toEqual(main);
  });
});

describe('unknown filter values', () => {
  const known = { trend: ['worse', 'unchanged', 'better'], topic: ['ruling-elite'], language: ['en', 'be', 'ru'] };

  it('names each value that is not a known id, malformed ones included, once', () => {
    expect(unknownFilterValues('trend=terrible,worse&trend=terrible&topic=%3Cscript%3E&lang=all,xx', known)).toEqual([
      { filter: 'topic', value: '<script>' },
      { filter: 'trend', value: 'terrible' },
      { filter: 'language', value: 'xx' },
    ]);
  });

  it('does not check a filter whose values are not known yet', () => {
    expect(unknownFilterValues('year=1999', known)).toEqual([]);
  });

  it('drops unknown values from a state, and the filter with them', () => {
    const state = parseSearchParams('trend=terrible,worse&topic=nowhere&q=x');
    expect(withKnownValues(state, known)).toEqual({ ...state, filters: { trend: ['worse'] } });
  });
});

describe('toggleValue', () => {
  it('adds and removes one value, keeping the other filters', () => {
    const state = parseSearchParams('trend=worse&topic=a');
    const wider = toggleValue(state, 'trend', 'better', true);
    expect(wider.filters).toEqual({ trend: ['worse', 'better'], topic: ['a'] });
    expect(toggleValue(toggleValue(wider, 'trend', 'worse', false), 'trend', 'better', false).filters).toEqual({ topic: ['a'] });
    expect(state.filters.trend).toEqual(['worse']);
  });
});

describe('searchDocumentTitle', () => {
  it('puts query and filters before the page title', () => {
    const state = parseSearchParams('q=sanctions&trend=worse,better');
    const title = searchDocumentTitle(state, (_f, id) => id.toUpperCase(), (f) => `<${f}>`, 'Search — Site');
    expect(title).toBe('“sanctions” · <trend>: WORSE, BETTER — Search — Site');
    expect(searchDocumentTitle(emptySearchState(), () => '', () => '', 'Search — Site')).toBe('Search — Site');
  });
});
