/**
 * Search in a real browser (issue 3): words, filters, aliases, URL state, keyboard, languages,
 * CSP. Expected results come from content/, counted independently of the index.
 */
import { t } from '../../src/i18n/index.ts';
import { analyses, urlsOf } from './content';
import { expect, filterCheckbox, filterCount, filterGroup, filterLabel, openSearch, queryInput, resultDates, resultHrefs, resultItems, resultLinks, resultSummary, searchDone, test } from './fixtures';

const en = analyses('en');
const ru = analyses('ru');
const be = analyses('be');

test.describe('finding analyses', () => {
  test('a title word finds its analysis, first', async ({ page }) => {
    const word = 'nomenklatura';
    const target = en.filter((a) => a.title.toLowerCase().includes(word));
    expect(target, `exactly one English title contains "${word}"`).toHaveLength(1);
    await openSearch(page, `/search/?q=${word}`);
    await expect(queryInput(page)).toHaveValue(word);
    await expect(resultLinks(page).first()).toHaveAttribute('href', target[0]?.url ?? '');
  });

  test('typing a query searches and writes it to the URL', async ({ page }) => {
    await openSearch(page, '/search/');
    await queryInput(page).fill('nuclear');
    await expect(page).toHaveURL(/\/search\/\?q=nuclear$/);
    await searchDone(page);
    await expect(resultSummary(page)).toContainText('nuclear');
    await expect(resultItems(page).first()).toBeVisible();
  });

  test('trend=worse lists exactly the "worse" analyses, newest first', async ({ page }) => {
    const expected = en.filter((a) => a.trend === 'worse');
    expect(expected.length).toBeGreaterThan(0);
    await openSearch(page, '/search/?trend=worse');
    await expect(resultSummary(page)).toHaveText(`${expected.length} analyses`);
    const hrefs = await resultHrefs(page, expected.length);
    expect([...hrefs].sort()).toEqual(urlsOf(expected));
    await expect(page.locator('.search-result .verdict')).toHaveCount(expected.length);
    for (const badge of await page.locator('.search-result .verdict').all()) await expect(badge).toHaveClass(/verdict-worse/);
    const dates = await resultDates(page);
    expect(dates).toEqual([...dates].sort().reverse());
    // The ticked value shows the number of analyses it selects, under the verdict's label.
    const worse = filterCheckbox(page, 'trend', 'worse');
    await expect(worse).toBeChecked();
    const label = filterLabel(page, 'trend', 'worse');
    await expect(label).toContainText('The situation got worse');
    await expect(filterCount(page, 'trend', 'worse')).toHaveText(String(expected.length));
  });

  test('topic and verdict combine', async ({ page }) => {
    const topic = 'belarus-west-relations';
    const expected = en.filter((a) => a.topic === topic && a.trend === 'worse');
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(en.filter((a) => a.trend === 'worse').length);
    await openSearch(page, `/search/?topic=${topic}&trend=worse`);
    expect((await resultHrefs(page, expected.length)).sort()).toEqual(urlsOf(expected));
    await expect(filterCheckbox(page, 'topic', topic)).toBeChecked();
    await expect(filterCheckbox(page, 'trend', 'worse')).toBeChecked();
    await expect(page.locator('.search-result .result-topic').first()).toHaveText('Belarus-West relations');
  });

  test('an actor alias finds the actor\'s analyses even where no body spells it so', async ({ page }) => {
    const tagged = en.filter((a) => a.actors.includes('lukashenka'));
    expect(tagged.length).toBeGreaterThan(1);
    for (const alias of ['Łukaszenka', 'Лукашенко']) {
      expect(en.some((a) => a.body.toLowerCase().includes(alias.toLowerCase())), `no English body contains ${alias}`).toBe(false);
      await openSearch(page, `/search/?q=${encodeURIComponent(alias)}`);
      expect((await resultHrefs(page, tagged.length)).sort()).toEqual(urlsOf(tagged));
    }
    // The spelling readers type most often finds every tagged analysis too.
    await openSearch(page, '/search/?q=Lukashenko');
    const items = await resultItems(page).count();
    const hrefs = await resultHrefs(page, items);
    for (const url of urlsOf(tagged)) expect(hrefs).toContain(url);
  });

  test('an actor filter alone lists the actor\'s analyses', async ({ page }) => {
    const expected = en.filter((a) => a.actors.includes('nato'));
    await openSearch(page, '/search/?actor=nato');
    expect((await resultHrefs(page, expected.length)).sort()).toEqual(urlsOf(expected));
    await expect(filterGroup(page, 'actor')).toHaveAttribute('open', '');
  });

  test('the oldest-first order reverses the listing, and the choice goes to the URL', async ({ page }) => {
    const expected = en.filter((a) => a.trend === 'worse');
    await openSearch(page, '/search/?trend=worse&sort=oldest');
    await expect(page.locator('#search-sort')).toHaveValue('oldest');
    await resultHrefs(page, expected.length);
    const dates = await resultDates(page);
    expect(dates).toEqual([...dates].sort());
    await page.locator('#search-sort').selectOption('newest');
    await expect(page).toHaveURL(/\?trend=worse&sort=newest$/);
  });
});

