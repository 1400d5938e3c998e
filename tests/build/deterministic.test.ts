/** Two builds of the same content must give byte-identical output (cacheable, diffable deploys). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { treeDigest } from '../helpers/tree-digest.ts';
import { fixtureSite } from '../helpers/shared-builds.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-determinism-'));
  // A second build of the shared fixture site (tests/build/global-setup.ts), in its own folder
  // with its own cache: it must not merely copy the first one's output.
  await buildSite(join(fixtureSite(), 'content'), join(dir, 'b'), join(dir, 'cache-b'));
}, 600_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a deterministic build', () => {
  it('writes the same files with the same bytes twice', async () => {
    const [a, b] = await Promise.all([treeDigest(join(fixtureSite(), 'dist')), treeDigest(join(dir, 'b'))]);
    expect(a.size).toBeGreaterThan(50);
    expect([...b.keys()]).toEqual([...a.keys()]);
    const differing = [...a].filter(([path, hash]) => b.get(path) !== hash).map(([path]) => path);
    expect(differing).toEqual([]);
  });
});
