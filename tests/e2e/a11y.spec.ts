/**
 * Accessibility: axe-core (every rule it runs by default: WCAG 2.x A and AA plus best practices) on
 * one page of each type in English, the main types in Russian, the search page with results and
 * the 404 page, in the light and the dark colour scheme. No serious or critical violation is
 * allowed; lesser ones are printed, not failed.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { analyses } from './content';
import { expect, test } from './fixtures';

/** One page of each type (keyed by type), as paths; picked from content/ so they exist. */
function pagesOf(lang: 'en' | 'ru'): Record<string, string> {
  const list = analyses(lang);
  const prefix = lang === 'en' ? '/' : `/${lang}/`;
  // An analysis with both footnotes and cited sources shows every part of the analysis layout.
  const full = list.find((a) => a.body.includes('[^') && a.sources > 0) ?? list[0];
  const weekly = list.find((a) => a.kind === 'weekly' && a.topic !== undefined);
  const withAuthor = list.find((a) => a.authors.length > 0);
  const years = list.map((a) => a.date.slice(0, 4)).sort();
  // The busiest topic, whose listing has a second page when it holds more than 20 analyses.
  const perTopic = new Map<string, number>();
  for (const a of list) if (a.topic) perTopic.set(a.topic, (perTopic.get(a.topic) ?? 0) + 1);
  const [topic, topicCount] = [...perTopic].sort((a, b) => b[1] - a[1])[0] ?? [weekly?.topic ?? '', 0];
  const pages: Record<string, string | undefined> = {
    home: prefix,
    analysis: full?.url,
    week: weekly && `${prefix}weeks/${weekly.date}/`,
    weeks: `${prefix}weeks/`,
    topic: `${prefix}topics/${topic}/`,
    'topic page 2': topicCount > 20 ? `${prefix}topics/${topic}/2/` : undefined,
    topics: `${prefix}topics/`,
    actor: weekly && `${prefix}actors/${weekly.actors[0] ?? ''}/`,
    actors: `${prefix}actors/`,
    author: withAuthor && `${prefix}authors/${withAuthor.authors[0] ?? ''}/`,
    authors: `${prefix}authors/`,
    verdicts: `${prefix}trends/`,
    'verdict listing': `${prefix}trends/worse/`,
    heatmap: `${prefix}trends/${years[years.length - 1] ?? ''}/`,
    archive: `${prefix}archive/`,
    'archive page 2': list.length > 20 ? `${prefix}archive/2/` : undefined,
    about: `${prefix}about/`,
    methodology: `${prefix}methodology/`,
    follow: `${prefix}follow/`,
  };
  return Object.fromEntries(Object.entries(pages).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/**
 * Every type in English; in Russian the types whose layout carries the most language-dependent
 * text (long Cyrillic words, translated labels, charts), which keeps the run short.
 */
const RU_TYPES = ['home', 'analysis', 'week', 'topic', 'heatmap', 'methodology', 'follow'];

/**
 * The dark scheme changes colours only (custom properties under prefers-color-scheme), so there
 * the colour rules are enough; everything else was checked in the light scheme on the same DOM.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Runs axe and returns the serious and critical violations, one line per rule and element. */
async function seriousViolations(page: Page, scheme: 'light' | 'dark'): Promise<string[]> {
  await page.emulateMedia({ colorScheme: scheme });
  // Legacy mode runs axe in the page itself; the default opens a blank page per run to merge
  // results from frames, which doubles the time, and our pages have no frames.
  const builder = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
  const results = await (scheme === 'dark' ? builder.withRules(COLOUR_RULES) : builder).analyze();
  const lines: string[] = [];
  for (const v of results.violations) {
    const line = (n: { target: unknown; failureSummary?: string | undefined }) => `${scheme}: ${v.id} (${v.impact ?? '?'}): ${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`;
    if (v.impact === 'serious' || v.impact === 'critical') lines.push(...v.nodes.map(line));
    else if (v.nodes.length > 0) console.log(`a11y note on ${page.url()} (${scheme}): ${v.id} (${v.impact ?? '?'}) on ${v.nodes.length} element(s)`);
  }
  return lines;
}

/** Opens every <details> (data tables under charts, "Cite this"), so axe sees what they hide. */
async function openDetails(page: Page): Promise<void> {
  await page.locator('details').evaluateAll((all) => {
    for (const d of all) if (d instanceof HTMLDetailsElement) d.open = true;
  });
}

/** Checks the page in the light scheme, then in the dark one (no reload needed). */
async function checkBothSchemes(page: Page): Promise<void> {
  await openDetails(page);
  expect([...(await seriousViolations(page, 'light')), ...(await seriousViolations(page, 'dark'))]).toEqual([]);
}

for (const lang of ['en', 'ru'] as const) {
  test.describe(`accessibility (${lang})`, () => {
    const pages = Object.entries(pagesOf(lang)).filter(([type]) => lang === 'en' || RU_TYPES.includes(type));
    for (const [type, path] of pages) {
      test(`${type} ${path} has no serious or critical violations, light or dark`, async ({ page }) => {
        const response = await page.goto(path);
        expect(response?.status()).toBe(200);
        await checkBothSchemes(page);
      });
    }

    const search = lang === 'en' ? '/search/?q=sanctions' : `/${lang}/search/?lang=all&trend=worse`;
    test(`search with results ${search} has no serious or critical violations, light or dark`, async ({ page }) => {
      await page.goto(search);
      await expect(page.locator('[data-search-root]')).toHaveAttribute('data-search-status', 'done');
      await expect(page.locator('[data-search-list] .search-result a.search-card .card-title').first()).toBeVisible();
      await checkBothSchemes(page);
    });
  });
}

test.describe('accessibility on a narrow screen', () => {
  // Charts and tables scroll sideways on a phone: each scroll region must be reachable by keyboard.
  test.use({ viewport: { width: 360, height: 740 } });
  const en = pagesOf('en');
  // The pages with sideways-scrolling charts and tables (and the analysis, with its code blocks).
  for (const type of ['analysis', 'topic', 'actor', 'heatmap']) {
    const path = en[type];
    if (path === undefined) continue;
    test(`${type} ${path} has no serious or critical violations at 360 px`, async ({ page }) => {
      await page.goto(path);
      await openDetails(page);
      expect(await seriousViolations(page, 'light')).toEqual([]);
    });
  }
});

test.describe('accessibility (404)', () => {
  test.use({ expectedNotFound: ['/ru/no-such-page/'] });

  // One 404 page serves every language (it lists each language's way back).
  test('the 404 page has no serious or critical violations, light or dark', async ({ page }) => {
    const response = await page.goto('/ru/no-such-page/');
    expect(response?.status()).toBe(404);
    await checkBothSchemes(page);
  });
});
