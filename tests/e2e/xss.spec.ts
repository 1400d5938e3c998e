/**
 * The script-injection corpus (tests/fixtures/xss/) in Chromium: the corpus is built into a temp
 * folder and served here; every page is loaded as served, and the pages carrying the payloads
 * again with their CSP <meta> removed, so sanitising and escaping are shown to hold on their own,
 * not only behind the CSP.
 * On no page may a payload run (window.__xss, a dialog, document.title = 'PWNED'), a style apply
 * (--xss-injected, a hidden body), a CSP violation, console error or uncaught exception happen.
 * The live DOM, after the page's own scripts (search), must pass the same checks as the built
 * HTML does in tests/build/xss.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startServer } from '../../scripts/lib/static-server.ts';
import { buildSite } from '../helpers/build-site.ts';
import { injectionProblems, snapshotDom } from '../helpers/injection-checks.ts';
import { htmlFiles, pagePath } from '../helpers/site-checks.ts';

/** What a page shows of a payload having run or a style having applied. */
interface Observation {
  /** `typeof window.__xss`: anything but "undefined" means a payload ran or clobbered it. */
  xss: string;
  title: string;
  /** The title as served, parsed from the response without running anything. */
  servedTitle: string;
  /** `--xss-injected` on the root element: set only by an injected style. */
  injected: string;
  bodyDisplay: string;
  /** Failures of the DOM checks (injection-checks.ts); empty when they were not run. */
  problems: string[];
}

/** A page with everything it reported: dialogs, console errors, uncaught errors, CSP violations. */
interface Watched {
  page: Page;
  events: string[];
}

/**
 * The corpus keeps <img src="x"> (a harmless relative image once its onerror is gone), so these
 * 404s are expected; any other console error is a failure.
 */
const EXPECTED_404 = /\/(?:x|1)$/;

/** Pages loaded at once: the pages are small, most of the time goes into round trips. */
const CONCURRENCY = 4;

let dir: string;
let server: Server;
let origin: string;
let paths: string[] = [];

// One worker for the whole file: the corpus is built once, in beforeAll.
test.describe.configure({ mode: 'default' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dir = await mkdtemp(join(tmpdir(), 'barometer-xss-e2e-'));
  const dist = join(dir, 'dist');
  await buildSite(resolve('tests/fixtures/xss/content'), dist, join(dir, 'cache'));
  paths = htmlFiles(dist)
    .map((f) => pagePath(dist, f))
    .filter((p) => p !== '/404.html');
  server = await startServer(dist, 0);
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(async () => {
  await new Promise((done) => server.close(done));
  await rm(dir, { recursive: true, force: true });
});

/** Reports CSP violations as console errors (an init script runs outside the page's CSP). */
function reportCspViolations(): void {
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
  });
}

/** A context whose documents are served with or without their CSP <meta>. */
async function newContext(browser: Browser, withCsp: boolean): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript(reportCspViolations);
  if (!withCsp) {
    await context.route(`${origin}/**`, async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      const body = (await response.text()).replace(/<meta http-equiv="content-security-policy"[^>]*>/i, '');
      return route.fulfill({ response, body });
    });
  }
  return context;
}

