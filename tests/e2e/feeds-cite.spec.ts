/**
 * A feed opened in a browser reads as a page that explains feeds (a CSS stylesheet, no XSLT), and an analysis's
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
  // An XHTML input inside an XML document: its nodeName is `h:input`, so read its value directly.
  expect(await page.locator('#feed-address').evaluate((n) => (n as HTMLInputElement).value)).toMatch(/^https:\/\/barometer\.example\.org\/rss\.xml$/);
  const first = page.locator('.feed-card').first();
  await expect(first).toBeVisible();
  await expect(first.locator('time')).toHaveText(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
  // The CSS stylesheet applies (no XSLT): headings in the site's serif, RSS's own fields hidden.
  await expect(page.locator('h1')).toHaveCSS('font-family', /Source Serif 4/);
  await expect(page.locator('channel > title')).toBeHidden();
});

test('the Belarusian feed explains itself in Belarusian and dates its items in Belarusian', async ({ page }) => {
  await page.goto('/be/rss.xml');
  await expect(page.locator('.feed-header')).toHaveAttribute('lang', 'be');
  await expect(page.locator('.feed-about')).toContainText('RSS');
  await expect(page.locator('.feed-about label')).toHaveText('Адрас стужкі');
  await expect(page.locator('.feed-card time').first()).toHaveText(/^\d{1,2} [а-яёіў]+ \d{4} г\.$/);
});

test('the feed page links to the analyses it lists', async ({ page, baseURL }) => {
  // Feed links are absolute (the site's baseUrl): serve that origin from the local build.
  await page.route('https://barometer.example.org/**', async (route) => {
    const local = new URL(new URL(route.request().url()).pathname, baseURL);
    await route.fulfill({ response: await page.request.get(local.href) });
  });
  await page.goto('/rss.xml');
  const link = page.locator('.feed-card h3 a').first();
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
