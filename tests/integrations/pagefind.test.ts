import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContentRead } from '../../src/content-reader/handoff.ts';
import { buildSearchIndex, PagefindError } from '../../src/search/pagefind.ts';
import { withDeadline } from '../../src/search/shard-index.ts';
import { contentRead } from '../helpers/content-read.ts';
import { writeFixtureContent } from '../helpers/fixture-content.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-pagefind-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** An analysis file of another era (2019: the 2015-2019 shard) with `body`. */
function older(body: string): string {
  return `---\ntitle: An older week\nsummary: From an earlier era.\nkind: weekly\nperiod: { start: 2019-05-06, end: 2019-05-12 }\ntopic: beta\ntrend: worse\n---\n\n${body}\n`;
}

/** The fixture content (tests/helpers/fixture-content.ts) plus `extra` files, as a build hands it over. */
async function fixture(extra: Record<string, string> = {}, name = 'content'): Promise<ContentRead> {
  const root = join(dir, name);
  await rm(root, { recursive: true, force: true });
  await writeFixtureContent(root);
  for (const [path, text] of Object.entries(extra)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return contentRead(root, join(dir, `${name}-html`));
}

/** Every fragment's text in one shard of the index under `site`. */
async function fragmentTexts(site: string, shard: string): Promise<string[]> {
  const folder = join(site, 'pagefind', shard, 'fragment');
  return Promise.all((await readdir(folder)).map(async (f) => gunzipSync(await readFile(join(folder, f))).toString('utf8')));
}

describe('buildSearchIndex', () => {
  it('writes one bundle per language and era of the published analyses, and the merging module', async () => {
    const site = join(dir, 'site');
    const report = await buildSearchIndex(await fixture({ 'analyses/en/2019-05-06-older.md': older('An **older** week.') }), site, { cacheDir: join(dir, 'cache') });
    // 22 weeks on alpha, one on beta, the long read and the older week in English; the draft is left out.
    expect(report.recordsByLanguage).toEqual({ en: 25, ru: 1 });
    expect(report.built).toEqual(['en-2015', 'en-2020', 'ru-2020']);
    expect(report.indexBytes).toBeGreaterThan(0);
    expect(report.bytes).toBeGreaterThan(report.indexBytes);
    if (existsSync('/proc/self/stat')) {
      // The Pagefind process's own accounting, read from /proc (Linux): memory and CPU time.
      expect(report.peakMb).toBeGreaterThan(0);
      expect(report.cpuS).toBeGreaterThanOrEqual(0);
    }
    const entry: unknown = JSON.parse(await readFile(join(site, 'pagefind', 'en-2015', 'pagefind-entry.json'), 'utf8'));
    expect(entry).toMatchObject({ languages: { en: { page_count: 1 } } });
    const merge = await readFile(join(site, 'pagefind', 'pagefind.js'), 'utf8');
    expect(merge).toContain('"path":"en-2015/"');
    expect(merge).toContain('export const createInstance');
    // Fragments hold the article's text (the heading weighs more), not the heading anchors or footnote marks.
    const texts = (await fragmentTexts(site, 'en-2020')).join('\n');
    expect(texts).toContain('What happened. Events of the week on alpha.');
    expect(texts).toContain('"url":"/analyses/2023-02-01-long-read/"');
    expect(texts).not.toMatch(/An unfinished draft|#|↩/);
    expect((await fragmentTexts(site, 'en-2015')).join('\n')).toContain('An older week. An older week.');
  });

  it('reuses a cached shard whose records did not change and indexes the one that did', async () => {
    const site = join(dir, 'site');
    const cacheDir = join(dir, 'cache');
    expect((await buildSearchIndex(await fixture({ 'analyses/en/2019-05-06-older.md': older('Old words.') }), site, { cacheDir })).built).toEqual(['en-2015', 'en-2020', 'ru-2020']);
    expect(await buildSearchIndex(await fixture({ 'analyses/en/2019-05-06-older.md': older('Old words.') }), site, { cacheDir })).toMatchObject({ built: [], reused: ['en-2015', 'en-2020', 'ru-2020'] });
    const second = await buildSearchIndex(await fixture({ 'analyses/en/2019-05-06-older.md': older('Old words, edited.') }), site, { cacheDir });
    expect(second).toMatchObject({ built: ['en-2015'], reused: ['en-2020', 'ru-2020'] });
    expect((await fragmentTexts(site, 'en-2015')).join('\n')).toContain('Old words, edited.');
    // One cached copy per shard: the edited shard's old version is gone.
    expect((await readdir(join(cacheDir, 'pagefind-shards'))).filter((n) => n.startsWith('en-2015.'))).toHaveLength(1);
  });

  it('leaves an unchanged shard where the previous build put it, and removes shards that are gone', async () => {
    const site = join(dir, 'site');
    const cacheDir = join(dir, 'cache');
    await buildSearchIndex(await fixture({ 'analyses/en/2019-05-06-older.md': older('Old words.') }), site, { cacheDir });
    const entry = join(site, 'pagefind', 'en-2020', 'pagefind-entry.json');
    const before = await stat(entry);
    // The older analysis is deleted; an interrupted build left a temporary folder.
    await mkdir(join(site, 'pagefind', 'en-2020.tmp'));
    const second = await buildSearchIndex(await fixture(), site, { cacheDir });
    expect(second).toMatchObject({ built: [], reused: ['en-2020', 'ru-2020'] });
    expect((await stat(entry)).ino).toBe(before.ino);
    expect((await readdir(join(site, 'pagefind'))).sort()).toEqual(['en-2020', 'pagefind.js', 'ru-2020']);
    // A shard whose folder in the output differs from the cached copy is put back from the cache.
    await rm(entry);
    await writeFile(entry, '{}');
    await buildSearchIndex(await fixture(), site, { cacheDir });
    expect(await readFile(entry, 'utf8')).toContain('"page_count":24');
    // What the folder holds equals an index placed into an empty folder.
    const fresh = join(dir, 'fresh');
    await buildSearchIndex(await fixture(), fresh, { cacheDir: join(dir, 'cache-fresh') });
    const listing = async (root: string) => (await readdir(join(root, 'pagefind'), { recursive: true })).sort();
    expect(await listing(site)).toEqual(await listing(fresh));
  });

  it('indexes a site with no analyses yet without error', async () => {
    const content = await fixture();
    const site = join(dir, 'site');
    const report = await buildSearchIndex({ ...content, analyses: [] }, site, { cacheDir: join(dir, 'cache') });
    expect(report.recordsByLanguage).toEqual({});
    expect(await readFile(join(site, 'pagefind', 'pagefind.js'), 'utf8')).toContain('"path":"empty/"');
  });

  it('fails with a clear error when the bundle cannot be placed, and can place it again afterwards', async () => {
    const content = await fixture();
    const site = join(dir, 'site');
    await mkdir(site);
    await writeFile(join(site, 'pagefind'), 'a file where the bundle folder goes');
    await expect(buildSearchIndex(content, site, { cacheDir: join(dir, 'cache') })).rejects.toThrow(PagefindError);
    await expect(buildSearchIndex(content, site, { cacheDir: join(dir, 'cache') })).rejects.toThrow(/a file is in the way/);
    await rm(join(site, 'pagefind'));
    await expect(buildSearchIndex(content, site, { cacheDir: join(dir, 'cache') })).resolves.toMatchObject({ recordsByLanguage: { en: 24, ru: 1 } });
  });

  it('names the analysis whose rendered HTML is missing', async () => {
    const content = await fixture();
    await rm(join(dir, 'content-html'), { recursive: true });
    await expect(buildSearchIndex(content, join(dir, 'site'), { cacheDir: join(dir, 'cache') })).rejects.toThrow(/content\/analyses\/en\/2023-01-02-alpha\.md/);
  });
});

describe('withDeadline', () => {
  it('turns a Pagefind call that never answers (a crashed binary) into an error', async () => {
    await expect(withDeadline('writeFiles', 50, new Promise<never>(() => undefined))).rejects.toThrow(/writeFiles did not answer/);
    await expect(withDeadline('writeFiles', 1000, Promise.resolve(1))).resolves.toBe(1);
  });
});
