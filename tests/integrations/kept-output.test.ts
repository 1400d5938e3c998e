import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import keptOutput, { removeStaleOutput, staleFiles } from '../../src/build-cache/kept-output.ts';

const START = Date.parse('2026-12-02T12:00:00Z');
const END = START + 60_000;

describe('staleFiles', () => {
  it.each([
    ['a page this build rendered', { path: 'analyses/a/index.html', mtimeMs: START + 5_000 }, false],
    ['a page this build reused in place (old, but a route output)', { path: 'analyses/b/index.html', mtimeMs: START - 86_400_000 }, false],
    ['a script bundled this build (not a route output)', { path: '_astro/page.abc123.js', mtimeMs: START + 1_000 }, false],
    ['a file stamped by a clock a little behind', { path: '_astro/cover.jpg', mtimeMs: START - 500 }, false],
    ['the page of a deleted analysis', { path: 'analyses/gone/index.html', mtimeMs: START - 3_600_000 }, true],
    ['an old script bundle', { path: '_astro/page.old999.js', mtimeMs: START - 3_600_000 }, true],
    ['a file stamped in the future (copied with its time kept)', { path: 'notes.txt', mtimeMs: END + 3_600_000 }, true],
    ['Git metadata', { path: '.git/HEAD', mtimeMs: 0 }, false],
  ])('%s: stale %s', (_name, file, stale) => {
    const produced = new Set(['analyses/a/index.html', 'analyses/b/index.html']);
    expect(staleFiles([file], produced, START, END)).toEqual(stale ? [file.path] : []);
  });
});

/** A fresh output folder for each test that writes files. */
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-kept-output-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes a file at `path` under `dir`, stamped `ago` ms before now. */
async function writeStamped(dir: string, path: string, ago: number): Promise<void> {
  await mkdir(join(dir, path, '..'), { recursive: true });
  await writeFile(join(dir, path), path);
  const when = new Date(Date.now() - ago);
  await utimes(join(dir, path), when, when);
}

describe('removeStaleOutput', () => {

  const put = (path: string, ago: number) => writeStamped(dir, path, ago);

  it('removes what the build did not write or list, and the folders left empty', async () => {
    const hour = 3_600_000;
    await put('index.html', 0);
    await put('analyses/kept/index.html', hour);
    await put('analyses/kept.bib', hour);
    await put('analyses/deleted/index.html', hour);
    await put('archive/7/index.html', hour);
    await put('_astro/site.new.css', 0);
    await put('_astro/site.old.css', hour);
    const assets = new Map([
      ['/', [pathToFileURL(join(dir, 'index.html'))]],
      ['/analyses/[slug]', [pathToFileURL(join(dir, 'analyses/kept/index.html'))]],
      ['/analyses/[slug].bib', [pathToFileURL(join(dir, 'analyses/kept.bib'))]],
    ]);
    const removed = await removeStaleOutput(dir, assets, Date.now() - 60_000);
    expect(removed).toEqual(['_astro/site.old.css', 'analyses/deleted/index.html', 'archive/7/index.html']);
    expect((await readdir(dir, { recursive: true })).sort()).toEqual(['_astro', '_astro/site.new.css', 'analyses', 'analyses/kept', 'analyses/kept.bib', 'analyses/kept/index.html', 'index.html']);
  });

  it('leaves alone the folders another integration keeps up to date, and removes deep folders it empties', async () => {
    const hour = 3_600_000;
    await put('index.html', 0);
    await put('pagefind/en-2020/pagefind-entry.json', hour);
    await put('pagefind/en-2020/fragment/en_1.pf_fragment', hour);
    await put('pagefinder/old.html', hour);
    await put('ru/weeks/2024-01-01/email/index.html', hour);
    const assets = new Map([['/', [pathToFileURL(join(dir, 'index.html'))]]]);
    const removed = await removeStaleOutput(dir, assets, Date.now() - 60_000, ['pagefind']);
    expect(removed).toEqual(['pagefinder/old.html', 'ru/weeks/2024-01-01/email/index.html']);
    expect((await readdir(dir, { recursive: true })).sort()).toEqual(['index.html', 'pagefind', 'pagefind/en-2020', 'pagefind/en-2020/fragment', 'pagefind/en-2020/fragment/en_1.pf_fragment', 'pagefind/en-2020/pagefind-entry.json']);
  });
});

describe('the kept-output integration', () => {

  type Hooks = ReturnType<typeof keptOutput>['hooks'];
  /** Runs one build's hooks around `build` (what Astro writes), with `assets` as the route outputs it reports. */
  async function runBuild(build: () => Promise<void>, assets: Map<string, URL[]>): Promise<void> {
    const hooks: Hooks = keptOutput().hooks;
    const logger = { info: () => undefined };
    await hooks['astro:config:done']?.({ config: { outDir: pathToFileURL(`${dir}/`) } } as unknown as Parameters<NonNullable<Hooks['astro:config:done']>>[0]);
    await hooks['astro:build:start']?.({} as Parameters<NonNullable<Hooks['astro:build:start']>>[0]);
    await build();
    await hooks['astro:build:done']?.({ dir: pathToFileURL(`${dir}/`), assets, logger } as unknown as Parameters<NonNullable<Hooks['astro:build:done']>>[0]);
  }

  /** A file stamped an hour ago (as a file copied with its old time would be). */
  const putOld = (path: string) => writeStamped(dir, path, 3_600_000);

  it('sweeps a folder that held an earlier build, and skips the sweep when the build started from an empty one', async () => {
    await putOld('analyses/deleted/index.html');
    await runBuild(async () => undefined, new Map());
    expect(await readdir(dir)).toEqual([]);
    // Everything in a folder that was empty at the start came from this build, whatever its time.
    await runBuild(() => putOld('_astro/copied.png'), new Map());
    expect(await readdir(dir, { recursive: true })).toEqual(['_astro', '_astro/copied.png']);
  });
});
