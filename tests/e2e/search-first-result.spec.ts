/**
 * The first result, the moment it appears, on a slow phone and a desktop (issue 29): with the
 * CPU throttled four times (DevTools protocol), a reader taps (390 px, touch) or clicks (1280 px,
 * mouse) the first result as soon as it is visible, twenty times each, and must land on the
 * analysis that card showed: nothing may move or redraw it under the pointer. And the search page
 * must not shift at all (cumulative layout shift 0) from its first paint until the results, and
 * what is drawn after them, are in.
 */
import type { CDPSession, Page } from '@playwright/test';
import { analyses } from './content';
import { expect, test } from './fixtures';

const DEVICES = [
  { name: '390 px, touch', touch: true, use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } },
  { name: '1280 px, mouse', touch: false, use: { viewport: { width: 1280, height: 800 } } },
] as const;

/** Titles of analyses by URL, from the content folder (what a card must lead to). */
const titleOf = new Map(['en', 'be', 'ru'].flatMap((l) => analyses(l)).map((a) => [a.url, a.title]));

/** Searches a reader might start from: a word, a name, a listing by filter. */
const SEARCHES = ['/search/?q=nato', '/search/?q=sanctions', '/search/?trend=worse', '/search/', '/ru/search/?q=Лукашенко'];

/** Throttles the page's CPU four times (kept over same-site navigations in the tab). */
async function throttle(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return cdp;
}

/** Sums layout shifts not caused by input, from the first paint on (a buffered observer). */
function recordShifts(): void {
  const w = window as unknown as { layoutShift: number; shifts: string[] };
  w.layoutShift = 0;
  w.shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
      if (entry.hadRecentInput) continue;
      w.layoutShift += entry.value;
      w.shifts.push(`${entry.value.toFixed(4)} ${(entry.sources ?? []).map((s) => (s.node instanceof Element ? `${s.node.tagName.toLowerCase()}.${s.node.className}` : s.node?.nodeName ?? '?')).join(', ')}`);
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

for (const device of DEVICES) {
  test.describe(`at ${device.name}, CPU throttled 4x`, () => {
    test.use(device.use);

    test(`${device.touch ? 'a tap' : 'a click'} on the first result the moment it is visible opens that result, 20 times out of 20`, async ({ page }) => {
      test.setTimeout(300_000);
      await throttle(page);
      const wrong: string[] = [];
      for (let i = 0; i < 20; i += 1) {
        const search = SEARCHES[i % SEARCHES.length] ?? '/search/';
        await page.goto(search);
        const card = page.locator('[data-search-list] > li a[href]').first();
        await card.waitFor({ state: 'visible' });
        // The card's title (a whole-card link), or the link's text (a title link).
        const title = card.locator('.card-title');
        const shown = ((await title.count()) ? await title.textContent() : await card.textContent())?.trim() ?? '';
        if (device.touch) await card.tap();
        else await card.click();
        await page.waitForURL((url) => !url.pathname.includes('/search/'));
        const landed = new URL(page.url()).pathname;
        if (titleOf.get(landed) !== shown) wrong.push(`${search}: the card said “${shown}”, the browser opened ${landed}`);
        await expect(page.locator('h1')).toHaveText(titleOf.get(landed) ?? '');
      }
      expect(wrong).toEqual([]);
    });

    test('the search page does not shift while results and what follows them arrive (CLS 0)', async ({ page }) => {
      test.setTimeout(120_000);
      await throttle(page);
      await page.addInitScript(recordShifts);
      const shifted: string[] = [];
      for (const search of [...SEARCHES, '/search/?q=inflation', '/ru/search/?q=%D0%A2%D0%B8%D1%85%D0%B0%D0%BD%D0%BE%D0%B2%D1%81%D0%BA%D0%B0%D1%8F']) {
        await page.goto(search);
        await expect(page.locator('[data-search-root]')).toHaveAttribute('data-search-status', 'done');
        // Everything the page draws after the results (other languages, suggestions) comes from the index: wait until it is all in.
        await page.waitForLoadState('networkidle');
        await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))));
        const { layoutShift, shifts } = await page.evaluate(() => {
          const w = window as unknown as { layoutShift: number; shifts: string[] };
          return { layoutShift: w.layoutShift, shifts: w.shifts };
        });
        if (layoutShift > 0) shifted.push(`${search}: ${layoutShift.toFixed(4)} (${shifts.join('; ')})`);
      }
      expect(shifted).toEqual([]);
    });
  });
}
