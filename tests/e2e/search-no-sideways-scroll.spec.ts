/**
 * No page scrolls sideways on a phone (issue 12): one page of every type in every language, at
 * 320 and 390 px. Wide things (heatmaps, charts, tables) must scroll inside their own box.
 */
import { analyses } from './content';
import { expect, searchDone, test } from './fixtures';

const LANGS = ['en', 'be', 'ru'] as const;

/** One URL per page type for a language, built from that language's content. */
function pagesOf(lang: (typeof LANGS)[number]): string[] {
  const list = analyses(lang);
  const first = list.find((a) => a.kind === 'weekly' && a.topic && a.actors.length && a.authors.length) ?? list[0];
  if (!first?.topic) throw new Error(`content/analyses/${lang}: no weekly analysis with a topic`);
  const p = lang === 'en' ? '' : `/${lang}`;
  const week = list.filter((a) => a.kind === 'weekly').map((a) => a.date).sort()[0] ?? first.date;
  return [
    `${p}/`,
    first.url,
    `${p}/weeks/`,
    `${p}/weeks/${week}/`,
    `${p}/topics/`,
    `${p}/topics/${first.topic}/`,
    `${p}/actors/`,
    `${p}/actors/${first.actors[0] ?? ''}/`,
    `${p}/authors/`,
    `${p}/authors/${first.authors[0] ?? ''}/`,
    `${p}/trends/`,
    `${p}/trends/${first.date.slice(0, 4)}/`,
    `${p}/trends/worse/`,
    `${p}/archive/`,
    `${p}/search/?q=the&trend=worse`,
  ];
}

for (const width of [320, 390]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 }, hasTouch: true, isMobile: true });
    for (const lang of LANGS) {
      test(`no ${lang} page is wider than the screen`, async ({ page }) => {
        const wide: string[] = [];
        for (const url of pagesOf(lang)) {
          const response = await page.goto(url);
          expect(response?.status(), url).toBe(200);
          if (url.includes('/search/')) await searchDone(page);
          // Against the device width, not innerWidth: a phone browser widens its layout viewport
          // to fit wide content (innerWidth grows with it), which is exactly the fault sought.
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          if (scroll > width) wide.push(`${url}: ${scroll} px`);
        }
        expect(wide, 'pages that scroll sideways').toEqual([]);
      });
    }
  });
}