test.describe('long result lists', () => {
  // The sample site has fewer results than a page holds, so the page is served with 5 per page.
  test.beforeEach(async ({ page }) => {
    await page.route('**/search/', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/data-per-page="\d+"/, 'data-per-page="5"');
      await route.fulfill({ response, body: html });
    });
  });

  test('shows a page of results, the next page on request, and the full count throughout', async ({ page }) => {
    expect(en.length).toBeGreaterThan(10);
    await openSearch(page, '/search/');
    await expect(resultItems(page)).toHaveCount(5);
    await expect(resultSummary(page)).toHaveText(`${en.length} analyses`);
    const more = page.locator('[data-search-more] button');
    await expect(more).toHaveText(`Show more (5 of ${en.length} shown)`);
    await more.click();
    await expect(resultItems(page)).toHaveCount(10);
    // Focus moves to the first newly drawn result, so a keyboard reader carries on from there.
    await expect(page.locator('[data-result-index="5"] .search-card')).toBeFocused();
    await expect(more).toHaveText(`Show more (10 of ${en.length} shown)`);
    await expect(resultSummary(page)).toHaveText(`${en.length} analyses`);
  });

  test('a new query starts again from one page, and a short list has no button', async ({ page }) => {
    await openSearch(page, '/search/');
    await page.locator('[data-search-more] button').click();
    await expect(resultItems(page)).toHaveCount(10);
    await queryInput(page).fill('nomenklatura');
    await queryInput(page).press('Enter');
    await searchDone(page);
    // A word in one title and a few bodies: fewer results than a page, all drawn, no button.
    const found = Number((await resultSummary(page).textContent())?.match(/\d+/)?.[0]);
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThanOrEqual(5);
    await expect(resultItems(page)).toHaveCount(found);
    await expect(page.locator('[data-search-more]')).toBeHidden();
    await queryInput(page).fill('');
    await queryInput(page).press('Enter');
    await searchDone(page);
    await expect(resultItems(page)).toHaveCount(5);
  });
});

test.describe('state in the URL', () => {
  test('reloading a search URL restores query and filters, and changes are written back', async ({ page }) => {
    await openSearch(page, '/search/?q=sanctions&trend=worse&topic=belarus-west-relations');
    await expect(queryInput(page)).toHaveValue('sanctions');
    await expect(filterCheckbox(page, 'trend', 'worse')).toBeChecked();
    await expect(filterCheckbox(page, 'topic', 'belarus-west-relations')).toBeChecked();
    await expect(resultItems(page).first()).toBeVisible();

    await filterGroup(page, 'actor').locator('summary').click();
    await filterCheckbox(page, 'actor', 'eu').check();
    await expect(page).toHaveURL(/\?q=sanctions&topic=belarus-west-relations&trend=worse&actor=eu$/);
    await queryInput(page).fill('sanctions package');
    await expect(page).toHaveURL(/\?q=sanctions%20package&topic=belarus-west-relations&trend=worse&actor=eu$/);
    await searchDone(page);

    await page.reload();
    await searchDone(page);
    await expect(queryInput(page)).toHaveValue('sanctions package');
    for (const [filter, id] of [['topic', 'belarus-west-relations'], ['trend', 'worse'], ['actor', 'eu']] as const) {
      await expect(filterCheckbox(page, filter, id)).toBeChecked();
    }
  });

  test('clearing the filters keeps the query', async ({ page }) => {
    await openSearch(page, '/search/?q=sanctions&trend=worse');
    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await expect(page).toHaveURL(/\/search\/\?q=sanctions$/);
    await expect(filterCheckbox(page, 'trend', 'worse')).not.toBeChecked();
  });

  test('malformed parameters are ignored, not fatal', async ({ page }) => {
    await openSearch(page, '/search/?topic=%3Cscript%3E&trend=worse,../x&sort=sideways&lang=');
    await expect(resultSummary(page)).toHaveText(`${en.filter((a) => a.trend === 'worse').length} analyses`);
    // The values that name nothing are named on the page, as text (never markup).
    await expect(page.locator('[data-search-problems] li')).toHaveText(['Unknown topic “<script>”: ignored.', 'Unknown verdict “../x”: ignored.']);
  });
});

