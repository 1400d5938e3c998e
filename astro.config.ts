/** Astro configuration: static output, remark/rehype Markdown, three languages, Pagefind. */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import crossDeviceRename from './src/build-cache/cross-device-rename.ts';
import freshAssetImports from './src/build-cache/fresh-asset-imports.ts';
import interruptedBuild from './src/build-cache/interrupted-build.ts';
import keptOutput from './src/build-cache/kept-output.ts';
import cmsBundle, { CMS_OUTPUT_DIRS } from './src/build-cache/cms-bundle.ts';
import stableAssetsModule from './src/build-cache/stable-assets-module.ts';
import hostHeaders from './src/host-headers/integration.ts';
import cmsLocalBridge from './src/cms/local-bridge.ts';
import pagefind from './src/search/pagefind.ts';
import { markdownProcessor, rendererOptions } from './src/markdown/processor.ts';
import { sitemapLanguageLinks } from './src/lib/sitemap-links.ts';
import { PAGEFIND_BUNDLE_DIR } from './src/search/search-state.ts';
import { parseYamlSource } from './src/content-reader/parse.ts';
import { LANGUAGES, type Language } from './src/schemas/primitives.ts';
import { siteSchema } from './src/schemas/site.ts';

/**
 * Base URL and languages from content/site.yaml, read by the content reader with the site schema,
 * so a desk changes content/ only. A missing or invalid file gives the defaults here: the content
 * loader then stops the build with the reader's problems (file, field, what was expected).
 */
function siteSettings(): { baseUrl: string; languages: [Language, ...Language[]] } {
  const fallback: { baseUrl: string; languages: [Language, ...Language[]] } = { baseUrl: 'https://example.org', languages: [...LANGUAGES] };
  const file = resolve(contentDir(), 'site.yaml');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
  const parsed = siteSchema.safeParse(parseYamlSource(file, text).data);
  return parsed.success ? { baseUrl: parsed.data.baseUrl, languages: parsed.data.languages } : fallback;
}

/** The content folder: `content/`, or BAROMETER_CONTENT for fixtures and the benchmark. */
function contentDir(): string {
  return process.env['BAROMETER_CONTENT'] ? resolve(process.env['BAROMETER_CONTENT']) : fileURLToPath(new URL('./content/', import.meta.url));
}

/**
 * Analyses above which Astro's content data store is kept in 20 MB pieces. One JSON file is
 * faster to write, but Astro inlines it into one JavaScript string, which V8 caps at 512 MB (a
 * 535 MB store failed in the bundle step: "Failed to convert rust `&str` into napi `string`").
 * Since rendered HTML lives outside the store (src/build-cache/rendered-html.ts) an analysis costs
 * about 1.2 KB of it (2.4 MB at 2,000), so 100,000 analyses stay near a quarter of the cap.
 * Astro's piece writer is slow (it measures UTF-8 bytes one character at a time: it took 15 of
 * the 20 minutes of a 50,000-analysis sync), so only sites past that size use it.
 */
const CHUNKED_STORE_ABOVE = 100_000;

/** Number of analysis files (any language): a directory listing, no parsing. */
function analysisCount(): number {
  try {
    return readdirSync(resolve(contentDir(), 'analyses'), { recursive: true }).filter((f) => String(f).endsWith('.md')).length;
  } catch {
    return 0; // no content yet: the validator reports it
  }
}

const settings = siteSettings();
/** Whether `path` is `dir` or below it (both absolute). */
function inside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(`${dir}${sep}`);
}
/** The content folder, absolute. */
const contentRoot = resolve(contentDir());
/** BAROMETER_CACHE_DIR as an absolute path, when set. */
const cacheDirEnv = process.env['BAROMETER_CACHE_DIR'] ? resolve(process.env['BAROMETER_CACHE_DIR']) : undefined;
/** Marks a running build in the cache folder, so the build after a stopped one starts from what it can trust. */
const stoppedBuilds = interruptedBuild();
/** The first language of site.yaml is the default: served at the root, x-default, sitemap default. */
const defaultLanguage = settings.languages[0];
// `astro build --future` (`npm run build -- --future`) publishes scheduled pieces; the flag reaches
// the site model as this variable (src/lib/schedule.ts), which also works on its own.
if (process.argv.includes('--future')) process.env['BAROMETER_FUTURE'] = '1';

