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
  // Every output Astro logs, with whether it was copied from the cache or rendered.
  const outputs = () =>
    warmLog
      .split('\n')
      .filter((l) => l.includes('├─'))
      .map((l) => ({ path: /├─ (\S+)/.exec(l)?.[1] ?? '', reused: /\((?:cached|restored)\)/.test(l) }));

  it('copies the pages from the cache instead of rendering them', () => {
    const all = outputs();
    const reused = all.filter((o) => o.reused).length;
    expect(reused).toBeGreaterThan(50);
    expect(all.length - reused).toBeLessThan(reused / 5);
  });

  // The output folder is another one than the first build's: its path must not count as a change
  // of the analysis page's code (Astro's `astro:assets` module, which the cover image imports,
  // names the output folder).
  it('renders no unchanged analysis page again', () => {
    const analyses = outputs().filter((o) => /^(?:\/(?:be|ru))?\/analyses\/[^/]+\/index\.html$/.test(o.path));
    expect(analyses.length).toBeGreaterThanOrEqual(30);
    expect(analyses.filter((o) => !o.reused).map((o) => o.path)).toEqual([]);
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
