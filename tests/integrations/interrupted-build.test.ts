/**
 * src/build-cache/interrupted-build.ts on its own: the marker a running build leaves, and what
 * the next build does when it finds one. tests/build/interrupted.test.ts kills real builds.
 */
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import interruptedBuild, { BUILD_MARKER, recoverFromStoppedBuild } from '../../src/build-cache/interrupted-build.ts';

let dir: string;
const cache = () => join(dir, 'cache');
const out = () => join(dir, 'dist');

/** A cache and output folder as a finished build leaves them, with one image cached an hour ago. */
async function finishedBuild(): Promise<void> {
  await mkdir(join(cache(), 'assets'), { recursive: true });
  await mkdir(join(out(), '.git'), { recursive: true });
  await mkdir(join(out(), 'analyses/x'), { recursive: true });
  await writeFile(join(cache(), 'incremental-build.json'), '{"version":1}');
  await writeFile(join(cache(), 'data-store.json'), '[]');
  await writeFile(join(cache(), 'assets/old.webp'), 'an image a finished build made');
  const hourAgo = new Date(Date.now() - 3_600_000);
  await utimes(join(cache(), 'assets/old.webp'), hourAgo, hourAgo);
  await writeFile(join(out(), 'analyses/x/index.html'), '<p>page</p>');
  await writeFile(join(out(), 'sitemap-index.xml'), '<sitemapindex/>');
  await writeFile(join(out(), '.git/HEAD'), 'ref: refs/heads/main');
}

/** Runs one hook of an integration with the arguments it reads. */
async function hook(integration: AstroIntegration, name: 'astro:config:done' | 'astro:build:start' | 'astro:build:done', warnings: string[] = []): Promise<void> {
  const logger = { warn: (m: string) => warnings.push(m), info: () => undefined } as unknown as AstroIntegrationLogger;
  const config = { cacheDir: pathToFileURL(`${cache()}/`), outDir: pathToFileURL(`${out()}/`) };
  const fn = integration.hooks[name] as ((options: unknown) => Promise<void> | void) | undefined;
  await fn?.({ config, logger, dir: config.outDir });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-stopped-'));
  await finishedBuild();
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a build that finds the previous one finished', () => {
  it('keeps the page cache, the image cache and the output folder', async () => {
    expect(await recoverFromStoppedBuild(cache(), out())).toBe(false);
    expect((await readdir(cache())).sort()).toEqual(['assets', 'data-store.json', 'incremental-build.json']);
    expect((await readdir(out())).sort()).toEqual(['.git', 'analyses', 'sitemap-index.xml']);
  });
});

describe('a build that finds the previous one stopped half-way', () => {
  it('drops the page cache and the images the stopped build wrote, and empties the output folder but for .git', async () => {
    await writeFile(join(cache(), BUILD_MARKER), '1 stopped');
    await writeFile(join(cache(), 'assets/half-written.avif'), 'trunc');
    expect(await recoverFromStoppedBuild(cache(), out())).toBe(true);
    expect((await readdir(cache())).sort()).toEqual(['assets', BUILD_MARKER, 'data-store.json'].sort());
    expect(await readdir(join(cache(), 'assets'))).toEqual(['old.webp']);
    // The sitemap a stopped build wrote can no longer reach the next build's _headers.
    expect(await readdir(out())).toEqual(['.git']);
  });

  it('is what the hooks do: the marker is written when a build starts, removed when it is done, and found by the next build if not', async () => {
    const { start, finish } = interruptedBuild();
    const warnings: string[] = [];
    await hook(start, 'astro:config:done');
    await hook(start, 'astro:build:start', warnings);
    expect(await readdir(cache())).toContain(BUILD_MARKER);
    expect(warnings).toEqual([]);
    // Killed here: no astro:build:done. The next build:
    await hook(start, 'astro:build:start', warnings);
    expect(warnings).toEqual([expect.stringMatching(/^the previous build did not finish/) as unknown as string]);
    expect(await readdir(out())).toEqual(['.git']);
    expect(await readdir(cache())).not.toContain('incremental-build.json');
    await hook(finish, 'astro:build:done');
    expect(await readdir(cache())).not.toContain(BUILD_MARKER);
  });
});
