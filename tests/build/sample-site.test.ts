/**
 * Builds the real sample content (content/) into a temp folder and checks the whole site: every
 * analysis, week, topic, actor, author and verdict has its page; the HTML is valid; no internal
 * link or fragment is broken.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentTree } from '../helpers/content-tree.ts';
import { mondayOf } from '../../src/lib/dates.ts';
import { validateContent } from '../../src/content-reader/index.ts';
import { sitePaths } from '../../src/lib/site-paths.ts';
import { ADMIN_CSP_DIRECTIVES } from '../../src/host-headers/csp.ts';
import { sampleDist } from '../helpers/shared-builds.ts';
import { brokenLinks, htmlErrors, htmlFiles, pagePath } from '../helpers/site-checks.ts';

let dist: string;
let report: ReturnType<typeof validateContent>;

beforeAll(async () => {
  dist = sampleDist();
  report = validateContent(await readContentTree('content'));
}, 600_000);

const exists = (path: string) => existsSync(join(dist, path, 'index.html'));
/** Ids of a taxonomy folder: its YAML file names. */
const ids = (kind: string) =>
  readdirSync(join('content', kind))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''));

describe('the built sample site', () => {
  it('has a page for every analysis and every week, in its language', () => {
    const published = report.analyses.filter((a) => !a.data.draft);
    expect(published.length).toBeGreaterThanOrEqual(24);
    for (const a of published) {
      expect(exists(`${sitePaths('en').prefix(a.lang)}/analyses/${a.slug}`), a.file).toBe(true);
      if (a.data.kind === 'weekly' && a.data.period) expect(exists(`${sitePaths('en').prefix(a.lang)}/weeks/${mondayOf(a.data.period.start)}`), a.file).toBe(true);
    }
  });

  it('has a page for every topic, actor, author and verdict in every language', () => {
    for (const lang of ['en', 'be', 'ru'] as const) {
      const p = sitePaths('en').prefix(lang);
      for (const kind of ['topics', 'actors', 'authors'] as const) {
        expect(exists(`${p}/${kind}`)).toBe(true);
        for (const id of ids(kind)) expect(exists(`${p}/${kind}/${id}`), `${p}/${kind}/${id}/`).toBe(true);
      }
      for (const trend of ['worse', 'unchanged', 'better']) expect(exists(`${p}/trends/${trend}`)).toBe(true);
      for (const page of ['', '/weeks', '/archive', '/search']) expect(exists(`${p}${page}`), `${p}${page}/`).toBe(true);
    }
  });

  it('is valid HTML on every page', async () => {
    expect(await htmlErrors(dist)).toEqual([]);
  }, 120_000);

  it('has no broken internal links or fragments, and every page is reachable from the home page', async () => {
    const { broken, reached } = await brokenLinks(dist);
    expect(broken).toEqual([]);
    // The editors' form is for the desk, not linked from the site.
    const orphans = htmlFiles(dist).map((f) => pagePath(dist, f)).filter((p) => p !== '/404.html' && !reached.has(p));
    expect(orphans).toEqual([]);
  }, 300_000);

  it('builds the editors\' form as a build, whatever NODE_ENV the build ran under', () => {
    // Vitest runs these builds with NODE_ENV=test, and Vite derives import.meta.env.DEV from
    // NODE_ENV: a page that chose on DEV lost its policy in such a build, as on a host whose
    // environment sets NODE_ENV to anything but "production".
    expect(process.env.NODE_ENV).not.toBe('production');
    const html = readFileSync(join(dist, 'admin', 'index.html'), 'utf8');
    expect(html).toContain(`<meta http-equiv="content-security-policy" content="${ADMIN_CSP_DIRECTIVES.join('; ')}"`);
  });
});
