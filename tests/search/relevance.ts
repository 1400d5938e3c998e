/**
 * Runs the relevance set (./relevance-set.ts) against a built site in Chromium, as a reader
 * would: opens each language's search page with the query, waits until the results are drawn,
 * reads the first results' links (and, for a typo, follows the correction the page offers by
 * clicking it). Scores precision at 5 and the absent-word queries that return anything. Used by
 * tests/e2e/search-relevance.spec.ts (which asserts the figures) and ./relevance-report.ts (which
 * prints them for any build, e.g. an older one to compare with).
 */
import type { Page } from '@playwright/test';
import type { RelevanceQuery } from './relevance-set.ts';

/** What the page showed for one query. */
export interface Observed {
  /** Result URLs in order (the first ten drawn). */
  urls: string[];
  /** The result count the page reports. */
  total: number;
  /** The corrected query the runner followed, when the entry is a typo and the page offered it. */
  followed?: string;
}

/** One query's score. */
export interface Scored {
  query: RelevanceQuery;
  observed: Observed;
  /** Precision at 5 (undefined for absent-word queries, which have no relevant analyses). */
  precision?: number;
  /** Must-be-first analyses missing from the first five, must-not ones among them. */
  missing: string[];
  intruders: string[];
}

/** The whole run. */
export interface Report {
  queries: Scored[];
  /** Mean precision at 5 over the queries with relevant analyses. */
  precisionAt5: number;
  /** Absent-word queries that returned anything. */
  absentHits: Scored[];
}

/** The search page of a language. */
function searchPath(lang: string): string {
  return lang === 'en' ? '/search/' : `/${lang}/search/`;
}

/** Waits until the page has drawn the answer to its current state. */
async function done(page: Page): Promise<void> {
  await page.locator('[data-search-root][data-search-status="done"]').waitFor({ state: 'attached', timeout: 30_000 });
}

/** The result URLs and count the page shows now. */
async function read(page: Page): Promise<Omit<Observed, 'followed'>> {
  const urls = await page.locator('[data-search-list] > li').evaluateAll((items) => items.slice(0, 10).map((li) => new URL(li.querySelector('a[href]')?.getAttribute('href') ?? '', location.href).pathname));
  const summary = (await page.locator('[data-search-summary]').textContent()) ?? '';
  return { urls, total: Number(/\d+/.exec(summary)?.[0] ?? urls.length) };
}

/** Runs one query in `page` (the site's origin is the page's base URL). */
export async function observe(page: Page, query: RelevanceQuery): Promise<Observed> {
  await page.goto(`${searchPath(query.lang)}?q=${encodeURIComponent(query.q)}`);
  await done(page);
  const first = await read(page);
  if (!query.suggest || first.total > 0) return first;
  // A typo finds nothing: follow the correction the page offers, as a reader would click it.
  const links = page.locator('[data-search-empty] a[data-search-link]');
  for (const link of await links.all()) {
    const q = new URL((await link.getAttribute('href')) ?? '', 'http://x').searchParams.get('q') ?? '';
    if (q.toLocaleLowerCase() !== query.suggest.toLocaleLowerCase()) continue;
    await link.click();
    await page.waitForURL((url) => url.searchParams.get('q') === q);
    await done(page);
    return { ...(await read(page)), followed: q };
  }
  return first;
}

/** Scores one observation. */
export function score(query: RelevanceQuery, observed: Observed): Scored {
  const top = observed.urls.slice(0, 5);
  const missing = query.mustTop.filter((u) => !top.includes(u));
  const intruders = query.mustNot.filter((u) => top.includes(u));
  if (query.absent) return { query, observed, missing, intruders };
  const relevant = new Set(query.relevant);
  const expected = Math.min(5, relevant.size);
  const precision = expected === 0 ? 0 : top.filter((u) => relevant.has(u)).length / expected;
  return { query, observed, precision, missing, intruders };
}

/** Runs the set and sums it up. */
export async function runRelevance(page: Page, set: readonly RelevanceQuery[]): Promise<Report> {
  const queries: Scored[] = [];
  for (const query of set) queries.push(score(query, await observe(page, query)));
  const scored = queries.filter((s) => s.precision !== undefined);
  const precisionAt5 = scored.reduce((sum, s) => sum + (s.precision ?? 0), 0) / Math.max(1, scored.length);
  return { queries, precisionAt5, absentHits: queries.filter((s) => s.query.absent && s.observed.total > 0) };
}

/** The report as a Markdown table and totals. */
export function formatReport(report: Report): string {
  const rows = report.queries.map((s) => {
    const p = s.precision === undefined ? (s.observed.total > 0 ? `absent: ${s.observed.total} found` : 'absent: none') : s.precision.toFixed(2);
    const notes = [s.observed.followed ? `followed “${s.observed.followed}”` : '', s.missing.length ? `missing ${s.missing.join(' ')}` : '', s.intruders.length ? `must not: ${s.intruders.join(' ')}` : ''].filter(Boolean).join('; ');
    return `| ${s.query.lang} | ${s.query.kind} | ${s.query.q} | ${p} | ${notes} |`;
  });
  const misses = report.queries.reduce((n, s) => n + s.missing.length + s.intruders.length, 0);
  return [
    '| lang | kind | query | P@5 | notes |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    `queries: ${report.queries.length}; precision@5: ${report.precisionAt5.toFixed(3)}; absent-word queries that found something: ${report.absentHits.length} of ${report.queries.filter((s) => s.query.absent).length}; must/must-not misses: ${misses}`,
  ].join('\n');
}
