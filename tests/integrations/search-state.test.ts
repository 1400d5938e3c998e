import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptySearchState,
  fromPagefindFilters,
  MAX_QUERY_LENGTH,
  MAX_VALUES_PER_FILTER,
  pagefindSort,
  parseSearchParams,
  SEARCH_FILTERS,
  searchHref,
  serializeSearchState,
  toPagefindFilters,
  type SearchState,
} from '../../src/lib/search-state.ts';

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
  it('maps state to Pagefind filters and back, with the same ids', () => {
    const state = parseSearchParams('topic=ruling-elite&actor=nato,eu&lang=be');
    const filters = toPagefindFilters(state);
    expect(filters).toEqual({ topic: ['ruling-elite'], actor: ['nato', 'eu'], language: ['be'] });
    expect(fromPagefindFilters(filters)).toEqual(state.filters);
  });

  it('ignores unknown filter names and empty selections from Pagefind', () => {
    expect(fromPagefindFilters({ topic: [], colour: ['red'], trend: ['better', 'better'] })).toEqual({ trend: ['better'] });
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
    expect(searchHref('en', { filters: { topic: ['ruling-elite'] } })).toBe('/search/?topic=ruling-elite');
    expect(searchHref('ru', { filters: { actor: ['nato'] } })).toBe('/ru/search/?actor=nato');
    expect(searchHref('be')).toBe('/be/search/');
  });
});
