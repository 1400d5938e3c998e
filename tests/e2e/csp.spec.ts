/**
 * The Content-Security-Policy (astro.config.ts `security.csp`) on one page of each type: every page
 * carries it, none allows inline code, and none breaks under it (a blocked script, style or
 * request is a console error, which fails the test through fixtures.ts).
 */
import { pagesOfEachType } from './content';
import { expect, test } from './fixtures';

const pages: string[] = [
  ...pagesOfEachType(),
  '/search/?q=sanctions',
  '/ru/search/?lang=all',
  '/be/',
];

for (const path of pages) {
  test(`${path} works under the CSP, with no inline code allowed`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain("'unsafe-eval'");
    if (path.includes('/search/')) await expect(page.locator('[data-search-root]')).toHaveAttribute('data-search-status', 'done');
  });
}

test.describe('not found', () => {
  test.use({ expectedNotFound: ['/no-such-page/'] });

  test('the 404 page works under the CSP', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(1);
  });
});
