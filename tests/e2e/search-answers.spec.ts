/**
 * What the search page answers (issue 29), at 1280 px with a mouse and 390 px with touch: a word
 * no analysis has finds nothing and the page says so in the reader's language; "did you mean"
 * offers close spellings and other spellings of actors' names with what they find; a query with
 * few results says what it, or the actor's name, finds in the other languages; the page has one
 * search box and a skip link to the results; excerpts are marked as cut from the text. Expected
 * counts come from content/, never from the page.
 */
import type { Locator } from '@playwright/test';
import { t } from '../../src/i18n/index.ts';
import { analyses, type ContentAnalysis } from './content';
import { expect, openSearch, queryInput, resultItems, resultLinks, resultSummary, searchDone, test } from './fixtures';

/** Analyses of a language tagged with an actor or naming it in their text. */
function naming(lang: string, actor: string, pattern: RegExp): ContentAnalysis[] {
  return analyses(lang).filter((a) => a.actors.includes(actor) || pattern.test(`${a.title} ${a.summary} ${a.body}`));
}

const DEVICES = [
  { name: '1280 px, mouse', touch: false, use: { viewport: { width: 1280, height: 800 } } },
  { name: '390 px, touch', touch: true, use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } },
] as const;

for (const device of DEVICES) {
  test.describe(`answers at ${device.name}`, () => {
    test.use(device.use);
    const press = async (target: Locator): Promise<void> => {
      if (device.touch) await target.tap();
      else await target.click();
    };

    test('a word no analysis has finds nothing, and the page says so in its language', async ({ page }) => {
      for (const [lang, word, path] of [
        ['en', 'inflation', '/search/'],
        ['ru', 'инфляция', '/ru/search/'],
        ['be', 'інфляцыя', '/be/search/'],
      ] as const) {
        expect(analyses(lang).some((a) => `${a.title} ${a.summary} ${a.body}`.toLowerCase().includes(word)), `no ${lang} analysis has “${word}”`).toBe(false);
        await openSearch(page, `${path}?q=${encodeURIComponent(word)}`);
        await expect(resultItems(page)).toHaveCount(0);
        await expect(resultSummary(page)).toHaveText(t(lang).search.totalFor(0, word));
        await expect(page.locator('[data-search-empty] .search-absent')).toHaveText(t(lang).search.absent(word));
      }
    });

    test('did you mean: a close spelling and another spelling of an actor\'s name, with what each finds, in every language', async ({ page }) => {
      const cases = [
        { lang: 'en', path: '/search/', q: 'Lukashneko', fix: 'Lukashenka', expected: naming('en', 'lukashenka', /lukashenk/i) },
        { lang: 'ru', path: '/ru/search/', q: 'Лукашнеко', fix: 'Лукашенко', expected: naming('ru', 'lukashenka', /лукашенк/i) },
        { lang: 'be', path: '/be/search/', q: 'санкцыі', fix: 'санкцый', expected: analyses('be').filter((a) => /санкцый/i.test(`${a.summary} ${a.body}`)) },
      ] as const;
      for (const c of cases) {
        expect(c.expected.length, `${c.lang}: something has “${c.fix}”`).toBeGreaterThan(0);
        await openSearch(page, `${c.path}?q=${encodeURIComponent(c.q)}`);
        const fix = page.locator('[data-search-empty]').getByRole('link', { name: t(c.lang).search.suggestion(c.fix, c.expected.length) });
        await expect(fix).toBeVisible();
        await press(fix);
        await expect(page).toHaveURL(`${c.path}?q=${encodeURIComponent(c.fix)}`);
        await searchDone(page);
        await expect(queryInput(page)).toHaveValue(c.fix);
        await expect(resultItems(page)).toHaveCount(c.expected.length);
      }
    });

    test('few results: what the actor\'s name finds in the other languages, with a link there', async ({ page }) => {
      const ru = analyses('ru').filter((a) => a.actors.includes('tsikhanouskaya'));
      const en = analyses('en').filter((a) => a.actors.includes('tsikhanouskaya'));
      expect(ru, 'no Russian analysis names her (the case the hint is for)').toHaveLength(0);
      expect(en.length).toBeGreaterThan(0);
      await openSearch(page, `/ru/search/?q=${encodeURIComponent('Тихановская')}`);
      const elsewhere = page.locator('[data-search-elsewhere]');
      await expect(elsewhere.locator('h3')).toHaveText(t('ru').search.elsewhere);
      const link = elsewhere.getByRole('link', { name: `English: ${t('ru').search.totalFor(en.length, 'Sviatlana Tsikhanouskaya')}` });
      await expect(link).toBeVisible();
      await press(link);
      await expect(page).toHaveURL(`/search/?q=${encodeURIComponent('Sviatlana Tsikhanouskaya')}`);
      await searchDone(page);
      await expect(resultItems(page)).toHaveCount(en.length);
    });

    test('one search box on the search page, and a skip link straight to the results', async ({ page }) => {
      await openSearch(page, '/search/?q=nato');
      await expect(page.locator('input[type="search"]')).toHaveCount(1);
      await expect(page.locator('#header-q')).toHaveCount(0);
      await expect(page.getByRole('search')).toHaveCount(1);
      if (device.touch) return;
      await page.locator('body').focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: t('en').search.skipToResults });
      await expect(skip).toBeFocused();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await expect(resultLinks(page).first()).toBeFocused();
    });

    test('excerpts are marked as cut from the text', async ({ page }) => {
      await openSearch(page, '/search/?q=nato');
      const excerpts = page.locator('.search-result .card-excerpt');
      expect(await excerpts.count()).toBeGreaterThan(0);
      for (const text of await excerpts.allTextContents()) {
        // A hidden label says where the words come from; a cut start or end shows an ellipsis.
        expect(text).toMatch(/^From the text: /);
        const shown = text.replace(/^From the text: /, '');
        if (/^\p{Ll}/u.test(shown)) throw new Error(`an excerpt starts mid-sentence without a mark: ${shown}`);
        expect(shown.startsWith('… ') || /^\p{Lu}/u.test(shown)).toBe(true);
      }
    });
  });
}
