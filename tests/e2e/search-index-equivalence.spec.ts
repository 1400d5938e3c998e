/**
 * The search index built from the content (issue 26: Pagefind custom records made while Astro
 * renders) answers every query of the relevance set (tests/search/relevance-set.ts) exactly as the
 * index Pagefind built from the pages' HTML did (tests/search/html-index.ts, built here from the
 * site under test): the same results in the same order with the same titles, facts and excerpts,
 * the same count, the same filter counts, the same "did you mean" and "in other languages" lines.
 * The reader's view is compared: the search page is opened once with each index (the second
 * served in place of /pagefind/).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { buildHtmlIndex } from '../search/html-index.ts';
import { readCorpus, relevanceSet, type RelevanceQuery } from '../search/relevance-set.ts';
import { CONTENT_ROOT } from './content';
import { expect, test } from './fixtures';

/** The built site the tests serve (playwright.config.ts). */
const DIST = resolve(process.env['E2E_DIST'] ?? 'dist');

/** What a reader sees of one search: results as drawn (first page), count, filter counts, explanations. */
interface Seen {
  summary: string;
  results: { href: string; text: string }[];
  counts: string[];
  empty: string;
  elsewhere: string;
}

/** Opens the search page for `query` and reads what it shows once the answer is drawn. */
async function seen(page: Page, query: RelevanceQuery): Promise<Seen> {
  await page.goto(`${query.lang === 'en' ? '' : `/${query.lang}`}/search/?q=${encodeURIComponent(query.q)}`);
  await page.locator('[data-search-root][data-search-status="done"]').waitFor({ state: 'attached', timeout: 30_000 });
  // The "in other languages" line is looked up after the answer is drawn.
  await page.waitForLoadState('networkidle');
  return page.evaluate(() => {
    const text = (selector: string) => document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return {
      summary: text('[data-search-summary]'),
      results: [...document.querySelectorAll('[data-search-list] > li')].map((li) => ({ href: li.querySelector('a')?.getAttribute('href') ?? '', text: li.textContent?.replace(/\s+/g, ' ').trim() ?? '' })),
      counts: [...document.querySelectorAll<HTMLInputElement>('[data-search-groups] input')].map((box) => `${box.name}=${box.value}: ${box.parentElement?.querySelector('.search-count')?.textContent ?? ''}`),
      empty: text('[data-search-empty]'),
      elsewhere: text('[data-search-elsewhere]'),
    };
  });
}

let reference: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  reference = await mkdtemp(join(tmpdir(), 'barometer-html-index-'));
  await buildHtmlIndex(DIST, 'en', reference, join(reference, 'site'));
});

test.afterAll(async () => {
  await rm(reference, { recursive: true, force: true });
});

test('the index from the content answers the relevance set as the index of the built pages did', async ({ page, browser, baseURL }) => {
  test.setTimeout(600_000);
  const set = relevanceSet(readCorpus(CONTENT_ROOT));
  expect(set.length).toBeGreaterThanOrEqual(20);
  const old = await browser.newContext(baseURL ? { baseURL } : {});
  // The HTML-based index in place of the site's own, same paths.
  await old.route('**/pagefind/**', (route) => route.fulfill({ path: join(reference, 'site', new URL(route.request().url()).pathname) }));
  const oldPage = await old.newPage();
  const differences: string[] = [];
  let results = 0;
  for (const query of set) {
    const [now, before] = [await seen(page, query), await seen(oldPage, query)];
    results += now.results.length;
    for (const key of Object.keys(before) as (keyof Seen)[]) {
      if (JSON.stringify(now[key]) !== JSON.stringify(before[key])) differences.push(`${query.lang} “${query.q}” ${key}:\n  before: ${JSON.stringify(before[key]).slice(0, 600)}\n  now:    ${JSON.stringify(now[key]).slice(0, 600)}`);
    }
  }
  await old.close();
  expect(results, 'the queries found something to compare').toBeGreaterThan(set.length);
  expect(differences).toEqual([]);
});
