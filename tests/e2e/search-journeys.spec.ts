/**
 * Search as a reader uses it (issue 12), at 1280 px with a mouse and at 390 px with touch: the
 * title a reader clicks or taps opens that analysis, filters widen within and narrow across,
 * counts match what a tick gives, "Show more" appends, Back and Forward step through refinements
 * and come back to the same place, dead ends offer a way on. Expected numbers come from the
 * content folder (content/, or E2E_CONTENT for a generated corpus served from E2E_DIST), never
 * from the page; no test navigates to an href read from the page.
 */
import type { Locator, Page } from '@playwright/test';
import { analyses, type ContentAnalysis } from './content';
import { expect, filterCheckbox, filterCount, filterLabel, openSearch, queryInput, resultItems, resultLinks, resultSummary, searchDone, test } from './fixtures';

const en = analyses('en');
/** Results drawn at a time: the site's 50 when the corpus pages with it, else 5 (page rewritten). */
const PER_PAGE = en.length > 100 ? 50 : 5;
const TRENDS = ['worse', 'unchanged', 'better'] as const;

/** English analyses by title, for "did the browser land on the analysis the card showed". */
const urlsByTitle = new Map<string, string[]>();
for (const a of en) urlsByTitle.set(a.title, [...(urlsByTitle.get(a.title) ?? []), a.url]);

/** "N analyses" as the English summary says it. */
const total = (n: number) => `${n} ${n === 1 ? 'analysis' : 'analyses'}`;

/** Analyses matching every filter, values within a filter being alternatives. */
function matching(filters: Partial<Record<'trend' | 'topic', readonly string[]>>): ContentAnalysis[] {
  return en.filter((a) => Object.entries(filters).every(([name, values]) => values.includes((name === 'trend' ? a.trend : a.topic) ?? '')));
}

const DEVICES = [
  { name: '1280 px, mouse', touch: false, use: { viewport: { width: 1280, height: 800 } } },
  { name: '390 px, touch', touch: true, use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } },
] as const;

