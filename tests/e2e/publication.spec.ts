/**
 * The site read as a publication (issue 25), measured in Chromium: the analysis header puts the
 * text on the first screen of a phone, the phone header stays compact with navigation on one row,
 * no page scrolls sideways from 320 to 1280 px, charts show their y-axis on first paint on a
 * phone, the heatmap fits a desktop column, the home page's board says where every topic stands,
 * the follow page lists every feed and leads to it, and a feed opened in a browser under the
 * site's own _headers logs nothing about its security policy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { serveDuringFile } from '../helpers/serve.ts';
import { analyses, CONTENT_ROOT } from './content';
import { expect, test } from './fixtures';

const en = analyses('en');
const weeklyOf = (lang: string) => analyses(lang).find((a) => a.kind === 'weekly' && a.topic && a.trend);
const weekly = weeklyOf('en');
const withCover = en.find((a) => a.coverImage !== undefined && a.trend);
const longForm = en.find((a) => a.kind !== 'weekly');
const years = en.map((a) => a.date.slice(0, 4)).sort();
const topicIds = readdirSync(join(CONTENT_ROOT, 'topics')).map((f) => f.replace(/\.ya?ml$/, ''));

/** One page of each type, as paths (picked from content/ so they exist). */
const pages: [string, string][] = [
  ['home', '/'],
  ['home (be)', '/be/'],
  ['analysis', weekly?.url ?? '/'],
  ['analysis with cover', withCover?.url ?? '/'],
  ['long-form', longForm?.url ?? '/'],
  ['week', weekly ? `/weeks/${weekly.date}/` : '/weeks/'],
  ['topic', weekly ? `/topics/${weekly.topic ?? ''}/` : '/topics/'],
  ['actor', weekly ? `/actors/${weekly.actors[0] ?? ''}/` : '/actors/'],
  ['trends', '/trends/'],
  ['heatmap', `/trends/${years[years.length - 1] ?? ''}/`],
  ['archive', '/archive/'],
  ['about', '/about/'],
  ['methodology (ru)', '/ru/methodology/'],
  ['follow', '/follow/'],
];

/** The top and bottom of the first element `selector` matches, in CSS px from the top of the page. */
async function box(page: Page, selector: string): Promise<{ top: number; bottom: number }> {
  return page.locator(selector).first().evaluate((n) => {
    const r = n.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
  });
}

test.describe('the analysis header puts the text on the first screen', () => {
  for (const lang of ['en', 'be', 'ru']) {
    const a = weeklyOf(lang);
    test(`390 x 844 (${lang}): the first paragraph starts on the first screen, under the verdict`, async ({ page }) => {
      test.skip(!a, 'no weekly analysis');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(a?.url ?? '/');
      const verdict = await box(page, '.analysis-header .analysis-verdict');
      const first = await box(page, '.prose > p');
      console.log(`first paragraph at 390x844 (${lang}): y = ${Math.round(first.top)}; verdict ${Math.round(verdict.top)}-${Math.round(verdict.bottom)}`);
      expect(first.top).toBeGreaterThan(verdict.bottom);
      // Its first two lines, not just its top edge.
      expect(first.top + 60).toBeLessThan(844);
    });

    test(`320 x 640 (${lang}): title, verdict and the first lines are on the first screen`, async ({ page }) => {
      test.skip(!a, 'no weekly analysis');
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(a?.url ?? '/');
      const title = await box(page, '.analysis-header h1');
      const verdict = await box(page, '.analysis-header .analysis-verdict');
      const first = await box(page, '.prose > p');
      console.log(`first paragraph at 320x640 (${lang}): y = ${Math.round(first.top)}; title ends ${Math.round(title.bottom)}, verdict ends ${Math.round(verdict.bottom)}`);
      expect(title.bottom).toBeLessThan(640);
      expect(verdict.bottom).toBeLessThan(640);
      expect(first.top + 25).toBeLessThan(640);
    });
  }

  test('390 x 844 with a cover image: the first paragraph still starts on the first screen', async ({ page }) => {
    test.skip(!withCover, 'no analysis with a cover image');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(withCover?.url ?? '/');
    const first = await box(page, '.prose > p');
    console.log(`first paragraph at 390x844 with a cover: y = ${Math.round(first.top)}`);
    expect(first.top).toBeLessThan(844);
  });
});

test.describe('the phone header', () => {
  for (const width of [320, 390]) {
    test(`${width} px: at most 120 px tall, navigation in one row that scrolls, never wraps`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(weekly?.url ?? '/');
      const header = await box(page, '.site-header');
      console.log(`header height at ${width} px: ${Math.round(header.bottom - header.top)} px`);
      expect(header.bottom - header.top).toBeLessThanOrEqual(120);
      const tops = await page.locator('.main-nav li').evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().top)));
      expect(new Set(tops).size).toBe(1);
      // The row is wider than the screen and scrolls within itself: the last item is reachable by scrolling the row.
      const row = page.locator('.main-nav ul');
      const { scroll, client } = await row.evaluate((n) => ({ scroll: n.scrollWidth, client: n.clientWidth }));
      if (scroll > client) {
        await row.evaluate((n) => n.scrollTo({ left: n.scrollWidth }));
        await expect(page.locator('.main-nav li').last()).toBeInViewport();
      }
    });
  }
});

