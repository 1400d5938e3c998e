/**
 * Builds the sample content and the small fixture site once per test run for every build test
 * that only reads the result (each used to be built by several test files, a full build each).
 * Tests get the folders with `sampleDist()` and `fixtureSite()` from tests/helpers/shared-builds.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../helpers/build-site.ts';
import { writeFixtureContent } from '../helpers/fixture-content.ts';

/** Builds both sites and provides their folders; the returned function removes them. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'barometer-sample-'));
  const dist = join(dir, 'dist');
  await buildSite(resolve('content'), dist, join(dir, 'cache'));
  project.provide('sampleDist', dist);
  const fixture = join(dir, 'fixture');
  await writeFixtureContent(join(fixture, 'content'));
  await buildSite(join(fixture, 'content'), join(fixture, 'dist'), join(fixture, 'cache'));
  project.provide('fixtureSite', fixture);
  return () => rm(dir, { recursive: true, force: true });
}
