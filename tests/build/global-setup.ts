/**
 * Builds the sample content once per test run for every build test that only reads the result
 * (it used to be built by three test files, a full build each). Tests get the folder with
 * `sampleDist()` from tests/helpers/shared-builds.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../helpers/build-site.ts';

/** Builds the sample site and provides its output folder; the returned function removes it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'barometer-sample-'));
  const dist = join(dir, 'dist');
  await buildSite(resolve('content'), dist, join(dir, 'cache'));
  project.provide('sampleDist', dist);
  return () => rm(dir, { recursive: true, force: true });
}
