/**
 * A build killed with `kill -9` never poisons the next one. The build child is really killed
 * (SIGKILL, no clean-up) at the moment its log reaches a given step; the build after it must
 * succeed without a stack trace and write exactly what a clean build of the same content writes.
 *
 * Killed while it generated the cover's optimised images, a build used to leave Astro's page
 * cache (`incremental-build.json`) naming image transforms that were never made: every later
 * build skipped the cover's page, found no cached image, could not load the image service
 * outside that page and died with a stack trace until the file was deleted by hand.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild, type BuildRun } from '../helpers/build-site.ts';
import { writeCoverAnalysis, writeFixtureContent } from '../helpers/fixture-content.ts';
import { treeDigest } from '../helpers/tree-digest.ts';

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

let dir: string;
const content = () => join(dir, 'content');
const runs: Record<string, BuildRun & { killed: boolean }> = {};
const differences: Record<string, string[]> = {};

/** Files whose bytes differ between two output trees, and files only one of them has. */
async function differing(a: string, b: string): Promise<string[]> {
  const [x, y] = await Promise.all([treeDigest(a), treeDigest(b)]);
  return [...new Set([...x.keys(), ...y.keys()])].filter((p) => x.get(p) !== y.get(p)).sort();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-interrupted-'));
  await writeFixtureContent(content());
  await writeCoverAnalysis(content());
  const out = join(dir, 'out');
  const cache = join(dir, 'cache');
  runs['clean'] = await runBuild(content(), join(dir, 'clean'), join(dir, 'clean-cache'));
  // Killed while the cover's images are generated, in a cold build (output and cache empty).
  runs['killed-in-images'] = await runBuild(content(), out, cache, { killAt: 'generating optimized images' });
  runs['after-images'] = await runBuild(content(), out, cache);
  differences['after-images'] = await differing(out, join(dir, 'clean'));
  // Killed right after the search index is written, before the headers and the sitemap.
  runs['killed-after-index'] = await runBuild(content(), out, cache, { killAt: '[barometer:pagefind] indexed' });
  runs['after-index'] = await runBuild(content(), out, cache);
  differences['after-index'] = await differing(out, join(dir, 'clean'));
}, 900_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a build after one killed with kill -9', () => {
  it('the kills happened at the stated moments (the test is not vacuous)', () => {
    expect(runs['clean']?.code).toBe(0);
    expect(runs['killed-in-images']).toMatchObject({ killed: true, signal: 'SIGKILL' });
    expect(runs['killed-after-index']).toMatchObject({ killed: true, signal: 'SIGKILL' });
  });

  it.each(['after-images', 'after-index'])('%s: succeeds, with no stack trace', (name) => {
    const run = runs[name];
    expect(run?.log).not.toMatch(STACK_LINE);
    expect(run?.log).not.toContain('InvalidImageService');
    expect(run?.code).toBe(0);
  });

  it.each(['after-images', 'after-index'])('%s: writes what a clean build writes, byte for byte (_headers and the sitemap included)', (name) => {
    expect(differences[name]).toEqual([]);
  });
});
