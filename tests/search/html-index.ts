/**
 * The search index as the site built it before issue 26: Pagefind reading every built analysis
 * page's HTML (`addHTMLFile`, the article's `data-pagefind-body`, the same exclude selectors),
 * in the same language x era shards, with the same browser module in front, less the cover
 * images' URLs (see withoutImageUrls). The index built from
 * the content (src/search/search-records.ts) is compared with it: per page, what Pagefind stored
 * (tests/build/search-records.test.ts), and per query, what the search page shows
 * (tests/e2e/search-index-equivalence.spec.ts).
 */
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { placeShards } from '../../src/search/pagefind.ts';
import { EXCLUDE_SELECTORS } from '../../src/search/search-records.ts';
import { shardOfPage, type SearchShard } from '../../src/search/search-shards.ts';
import type { IndexedShard, ShardIndexReport } from '../../src/search/shard-index.ts';
import type { Language } from '../../src/schemas/primitives.ts';

/**
 * A page with every image's `src` made `/`, a URL without words: Pagefind takes the first image
 * after the title as `image` meta, whose words (the cover's hashed file name, `_astro`, `jpg`)
 * were searchable. The index from the content leaves that meta out on purpose
 * (src/search/search-records.ts); with it taken out here, the two must answer alike.
 */
function withoutImageUrls(html: string): string {
  return html.replace(/(<img\b[^>]*?\ssrc=")[^"]*"/g, '$1/"');
}

/** Throws on a Pagefind response with errors. */
function check(step: string, response: { errors: string[] }): void {
  if (response.errors.length) throw new Error(`Pagefind ${step}: ${response.errors.join('; ')}`);
}

/** The analysis pages under `dist` by shard, pages in path order. */
export async function analysisPages(dist: string, root: Language): Promise<Map<string, { shard: SearchShard; paths: string[] }>> {
  const files = (await readdir(dist, { recursive: true })).map((f) => String(f).split(sep).join('/')).sort();
  const shards = new Map<string, { shard: SearchShard; paths: string[] }>();
  for (const path of files) {
    const shard = shardOfPage(path, root);
    if (!shard) continue;
    const group = shards.get(shard.name) ?? { shard, paths: [] };
    group.paths.push(path);
    shards.set(shard.name, group);
  }
  return new Map([...shards].sort((a, b) => a[0].localeCompare(b[0])));
}

/**
 * Indexes the analysis pages of the site built in `dist` from their HTML into shards under
 * `work/shards`, and writes the whole index, browser module included, to `out` (which then holds
 * `pagefind/` as a site would).
 */
export async function buildHtmlIndex(dist: string, root: Language, work: string, out: string): Promise<void> {
  const shards: IndexedShard[] = [];
  try {
    for (const { shard, paths } of (await analysisPages(dist, root)).values()) {
      const created = await pagefind.createIndex({ keepIndexUrl: false, writePlayground: false, excludeSelectors: EXCLUDE_SELECTORS });
      check('createIndex', created);
      const { index } = created;
      if (!index) throw new Error('Pagefind createIndex returned no index');
      // Read first, then handed over in path order (the service indexes in the order it receives).
      const pages = await Promise.all(paths.map(async (path) => withoutImageUrls(await readFile(join(dist, path), 'utf8'))));
      await Promise.all(paths.map(async (path, i) => check(`addHTMLFile(${path})`, await index.addHTMLFile({ url: `/${path.replace(/index\.html$/, '')}`, content: pages[i] ?? '' }))));
      const bundle = resolve(work, 'shards', shard.name);
      await rm(bundle, { recursive: true, force: true });
      await mkdir(join(bundle, '..'), { recursive: true });
      check('writeFiles', await index.writeFiles({ outputPath: `${bundle}.tmp` }));
      await rename(`${bundle}.tmp`, bundle);
      await index.deleteIndex();
      shards.push({ name: shard.name, lang: shard.lang, era: shard.era ?? null, bundle });
    }
  } finally {
    await pagefind.close();
  }
  const report: ShardIndexReport = { shards, built: shards.map((s) => s.name), reused: [], recordsByLanguage: {}, ms: 0, peakMb: undefined, cpuS: undefined, recordsCpuS: 0 };
  await placeShards(out, report);
}

/** A Pagefind fragment as stored: gzip of a signature and JSON. */
export interface Fragment {
  url: string;
  content: string;
  word_count: number;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

/** Every fragment of every shard under `pagefindDir`, by URL. */
export async function readFragments(pagefindDir: string): Promise<Map<string, Fragment>> {
  const out = new Map<string, Fragment>();
  for (const file of (await readdir(pagefindDir, { recursive: true })).map(String).filter((f) => f.endsWith('.pf_fragment'))) {
    const text = gunzipSync(await readFile(join(pagefindDir, file))).toString('utf8');
    // Pagefind prefixes the JSON with a signature ("pagefind_dcd").
    const fragment = JSON.parse(text.slice(text.indexOf('{'))) as Fragment;
    out.set(fragment.url, fragment);
  }
  return out;
}