test.describe('no page scrolls sideways', () => {
  for (const width of [320, 390, 768, 1280]) {
    test(`${width} px, every page type`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 900 });
      const wide: string[] = [];
      for (const [name, path] of pages) {
        await page.goto(path);
        const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        if (scroll > client) wide.push(`${name} ${path}: ${scroll} > ${client}`);
      }
      expect(wide).toEqual([]);
    });
  }
});

test.describe('charts on a phone', () => {
  const chartPages = pages.filter(([name]) => name === 'topic' || name === 'actor');
  for (const [name, path] of chartPages) {
    test(`390 px, ${name}: each chart's y-axis is in view on first paint and its plot opens on the newest data`, async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(path);
      const charts = page.locator('.chart-frame');
      expect(await charts.count()).toBeGreaterThan(0);
      for (const chart of await charts.all()) {
        const axis = chart.locator('[data-chart-y-axis]');
        const a = await axis.evaluate((n) => n.getBoundingClientRect().toJSON() as DOMRect);
        expect(a.left).toBeGreaterThanOrEqual(0);
        expect(a.right).toBeLessThanOrEqual(390);
        // Its tick labels show (not clipped away by the scroll box).
        await expect(axis.locator('.chart-label text').first()).toBeVisible();
        // The plot's right-hand (newest) end is in view; a wider plot has its older end out of view to the left.
        const { plotRight, boxRight } = await chart.evaluate((n) => ({
          plotRight: n.querySelector('.chart-plot')?.getBoundingClientRect().right ?? 0,
          boxRight: n.querySelector('.chart-scroll')?.getBoundingClientRect().right ?? 0,
        }));
        expect(Math.abs(plotRight - boxRight)).toBeLessThanOrEqual(2);
        // Scrolling the plot leaves the y-axis where it is.
        await chart.locator('.chart-scroll').evaluate((n) => n.scrollBy({ left: -10_000 }));
        expect((await axis.evaluate((n) => n.getBoundingClientRect().left))).toBeCloseTo(a.left, 0);
      }
    });
  }

  test('1280 px: a chart uses the column width', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(pages.find(([name]) => name === 'topic')?.[1] ?? '/');
    const chart = await box(page, '.chart-frame');
    const widths = await page.evaluate(() => ({
      frame: document.querySelector('.chart-frame')?.getBoundingClientRect().width ?? 0,
      column: document.querySelector('.chart-section')?.getBoundingClientRect().width ?? 0,
    }));
    expect(chart.bottom).toBeGreaterThan(chart.top);
    expect(widths.frame).toBeGreaterThan(widths.column - 4);
  });
});

