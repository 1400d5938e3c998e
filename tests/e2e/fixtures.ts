/**
 * The `test` every browser test uses: it fails a test on any console error, uncaught exception,
 * failed request or Content-Security-Policy violation on any page it opened, and offers helpers
 * for the search page.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** What went wrong in the browser during one test, and what a test expects to go wrong. */
interface BrowserProblems {
  problems: string[];
  /** Paths a test opens on purpose to get a 404 (Chromium logs any 404 as a console error). */
  expectedNotFound: string[];
}

/** Records CSP violations in the page (an init script is injected by the driver, outside CSP). */
function recordCspViolations(): void {
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
  });
}

/** Browser tests with strict console, error and CSP checking. */
export const test = base.extend<BrowserProblems>({
  expectedNotFound: [[], { option: true }],
  problems: [
    async ({ page, expectedNotFound }, use) => {
      const problems: string[] = [];
      await page.addInitScript(recordCspViolations);
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const where = message.location().url;
        const path = new URL(where || 'about:blank').pathname;
        if (expectedNotFound.includes(path) && message.text().includes('404')) return;
        problems.push(`console error: ${message.text()} (${where})`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('requestfailed', (request) => {
        // Navigating away aborts requests still in flight (lazy result data): that is not a fault.
        if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
      });
      await use(problems);
      expect(problems, 'the browser reported problems').toEqual([]);
    },
    { auto: true },
  ],
});

/** Playwright's expect, re-exported so specs import everything from here. */
export { expect };

/** The result items of the search page, in order. */
export function resultItems(page: Page): Locator {
  return page.locator('[data-search-list] > li');
}

/** The search page's query field. */
export function queryInput(page: Page): Locator {
  return page.locator('#search-q');
}

/** The line that says how many results the search found. */
export function resultSummary(page: Page): Locator {
  return page.locator('[data-search-summary]');
}

/** The link of every result drawn, in order: each card is one link. */
export function resultLinks(page: Page): Locator {
  return page.locator('[data-search-list] .search-result a.search-card');
}

/** The title of every result drawn, in order. */
export function resultTitles(page: Page): Locator {
  return page.locator('[data-search-list] .search-result .card-title');
}

/** Opens a search URL and waits until the first results (or the empty summary) are shown. */
export async function openSearch(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('[data-search-ui]')).toBeVisible();
  await searchDone(page);
}

/** Waits until the results on screen answer the current query and filters. */
export async function searchDone(page: Page): Promise<void> {
  await expect(page.locator('[data-search-root]')).toHaveAttribute('data-search-status', 'done');
}

/** Hrefs of every result, in order, after checking how many are drawn. */
export async function resultHrefs(page: Page, expectedCount: number): Promise<string[]> {
  await expect(resultItems(page)).toHaveCount(expectedCount);
  return resultLinks(page).evaluateAll((nodes) => nodes.map((n) => n.getAttribute('href') ?? ''));
}

/** The `datetime` of every drawn result's date, in order. */
export async function resultDates(page: Page): Promise<string[]> {
  return page.locator('[data-search-list] .search-result time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime') ?? ''));
}

/** The filter checkbox for a filter value (inputs are named by filter, valued by id). */
export function filterCheckbox(page: Page, filter: string, id: string): Locator {
  return page.locator(`[data-search-groups] input[name="${filter}"][value="${id}"]`);
}

/** The label of a filter value: checkbox, value label and count. */
export function filterLabel(page: Page, filter: string, id: string): Locator {
  return page.locator('[data-search-groups] label').filter({ has: page.locator(`input[name="${filter}"][value="${id}"]`) });
}

/** The count shown beside a filter value. */
export function filterCount(page: Page, filter: string, id: string): Locator {
  return filterLabel(page, filter, id).locator('.search-count');
}

/** A filter group's disclosure (`topic`, `trend`, `actor`, ...). */
export function filterGroup(page: Page, filter: string): Locator {
  return page.locator(`[data-search-groups] details[data-filter="${filter}"]`);
}
