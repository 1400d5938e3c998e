/**
 * The preview's re-reading of the content folder with a file cache (src/content-reader/files.ts):
 * unchanged files are not read again, and every kind of change is still seen, including an edit
 * that keeps the file's size, a file replaced by another, a new file and a deleted one.
 */
import { mkdtemp, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FileCache, readContentFolder } from '../../src/content-reader/files.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-file-cache-'));
  await writeFile(join(dir, 'a.md'), 'title: one\n');
  await writeFile(join(dir, 'b.md'), 'title: two\n');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The folder's files as path -> text, read with `cache`. */
async function texts(cache: FileCache): Promise<Record<string, string>> {
  const tree = await readContentFolder('.', dir, cache);
  return Object.fromEntries(tree.files.map((f) => [f.path, new TextDecoder().decode(f.bytes)]));
}

describe('reading a content folder again with a file cache', () => {
  it('reuses the bytes of unchanged files', async () => {
    const cache: FileCache = new Map();
    const first = await readContentFolder('.', dir, cache);
    const second = await readContentFolder('.', dir, cache);
    expect(second.files.map((f) => f.bytes)).toEqual(first.files.map((f) => f.bytes));
    for (const [i, f] of second.files.entries()) expect(f.bytes).toBe(first.files[i]?.bytes);
  });

  it('sees an edit that keeps the size, a replacement, a new file and a deletion', async () => {
    const cache: FileCache = new Map();
    expect(await texts(cache)).toEqual({ 'a.md': 'title: one\n', 'b.md': 'title: two\n' });
    await writeFile(join(dir, 'a.md'), 'title: ONE\n');
    expect(await texts(cache)).toMatchObject({ 'a.md': 'title: ONE\n' });
    // Saved the way many editors do: a new file renamed over the old one.
    await writeFile(join(dir, 'b.tmp'), 'title: 2wo\n');
    await rename(join(dir, 'b.tmp'), join(dir, 'b.md'));
    expect(await texts(cache)).toEqual({ 'a.md': 'title: ONE\n', 'b.md': 'title: 2wo\n' });
    await writeFile(join(dir, 'c.md'), 'title: three\n');
    await unlink(join(dir, 'a.md'));
    expect(await texts(cache)).toEqual({ 'b.md': 'title: 2wo\n', 'c.md': 'title: three\n' });
    expect([...cache.keys()].sort()).toEqual([join(dir, 'b.md'), join(dir, 'c.md')]);
  });
});
