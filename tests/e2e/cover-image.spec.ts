/**
 * The cover image as a reader meets it: from the topic page a click (or a tap on a phone) opens the
 * analysis, whose cover loads from the site under the CSP (the fixture fails the test on any
 * violation or failed request) in a modern format, fills the text column without sideways scroll,
 * holds its space before it loads (width and height), and has its credit right under it.
 */
import { analyses } from './content';
import { expect, test } from './fixtures';

/** Analyses whose frontmatter names a cover image. */
const withCover = analyses('en').filter((a) => a.coverImage !== undefined);
const first = withCover[0];

for (const [name, width, touch] of [['phone', 390, true], ['desktop', 1280, false]] as const) {
  test.describe(`cover image (${name})`, () => {
    test.use({ viewport: { width, height: 900 }, hasTouch: touch });
    test.skip(!first, 'no analysis in content/ has a cover image');

    for (const scheme of ['light', 'dark'] as const) {
      test(`loads as AVIF or WebP with its credit under it (${scheme})`, async ({ page }) => {
        if (!first?.topic) throw new Error('the analysis with a cover has no topic page to start from');
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`/topics/${first.topic}/`);
        const link = page.getByRole('link', { name: first.title, exact: true }).first();
        if (touch) await link.tap();
        else await link.click();
        await expect(page).toHaveURL(new RegExp(`${first.url}$`));

        const img = page.locator('article figure.cover picture img');
        await expect(img).toBeVisible();
        await expect(img).toHaveAttribute('alt', /\S/);
        // Space is reserved before the file arrives: width and height give the aspect ratio.
        expect(Number(await img.getAttribute('width'))).toBeGreaterThan(0);
        expect(Number(await img.getAttribute('height'))).toBeGreaterThan(0);
        await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
        const chosen = await img.evaluate((el: HTMLImageElement) => el.currentSrc);
        expect(new URL(chosen).origin).toBe(new URL(page.url()).origin);
        expect(chosen).toMatch(/\/_astro\/.+\.(avif|webp)$/);

        const box = await img.boundingBox();
        const caption = page.locator('article figure.cover figcaption');
        const captionBox = await caption.boundingBox();
        expect(box && captionBox && captionBox.y >= box.y + box.height - 1).toBe(true);
        expect(box && box.width).toBeGreaterThan(width === 390 ? 300 : 400);
        await expect(caption).not.toHaveText('');
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        expect(await page.locator('script[src], script:not([type="application/ld+json"])').count()).toBe(0);
      });
    }
  });
}
