/**
 * The built email editions in Chromium, served with the build's _headers (their own CSP): every
 * edition fits 600 px and 375 px without sideways scrolling, light and dark; every link is
 * absolute and leads to a page of the build; the plain text carries every link of the HTML; and
 * a reader reaches the edition from the week page by clicking its link.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveDuringFile } from '../helpers/serve.ts';
import { UNSUBSCRIBE_PLACEHOLDER } from '../../src/email/email.ts';
import { emailFiles, pagePath } from '../helpers/site-checks.ts';
import { parse } from 'yaml';
import { CONTENT_ROOT } from './content';
import { expect, test } from './fixtures';

const dist = resolve(process.env['E2E_DIST'] ?? 'dist');
const editions = emailFiles(dist).map((f) => pagePath(dist, f));
const BASE = 'https://barometer.example.org';

/** The mail service's sign-up page, as content/site.yaml names it (the web version links it). */
const subscribeUrl = (parse(readFileSync(join(CONTENT_ROOT, 'site.yaml'), 'utf8')) as { newsletter?: { subscribeUrl?: string } }).newsletter?.subscribeUrl;

/** The build served with its _headers applied. */
const site = serveDuringFile(test, dist, { headers: true });

/** The built file a site URL is served from (a folder URL: its index.html). */
function builtFile(url: string): string {
  const path = decodeURIComponent(new URL(url).pathname);
  return join(dist, path.endsWith('/') ? `${path}index.html` : path);
}

test('the build has editions in every language', () => {
  expect(editions.some((p) => p.startsWith('/weeks/'))).toBe(true);
  expect(editions.some((p) => p.startsWith('/be/weeks/'))).toBe(true);
  expect(editions.some((p) => p.startsWith('/ru/weeks/'))).toBe(true);
  // Each edition twice: the site's web version and the mail service's copy.
  expect(editions.filter((p) => p.endsWith('/mail.html')).map((p) => p.replace(/mail\.html$/, 'email.html'))).toEqual(editions.filter((p) => p.endsWith('/email.html')));
});

test('the web version offers a Subscribe link and no unsubscribe placeholder; the mail copy keeps the placeholder', async ({ page }) => {
  expect(subscribeUrl).toBeTruthy();
  for (const path of editions) {
    await page.goto(`${site()}${path}`);
    const links = await page.locator('a').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('href') ?? ''));
    const text = readFileSync(join(dist, path.replace(/\.html$/, '.txt')), 'utf8');
    if (path.endsWith('/email.html')) {
      expect(links, path).not.toContain(UNSUBSCRIBE_PLACEHOLDER);
      expect(links, path).toContain(subscribeUrl);
      expect(text, path).not.toContain(UNSUBSCRIBE_PLACEHOLDER);
    } else {
      expect(links, path).toContain(UNSUBSCRIBE_PLACEHOLDER);
      expect(links, path).not.toContain(subscribeUrl);
      expect(text, path).toContain(UNSUBSCRIBE_PLACEHOLDER);
    }
  }
});

for (const [width, scheme] of [[600, 'light'], [375, 'light'], [375, 'dark']] as const) {
  test.describe(`${width} px, ${scheme}`, () => {
    test.use({ viewport: { width, height: 800 }, colorScheme: scheme, hasTouch: width < 600 });

    test('every edition fits the width with no sideways scroll and no CSP violation', async ({ page }) => {
      test.setTimeout(120_000);
      for (const path of editions) {
        const response = await page.goto(`${site()}${path}`);
        expect(response?.status(), path).toBe(200);
        expect(response?.headers()['content-security-policy'], path).toContain("default-src 'none'");
        const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        expect(scroll, `${path} scrolls sideways at ${width} px`).toBeLessThanOrEqual(client);
        // Inline styles apply under the edition's policy: the layout column is at most 600 px.
        const column = await page.locator('.edition div[style*="max-width:600px"]').first().evaluate((n) => n.getBoundingClientRect().width);
        expect(column, path).toBeLessThanOrEqual(600);
        expect(column, path).toBeGreaterThan(width - 40);
      }
    });
  });
}

test('every link of every edition is absolute and leads to a built page; the text version has them all', async ({ page }) => {
  test.setTimeout(120_000);
  for (const path of editions) {
    await page.goto(`${site()}${path}`);
    const links = await page.locator('a').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('href') ?? ''));
    expect(links.length, path).toBeGreaterThan(3);
    for (const href of links) {
      // The mail copy's placeholder is filled in by the mail service; the sign-up page is the service's, not ours.
      if (href === UNSUBSCRIBE_PLACEHOLDER || href === subscribeUrl) continue;
      expect(href.startsWith(`${BASE}/`), `${path}: ${href}`).toBe(true);
      expect(existsSync(builtFile(href)), `${path}: ${href} is not a built page`).toBe(true);
    }
    const text = readFileSync(join(dist, path.replace(/\.html$/, '.txt')), 'utf8');
    const refs = new Set([...text.matchAll(/^\[\d+\] (\S+)$/gm)].map((m) => m[1]));
    for (const href of links) expect(refs.has(href), `${path}: ${href} missing from the text version`).toBe(true);
  }
});

test('a reader reaches the edition from the week page by its link', async ({ page }) => {
  const path = editions.find((p) => p.startsWith('/weeks/')) ?? '';
  const week = path.replace(/email\.html$/, '');
  await page.goto(`${site()}${week}`);
  await page.locator('.week-email a').first().click();
  await expect(page).toHaveURL(`${site()}${path}`);
  await expect(page.locator('h1')).toBeVisible();
  await page.goBack();
  await page.locator('.week-email a').nth(1).click();
  await expect(page).toHaveURL(`${site()}${week}email.txt`);
});
