/**
 * Cache keys for Astro's incremental static build (`experimental.incrementalBuild`): a page
 * returned by getStaticPaths() with a `cacheKey` is copied from the previous build instead of
 * rendered again when its key and its code are unchanged.
 *
 * A key must change whenever anything the page shows changes. Every route (routes.ts) therefore
 * hands its page one props object holding everything it shows, and the key hashes exactly that:
 * the site context (settings, languages, taxonomy) counts by its fingerprint, analyses by
 * `id@digest` (the digest covers the whole source file, body included), so a key stays small
 * however many analyses a page lists. Pages and components read nothing else (no content
 * collection, no site model): tests/routing/route-contract.test.ts holds them to it.
 */
import { hasFields } from '../lib/has-fields.ts';
import { hashText } from '../lib/hash.ts';

/** True for analysis records (`AnalysisRecord`): they carry a source digest and a URL. */
function isDigested(value: unknown): value is { id: string; digest: string } {
  return hasFields(value, ['digest', 'slug', 'url', 'id']);
}

/** True for the site context (`SiteContext`): it carries the fingerprint of everything in it. */
function isSiteContext(value: unknown): value is { fingerprint: string } {
  return hasFields(value, ['fingerprint', 'settings', 'paths']);
}

/**
 * The cache key of a page: its props, the site context replaced by its fingerprint and records by
 * `id@digest`. Map and Set props are listed in order; functions are rejected, since a function
 * prop would hide data from the key.
 */
export function pageCacheKey(props: unknown): string {
  const text = JSON.stringify(props, (_key, value: unknown) => {
    if (isSiteContext(value)) return `site@${value.fingerprint}`;
    if (isDigested(value)) return `${value.id}@${value.digest}`;
    if (value instanceof Map) return [...value.entries()];
    if (value instanceof Set) return [...value];
    if (typeof value === 'function') throw new TypeError('pageCacheKey: a function prop cannot be part of a cache key');
    return value;
  });
  return hashText(text ?? '');
}
