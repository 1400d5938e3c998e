/** Page cache keys: what changes them and what must not; and the listing routes that carry them. */
import { beforeAll, describe, expect, it } from 'vitest';
import { pageCacheKey } from '../../src/routing/cache-key.ts';
import { routeData } from '../../src/routing/route-data.ts';
import type { SiteModel } from '../../src/lib/site-model.ts';
import { loadContent } from '../helpers/content-model.ts';

/** A stand-in for an AnalysisRecord: what the key reads, plus data it must not read. */
function record(id: string, digest: string, title = 'A title') {
  return { id, slug: id, url: `/analyses/${id}/`, digest, data: { title } };
}

/** A stand-in for the site context: the key reads its fingerprint only. */
function site(fingerprint: string, title = 'Site') {
  return { fingerprint, settings: { title }, paths: {} };
}

describe('pageCacheKey', () => {
  it('is stable for equal input', () => {
    expect(pageCacheKey({ site: site('f'), record: record('a', '1'), page: 2 })).toBe(pageCacheKey({ site: site('f'), record: record('a', '1'), page: 2 }));
  });

  it.each([
    ['the site fingerprint', pageCacheKey({ site: site('g'), r: record('a', '1') })],
    ['a record digest', pageCacheKey({ site: site('f'), r: record('a', '2') })],
    ['a record id', pageCacheKey({ site: site('f'), r: record('b', '1') })],
    ['another prop', pageCacheKey({ site: site('f'), r: record('a', '1'), page: 2 })],
    ['a record added to a list', pageCacheKey({ site: site('f'), r: record('a', '1'), related: [record('c', '3')] })],
  ])('changes with %s', (_what, changed) => {
    expect(changed).not.toBe(pageCacheKey({ site: site('f'), r: record('a', '1') }));
  });

  it('hashes records by id and digest, and the site context by its fingerprint (they cover the rest)', () => {
    expect(pageCacheKey({ site: site('f'), r: record('a', '1', 'one') })).toBe(pageCacheKey({ site: site('f'), r: record('a', '1', 'two') }));
    expect(pageCacheKey({ site: site('f', 'One'), r: record('a', '1') })).toBe(pageCacheKey({ site: site('f', 'Two'), r: record('a', '1') }));
  });

  it('reads Maps and Sets by content and refuses functions', () => {
    expect(pageCacheKey({ m: new Map([['x', 1]]) })).not.toBe(pageCacheKey({ m: new Map([['x', 2]]) }));
    expect(pageCacheKey({ s: new Set(['x']) })).not.toBe(pageCacheKey({ s: new Set(['y']) }));
    expect(() => pageCacheKey({ href: () => '/' })).toThrow(/function prop/);
  });
});

describe('listing routes', () => {
  let model: SiteModel;

  beforeAll(async () => {
    model = (await loadContent()).model;
  });

  it('pages each list by 20, gives the whole list to page 1 only, and counts the other languages', () => {
    const paths = routeData.topic(model);
    for (const p of paths) {
      const all = model.byTopic.get(`${p.props.lang}:${p.props.id}`) ?? [];
      const { page, items, totalItems, totalPages, pages } = p.props.listing;
      expect(items.map((r) => r.id)).toEqual(all.slice((page - 1) * 20, page * 20).map((r) => r.id));
      expect(totalItems).toBe(all.length);
      expect(pages).toHaveLength(totalPages);
      expect(p.props.chart?.length).toBe(page === 1 ? all.length : undefined);
      for (const other of p.props.elsewhere) expect(other.count).toBe(model.byTopic.get(`${other.lang}:${p.props.id}`)?.length);
    }
    expect(new Set(paths.map((p) => p.cacheKey)).size).toBe(paths.length);
  });

  it('keeps the key of a verdict listing only while every count it shows is the same', () => {
    const before = routeData.trend(model);
    const first = [...(model.byTrend.get('en:worse') ?? [])].at(-1);
    if (!first) throw new Error('the sample content has no "worse" analysis');
    // The same analyses, one of them moved to another topic: the per-topic counts change.
    const other = [...model.topics.keys()].find((id) => id !== first.data.topic) ?? '';
    const moved = { ...first, data: { ...first.data, topic: other }, digest: `${first.digest}-moved` };
    const edited = { ...model, byTrend: new Map([...model.byTrend].map(([k, list]) => [k, list.map((r) => (r.id === first.id ? moved : r))])) };
    const after = routeData.trend(edited);
    const key = (paths: typeof before) => paths.find((p) => p.props.lang === 'en' && p.props.trend === 'worse')?.cacheKey;
    expect(key(after)).not.toBe(key(before));
  });
});

describe('routes in astro dev (unkeyed)', () => {
  let model: SiteModel;

  beforeAll(async () => {
    model = (await loadContent()).model;
  });

  it('give every route the paths and props of the build, without cache keys', () => {
    for (const [name, build] of Object.entries(routeData)) {
      const keyed = build(model);
      const unkeyed = build.unkeyed(model);
      expect(unkeyed.map((p) => p.params), name).toEqual(keyed.map((p) => p.params));
      expect(unkeyed.map((p) => p.props), name).toEqual(keyed.map((p) => p.props));
      expect(unkeyed.some((p) => 'cacheKey' in p), name).toBe(false);
    }
  });

  it('work out an analysis page’s props only when they are read, once', () => {
    const paths = routeData.analysis.unkeyed(model);
    const [first] = paths;
    expect(first).toBeDefined();
    const props = Object.getOwnPropertyDescriptor(first, 'props');
    expect(typeof props?.get).toBe('function');
    expect(first?.props).toBe(first?.props);
    expect(first?.props.record.id).toBe(routeData.analysis(model)[0]?.props.record.id);
  });
});
