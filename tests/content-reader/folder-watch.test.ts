/**
 * The preview's watch of the content folder (src/content-reader/folder-watch.ts): a change in a
 * nested folder, in a folder made after the watch started and a deletion are each noticed; hidden
 * folders are not watched; nothing is reported after `close()`.
 */
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FolderWatch, watchFolder } from '../../src/content-reader/folder-watch.ts';

let dir: string;
let watch: FolderWatch | undefined;
let calls = 0;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-folder-watch-'));
  await mkdir(join(dir, 'analyses/en'), { recursive: true });
  await mkdir(join(dir, '.git'), { recursive: true });
  await writeFile(join(dir, 'analyses/en/a.md'), 'title: one\n');
  calls = 0;
});

afterEach(async () => {
  watch?.close();
  watch = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** Starts the watch under test, counting its reports. */
function start(): FolderWatch {
  watch = watchFolder(dir);
  watch.listeners.add(() => (calls += 1));
  return watch;
}

/** Waits until the watch has reported something; false if it has not within a generous while. */
async function reported(): Promise<boolean> {
  for (let i = 0; i < 100 && calls === 0; i += 1) await new Promise((r) => setTimeout(r, 50));
  const seen = calls > 0;
  calls = 0;
  return seen;
}

/** Gives the watch time to report what it would (for asserting that it stays quiet). */
async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 500));
}

describe('the preview watch of the content folder', () => {
  it('notices an edit in a nested folder and a deletion', async () => {
    start();
    await writeFile(join(dir, 'analyses/en/a.md'), 'title: ONE\n');
    expect(await reported()).toBe(true);
    await unlink(join(dir, 'analyses/en/a.md'));
    expect(await reported()).toBe(true);
  });

  it('watches a folder made after it started', async () => {
    start();
    await mkdir(join(dir, 'analyses/ru'));
    expect(await reported()).toBe(true);
    await settle();
    calls = 0;
    await writeFile(join(dir, 'analyses/ru/b.md'), 'title: два\n');
    expect(await reported()).toBe(true);
  });

  it('leaves hidden folders alone and is quiet after close', async () => {
    const w = start();
    await writeFile(join(dir, '.git/index'), 'x');
    await settle();
    expect(calls).toBe(0);
    w.close();
    await writeFile(join(dir, 'analyses/en/a.md'), 'title: closed\n');
    await settle();
    expect(calls).toBe(0);
  });
});
