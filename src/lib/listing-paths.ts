/**
 * Static paths of the paginated listings (archive, topic, actor, author and trend pages), each
 * page with its incremental-build cache key. Kept apart from urls.ts, which the browser imports,
 * because the keys are hashed with node:crypto.
 */
import { pageCacheKey } from './cache-key.ts';
import { langParam, PAGE_SIZE, pageParam } from './urls.ts';
import type { Language } from '../schemas/primitives.ts';

/** Props every listing page gets from listingPaths, besides the group's own. */
export interface ListingPageProps<T> {
  lang: Language;
  /** This page's items. */
  items: T[];
  /** The whole list, on page 1 only (for the charts page 1 shows). */
  all: T[] | undefined;
  page: number;
  totalPages: number;
  totalItems: number;
  /** Length of the same list in every language (for "also in" notes and language links). */
  languageCounts: Partial<Record<Language, number>>;
}

/**
 * One static path per page of each listing: `{ params, props, cacheKey }` as Astro's
 * getStaticPaths wants. Groups with equal `params` are one listing in several languages. The
 * cache key (see cache-key.ts) covers the props, so listing pages must render from props and
 * site-wide data only.
 */
export function listingPaths<T, P extends object>(
  groups: Iterable<{ lang: Language; items: readonly T[]; params: Record<string, string>; props: P }>,
  fingerprint: string,
  size = PAGE_SIZE,
): { params: Record<string, string | undefined>; props: P & ListingPageProps<T>; cacheKey: string }[] {
  const list = [...groups];
  const counts = new Map<string, Partial<Record<Language, number>>>();
  for (const g of list) {
    const id = JSON.stringify(g.params);
    counts.set(id, { ...counts.get(id), [g.lang]: g.items.length });
  }
  const out = [];
  for (const g of list) {
    const totalPages = Math.max(1, Math.ceil(g.items.length / size));
    const languageCounts = counts.get(JSON.stringify(g.params)) ?? {};
    for (let page = 1; page <= totalPages; page += 1) {
      const props = {
        ...g.props,
        lang: g.lang,
        items: g.items.slice((page - 1) * size, page * size),
        all: page === 1 ? [...g.items] : undefined,
        page,
        totalPages,
        totalItems: g.items.length,
        languageCounts,
      };
      out.push({ params: { ...g.params, lang: langParam(g.lang), page: pageParam(page) }, props, cacheKey: pageCacheKey(fingerprint, props) });
    }
  }
  return out;
}