/** Opens a page that records dialogs (dismissing them, so alert() cannot stall it) and errors. */
async function watchedPage(context: BrowserContext): Promise<Watched> {
  const page = await context.newPage();
  const events: string[] = [];
  page.on('dialog', (dialog) => {
    events.push(`dialog ${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    if (message.text().includes('404') && (EXPECTED_404.test(where) || where.endsWith('/no-such-page/'))) return;
    events.push(`console error: ${message.text()} (${where})`);
  });
  page.on('pageerror', (error) => events.push(`uncaught: ${error.message}`));
  return { page, events };
}

/**
 * Looks at the page once its load event and the tasks it queued (onerror, ontoggle) are done.
 * `cspMeta` undefined skips the DOM checks.
 */
async function observe(page: Page, path: string, served: string, cspMeta?: boolean): Promise<Observation> {
  const state = await page.evaluate(async (html) => {
    await new Promise((done) => setTimeout(done, 20));
    return {
      xss: typeof (window as unknown as Record<string, unknown>)['__xss'],
      title: document.title,
      servedTitle: new DOMParser().parseFromString(html, 'text/html').title,
      injected: getComputedStyle(document.documentElement).getPropertyValue('--xss-injected'),
      bodyDisplay: getComputedStyle(document.body).display,
    };
  }, served);
  if (cspMeta === undefined) return { ...state, problems: [] };
  const searchPage = /^\/(?:(?:be|ru)\/)?search\/$/.test(new URL(path, origin).pathname);
  return { ...state, problems: injectionProblems(await page.evaluate(snapshotDom), { path, searchPage, cspMeta }) };
}

/** Everything wrong with one observed page, as lines naming it. */
function failures(o: Observation, events: readonly string[], label: string): string[] {
  const out = events.map((e) => `${label}: ${e}`);
  if (o.xss !== 'undefined') out.push(`${label}: window.__xss is ${o.xss}`);
  // The search page puts its query and filters before the served title (see searchDocumentTitle).
  const ownTitle = o.title === o.servedTitle || o.title.endsWith(` — ${o.servedTitle}`);
  if (!ownTitle || o.title === 'PWNED') out.push(`${label}: document.title changed to ${JSON.stringify(o.title)}`);
  if (o.injected !== '') out.push(`${label}: --xss-injected is ${JSON.stringify(o.injected)}`);
  if (o.bodyDisplay === 'none') out.push(`${label}: the body is hidden`);
  return [...out, ...o.problems];
}

/** Loads every path (a few at a time) and returns what went wrong on any of them. */
async function sweep(browser: Browser, list: readonly string[], withCsp: boolean): Promise<string[]> {
  const context = await newContext(browser, withCsp);
  const queue = [...list];
  const out: string[] = [];
  const worker = async () => {
    const { page, events } = await watchedPage(context);
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const label = withCsp ? path : `${path} (no CSP)`;
      const response = await page.goto(`${origin}${path}`);
      if (response?.status() !== 200) out.push(`${label}: status ${response?.status() ?? 'none'}`);
      // The DOM checks run on the first pass; the second looks only for payloads that ran.
      const o = await observe(page, path, (await response?.text()) ?? '', withCsp ? true : undefined);
      out.push(...failures(o, events.splice(0), label));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await context.close();
  return out;
}

for (const [name, prefix] of [['English', '/'], ['Belarusian', '/be/'], ['Russian', '/ru/']] as const) {
  test(`no payload runs on any ${name} page, as served or without the CSP`, async ({ browser }) => {
    test.setTimeout(120_000);
    const mine = paths.filter((p) => (prefix === '/' ? !/^\/(?:be|ru)\//.test(p) : p.startsWith(prefix)));
    expect(mine.length).toBeGreaterThan(15);
    // Without the CSP: the pages that carry each kind of payload (bodies, frontmatter, taxonomy,
    // site settings). On every other page the DOM checks of the first pass already show that no
    // script, handler or style survived that could run.
    const carriers = mine.filter((p) => p === prefix || /\/(?:analyses|topics|actors|authors)\/[^/]+\/$/.test(p));
    expect([...(await sweep(browser, mine, true)), ...(await sweep(browser, carriers, false))]).toEqual([]);
  });
}

test('search results and filters show the payloads as text, with or without the CSP', async ({ browser }) => {
  test.setTimeout(120_000);
  const out: string[] = [];
  for (const withCsp of [true, false]) {
    const context = await newContext(browser, withCsp);
    const { page, events } = await watchedPage(context);
    // Results from every language; filter labels in English, then in Russian.
    for (const path of ['/search/?topic=scripted-topic&lang=all', '/ru/search/?author=mallory-markup&lang=all']) {
      const response = await page.goto(`${origin}${path}`);
      await expect(page.locator('[data-search-root]')).toHaveAttribute('data-search-status', 'done');
      // Result titles come from the analyses' <h1>, filter labels from the taxonomy: payloads all.
      await expect(page.locator('[data-search-list] .search-result a.search-card .card-title').filter({ hasText: '<' }).first()).toBeVisible();
      await expect(page.locator('[data-search-groups]')).toContainText('<script>');
      const o = await observe(page, path, (await response?.text()) ?? '', withCsp);
      out.push(...failures(o, events.splice(0), withCsp ? path : `${path} (no CSP)`));
    }
    await context.close();
  }
  expect(out).toEqual([]);
});

test('the 404 page stays clean', async ({ browser }) => {
  const context = await newContext(browser, true);
  const { page, events } = await watchedPage(context);
  const response = await page.goto(`${origin}/no-such-page/`);
  expect(response?.status()).toBe(404);
  expect(failures(await observe(page, '/no-such-page/', (await response?.text()) ?? '', true), events, '/no-such-page/')).toEqual([]);
  await context.close();
});

test('the checks see a payload that runs (control)', async ({ browser }) => {
  const context = await newContext(browser, false);
  const { page, events } = await watchedPage(context);
  const html = `<!doctype html><html><head><title>Control</title><style>:root { --xss-injected: 1 }</style></head>
    <body><img src="data:," onerror="window.__xss = 1"><script>alert('control'); document.title = 'PWNED'</script></body></html>`;
  await page.route(`${origin}/control/`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${origin}/control/`);
  await expect.poll(() => page.evaluate(() => typeof (window as unknown as Record<string, unknown>)['__xss'])).toBe('number');
  const found = failures(await observe(page, '/control/', html, true), events, '/control/').join('\n');
  for (const line of ['dialog alert: control', 'window.__xss is number', 'document.title changed to "PWNED"', '--xss-injected is "1"', '<style> element is not allowed', 'event handler onerror', '<script> script', '0 content-security-policy <meta> elements']) {
    expect(found).toContain(line);
  }
  await context.close();
});

test('the logo opened on its own runs nothing, served without any header', async ({ browser }) => {
  const context = await browser.newContext();
  const { page, events } = await watchedPage(context);
  const response = await page.goto(`${origin}/logo.svg`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toBeUndefined();
  // The document is the SVG itself: its root is <svg>, and it drew what the fixture draws.
  expect(await page.evaluate(() => document.documentElement.tagName)).toBe('svg');
  expect(await page.locator('circle').count()).toBe(1);
  const ran = () => page.evaluate(() => typeof (window as unknown as Record<string, unknown>)['__xss']);
  expect(await ran()).toBe('undefined');
  await page.locator('circle').dispatchEvent('click');
  await page.evaluate(() => new Promise((done) => setTimeout(done, 50)));
  expect(await ran()).toBe('undefined');
  // An SVG document names no icon, so Chromium asks for /favicon.ico, which the site does not have.
  expect(events.filter((e) => !e.includes('/favicon.ico'))).toEqual([]);
  await context.close();
});
