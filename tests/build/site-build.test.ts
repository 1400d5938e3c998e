/**
 * Reads the small fixture site (tests/helpers/fixture-content.ts, built with the real pipeline once
 * per run by tests/build/global-setup.ts) and checks
 * that every page type exists per language and that every internal link, fragment included,
 * resolves.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALPHA_WEEKS, FIRST_MONDAY } from '../helpers/fixture-content.ts';
import { fixtureSite } from '../helpers/shared-builds.ts';
import { brokenLinks, htmlErrors } from '../helpers/site-checks.ts';

// Built once per run by tests/build/global-setup.ts (the determinism test reads it too).
const dist = join(fixtureSite(), 'dist');

const page = (path: string) => join(dist, path, 'index.html');
const html = (path: string) => readFile(page(path), 'utf8');

describe('the built fixture site', () => {
  const types = [
    '',
    'analyses/2023-01-02-alpha',
    'weeks',
    `weeks/${FIRST_MONDAY}`,
    'topics',
    'topics/alpha',
    'topics/alpha/2',
    'topics/beta',
    'actors',
    'actors/ruler',
    'authors',
    'authors/ann-writer',
    'trends',
    'trends/worse',
    'archive',
    'archive/2',
    'trends/better',
    'search',
  ];
  // Pages that exist only where a language has the analyses for them: the fixture has one
  // Russian analysis, no Belarusian one, and only English has a second listing page.
  const prefixesFor = (path: string) => (/\/2$/.test(path) ? [''] : /^(analyses|weeks)\//.test(path) ? ['', 'ru/'] : ['', 'be/', 'ru/']);
  it.each(types)('has the page type /%s/ in every language that has analyses for it', (path) => {
    for (const prefix of prefixesFor(path)) {
      expect(existsSync(page(`${prefix}${path}`)), `/${prefix}${path}/`).toBe(true);
    }
  });

  it('has a 404 page', () => {
    expect(existsSync(join(dist, '404.html'))).toBe(true);
  });

  it('paginates at 20 per page with stable URLs', async () => {
    const first = await html('topics/alpha');
    const second = await html('topics/alpha/2');
    const count = (s: string) => (s.match(/<article class="card"/g) ?? []).length;
    expect(count(first)).toBe(20);
    expect(count(second)).toBe(ALPHA_WEEKS - 20);
    expect(existsSync(page('topics/alpha/3'))).toBe(false);
  });

  it('never publishes drafts', () => {
    expect(existsSync(page('analyses/2023-03-01-draft'))).toBe(false);
    expect(existsSync(page('analyses/undated-draft'))).toBe(false);
  });

  it('renders an analysis with period, verdict, byline, actors, footnotes and translation link', async () => {
    const a = await html('analyses/2023-01-02-alpha');
    expect(a).toMatch(/January 2\s–\s8, 2023/);
    expect(a).toContain('class="verdict verdict-worse"');
    expect(a).toContain('The situation got worse');
    expect(a).toContain('href="/authors/ann-writer/"');
    expect(a).toContain('href="/actors/ruler/"');
    expect(a).toContain('data-footnotes');
    expect(a).toContain('hreflang="ru"');
    expect(a).toContain('<html lang="en">');
    expect(await html('ru/analyses/2023-01-02-alpha')).toContain('<html lang="ru">');
  });

  it('shows sources with outlet and access date, and the origin', async () => {
    const a = await html('analyses/2023-02-01-long-read');
    expect(a).toContain('Example Outlet');
    expect(a).toMatch(/accessed January 31, 2023/);
    expect(a).toContain('href="https://example.org/origin"');
  });

  it('ships no client JavaScript on the browsing pages', async () => {
    for (const path of ['', 'analyses/2023-01-02-alpha', 'topics/alpha', `weeks/${FIRST_MONDAY}`]) {
      expect(await html(path)).not.toMatch(/<script/);
    }
  });

  it('has no broken internal links or fragments', async () => {
    const { broken, reached } = await brokenLinks(dist);
    expect(broken).toEqual([]);
    expect(reached.has('/topics/alpha/2/')).toBe(true);
  }, 120_000);

  it('is valid HTML on every page', async () => {
    expect(await htmlErrors(dist)).toEqual([]);
  }, 120_000);
});
