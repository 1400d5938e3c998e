/** Page cache keys: what changes them and what must not. */
import { describe, expect, it } from 'vitest';
import { pageCacheKey } from '../../src/lib/cache-key.ts';
import { listingPaths } from '../../src/lib/listing-paths.ts';

/** A stand-in for an AnalysisRecord: what the key reads, plus data it must not read. */
function record(id: string, digest: string, title = 'A title') {
  return { id, slug: id, url: `/analyses/${id}/`, digest, data: { title } };
}

describe('pageCacheKey', () => {
  it('is stable for equal input', () => {
    expect(pageCacheKey('f', { record: record('a', '1'), page: 2 })).toBe(pageCacheKey('f', { record: record('a', '1'), page: 2 }));
  });

  it.each([
    ['the site-wide fingerprint', pageCacheKey('g', { r: record('a', '1') })],
    ['a record digest', pageCacheKey('f', { r: record('a', '2') })],
    ['a record id', pageCacheKey('f', { r: record('b', '1') })],
    ['another prop', pageCacheKey('f', { r: record('a', '1'), page: 2 })],
    ['a record added to a list', pageCacheKey('f', { r: record('a', '1'), related: [record('c', '3')] })],
  ])('changes with %s', (_what, changed) => {
    expect(changed).not.toBe(pageCacheKey('f', { r: record('a', '1') }));
  });

  it('hashes records by id and digest only (the digest already covers their data)', () => {
    expect(pageCacheKey('f', { r: record('a', '1', 'one') })).toBe(pageCacheKey('f', { r: record('a', '1', 'two') }));
  });

  it('reads Maps and Sets by content and refuses functions', () => {
    expect(pageCacheKey('f', { m: new Map([['x', 1]]) })).not.toBe(pageCacheKey('f', { m: new Map([['x', 2]]) }));
    expect(pageCacheKey('f', { s: new Set(['x']) })).not.toBe(pageCacheKey('f', { s: new Set(['y']) }));
    expect(() => pageCacheKey('f', { href: () => '/' })).toThrow(/function prop/);
  });
});

describe('listingPaths', () => {
  const items = Array.from({ length: 25 }, (_, i) => record(`r${i}`, String(i)));
  const paths = listingPaths(
    [
      { lang: 'en', items, params: { id: 'x' }, props: { id: 'x' } },
      { lang: 'ru', items: items.slice(0, 3), params: { id: 'x' }, props: { id: 'x' } },
      { lang: 'en', items: [], params: { id: 'y' }, props: { id: 'y' } },
    ],
    'fingerprint',
    20,
  );

  it('pages each list, gives the whole list to page 1 only and counts every language', () => {
    expect(paths.map((p) => [p.params['lang'], p.params['id'], p.params['page'], p.props.items.length, p.props.all?.length])).toEqual([
      [undefined, 'x', undefined, 20, 25],
      [undefined, 'x', '2', 5, undefined],
      ['ru', 'x', undefined, 3, 3],
      [undefined, 'y', undefined, 0, 0],
    ]);
    expect(paths[0]?.props.languageCounts).toEqual({ en: 25, ru: 3 });
    expect(paths[3]?.props.languageCounts).toEqual({ en: 0 });
  });

  it('gives each page its own key, and keeps page 2 unchanged when only a page-1 item changes', () => {
    expect(new Set(paths.map((p) => p.cacheKey)).size).toBe(paths.length);
    const edited = [...items];
    edited[0] = record('r0', 'changed');
    const again = listingPaths([{ lang: 'en', items: edited, params: { id: 'x' }, props: { id: 'x' } }, { lang: 'ru', items: items.slice(0, 3), params: { id: 'x' }, props: { id: 'x' } }], 'fingerprint', 20);
    expect(again[0]?.cacheKey).not.toBe(paths[0]?.cacheKey);
    expect(again[1]?.cacheKey).toBe(paths[1]?.cacheKey);
  });
});
