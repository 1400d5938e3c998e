/**
 * `astro build` on its own rejects what `npm run validate` rejects, with the same lines: the
 * hostile corpus (tests/fixtures/hostile/) fails the build with exactly its expected problems, and
 * no stack trace.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { HOSTILE, hostileCopy } from '../helpers/hostile-content.ts';

let dir: string;
let out: string;
let failure: { code: number; stdout: string; stderr: string } | undefined;

beforeAll(async () => {
  dir = await hostileCopy();
  out = await mkdtemp(join(tmpdir(), 'barometer-hostile-dist-'));
  try {
    await buildSite(join(dir, 'content'), join(out, 'dist'), join(out, 'cache'));
  } catch (error) {
    failure = error as { code: number; stdout: string; stderr: string };
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

describe('astro build on the hostile corpus', () => {
  it('fails', () => {
    expect(failure?.code).toBe(1);
  });

  it('prints exactly the lines npm run validate prints, then a one-line summary, and no stack trace', async () => {
    const expected = (await readFile(join(HOSTILE, 'expected.txt'), 'utf8')).split('\n').filter(Boolean);
    // Astro colours its log where CI is set (CI=true): the colour codes are not part of the text.
    const log = stripVTControlCharacters(`${failure?.stdout ?? ''}${failure?.stderr ?? ''}`);
    // Astro prefixes each line with the time and its label: `12:00:00 [ERROR] [content] <problem>`.
    const lines = [...log.matchAll(/\[(?:ERROR|WARN)\] \[content\] (.*)$/gm)].map((m) => (m[1] ?? '').replace(/^.*?content\/analyses\//, 'content/analyses/'));
    expect(lines).toEqual(expected);
    expect(log).toContain(`content: ${expected.length} error(s) in ${new Set(expected.map((l) => l.split(':')[0])).size} file(s)`);
    expect(log).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(log).not.toContain('RangeError');
  });
});
