/** Astro configuration: static output, remark/rehype Markdown, three languages, Pagefind. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import { parse } from 'yaml';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import { markdownProcessor, rendererOptions } from './src/markdown/processor.ts';

/** The canonical base URL comes from content/site.yaml, so a desk changes content/ only. */
function siteUrl(): string {
  const file = process.env['BAROMETER_CONTENT'] ? resolve(process.env['BAROMETER_CONTENT'], 'site.yaml') : new URL('./content/site.yaml', import.meta.url);
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'), { schema: 'core' });
  } catch {
    data = undefined; // the validator reports a missing or malformed site.yaml with file and line
  }
  const base = typeof data === 'object' && data !== null && 'baseUrl' in data ? data.baseUrl : undefined;
  return typeof base === 'string' ? base : 'https://example.org';
}

export default defineConfig({
  site: siteUrl(),
  // Separate caches per content tree, so a fixture build never reuses the real site's data store.
  ...(process.env['BAROMETER_CACHE_DIR'] ? { cacheDir: process.env['BAROMETER_CACHE_DIR'] } : {}),
  output: 'static',
  trailingSlash: 'always',
  // One cached stylesheet file instead of CSS repeated inline in every page (and CSP-friendly).
  build: { format: 'directory', inlineStylesheets: 'never' },
  i18n: {
    locales: ['en', 'be', 'ru'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: false },
  },
  // Builds the search index after the pages (astro:build:done) and serves it to `astro dev`.
  // sitemap-index.xml with hreflang alternates between a page's /, /be/ and /ru/ versions; pages
  // only (every page URL ends in a slash), not feeds or data files.
  integrations: [pagefind(), sitemap({ i18n: { defaultLocale: 'en', locales: { en: 'en', be: 'be', ru: 'ru' } }, filter: (page) => page.endsWith('/') })],
  security: {
    // A <meta> CSP on every page: Astro hashes its own scripts and styles, nothing inline is
    // allowed otherwise. Pagefind needs 'wasm-unsafe-eval' (its WebAssembly search runs on the
    // main thread when workers are unavailable), a same-origin worker and fetches of its index.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  markdown: {
    // Highlighting and smart quotes cost half the render time and analyses have no code. The
    // analyses collection renders with the same processor in worker threads (src/data/analyses-loader.ts).
    ...rendererOptions,
    processor: markdownProcessor,
  },
});