export default defineConfig({
  site: settings.baseUrl,
  // Separate caches per content tree, so a fixture build never reuses the real site's data store.
  ...(process.env['BAROMETER_CACHE_DIR'] ? { cacheDir: process.env['BAROMETER_CACHE_DIR'] } : {}),
  output: 'static',
  trailingSlash: 'always',
  // One cached stylesheet file instead of CSS repeated inline in every page (and CSP-friendly).
  build: { format: 'directory', inlineStylesheets: 'never' },
  i18n: {
    locales: settings.languages,
    defaultLocale: defaultLanguage,
    routing: { prefixDefaultLocale: false },
  },
  // Builds the search index from the content while the pages render, places it after them, and
  // serves the last one to `astro dev`.
  // sitemap-index.xml with hreflang alternates between a page's versions in the site's languages
  // (worked out in src/lib/sitemap-links.ts: the sitemap's `i18n` option is quadratic);
  // pages only (every page URL ends in a slash), not feeds or data files.
  integrations: [
    // Before the content is read: each build writes its own list of cover image imports.
    freshAssetImports(),
    // An output folder on another file system than the project: Astro's move of image assets
    // into it is done as a copy when a rename cannot cross file systems.
    crossDeviceRename(),
    // The output folder's path out of the page code's hash, so a build into a new folder reuses pages.
    stableAssetsModule(),
    // Before kept-output.ts looks at the output folder: after a build that did not finish, the
    // output folder is emptied and Astro's page cache dropped (the matching `finish` is last).
    stoppedBuilds.start,
    // The output folder is kept between builds (reused pages stay in place); after the pages and
    // before anything reads them, what this build did not produce is removed.
    // The search index's folder is left to the Pagefind integration, which replaces only the
    // shards whose pages changed, and the editors' form's bundle to the next one.
    keptOutput({ leave: [PAGEFIND_BUNDLE_DIR, ...CMS_OUTPUT_DIRS] }),
    // The editors' form's script, bundled once and kept in the cache folder until its sources
    // change (Astro's client build bundled all of Sveltia CMS again each time).
    cmsBundle(fileURLToPath(new URL('./src/cms/admin.ts', import.meta.url))),
    pagefind(),
    // _headers after Pagefind: it lists the files Pagefind writes.
    hostHeaders({ languages: settings.languages }),
    // `npm run cms`: the editors' form at /admin/ edits the content folder (src/cms/local-bridge.ts).
    cmsLocalBridge(contentDir()),
    sitemap(
      sitemapLanguageLinks({
        // The sitemap's own base: the site's origin (Astro's `base` is '/').
        base: new URL('/', settings.baseUrl).href,
        defaultLocale: defaultLanguage,
        locales: Object.fromEntries(settings.languages.map((l) => [l, l])),
        // Pages only, and not the editors' form.
        include: (page) => page.endsWith('/') && new URL(page).pathname !== '/admin/',
      }),
    ),
    // Last: the build is finished only when every other integration is.
    stoppedBuilds.finish,
  ],
  // The Content-Security-Policy is one static <meta> written by Base.astro (src/host-headers/csp.ts), not
  // Astro's `security.csp`, which hashes every page for a policy that is the same on all of them.
  experimental: {
    // Pages whose getStaticPaths() gives a cacheKey (analyses, weeks, paginated listings; see
    // src/lib/cache-key.ts) are copied from the previous build when their key and code are
    // unchanged, instead of being rendered again: a rebuild after editing one analysis renders
    // the pages that show it, not all of them.
    incrementalBuild: true,
    ...(analysisCount() > CHUNKED_STORE_ABOVE ? { collectionStorage: 'chunked' as const } : {}),
  },
  vite: {
    // Left out of the preview's file watch, which sets up a watch and a stat per file: the
    // content's Markdown and YAML, watched by the content loader one folder at a time
    // (src/content-reader/folder-watch.ts; images stay, pages import them), and a cache folder
    // inside the project (BAROMETER_CACHE_DIR), as Vite leaves out node_modules/.astro and dist/:
    // at 10,000 analyses it holds about 50,000 files, whose walk made `astro dev` start seconds later.
    server: { watch: { ignored: [(path: string) => (inside(path, contentRoot) && /\.(md|ya?ml)$/i.test(path)) || (cacheDirEnv !== undefined && inside(path, cacheDirEnv))] } },
  },
  markdown: {
    // Highlighting and smart quotes cost half the render time and analyses have no code. The
    // analyses collection renders with the same processor in worker threads (src/data/analyses-loader.ts).
    ...rendererOptions,
    processor: markdownProcessor,
  },
});