test.describe('links into search', () => {
  test('a topic page links to the search with its topic set', async ({ page }) => {
    const topic = 'security-issues';
    const expected = en.filter((a) => a.topic === topic);
    await page.goto(`/topics/${topic}/`);
    await page.getByRole('link', { name: 'Search these analyses' }).click();
    await expect(page).toHaveURL(`/search/?topic=${topic}`);
    await searchDone(page);
    expect((await resultHrefs(page, expected.length)).sort()).toEqual(urlsOf(expected));
  });

  test('actor, author and verdict pages link to the search with their filter', async ({ page }) => {
    for (const [path, query] of [['/actors/nato/', 'actor=nato'], ['/trends/better/', 'trend=better'], ['/authors/pavel-kruk/', 'author=pavel-kruk']] as const) {
      await page.goto(path);
      await expect(page.getByRole('link', { name: 'Search these analyses' })).toHaveAttribute('href', `/search/?${query}`);
    }
  });

  test('the header search box of any page is a plain GET form to the search page', async ({ page }) => {
    const first = en[0];
    if (!first) throw new Error('no English analyses');
    await page.goto(first.url);
    expect(await page.locator('script[src]').count(), 'no JavaScript outside the search page').toBe(0);
    await page.locator('#header-q').fill('sanctions');
    await page.locator('#header-q').press('Enter');
    await expect(page).toHaveURL('/search/?q=sanctions');
    await searchDone(page);
    await expect(queryInput(page)).toHaveValue('sanctions');
    await expect(resultItems(page).first()).toBeVisible();
  });
});

test.describe('keyboard only', () => {
  test('Tab reaches the query, Enter searches, Tab reaches the first result with a visible ring, Escape clears', async ({ page }) => {
    await openSearch(page, '/search/');
    let presses = 0;
    while (!(await queryInput(page).evaluate((input) => input === document.activeElement))) {
      await page.keyboard.press('Tab');
      presses += 1;
      expect(presses, 'the query field is reached by Tab').toBeLessThan(20);
    }
    await page.keyboard.type('nuclear');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\?q=nuclear$/);
    await searchDone(page);
    const first = resultLinks(page).first();
    await expect(first).toBeVisible();
    presses = 0;
    while (!(await first.evaluate((link) => link === document.activeElement))) {
      await page.keyboard.press('Tab');
      presses += 1;
      expect(presses, 'the first result is reached by Tab').toBeLessThan(60);
    }
    // The focus ring is drawn: a solid outline at least 2 px wide.
    const ring = await first.evaluate((link) => ({ style: getComputedStyle(link).outlineStyle, width: parseFloat(getComputedStyle(link).outlineWidth) }));
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    const href = await first.getAttribute('href');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(href ?? '');

    await page.goBack();
    await searchDone(page);
    await expect(queryInput(page)).toHaveValue('nuclear');
    await queryInput(page).focus();
    await page.keyboard.press('Escape');
    await expect(queryInput(page)).toHaveValue('');
    await expect(page).toHaveURL(/\/search\/$/);
  });

  test('filters are reachable and toggled with the keyboard', async ({ page }) => {
    await openSearch(page, '/search/');
    const target = filterCheckbox(page, 'trend', 'better');
    let presses = 0;
    while (!(await target.evaluate((input) => input === document.activeElement))) {
      await page.keyboard.press('Tab');
      presses += 1;
      expect(presses, 'the verdict filter is reached by Tab').toBeLessThan(40);
    }
    await page.keyboard.press('Space');
    await expect(page).toHaveURL(/\?trend=better$/);
    await searchDone(page);
    await expect(resultSummary(page)).toHaveText(`${en.filter((a) => a.trend === 'better').length} analyses`);
  });
});

