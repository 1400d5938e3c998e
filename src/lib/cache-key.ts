/**
 * Cache keys for Astro's incremental static build (`experimental.incrementalBuild`): a page
 * returned by getStaticPaths() with a `cacheKey` is copied from the previous build instead of
 * rendered again when its key and its code are unchanged.
 *
 * A key must change whenever anything the page shows changes. Pages keyed here therefore render
 * only from their props and from the site-wide data in `SiteModel.fingerprint` (site settings,
 * languages, topics, actors, authors); the key hashes exactly those two. Analyses inside props
 * are hashed as `id@digest` (the digest covers the whole source file, body included), so a key
 * stays small however many analyses a page lists.
 */
import { createHash } from 'node:crypto';

/** The part of an analysis record a key needs. */
interface Digested {
  id: string;
  digest: string;
  slug: string;
  url: string;
}

/** True for analysis records (`AnalysisRecord`): they carry a source digest and a URL. */
function isDigested(value: unknown): value is Digested {
  return typeof value === 'object' && value !== null && 'digest' in value && 'slug' in value && 'url' in value && 'id' in value;
}

/** A short hex SHA-256 of a string. */
export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/**
 * The cache key of a page: site-wide fingerprint plus its props, records replaced by
 * `id@digest`. Map and Set props are listed in order; functions are rejected, since a function
 * prop would hide data from the key.
 */
export function pageCacheKey(fingerprint: string, props: unknown): string {
  const text = JSON.stringify(props, (_key, value: unknown) => {
    if (isDigested(value)) return `${value.id}@${value.digest}`;
    if (value instanceof Map) return [...value.entries()];
    if (value instanceof Set) return [...value];
    if (typeof value === 'function') throw new TypeError('pageCacheKey: a function prop cannot be part of a cache key');
    return value;
  });
  return hashText(`${fingerprint}\n${text ?? ''}`);
}
