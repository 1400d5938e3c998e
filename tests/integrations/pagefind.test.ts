import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPagefindIndex, PagefindError, withDeadline } from '../../src/search/pagefind.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-pagefind-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A page as the site renders it: only the element marked data-pagefind-body is indexed. */
function page(lang: string, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><nav>Navigation words</nav><article data-pagefind-body data-pagefind-filter="language:${lang}"><h1>${title}</h1><p>${body}<a class="heading-anchor" aria-hidden="true" href="#x">#</a></p></article><footer>Footer words</footer></body></html>`;
}

/** Writes a page at `path` under `root` (the test folder by default). */
async function writePage(path: string, html: string, root = dir): Promise<void> {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), html);
}

describe('buildPagefindIndex', () => {
  it('writes one bundle per language and era of the analysis pages only, and the merging module', async () => {
    await writePage('analyses/2024-01-15-a/index.html', page('en', 'Sanctions tighten', 'The EU adds names.'));
    await writePage('analyses/2023-02-06-b/index.html', page('en', 'Elite waits', 'Nothing moves.'));
    await writePage('analyses/2019-05-06-c/index.html', page('en', 'Older', 'An older week.'));
    await writePage('ru/analyses/2024-01-15-a/index.html', page('ru', 'Санкции ужесточаются', 'ЕС добавляет имена.'));
    await writePage('topics/elite/index.html', page('en', 'Ruling elite', 'A listing.'));
    await writePage('index.html', '<!doctype html><html lang="en"><body><h1>All analyses</h1></body></html>');
    // A relative path works too: it is made absolute before Pagefind (which has its own cwd) sees it.
    const report = await buildPagefindIndex(relative(process.cwd(), dir), { root: 'en' });
    expect(report.pagesByLanguage).toEqual({ en: 3, ru: 1 });
    expect(report.filesRead).toBe(4);
    expect(report.built).toEqual(['en-2015', 'en-2020', 'ru-2020']);
    expect(report.indexBytes).toBeGreaterThan(0);
    expect(report.bytes).toBeGreaterThan(report.indexBytes);
    if (existsSync('/proc/self/stat')) {
      // The Pagefind process's own accounting, read from /proc (Linux): memory and CPU time.
      expect(report.peakMb).toBeGreaterThan(0);
      expect(report.cpuS).toBeGreaterThanOrEqual(0);
    }
    const entry: unknown = JSON.parse(await readFile(join(dir, 'pagefind', 'en-2020', 'pagefind-entry.json'), 'utf8'));
    expect(entry).toMatchObject({ languages: { en: { page_count: 2 } } });
    const merge = await readFile(join(dir, 'pagefind', 'pagefind.js'), 'utf8');
    expect(merge).toContain('"path":"en-2015/"');
    expect(merge).toContain('export const createInstance');
    // Fragments hold the indexed text: the article only, without navigation, footer or anchors.
    const fragments = join(dir, 'pagefind', 'en-2020', 'fragment');
    const texts = await Promise.all((await readdir(fragments)).map(async (f) => gunzipSync(await readFile(join(fragments, f))).toString('utf8')));
    expect(texts.join('\n')).toContain('The EU adds names.');
    for (const text of texts) expect(text).not.toMatch(/Navigation words|Footer words|#/);
  });

  it('reuses a cached shard whose pages did not change and indexes the one that did', async () => {
    const cacheDir = join(dir, 'cache');
    const site = join(dir, 'site');
    const put = (path: string, html: string) => writePage(path, html, site);
    await put('analyses/2024-01-15-a/index.html', page('en', 'Sanctions tighten', 'The EU adds names.'));
    await put('analyses/2019-05-06-c/index.html', page('en', 'Older', 'An older week.'));
    expect((await buildPagefindIndex(site, { root: 'en', cacheDir })).built).toEqual(['en-2015', 'en-2020']);
    await put('analyses/2024-01-15-a/index.html', page('en', 'Sanctions tighten', 'The EU adds more names.'));
    const second = await buildPagefindIndex(site, { root: 'en', cacheDir });
    expect(second).toMatchObject({ built: ['en-2020'], reused: ['en-2015'], pagesByLanguage: { en: 2 } });
    // The reused shard is a whole bundle again, and the rebuilt one has the new text.
    expect(await readFile(join(site, 'pagefind', 'en-2015', 'pagefind-entry.json'), 'utf8')).toContain('"page_count":1');
    const fragments = join(site, 'pagefind', 'en-2020', 'fragment');
    const texts = await Promise.all((await readdir(fragments)).map(async (f) => gunzipSync(await readFile(join(fragments, f))).toString('utf8')));
    expect(texts.join('\n')).toContain('more names');
    // One cached copy per shard: the edited shard's old version is gone.
    expect((await readdir(join(cacheDir, 'pagefind-shards'))).filter((n) => n.startsWith('en-2020.'))).toHaveLength(1);
  });

  it('leaves an unchanged shard where the previous build put it, and removes shards that are gone', async () => {
    const cacheDir = join(dir, 'cache');
    const site = join(dir, 'site');
    const put = (path: string, html: string) => writePage(path, html, site);
    await put('analyses/2024-01-15-a/index.html', page('en', 'Sanctions tighten', 'The EU adds names.'));
    await put('analyses/2019-05-06-c/index.html', page('en', 'Older', 'An older week.'));
    await put('ru/analyses/2024-01-15-a/index.html', page('ru', 'Санкции', 'ЕС добавляет имена.'));
    await buildPagefindIndex(site, { root: 'en', cacheDir });
    const entry = join(site, 'pagefind', 'en-2015', 'pagefind-entry.json');
    const before = await stat(entry);
    // The Russian page is deleted, an English one edited; an interrupted build left a temporary folder.
    await rm(join(site, 'ru'), { recursive: true });
    await put('analyses/2024-01-15-a/index.html', page('en', 'Sanctions tighten', 'The EU adds more names.'));
    await mkdir(join(site, 'pagefind', 'en-2020.tmp'));
    const second = await buildPagefindIndex(site, { root: 'en', cacheDir });
    expect(second).toMatchObject({ built: ['en-2020'], reused: ['en-2015'], pagesByLanguage: { en: 2 } });
    expect((await stat(entry)).ino).toBe(before.ino);
    expect((await readdir(join(site, 'pagefind'))).sort()).toEqual(['en-2015', 'en-2020', 'pagefind.js']);
    // A shard whose folder in the output differs from the cached copy is put back from the cache.
    await writeFile(entry, '{}');
    const third = await buildPagefindIndex(site, { root: 'en', cacheDir });
    expect(third).toMatchObject({ built: [], reused: ['en-2015', 'en-2020'] });
    expect(await readFile(entry, 'utf8')).toContain('"page_count":1');
    // What the folder holds equals a build into an empty folder.
    const fresh = join(dir, 'fresh');
    await cp(site, fresh, { recursive: true, filter: (src) => !src.includes(`${join(site, 'pagefind')}`) });
    await buildPagefindIndex(fresh, { root: 'en' });
    const listing = async (root: string) => (await readdir(join(root, 'pagefind'), { recursive: true })).sort();
    expect(await listing(site)).toEqual(await listing(fresh));
  });

  it('indexes a site with no analyses yet without error, and without its listings', async () => {
    await writePage('index.html', '<!doctype html><html lang="en"><body><p>Nothing yet</p></body></html>');
    await writePage('analyses/index.html', '<!doctype html><html lang="en"><body><p>No analyses yet</p></body></html>');
    const report = await buildPagefindIndex(dir, { root: 'en' });
    expect(Object.values(report.pagesByLanguage).reduce((a, b) => a + b, 0)).toBe(0);
    expect(await readFile(join(dir, 'pagefind', 'pagefind.js'), 'utf8')).toContain('"path":"empty/"');
  });

  it('fails with a clear error when the bundle cannot be written, and can index again afterwards', async () => {
    await writePage('analyses/2024-01-15-a/index.html', page('en', 'Sanctions tighten', 'The EU adds names.'));
    await writeFile(join(dir, 'pagefind'), 'a file where the bundle folder goes');
    await expect(buildPagefindIndex(dir, { root: 'en' })).rejects.toThrow(PagefindError);
    await expect(buildPagefindIndex(dir, { root: 'en' })).rejects.toThrow(/a file is in the way/);
    await rm(join(dir, 'pagefind'));
    await expect(buildPagefindIndex(dir, { root: 'en' })).resolves.toMatchObject({ pagesByLanguage: { en: 1 } });
  });
});

describe('withDeadline', () => {
  it('turns a Pagefind call that never answers (a crashed binary) into an error', async () => {
    await expect(withDeadline('writeFiles', 50, new Promise<never>(() => undefined))).rejects.toThrow(/writeFiles did not answer/);
    await expect(withDeadline('writeFiles', 1000, Promise.resolve(1))).resolves.toBe(1);
  });
});
