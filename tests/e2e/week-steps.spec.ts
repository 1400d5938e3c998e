/**
 * Walking the digest week by week with the links at the foot of a week page: each lands on the
 * week it names, and a link that skips weeks without analyses says so instead of "Next week".
 */
import { analyses } from './content';
import { expect, test } from './fixtures';
import { en } from '../../src/i18n/en.ts';
import { addDays, mondayOf } from '../../src/lib/dates.ts';

/** Mondays of every week a weekly analysis covers, in any language, oldest first (the site gives each a page in every language). */
const weeks = [...new Set(['en', 'be', 'ru'].flatMap((l) => analyses(l)).filter((a) => a.kind === 'weekly' && a.date).map((a) => mondayOf(a.date)))].sort();
const hasGap = weeks.some((w, i) => i > 0 && addDays(weeks[i - 1] ?? w, 7) !== w);

for (const device of [
  { name: '390 px, touch', touch: true, use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } },
  { name: '1280 px', touch: false, use: { viewport: { width: 1280, height: 900 } } },
]) {
  test.describe(device.name, () => {
    test.use(device.use);
    test.skip(weeks.length < 2 || !hasGap, 'content/ needs two weeks with a gap between some of them');

    test('the week links step through every covered week, both ways, and name a gap as one', async ({ page }) => {
      test.setTimeout(120_000);
      const step = async (rel: 'next' | 'prev', from: string, to: string) => {
        const link = page.locator(`nav.week-nav a[rel="${rel}"]`);
        const adjacent = rel === 'next' ? addDays(from, 7) === to : addDays(to, 7) === from;
        const name = rel === 'next' ? (adjacent ? en.newerWeek : en.laterWeek) : adjacent ? en.olderWeek : en.earlierWeek;
        await expect(link).toHaveText(new RegExp(`^${name}: `));
        if (device.touch) await link.tap();
        else await link.click();
        await expect(page).toHaveURL(new RegExp(`/weeks/${to}/$`));
      };
      await page.goto(`/weeks/${weeks[0]}/`);
      await expect(page.locator('nav.week-nav a[rel="prev"]')).toHaveCount(0);
      for (let i = 1; i < weeks.length; i++) await step('next', weeks[i - 1] ?? '', weeks[i] ?? '');
      await expect(page.locator('nav.week-nav a[rel="next"]')).toHaveCount(0);
      for (let i = weeks.length - 1; i > 0; i--) await step('prev', weeks[i] ?? '', weeks[i - 1] ?? '');
    });
  });
}
