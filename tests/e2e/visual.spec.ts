/**
 * Screenshot baselines: the first screen of one page of each type at 390, 768 and 1280 px, in
 * light and dark (the feed served with the build's _headers, as a host serves it). Fonts are
 * self-hosted, so a page renders the same on any machine with the same Chromium. The 390 and 1280 px baselines are also the README's screenshots.
 *
 * Regenerate every baseline (after a deliberate design change, or on a new Chromium) with one
 * command: `npm run screenshots` (a build, then this spec with --update-snapshots).
 */
import { resolve } from 'node:path';
import { serveDuringFile } from '../helpers/serve.ts';
import { analyses } from './content';
import { expect, test } from './fixtures';

const en = analyses('en');
const weekly = en.find((a) => a.kind === 'weekly' && a.topic && a.actors.length > 0);
const longForm = en.find((a) => a.kind !== 'weekly');
const years = en.map((a) => a.date.slice(0, 4)).sort();

/** One page of each type, named for the baseline files. */
const pages: [string, string][] = [
  ['home', '/'],
  ['analysis', weekly?.url ?? '/'],
  ['long-form', longForm?.url ?? '/'],
  ['week', weekly ? `/weeks/${weekly.date}/` : '/weeks/'],
  ['topic', weekly ? `/topics/${weekly.topic ?? ''}/` : '/topics/'],
  ['trends', '/trends/'],
  ['heatmap', `/trends/${years[years.length - 1] ?? ''}/`],
  ['archive', '/archive/'],
  ['home-be', '/be/'],
  ['about', '/about/'],
  ['follow', '/follow/'],
  // Served with dist/_headers below, so the baseline is the feed as a browser shows it under the site's CSP.
  ['feed', '/rss.xml'],
];

/** The build served with its _headers applied (for the feed). */
const withHeaders = serveDuringFile(test, resolve(process.env['E2E_DIST'] ?? 'dist'), { headers: true });

const widths = [
  ['phone', 390, 844],
  ['tablet', 768, 1024],
  ['desktop', 1280, 900],
] as const;

for (const scheme of ['light', 'dark'] as const) {
  for (const [device, width, height] of widths) {
    test.describe(`${scheme} ${device}`, () => {
      test.use({ colorScheme: scheme, viewport: { width, height }, hasTouch: device === 'phone' });
      for (const [name, path] of pages) {
        test(`${name} looks as designed`, async ({ page }) => {
          await page.goto(name === 'feed' ? `${withHeaders()}${path}` : path);
          await page.evaluate(() => document.fonts.ready);
          await expect(page).toHaveScreenshot(`${name}-${device}-${scheme}.png`, { animations: 'disabled', maxDiffPixelRatio: 0.0005 });
        });
      }
    });
  }
}
