/**
 * The search index is built in shards, one per language and era (ERA_YEARS years of analyses by
 * the year their file name starts with), so a rebuild re-indexes only the shards whose pages
 * changed (src/search/pagefind.ts) and the browser merges them (src/search/
 * pagefind-merge.ts). Pure: the integration and the tests share these rules.
 */
import { LANGUAGES, type Language } from '../schemas/primitives.ts';

/** Years per era: at 10,000 analyses a shard holds about 1,500 pages, a twelfth of the index. */
export const ERA_YEARS = 5;

/** One shard: its folder name under the bundle dir (`en-2020`), language and first year (undefined: undated). */
export interface SearchShard {
  name: string;
  lang: Language;
  era: number | undefined;
}

/** The era of a slug (`2024-01-15-x` → 2020), or undefined when it does not start with a year. */
export function eraOf(slug: string): number | undefined {
  const year = /^(\d{4})-/.exec(slug)?.[1];
  return year === undefined ? undefined : Math.floor(Number(year) / ERA_YEARS) * ERA_YEARS;
}

/** The shard of an analysis in `lang` with `slug`. */
export function shardOf(lang: Language, slug: string): SearchShard {
  const era = eraOf(slug);
  return { name: `${lang}-${era ?? 'undated'}`, lang, era };
}

/**
 * The shard of a built analysis page from its path under dist (`be/analyses/<slug>/index.html`,
 * `analyses/<slug>/index.html` for the site's `root` language); undefined for any other page.
 */
export function shardOfPage(path: string, root: Language): SearchShard | undefined {
  const m = /^(?:([a-z]{2,3})\/)?analyses\/([^/]+)\/index\.html$/.exec(path.replace(/\\/g, '/').replace(/^\/+/, ''));
  if (!m) return undefined;
  const lang = m[1] === undefined ? root : LANGUAGES.find((l) => l === m[1]);
  return lang && m[2] ? shardOf(lang, m[2]) : undefined;
}
