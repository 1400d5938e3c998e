/**
 * Browsing to "a topic's analyses with one verdict" without typing a search (issue 12): the
 * verdict counts on /topics/ and on a topic's page are links to exactly those analyses, and a
 * verdict's listing can be narrowed by topic. Clicked (1280 px) and tapped (390 px) as a reader
 * would; expected lists come from content/.
 */
import type { Locator, Page } from '@playwright/test';
import { analyses, urlsOf } from './content';
import { expect, filterCheckbox, resultHrefs, resultSummary, searchDone, test } from './fixtures';

const en = analyses('en');

/** The topic with the most "worse" analyses that also has analyses with other verdicts. */
const topic = [...new Set(en.map((a) => a.topic).filter((t): t is string => t !== undefined))]
  .map((id) => ({ id, worse: en.filter((a) => a.topic === id && a.trend === 'worse') }))
  .filter((t) => t.worse.length > 0 && t.worse.length < en.filter((a) => a.topic === t.id).length)
  .sort((a, b) => b.worse.length - a.worse.length)[0];

for (const device of [
  { name: '1280 px', touch: false, use: { viewport: { width: 1280, height: 800 } } },
  { name: '390 px', touch: true, use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } },
] as const) {
  test.describe(`browsing by topic and verdict at ${device.name}`, () => {
    test.use(device.use);
    const press = (target: Locator) => (device.touch ? target.tap() : target.click());
    if (!topic) throw new Error('content/ needs a topic with "worse" and other verdicts');

    const landsOnTopicWorse = async (page: Page) => {
      await expect(page).toHaveURL(`/search/?topic=${topic.id}&trend=worse`);
      await searchDone(page);
      expect((await resultHrefs(page, topic.worse.length)).sort()).toEqual(urlsOf(topic.worse));
      await expect(filterCheckbox(page, 'topic', topic.id)).toBeChecked();
      await expect(filterCheckbox(page, 'trend', 'worse')).toBeChecked();
    };

    test('a topic page\'s "worse" count opens that topic\'s worse analyses', async ({ page }) => {
      await page.goto(`/topics/${topic.id}/`);
      const count = page.locator('a[data-trend-count="worse"]');
      await expect(count).toContainText(String(topic.worse.length));
      await press(count);
      await landsOnTopicWorse(page);
    });

    test('the /topics/ counts are links too, one per topic and verdict', async ({ page }) => {
      await page.goto('/topics/');
      const item = page.locator('.index-list > li').filter({ has: page.locator(`a[href="/topics/${topic.id}/"]`) });
      await press(item.locator('a[data-trend-count="worse"]'));
      await landsOnTopicWorse(page);
    });

    test('a verdict\'s listing narrows by topic', async ({ page }) => {
      await page.goto('/trends/worse/');
      const link = page.locator(`.topic-narrowing a[data-topic="${topic.id}"]`);
      await expect(link.locator('..')).toContainText(`(${topic.worse.length})`);
      await press(link);
      await landsOnTopicWorse(page);
      await expect(resultSummary(page)).toHaveText(`${topic.worse.length} ${topic.worse.length === 1 ? 'analysis' : 'analyses'}`);
    });
  });
}
