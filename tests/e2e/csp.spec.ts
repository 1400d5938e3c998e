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

test.describe("the editors' form", () => {
  test('/admin/ draws its icons and text in its own fonts, served by the site under its policy', async ({ page }) => {
    // The CMS asks GitHub's status page about the service; this machine is offline.
    await page.route('https://www.githubstatus.com/**', (route) => route.fulfill({ json: { status: { indicator: 'none' } } }));
    const fonts: string[] = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() === 'font') fonts.push(request.url());
    });
    await page.goto('/admin/');
    await expect(page.getByRole('button', { name: /Sign In with/ })).toBeVisible({ timeout: 30_000 });
    // The form's own policy is in force: fonts from the site only.
    await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveAttribute('content', /font-src 'self' data:;/);
    // A face loads when text needs it: ask for the three the form's styles declare (a face the
    // policy blocks fails the test through fixtures.ts too).
    const loaded = await page.evaluate(async () => {
      const faces = ['24px "Material Symbols Outlined"', '16px "Source Sans 3"', '16px "Noto Mono"'];
      return Promise.all(
        faces.map(async (face) => {
          const found = await document.fonts.load(face, 'home').catch(() => []);
          return found.length > 0 && found.every((f) => f.status === 'loaded');
        }),
      );
    });
    expect(loaded).toEqual([true, true, true]);
    const origin = new URL(page.url()).origin;
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const url of fonts) expect(new URL(url).origin).toBe(origin);
  });
});
