/**
 * A feed opened in a browser reads as a page that explains feeds (feed.xsl), and an analysis's
 * reference can be taken away as .bib and .ris files without JavaScript (issue 13).
 */
import { analyses } from './content';
import { expect, test } from './fixtures';

const en = analyses('en');
const newest = [...en].sort((a, b) => b.date.localeCompare(a.date))[0];

test('a feed opened in a browser is a readable page with its address and items', async ({ page }) => {
  await page.goto('/rss.xml');
  await expect(page.locator('h1')).toContainText('Belarus Barometer');
  await expect(page.locator('.feed-about')).toContainText('feed reader');
  await expect(page.locator('#feed-address')).toHaveValue(/\/rss\.xml$/);
  const first = page.locator('article.card').first();
  await expect(first).toBeVisible();
  // The stylesheet applies: the page is laid out by /feed.css, not the browser's XML tree view.
  await expect(page.locator('body')).toHaveCSS('margin', '0px');
  await expect(page.locator('article.card')).not.toHaveCount(0);
});

test('the Belarusian feed explains itself in Belarusian', async ({ page }) => {
  await page.goto('/be/rss.xml');
  await expect(page.locator('html')).toHaveAttribute('lang', 'be');
  await expect(page.locator('.feed-about h2')).toContainText('RSS');
  await expect(page.locator('.feed-about label')).toHaveText('Адрас стужкі');
});

test('the feed page links to the analyses it lists', async ({ page, baseURL }) => {
  // Feed links are absolute (the site's baseUrl): serve that origin from the local build.
  await page.route('https://barometer.example.org/**', async (route) => {
    const local = new URL(new URL(route.request().url()).pathname, baseURL);
    await route.fulfill({ response: await page.request.get(local.href) });
  });
  await page.goto('/rss.xml');
  const link = page.locator('article.card .card-title a').first();
  const title = (await link.textContent()) ?? '';
  await link.click();
  await expect(page.locator('h1')).toHaveText(title);
  await expect(page).toHaveURL(/^https:\/\/barometer\.example\.org\/analyses\/[^/]+\/$/);
});

test.describe('citation files', () => {
  test.skip(!newest, 'no analyses');
  for (const ext of ['bib', 'ris'] as const) {
    test(`"Cite this" offers a .${ext} file to download`, async ({ page }) => {
      await page.goto(newest?.url ?? '/');
      await page.locator('.cite-this summary').click();
      const download = page.waitForEvent('download');
      await page.locator(`.cite-downloads a[href$=".${ext}"]`).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`${newest?.slug ?? ''}.${ext}`);
      const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
      if (ext === 'bib') expect(text).toMatch(/^@online\{en-/);
      else expect(text).toMatch(/^TY {2}- ELEC\r\n[\s\S]*\r\nER {2}-\r\n$/);
      expect(text).toContain(newest?.title ?? '');
    });
  }
});