for (const device of DEVICES) {
  test.describe(`search journeys at ${device.name}`, () => {
    test.use(device.use);

    /** A click with the mouse, a tap on the phone: on the element as the reader sees it. */
    const press = async (target: Locator): Promise<void> => {
      if (device.touch) await target.tap();
      else await target.click();
    };

    /** Opens the filter disclosure where it starts folded (phones). */
    const openFilters = async (page: Page): Promise<void> => {
      const filters = page.locator('[data-search-filters]');
      if (!(await filters.evaluate((d) => (d as HTMLDetailsElement).open))) await press(filters.locator('> summary'));
      await expect(filters).toHaveAttribute('open', '');
    };

    test.beforeEach(async ({ page }) => {
      if (PER_PAGE === 50) return;
      await page.route(/\/search\/(\?.*)?$/, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: (await response.text()).replace(/data-per-page="\d+"/, `data-per-page="${PER_PAGE}"`) });
      });
    });

    test('the card a reader clicks or taps opens that analysis, whichever result it is and wherever on the card', async ({ page }) => {
      const worse = matching({ trend: ['worse'] });
      expect(worse.length).toBeGreaterThan(2);
      const shown = Math.min(worse.length, PER_PAGE);
      // The title, the middle of the card, the summary or excerpt at its foot: one link, the whole card.
      const parts = ['.card-title', '', '.card-summary'];
      for (const [i, n] of [0, 1, shown - 1].entries()) {
        await openSearch(page, '/search/?trend=worse');
        const link = resultLinks(page).nth(n);
        const title = (await link.locator('.card-title').textContent()) ?? '';
        const expected = urlsByTitle.get(title);
        expect(expected, `result ${n} shows the title of an English analysis`).toBeDefined();
        const part = parts[i] ?? '';
        await press(part ? link.locator(part) : link);
        await expect(page).not.toHaveURL(/\/search\//);
        expect(expected).toContain(new URL(page.url()).pathname);
        await expect(page.locator('h1')).toHaveText(title);
      }
    });

    test('values within a filter widen (OR), filters narrow (AND), and every count is what a tick gives', async ({ page }) => {
      await openSearch(page, '/search/');
      await expect(resultSummary(page)).toHaveText(total(en.length));
      await openFilters(page);
      for (const trend of TRENDS) await expect(filterCount(page, 'trend', trend)).toHaveText(String(matching({ trend: [trend] }).length));

      await press(filterLabel(page, 'trend', 'worse'));
      await expect(page).toHaveURL(/\/search\/\?trend=worse$/);
      await searchDone(page);
      await expect(resultSummary(page)).toHaveText(total(matching({ trend: ['worse'] }).length));
      // Every verdict stays visible and keeps the count its tick would give; the ticked one's is the result count.
      for (const trend of TRENDS) {
        await expect(filterLabel(page, 'trend', trend)).toBeVisible();
        await expect(filterCount(page, 'trend', trend)).toHaveText(String(matching({ trend: [trend] }).length));
      }

      await press(filterLabel(page, 'trend', 'better'));
      await expect(page).toHaveURL(/\/search\/\?trend=worse,better$/);
      await searchDone(page);
      const either = matching({ trend: ['worse', 'better'] });
      await expect(resultSummary(page)).toHaveText(total(either.length));
      await expect(filterCheckbox(page, 'trend', 'worse')).toBeChecked();
      await expect(filterCheckbox(page, 'trend', 'better')).toBeChecked();

      // A topic among the results that does not hold all of them: ticking it narrows.
      const topics = [...new Set(either.map((a) => a.topic).filter((t): t is string => t !== undefined))];
      const topic = topics.find((t) => either.filter((a) => a.topic === t).length < either.length);
      if (!topic) throw new Error('the corpus needs two topics among worse/better analyses');
      await expect(filterCount(page, 'topic', topic)).toHaveText(String(matching({ trend: ['worse', 'better'], topic: [topic] }).length));
      await press(filterLabel(page, 'topic', topic));
      await expect(page).toHaveURL(new RegExp(`\\?topic=${topic}&trend=worse,better$`));
      await searchDone(page);
      const narrowed = matching({ trend: ['worse', 'better'], topic: [topic] });
      await expect(resultSummary(page)).toHaveText(total(narrowed.length));
      for (const trend of TRENDS) await expect(filterCount(page, 'trend', trend)).toHaveText(String(matching({ trend: [trend], topic: [topic] }).length));
      await expect(page.locator('[data-search-filters-label]')).toHaveText('Filters (3 set)');
      // The title tells this search from others.
      await expect(page).toHaveTitle(/^Topic: .+ · Verdict: The situation got worse, The situation has gotten better — /);

      // The same search from a shared link, values repeated instead of comma-separated.
      await openSearch(page, `/search/?trend=worse&trend=better&topic=${topic}`);
      await expect(resultSummary(page)).toHaveText(total(narrowed.length));
    });

    test('"Show more" appends without redrawing, and focus goes to the first new result', async ({ page }) => {
      expect(en.length, 'the corpus pages').toBeGreaterThan(PER_PAGE);
      await openSearch(page, '/search/');
      await expect(resultItems(page)).toHaveCount(PER_PAGE);
      await page.evaluate(() => {
        Reflect.set(window, 'firstCard', document.querySelector('[data-search-list] > li'));
      });
      const more = page.locator('[data-search-more] button');
      let shown = PER_PAGE;
      while (shown < en.length) {
        await press(more);
        const next = Math.min(shown + PER_PAGE, en.length);
        await expect(resultItems(page)).toHaveCount(next);
        const firstNew = page.locator(`[data-result-index="${shown}"] .search-card`);
        await expect(firstNew).toBeFocused();
        await expect(firstNew).toBeInViewport();
        shown = next;
      }
      // The cards first drawn are the same elements, never redrawn.
      expect(await page.evaluate(() => Reflect.get(window, 'firstCard') === document.querySelector('[data-search-list] > li'))).toBe(true);
      await expect(more).toBeHidden();
      // After the last batch the focus stays on a result, not on the page body.
      expect(await page.evaluate(() => document.activeElement?.matches('.search-card') ?? false)).toBe(true);
    });

    test('Back returns from an analysis to the same list and scroll position', async ({ page }) => {
      await openSearch(page, '/search/');
      const more = page.locator('[data-search-more] button');
      await press(more);
      const shown = Math.min(2 * PER_PAGE, en.length);
      await expect(resultItems(page)).toHaveCount(shown);
      const target = resultLinks(page).nth(shown - 2);
      await target.scrollIntoViewIfNeeded();
      const title = (await target.locator('.card-title').textContent()) ?? '';
      // Give the page a moment to note the scroll position, as a reader's pause would.
      await page.waitForTimeout(400);
      expect(await page.evaluate(() => scrollY)).toBeGreaterThan(200);
      // What the reader sees: where the result they opened sits in the window.
      const topOf = (): Promise<number> => resultLinks(page).nth(shown - 2).evaluate((a) => Math.round(a.getBoundingClientRect().top));
      const top = await topOf();
      await press(target);
      await expect(page.locator('h1')).toHaveText(title);
      await page.goBack();
      await searchDone(page);
      await expect(resultItems(page)).toHaveCount(shown);
      await expect(resultLinks(page).nth(shown - 2)).toBeInViewport();
      await expect.poll(topOf).toBeGreaterThan(top - 10);
      expect(await topOf()).toBeLessThan(top + 10);
    });

    test('each refinement is a history entry: Back and Forward step through them', async ({ page }) => {
      await openSearch(page, '/search/');
      await queryInput(page).fill('the');
      await queryInput(page).press('Enter');
      await expect(page).toHaveURL(/\?q=the$/);
      await searchDone(page);
      // The page's one search box says what is being searched (the header has none here).
      await expect(queryInput(page)).toHaveValue('the');
      await expect(page.locator('#header-q')).toHaveCount(0);
      await expect(page).toHaveTitle(/^“the” — /);
      await openFilters(page);
      await press(filterLabel(page, 'trend', 'worse'));
      await expect(page).toHaveURL(/\?q=the&trend=worse$/);
      await searchDone(page);
      await press(filterLabel(page, 'trend', 'better'));
      await expect(page).toHaveURL(/\?q=the&trend=worse,better$/);
      await searchDone(page);

      await page.goBack();
      await expect(page).toHaveURL(/\?q=the&trend=worse$/);
      await searchDone(page);
      await expect(filterCheckbox(page, 'trend', 'better')).not.toBeChecked();
      await expect(filterCheckbox(page, 'trend', 'worse')).toBeChecked();
      const worseCount = Number((await filterCount(page, 'trend', 'worse').textContent()) ?? 'NaN');
      await expect(resultSummary(page)).toHaveText(`${total(worseCount)} for “the”`);
      await page.goBack();
      await expect(page).toHaveURL(/\?q=the$/);
      await searchDone(page);
      await expect(filterCheckbox(page, 'trend', 'worse')).not.toBeChecked();
      await page.goBack();
      await expect(page).toHaveURL(/\/search\/$/);
      await searchDone(page);
      await expect(queryInput(page)).toHaveValue('');
      await expect(resultSummary(page)).toHaveText(total(en.length));
      await page.goForward();
      await expect(page).toHaveURL(/\?q=the$/);
      await searchDone(page);
      await expect(queryInput(page)).toHaveValue('the');
    });

    test('no dead ends: unknown values are named, and nothing found offers a way on', async ({ page }) => {
      await openSearch(page, '/search/?trend=terrible');
      await expect(page.locator('[data-search-problems]')).toHaveText('Unknown verdict “terrible”: ignored.');
      await expect(resultSummary(page)).toHaveText(total(en.length));

      // A misspelt word from a title: two letters swapped. No analysis has it: the page says so at
      // once, and offers the word the index has, with what it finds.
      const word = en.flatMap((a) => a.title.split(/[^\p{L}]+/u)).filter((w) => w.length >= 7).map((w) => w.toLowerCase()).sort()[0];
      if (!word) throw new Error('no title word of 7 letters or more');
      const typo = `${word.slice(0, 4)}${word[5]}${word[4]}${word.slice(6)}`;
      await openSearch(page, `/search/?q=${encodeURIComponent(typo)}&trend=worse`);
      await expect(resultSummary(page)).toHaveText(`0 analyses for “${typo}”`);
      const help = page.locator('[data-search-empty]');
      await expect(help).toContainText(`No analysis mentions “${typo}”.`);
      await expect(help).toContainText('Nothing matches');
      await expect(help.getByRole('link', { name: 'remove verdict “The situation got worse”' })).toBeVisible();
      await expect(help.getByRole('link', { name: 'browse the topics' })).toBeVisible();
      // The close spelling comes from the index's own words (or an actor's name, as written: in a
      // generated corpus title words are names too); following it keeps the filter.
      const spelling = help.getByRole('link', { name: new RegExp(`^“${word}” \\(\\d+ analys`, 'i') });
      await expect(spelling).toBeVisible();
      await press(spelling);
      await expect(page).toHaveURL(new RegExp(`\\?q=${word}&trend=worse$`, 'i'));
      await searchDone(page);
      await expect(queryInput(page)).toHaveValue(new RegExp(`^${word}$`, 'i'));
      await expect(resultItems(page).first()).toBeVisible();
      // Back to the dead end, and out of it by removing the filter: still nothing, said the same way.
      await page.goBack();
      await searchDone(page);
      await press(page.locator('[data-search-empty]').getByRole('link', { name: 'remove verdict “The situation got worse”' }));
      await expect(page).toHaveURL(new RegExp(`\\?q=${typo}$`));
      await searchDone(page);
      await expect(resultSummary(page)).toHaveText(`0 analyses for “${typo}”`);
      await expect(page.locator('[data-search-empty]')).toContainText(`No analysis mentions “${typo}”.`);
    });
  });
}

test.describe('phone layout', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('results come first; the folded filters say how many are set', async ({ page }) => {
    await openSearch(page, '/search/?trend=worse&q=the');
    const filters = page.locator('[data-search-filters]');
    await expect(filters).not.toHaveAttribute('open', '');
    await expect(filters.locator('> summary')).toHaveText('Filters (1 set)');
    const box = await resultLinks(page).first().boundingBox();
    expect(box, 'the first result is drawn').not.toBeNull();
    expect((box?.y ?? 9999) + (box?.height ?? 0)).toBeLessThan(844);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scroll (device width, not innerWidth)').toBeLessThanOrEqual(390);
  });
});
