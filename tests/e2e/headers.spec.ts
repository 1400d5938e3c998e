/**
 * The build served as Netlify or Cloudflare Pages would serve it: a static server that applies
 * dist/_headers. Every page loads in Chromium with the CSP as a real header and no violation of
 * it, the header says what the page's own <meta> policy says (one source: src/host-headers/csp.ts), and
 * no page can be framed by another site.
 */
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { expect as baseExpect, test as baseTest, type Page } from '@playwright/test';
import { serve, serveDuringFile } from '../helpers/serve.ts';
import { HEADER_ONLY_DIRECTIVES, parseCsp } from '../../src/host-headers/csp.ts';
import { htmlFiles, pagePath } from '../helpers/site-checks.ts';
import { expect, test } from './fixtures';

const dist = resolve(process.env['E2E_DIST'] ?? 'dist');
/** Every page of the build (htmlFiles leaves out the email editions: tests/e2e/email.spec.ts loads those). */
const paths = htmlFiles(dist).map((f) => pagePath(dist, f));
/** Pages per test: the pages are small, most of the time goes into round trips. */
const BATCH = 40;

/** The build served with its _headers applied. */
const site = serveDuringFile(test, dist, { headers: true });

/** The directives a policy sets, hashes left out, header-only directives dropped. */
function comparable(policy: string): Record<string, string[]> {
  const header = new Set(HEADER_ONLY_DIRECTIVES.map((d) => d.split(' ')[0]));
  return Object.fromEntries([...parseCsp(policy)].filter(([name]) => !header.has(name)).sort(([a], [b]) => a.localeCompare(b)));
}

for (let start = 0; start < paths.length; start += BATCH) {
  const batch = paths.slice(start, start + BATCH);
  test(`pages ${start + 1}-${start + batch.length} of ${paths.length} load under the header CSP with no violation`, async ({ page }) => {
    test.setTimeout(120_000);
    for (const path of batch) {
      const response = await page.goto(`${site()}${path}`);
      expect(response?.status(), path).toBe(200);
      const headers = (await response?.allHeaders()) ?? {};
      const policy = headers['content-security-policy'] ?? '';
      expect(parseCsp(policy).get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(policy, path).not.toContain('unsafe-inline');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBeTruthy();
      const meta = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(comparable(policy), `${path}: header and <meta> policies differ`).toEqual(comparable(meta ?? ''));
    }
  });
}

test('the search works under the header CSP (worker, WebAssembly, index fetches)', async ({ page }) => {
  await page.goto(`${site()}/search/?q=sanctions`);
  await expect(page.locator('[data-search-root]')).toHaveAttribute('data-search-status', 'done');
  await expect(page.locator('[data-search-list] > li').first()).toBeVisible();
});

test('hashed assets are cached for a year, pages revalidated, and _headers itself is not served', async ({ request }) => {
  const home = await request.get(`${site()}/`);
  expect(home.headers()['cache-control']).toBe('public, max-age=0, must-revalidate');
  const css = /href="(\/_astro\/[^"]+\.css)"/.exec(await home.text())?.[1];
  expect(css).toBeTruthy();
  expect((await request.get(`${site()}${css ?? ''}`)).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect((await request.get(`${site()}/_headers`)).status()).toBe(404);
});

/**
 * Frames `targets` of `site` from a page on another origin (`localhost` on its own port, a real
 * server: Chromium refuses loopback frames inside a page it takes for a public one, which would
 * make the check pass for the wrong reason); returns each frame's URL and title once loaded.
 */
async function frameFromElsewhere(page: Page, site: string, targets: string[]): Promise<{ url: string; title: string }[]> {
  const html = `<!doctype html><title>framer</title>${targets.map((t) => `<iframe src="${site}${t}" width="400" height="300"></iframe>`).join('')}`;
  const framer = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((done) => framer.listen(0, '127.0.0.1', done));
  try {
    const address = framer.address();
    await page.goto(`http://localhost:${typeof address === 'object' && address ? address.port : 0}/`);
    const children = () => page.frames().filter((f) => f !== page.mainFrame());
    await baseExpect.poll(() => children().filter((f) => f.url() !== 'about:blank').length, { timeout: 15_000 }).toBe(targets.length);
    await page.waitForLoadState('load');
    return await Promise.all(children().map(async (f) => ({ url: f.url(), title: await f.evaluate(() => document.title).catch(() => '') })));
  } finally {
    framer.closeAllConnections();
    await new Promise((done) => framer.close(done));
  }
}

baseTest.describe('framing', () => {
  const targets = () => ['/', paths.find((p) => p.startsWith('/analyses/')) ?? '/archive/', '/be/weeks/', '/search/'];

  baseTest('no page can be framed by another site', async ({ page }) => {
    const frames = await frameFromElsewhere(page, site(), targets());
    // A refused frame holds Chromium's error page, never our document.
    for (const f of frames) {
      baseExpect(f.url).toBe('chrome-error://chromewebdata/');
      baseExpect(f.title).not.toMatch(/Barometer|Барометр/);
    }
  });

  baseTest('control: without the headers the same pages can be framed (the test above can fail)', async ({ page }) => {
    const bare = await serve(dist);
    try {
      const bareOrigin = bare.origin;
      const frames = await frameFromElsewhere(page, bareOrigin, targets());
      for (const f of frames) {
        baseExpect(f.url.startsWith(bareOrigin)).toBe(true);
        baseExpect(f.title).toMatch(/Barometer|Барометр/);
      }
    } finally {
      await bare.close();
    }
  });
});
