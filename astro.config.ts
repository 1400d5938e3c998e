/** Astro configuration: static output, remark/rehype Markdown, three languages, Pagefind. */
import { unified } from '@astrojs/markdown-remark';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import { parse } from 'yaml';
import { rehypePlugins, remarkRehypeOptions } from './src/markdown/pipeline.ts';

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
  markdown: {
    // Highlighting and smart quotes cost half the render time and analyses have no code.
    syntaxHighlight: false,
    processor: unified({ smartypants: false, gfm: true, rehypePlugins, remarkRehype: remarkRehypeOptions }),
  },
});
