/**
 * The design's measures (issue 13), as a reader's browser sees them: no sideways scroll at 320
 * and 390 px on any page type, the analysis page's HTML, CSS, font and script weight, and the
 * web fonts a page in each language actually downloads.
 */
import type { Page } from '@playwright/test';
import { analyses, pagesOfEachType } from './content';
import { expect, test } from './fixtures';

const en = analyses('en');
const weekly = en.find((a) => a.kind === 'weekly' && a.topic && a.actors.length > 0);
const longForm = en.find((a) => a.kind !== 'weekly' && a.sources > 0) ?? en.find((a) => a.kind !== 'weekly');
const be = analyses('be')[0];

const pages = [
  ...pagesOfEachType(),
  '/search/?q=sanctions',
  '/be/',
  be?.url,
].filter((p): p is string => Boolean(p));

/** Bytes downloaded per resource type while `path` loads (fonts included once used). */
async function weigh(page: Page, path: string): Promise<{ html: number; css: number; js: number; font: number }> {
  const sizes = { html: 0, css: 0, js: 0, font: 0 };
  const pending: Promise<void>[] = [];
  page.on('response', (r) => {
    const type = r.request().resourceType();
    const key = type === 'document' ? 'html' : type === 'stylesheet' ? 'css' : type === 'script' ? 'js' : type === 'font' ? 'font' : undefined;
    if (key) pending.push(r.body().then((b) => void (sizes[key] += b.length), () => undefined));
  });
  await page.goto(path);
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  return sizes;
}

for (const width of [320, 390]) {
  test(`no page scrolls sideways at ${width} px`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 800 });
    const wide: string[] = [];
    for (const path of pages) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) wide.push(`${path}: ${overflow} px`);
    }
    expect(wide).toEqual([]);
  });
}

test('an analysis page stays within its budget: HTML <= 30 KB, CSS <= 25 KB, fonts <= 120 KB, no JavaScript', async ({ page }) => {
  for (const path of [weekly?.url, longForm?.url, be?.url]) {
    if (!path) continue;
    const w = await weigh(page, path);
    expect(w.html, `${path} HTML`).toBeLessThanOrEqual(30 * 1024);
    expect(w.css, `${path} CSS`).toBeLessThanOrEqual(25 * 1024);
    expect(w.font, `${path} fonts`).toBeLessThanOrEqual(120 * 1024);
    expect(w.font, `${path} fonts`).toBeGreaterThan(0);
    expect(w.js, `${path} JavaScript`).toBe(0);
  }
});

test('the reading face covers Belarusian: ў and і render in Source Serif 4, not a fallback', async ({ page }) => {
  test.skip(!be, 'no Belarusian analysis');
  await page.goto(be?.url ?? '/be/');
  await page.evaluate(() => document.fonts.ready);
  const ok = await page.evaluate(() => document.fonts.check('400 18px "Source Serif 4"', 'ўі') && [...document.fonts].some((f) => f.family.includes('Source Serif 4') && f.status === 'loaded'));
  expect(ok).toBe(true);
});