test.describe('the heatmap', () => {
  const heatmap = pages.find(([name]) => name === 'heatmap')?.[1] ?? '/trends/';

  /** Opens the heatmap at `width` and checks the year fits its box and no topic name is cut. */
  async function fitsWithNamesWhole(page: Page, width: number): Promise<void> {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(heatmap);
    const { scroll, client } = await page.locator('.heatmap').first().evaluate((n) => ({ scroll: n.scrollWidth, client: n.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client);
    const cut = await page.locator('.heatmap-topic').evaluateAll((ns) => ns.filter((n) => n.scrollWidth > n.clientWidth + 1).map((n) => n.textContent));
    expect(cut).toEqual([]);
  }

  test('1280 px: the whole year is in view without sideways scroll, topic names uncut, table badges on one line', async ({ page }) => {
    await fitsWithNamesWhole(page, 1280);
    await page.locator('details').evaluateAll((all) => {
      for (const d of all) if (d instanceof HTMLDetailsElement) d.open = true;
    });
    const wrapped = await page.locator('table .verdict').evaluateAll((ns) => ns.filter((n) => n.getClientRects().length > 1 || n.getBoundingClientRect().height > 40).length);
    expect(wrapped).toBe(0);
  });

  test('390 px: the year reads vertically (weeks stacked down under each topic) and fits the screen', async ({ page }) => {
    await fitsWithNamesWhole(page, 390);
    // Each topic is a block of its own: the second topic's name sits below the first topic's cells.
    const [first, second] = await page.locator('.heatmap').first().locator('.heatmap-row').evaluateAll((rows) => rows.slice(0, 2).map((r) => r.getBoundingClientRect().toJSON() as DOMRect));
    if (first && second) expect(second.top).toBeGreaterThanOrEqual(first.bottom - 1);
    const cells = page.locator('.heatmap').first().locator('.heatmap-row').first().locator('.heatmap-cell');
    const tops = new Set(await cells.evaluateAll((ns) => ns.map((n) => Math.round(n.getBoundingClientRect().top))));
    expect(tops.size).toBeGreaterThan(3);
  });
});

test.describe('the home page says where every topic stands', () => {
  test('every topic with a weekly verdict has a row: verdict, week, age and a dated run of named cells', async ({ page }) => {
    await page.goto('/');
    const covered = topicIds.filter((id) => en.some((a) => a.kind === 'weekly' && a.topic === id && a.trend));
    const rows = page.locator('.board-row');
    expect((await rows.evaluateAll((ns) => ns.map((n) => n.getAttribute('data-topic')))).sort()).toEqual([...covered].sort());
    for (const row of await rows.all()) {
      await expect(row.locator('.board-verdict')).toHaveText(/\S/);
      await expect(row.locator('.board-when time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\d$/);
      await expect(row.locator('.board-age')).toHaveText(/\S/);
      await expect(row.locator('.run-dates')).toHaveText(/\d{4}/);
      for (const cell of await row.locator('.run-cells a').all()) await expect(cell).toHaveAccessibleName(/\d{4}.*: \S/);
    }
    await expect(page.locator('.board-key')).toBeVisible();
  });

  test("the latest week's lead analysis is the headline, and its title leads to it", async ({ page }) => {
    await page.goto('/');
    const lead = page.locator('.home-lead .lead-title a');
    const title = (await lead.textContent()) ?? '';
    await lead.click();
    await expect(page.locator('h1')).toHaveText(title);
  });

  test('390 x 844: a verdict is on the first screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    const verdict = await box(page, '.analysis-verdict, .board-verdict');
    console.log(`first verdict on the home page at 390x844: y = ${Math.round(verdict.top)}`);
    expect(verdict.bottom).toBeLessThan(844);
  });
});

test('a week page names the topics it does not cover without a stray symbol', async ({ page }) => {
  await page.goto(pages.find(([name]) => name === 'week')?.[1] ?? '/weeks/');
  const empty = page.locator('.strip-empty');
  test.skip((await empty.count()) === 0, 'the week covers every topic');
  for (const tile of await empty.all()) {
    expect(((await tile.textContent()) ?? '').trim()).not.toMatch(/^[·.]/);
    await expect(tile.locator('.strip-verdict')).toHaveText(/\S/);
  }
});

test.describe('pages from content and the follow page', () => {
  test('the footer leads to About, Methodology and Contact in the page language', async ({ page }) => {
    await page.goto('/ru/');
    await page.locator('.site-footer a[href="/ru/methodology/"]').click();
    await expect(page).toHaveURL(/\/ru\/methodology\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.locator('h1')).toHaveText(/[А-Яа-я]/);
    await page.goto('/');
    await page.locator('.site-footer a[href="/about/"]').click();
    await expect(page).toHaveURL(/\/about\/$/);
    await expect(page.locator('main h1')).toBeVisible();
  });

  test('an unsigned analysis is signed with the publisher named in site.yaml', async ({ page }) => {
    const unsigned = en.find((a) => a.authors.length === 0);
    test.skip(!unsigned, 'every analysis is signed');
    const publisher = (parse(readFileSync(join(CONTENT_ROOT, 'site.yaml'), 'utf8')) as { publisher: Record<string, string> }).publisher['en'];
    await page.goto(unsigned?.url ?? '/');
    await expect(page.locator('.analysis-header .byline')).toHaveText(publisher ?? '');
  });

  test('the follow page lists the site, every topic, every verdict and actor feed, and a listed feed opens', async ({ page }) => {
    await page.goto('/');
    await page.locator('.home-follow a[href="/follow/"]').click();
    await expect(page).toHaveURL(/\/follow\/$/);
    const addresses = await page.locator('main a[href$="rss.xml"]').evaluateAll((ns) => ns.map((n) => n.getAttribute('href') ?? ''));
    expect(addresses.some((h) => /^https?:\/\/[^/]+\/rss\.xml$/.test(h) || h === '/rss.xml')).toBe(true);
    for (const id of topicIds) expect(addresses.some((h) => h.endsWith(`/topics/${id}/rss.xml`)), id).toBe(true);
    for (const trend of ['worse', 'unchanged', 'better']) expect(addresses.some((h) => h.endsWith(`/trends/${trend}/rss.xml`)), trend).toBe(true);
    expect(addresses.some((h) => /\/actors\/[^/]+\/rss\.xml$/.test(h))).toBe(true);
    await expect(page.locator('main .subscribe-link')).toBeVisible();
  });
});

test.describe('a feed in a browser under the site headers', () => {
  const dist = resolve(process.env['E2E_DIST'] ?? 'dist');
  const site = serveDuringFile(test, dist, { headers: true });
  for (const path of ['/rss.xml', '/be/rss.xml', `/topics/${topicIds[0] ?? ''}/rss.xml`]) {
    test(`${path}: 0 messages about the security policy, the site's fonts, the view laid out`, async ({ page }) => {
      const messages: string[] = [];
      page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
      const response = await page.goto(`${site()}${path}`);
      // The site's own policy applies to the feed: no inline styles or scripts allowed, no framing.
      const policy = response?.headers()['content-security-policy'] ?? '';
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe-inline');
      await expect(page.locator('.feed-header h1')).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      const fonts = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')));
      expect(fonts).toContain('Source Serif 4');
      expect(messages.filter((m) => /content.security.policy|CSP|XSLT/i.test(m))).toEqual([]);
    });
  }
});
