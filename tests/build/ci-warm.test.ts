/**
 * The warm build of CI (docs/publishing.md, "Deploying from CI"): a new checkout of unchanged
 * content (every file with a new modification time), the cache folder restored from the previous
 * run, and an empty output folder. The recipe keeps only the cache folder, so everything a warm
 * build reuses must live there: the build must copy its pages and search shards from it, not
 * render or index them again, and write what a build from nothing writes.
 */
import { cp, mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { treeDigest } from '../helpers/tree-digest.ts';

let dir: string;
let warmLog = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-ci-warm-'));
  const content = join(dir, 'content');
  await cp(join(process.cwd(), 'content'), content, { recursive: true });
  await buildSite(content, join(dir, 'first'), join(dir, 'cache'));
  // A checkout writes every file anew: an hour later, as far as modification times tell.
  const later = new Date(Date.now() + 3_600_000);
  for (const file of await readdir(content, { recursive: true, withFileTypes: true })) {
    if (file.isFile()) await utimes(join(file.parentPath, file.name), later, later);
  }
  warmLog = (await buildSite(content, join(dir, 'second'), join(dir, 'cache'))).stdout.replace(/\u001b\[[0-9;]*m/g, '');
}, 900_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a warm build on a new checkout with the cache folder kept', () => {
  // Not all: Astro renders the sample's 30 analysis pages again here (also with the first
  // build's output kept, and with unchanged file times), for a reason not yet found (see
  // docs/publishing.md); the listings, weeks, feeds and citation files are copied.
  it('copies most pages from the cache instead of rendering them', () => {
    const reused = warmLog.match(/\((?:cached|restored)\)/g)?.length ?? 0;
    const rendered = warmLog.split('\n').filter((l) => l.includes('├─') && !/\((?:cached|restored)\)/.test(l)).length;
    expect(reused).toBeGreaterThan(50);
    expect(rendered).toBeLessThan(reused / 5);
  });

  it('indexes no search shard again', () => {
    expect(warmLog).toMatch(/shards: 0 indexed, [1-9]\d* reused from the cache/);
  });

  it('writes the same files with the same bytes as the first build', async () => {
    const [a, b] = await Promise.all([treeDigest(join(dir, 'first')), treeDigest(join(dir, 'second'))]);
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect([...a].filter(([path, hash]) => b.get(path) !== hash).map(([path]) => path)).toEqual([]);
  });
});
