import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RENDERED_HTML_DIR_ENV, pruneRenderedHtml, readRenderedHtml, useRenderedHtmlDir, writeRenderedHtml } from '../../src/build-cache/rendered-html.ts';

let cache: string;
let dir: string;
const before = process.env[RENDERED_HTML_DIR_ENV];

beforeEach(() => {
  cache = mkdtempSync(join(tmpdir(), 'rendered-html-'));
  dir = useRenderedHtmlDir(pathToFileURL(`${cache}/`));
});
afterEach(() => {
  rmSync(cache, { recursive: true, force: true });
  if (before === undefined) delete process.env[RENDERED_HTML_DIR_ENV];
  else process.env[RENDERED_HTML_DIR_ENV] = before;
});

describe('rendered HTML outside the data store', () => {
  it('reads back what the loader wrote, by id and digest, when the store holds no HTML', () => {
    writeRenderedHtml(dir, 'en/2024-01-15-a', 'abc', '<p>A</p>');
    writeRenderedHtml(dir, 'ru/2024-01-15-a', 'abc', '<p>Б</p>');
    expect(readRenderedHtml({ id: 'en/2024-01-15-a', digest: 'abc', rendered: { html: '' } })).toBe('<p>A</p>');
    expect(readRenderedHtml({ id: 'ru/2024-01-15-a', digest: 'abc', rendered: { html: '' } })).toBe('<p>Б</p>');
  });

  it('leaves HTML that is still in the store (a cache from before) to the store', () => {
    expect(readRenderedHtml({ id: 'en/x', digest: 'abc', rendered: { html: '<p>old</p>' } })).toBeUndefined();
  });

  it('names the entry and the fix when its file is gone', () => {
    expect(() => readRenderedHtml({ id: 'en/2024-01-15-a', digest: 'zzz', rendered: { html: '' } })).toThrow(/content\/analyses\/en\/2024-01-15-a\.md: .*missing.*delete the cache folder/);
  });

  it('prunes files of edited and deleted entries, keeping the current ones', () => {
    writeRenderedHtml(dir, 'en/a', 'old', 'a1');
    writeRenderedHtml(dir, 'en/a', 'new', 'a2');
    writeRenderedHtml(dir, 'en/gone', 'd', 'g');
    writeRenderedHtml(dir, 'en/b', 7, 'b');
    expect(pruneRenderedHtml(dir, [{ id: 'en/a', digest: 'new' }, { id: 'en/b', digest: 7 }])).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['en__a.new.html', 'en__b.7.html']);
    expect(readRenderedHtml({ id: 'en/a', digest: 'new', rendered: { html: '' } })).toBe('a2');
  });

  it('writes through a temporary name, so a build killed mid-write leaves a .tmp file (pruned later), never a truncated entry', () => {
    writeFileSync(join(dir, 'en__a.abc.html.4242.tmp'), '<p>A, cut o');
    writeRenderedHtml(dir, 'en/a', 'abc', '<p>A, complete</p>');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual(['en__a.abc.html.4242.tmp']);
    expect(readRenderedHtml({ id: 'en/a', digest: 'abc', rendered: { html: '' } })).toBe('<p>A, complete</p>');
    pruneRenderedHtml(dir, [{ id: 'en/a', digest: 'abc' }]);
    expect(readdirSync(dir)).toEqual(['en__a.abc.html']);
  });
});
