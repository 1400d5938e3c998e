/**
 * Reading an analysis (issue 13): footnote markers leave line spacing alone, footnotes and
 * sources link both ways (reader clicks, not URL jumps), heading anchors stay out of sight until
 * wanted, and the page carries no JavaScript.
 */
import type { Page } from '@playwright/test';
import { analyses } from './content';
import { expect, test } from './fixtures';

const withNotes = ['en', 'be', 'ru'].flatMap((l) => analyses(l)).filter((a) => /\[\^[^\]]+\]:/.test(a.body) && a.sources > 0);
const first = withNotes[0];

/**
 * For every paragraph with a footnote marker: its height minus (lines x line-height), in px.
 * Lines are counted from the tops of the words' boxes, so a marker that pushed its line down
 * shows as extra height.
 */
async function extraHeights(page: Page): Promise<number[]> {
  return page.locator('.prose p:has(sup)').evaluateAll((ps) =>
    ps.map((p) => {
      const lineHeight = parseFloat(getComputedStyle(p).lineHeight);
      const tops = new Set<number>();
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('sup')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top / (lineHeight / 2)));
      }
      const lines = new Set([...tops].map((t) => Math.round(t / 2))).size;
      return p.getBoundingClientRect().height - lines * lineHeight;
    }),
  );
}

test.describe('notes and sources', () => {
  test.skip(!first, 'no analysis in content/ has footnotes and sources');
  for (const [name, width] of [['phone', 390], ['desktop', 1280]] as const) {
    test(`footnote markers do not change line height (${name})`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(first?.url ?? '/');
      const extra = await extraHeights(page);
      expect(extra.length).toBeGreaterThan(0);
      for (const px of extra) expect(Math.abs(px)).toBeLessThan(1);
    });
  }

  test('a footnote links to its source and the source back to the footnote', async ({ page }) => {
    await page.goto(first?.url ?? '/');
    await page.locator('.prose sup a').first().click();
    await expect(page).toHaveURL(/#user-content-fn-/);
    const note = page.locator('.footnotes li').first();
    await expect(note).toBeInViewport();
    await note.locator('a.note-source').click();
    await expect(page).toHaveURL(/#source-1$/);
    const source = page.locator('#source-1');
    await expect(source).toBeInViewport();
    await source.locator('a.source-notes').first().click();
    await expect(page).toHaveURL(/#user-content-fn-/);
    await expect(note).toBeInViewport();
    await note.locator('[data-footnote-backref]').click();
    await expect(page.locator('.prose sup a').first()).toBeInViewport();
  });

  test('every source cited by a note links back to it, and every note link lands on a source', async ({ page }) => {
    await page.goto(first?.url ?? '/');
    const targets = await page.locator('a.note-source').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(targets.length).toBeGreaterThan(0);
    for (const href of targets) await expect(page.locator(`${href} a.source-notes`).first()).toBeAttached();
  });
});

test('heading anchors appear on hover and focus only', async ({ page }) => {
  const withHeadings = analyses('en').find((a) => /^## /m.test(a.body));
  test.skip(!withHeadings, 'no analysis with a heading');
  await page.goto(withHeadings?.url ?? '/');
  const heading = page.locator('.prose h2').first();
  const anchor = heading.locator('.heading-anchor');
  test.skip((await anchor.count()) === 0, 'headings have no anchors');
  await expect(anchor).toHaveCSS('opacity', '0');
  await heading.hover();
  await expect(anchor).toHaveCSS('opacity', '1');
  await page.mouse.move(0, 0);
  await anchor.focus();
  await expect(anchor).toHaveCSS('opacity', '1');
});

test('an analysis page loads no JavaScript and prints no image credit without an image', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto(first?.url ?? '/');
  expect(scripts).toEqual([]);
  await expect(page.locator('script')).toHaveCount(0);
  if ((await page.locator('.cover img').count()) === 0) await expect(page.locator('.cover-credit')).toHaveCount(0);
});

test('the language switch on an untranslated analysis says where it goes before the reader clicks', async ({ page }) => {
  const keys = new Set(analyses('be').map((a) => a.translationKey).filter(Boolean));
  const lone = analyses('en').find((a) => a.topic && !(a.translationKey && keys.has(a.translationKey)));
  test.skip(!lone, 'every English analysis has a Belarusian version');
  await page.goto(lone?.url ?? '/');
  await expect(page.locator('.not-translated')).toContainText('Беларуская');
  const link = page.locator('nav.lang-switch a[hreflang="be"]');
  await expect(link).toHaveAttribute('title', /не перакладзеная/);
  await link.click();
  await expect(page).toHaveURL(`/be/topics/${lone?.topic ?? ''}/`);
});
