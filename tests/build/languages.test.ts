/**
 * site.yaml's `languages` drives the built site: the first is the default (served at the root,
 * x-default, Astro's i18n and the sitemap), the others live under /<lang>/, unlisted ones are not
 * built. The sample content is built once with `languages: [ru, en]`.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, NODE } from '../helpers/build-site.ts';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readdir } from 'node:fs/promises';

const run = promisify(execFile);

const SLUG = '2022-08-29-minsk-bets-on-a-divided-west';
let dir: string;
let dist: string;

/** A built file's text. */
const read = (path: string) => readFile(join(dist, path), 'utf8');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-languages-'));
  await cp('content', join(dir, 'content'), { recursive: true });
  const site = await readFile(join(dir, 'content/site.yaml'), 'utf8');
  expect(site).toMatch(/^languages: \[en, be, ru\]$/m);
  await writeFile(join(dir, 'content/site.yaml'), site.replace(/^languages: .*$/m, 'languages: [ru, en]'));
  dist = join(dir, 'dist');
  await buildSite(join(dir, 'content'), dist, join(dir, 'cache'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('languages: [ru, en]', () => {
  it('serves Russian at the root and English under /en/', async () => {
    expect(await read('index.html')).toMatch(/<html[^>]* lang="ru"/);
    expect(await read('en/index.html')).toMatch(/<html[^>]* lang="en"/);
    expect(existsSync(join(dist, 'ru/index.html'))).toBe(false);
  });

  it('builds no pages in an unlisted language', () => {
    expect(existsSync(join(dist, 'be'))).toBe(false);
  });

  it('links an English analysis to its Russian version at the root, which is x-default', async () => {
    const html = await read(`en/analyses/${SLUG}/index.html`);
    const xDefault = /<link rel="alternate" hreflang="x-default" href="([^"]+)"/.exec(html)?.[1];
    const ru = /<link rel="alternate" hreflang="ru" href="([^"]+)"/.exec(html)?.[1];
    expect(ru).toBeDefined();
    expect(xDefault).toBe(ru);
    expect(new URL(ru ?? '').pathname).toMatch(/^\/analyses\//);
  });

  it('gives the sitemap Russian at the root and English under /en/', async () => {
    const sitemap = await read('sitemap-0.xml');
    expect(sitemap).toContain('<loc>https://barometer.example.org/en/</loc>');
    expect(sitemap).toContain('hreflang="ru" href="https://barometer.example.org/"');
    expect(sitemap).not.toContain('/ru/');
  });

  it('shards the search index by the root language: Russian analyses at the root are indexed as Russian', async () => {
    const shards = (await readdir(join(dist, 'pagefind'))).filter((name) => name !== 'pagefind.js').sort();
    expect(shards.some((name) => name.startsWith('ru-'))).toBe(true);
    expect(shards.some((name) => name.startsWith('en-'))).toBe(true);
    expect(shards.some((name) => name.startsWith('be-'))).toBe(false);
    // The Russian shard holds the pages at the root: its metadata names root URLs only.
    const merged = await read('pagefind/pagefind.js');
    expect(merged).toMatch(/"path":"ru-\d+\/","lang":"ru"/);
  });

  it('serves a Russian 404 that offers the English pages under /en/', async () => {
    const page = await read('404.html');
    expect(page).toMatch(/<html[^>]* lang="ru"/);
    expect(page).toContain('href="/en/"');
    expect(page).not.toContain('href="/ru/');
  });

  it('lets the newsletter script find the Russian edition at the root by default', async () => {
    const { stdout } = await run(NODE, [join(process.cwd(), 'scripts/newsletter.ts'), '--week', '2022-08-29', '--dist', dist]);
    // The mail copy of the edition at the root of the build (paths are printed relative to the working folder).
    expect(stdout).toMatch(/html: +\S*\/dist\/weeks\/2022-08-29\/mail\.html\n/);
    expect(stdout).toMatch(/subject: .*\p{Script=Cyrillic}/u);
  });
});