test.describe('languages', () => {
  test('the Russian search page searches the Russian index with Russian stemming', async ({ page }) => {
    const word = 'страховкой';
    expect(ru.some((a) => `${a.title} ${a.body}`.toLowerCase().includes(word)), `no Russian text contains the form "${word}"`).toBe(false);
    const target = ru.find((a) => a.title.startsWith('Страховка'));
    await openSearch(page, `/ru/search/?q=${encodeURIComponent(word)}`);
    await expect(resultLinks(page).first()).toHaveAttribute('href', target?.url ?? 'missing');
    // Only Russian analyses: the page's own index.
    const count = await resultItems(page).count();
    for (const href of await resultHrefs(page, count)) expect(href).toMatch(/^\/ru\/analyses\//);
  });

  test('each language\'s page lists that language\'s analyses only', async ({ page }) => {
    await openSearch(page, '/be/search/');
    const hrefs = await resultHrefs(page, be.length);
    expect(hrefs.sort()).toEqual(urlsOf(be));
  });

  test('the Belarusian search page speaks Belarusian, plurals included', async ({ page }) => {
    const s = t('be');
    const worse = be.filter((a) => a.trend === 'worse');
    await openSearch(page, '/be/search/?trend=worse');
    await expect(page.locator('html')).toHaveAttribute('lang', 'be');
    await expect(queryInput(page)).toHaveAttribute('placeholder', s.searchPlaceholder);
    await expect(resultSummary(page)).toHaveText(s.search.total(worse.length));
    await expect(filterGroup(page, 'topic').locator('summary')).toHaveText(s.search.groups.topic);
    await expect(filterGroup(page, 'trend').locator('summary')).toHaveText(s.search.groups.trend);
    await expect(filterLabel(page, 'trend', 'worse')).toContainText('Сітуацыя пагоршылася');
    await expect(page.locator('[data-search-scope="all"]')).toHaveText(s.search.scopeAll);
    await expect(page.locator('label[for="search-sort"]')).toHaveText(s.search.sort);
    await expect(page.locator('.search-result .verdict').first()).toContainText('Сітуацыя пагоршылася');
  });

  test('the all-languages control searches every index, and lang=ru narrows to Russian', async ({ page }) => {
    await openSearch(page, '/search/');
    await page.locator('[data-search-scope="all"]').click();
    await expect(page).toHaveURL(/\/search\/\?lang=all$/);
    await searchDone(page);
    const all = [...en, ...ru, ...be];
    await expect(resultItems(page)).toHaveCount(all.length);
    await expect(filterGroup(page, 'language')).toBeVisible();

    await openSearch(page, '/search/?lang=ru');
    expect((await resultHrefs(page, ru.length)).sort()).toEqual(urlsOf(ru));
    await expect(filterCheckbox(page, 'language', 'ru')).toBeChecked();
    await expect(page.locator('.search-result .result-language').first()).toBeVisible();
  });
});

test.describe('content security policy', () => {
  test('the search page runs under a CSP without unsafe-inline', async ({ page }) => {
    await openSearch(page, '/search/?q=sanctions');
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).toContain("worker-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    // Violations are console errors (see fixtures.ts), so this test also fails on any.
    await expect(resultItems(page).first()).toBeVisible();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search page is a plain form with links to browse', async ({ page }) => {
    await page.goto('/search/');
    await expect(page.locator('[data-search-ui]')).toBeHidden();
    await expect(page.locator('[data-search-fallback]')).toBeVisible();
    await expect(page.getByText('needs JavaScript')).toBeVisible();
    await page.locator('#search-q').fill('nuclear');
    await page.locator('#search-q').press('Enter');
    await expect(page).toHaveURL('/search/?q=nuclear');
  });
});
