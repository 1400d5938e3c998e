/**
 * Language alternates for the sitemap (src/lib/sitemap-links.ts) against @astrojs/sitemap's own
 * pairing, which they replace because it is quadratic: on any list of URLs both give every page
 * the same links in the same order.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { languageAlternates, sitemapLanguageLinks } from '../../src/lib/sitemap-links.ts';

const BASE = 'https://example.org/';
const LOCALES = { en: 'en', be: 'be', ru: 'ru' };

/** The integration's own function (not exported by the package: loaded from its file). */
async function upstream(): Promise<(urls: string[], base: string, opts: object) => { url: string; links?: { url: string; lang: string }[] }[]> {
  const entry = createRequire(import.meta.url).resolve('@astrojs/sitemap');
  const mod = (await import(pathToFileURL(join(dirname(entry), 'generate-sitemap.js')).href)) as { generateSitemap: never };
  return mod.generateSitemap;
}

/** Runs URLs through the filter and serialize pair the way the sitemap does. */
function throughOptions(pair: ReturnType<typeof sitemapLanguageLinks>, urls: string[]): { url: string; links?: unknown }[] {
  const kept = urls.filter((u) => pair.filter(u));
  return kept.map((url) => pair.serialize({ url }));
}

const segment = fc.constantFrom('analyses', 'weeks', 'topics', 'economy', 'minsk-talks', '2', '10', 'be', 'ru', 'en', 'search');
const url = fc.array(segment, { maxLength: 3 }).map((parts) => `${BASE}${parts.map((p) => `${p}/`).join('')}`);

describe('sitemap language alternates', () => {
  it('match @astrojs/sitemap i18n links on any list of URLs', async () => {
    const generate = await upstream();
    fc.assert(
      fc.property(fc.uniqueArray(url, { maxLength: 60 }), (urls) => {
        const theirs = generate(urls, BASE, { i18n: { defaultLocale: 'en', locales: LOCALES } });
        const ours = languageAlternates(urls, BASE, 'en', LOCALES);
        for (const item of theirs) expect(ours.get(item.url)).toEqual(item.links);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['the default language at the root and a translation', [`${BASE}weeks/`, `${BASE}ru/weeks/`], [`${BASE}ru/weeks/`, `${BASE}weeks/`]],
    ['the home page in three languages', [`${BASE}`, `${BASE}be/`, `${BASE}ru/`], [`${BASE}`, `${BASE}be/`, `${BASE}ru/`]],
    ['in URL order, whatever order they came in', [`${BASE}ru/archive/10/`, `${BASE}archive/10/`], [`${BASE}archive/10/`, `${BASE}ru/archive/10/`]],
  ])('link %s', (_, urls, expected) => {
    const links = languageAlternates(urls, BASE, 'en', LOCALES);
    for (const u of urls) expect(links.get(u)?.map((l) => l.url)).toEqual(expected);
  });

  it('give no links to a page without a translation, or to URLs off the site', () => {
    const links = languageAlternates([`${BASE}analyses/only-english/`, 'https://other.example/weeks/', `${BASE}ru/analyses/only-russian/`], BASE, 'en', LOCALES);
    expect(links.size).toBe(0);
  });

  it('filter lists what `include` keeps, and a second run in the same process starts afresh', () => {
    const pair = sitemapLanguageLinks({ base: BASE, defaultLocale: 'en', locales: LOCALES, include: (u) => u.endsWith('/') });
    const first = throughOptions(pair, [`${BASE}weeks/`, `${BASE}ru/weeks/`, `${BASE}rss.xml`]);
    expect(first.map((i) => i.url)).toEqual([`${BASE}weeks/`, `${BASE}ru/weeks/`]);
    expect(first[0]?.links).toEqual([{ url: `${BASE}ru/weeks/`, lang: 'ru' }, { url: `${BASE}weeks/`, lang: 'en' }]);
    // The Russian page is gone in the next build: the English one has no alternate left.
    const second = throughOptions(pair, [`${BASE}weeks/`]);
    expect(second).toEqual([{ url: `${BASE}weeks/` }]);
  });
});
