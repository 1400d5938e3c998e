/**
 * The build's kept check results (src/content-reader/check-cache-file.ts, `build-checks.bin` in
 * the cache folder): a warm build reuses them for unchanged files, yet still prints every problem
 * of every file, a warning from a reused result included, and reports a file broken since.
 */
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild, type BuildRun } from '../helpers/build-site.ts';

let dir: string;
let content: string;
let cache: string;
let cold: BuildRun;
let warm: BuildRun;
let broken: BuildRun;
let keptAfterCold: { mtimeMs: number; size: number };
let keptAfterWarm: { mtimeMs: number; size: number };

const ANALYSIS = 'analyses/en/2022-08-29-minsk-bets-on-a-divided-west.md';
const SCHEDULED = 'analyses/en/2099-01-05-a-scheduled-piece.md';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-kept-checks-'));
  content = join(dir, 'content');
  cache = join(dir, 'cache');
  await cp(join(process.cwd(), 'content'), content, { recursive: true });
  // A piece dated far ahead: its own check warns that it is scheduled, on every build.
  const text = await readFile(join(content, ANALYSIS), 'utf8');
  await writeFile(join(content, SCHEDULED), text.replace(/^kind: weekly$/m, 'kind: weekly\npublished: 2099-01-05').replace(/^translationKey: .*$/m, 'translationKey: 2099-scheduled'));
  cold = await runBuild(content, join(dir, 'out1'), cache);
  keptAfterCold = await stat(join(cache, 'build-checks.bin'));
  warm = await runBuild(content, join(dir, 'out2'), cache);
  keptAfterWarm = await stat(join(cache, 'build-checks.bin'));
  await writeFile(join(content, ANALYSIS), text.replace(/^title: .*$/m, 'title: [unclosed'));
  broken = await runBuild(content, join(dir, 'out3'), cache);
}, 900_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a warm build with the check results kept', () => {
  it('builds cold and warm', () => {
    expect(cold.code, cold.log).toBe(0);
    expect(warm.code, warm.log).toBe(0);
  });

  it('reused every result: the kept file, all used, was not written again', () => {
    expect(keptAfterCold.size).toBeGreaterThan(0);
    expect(keptAfterWarm.mtimeMs).toBe(keptAfterCold.mtimeMs);
  });

  it('still prints the warning of a file whose result was reused', () => {
    // Without the time Astro prints before each line.
    const warning = (log: string) => log.split('\n').filter((l) => l.includes('2099-01-05-a-scheduled-piece.md') && l.includes('scheduled')).map((l) => l.replace(/^\d\d:\d\d:\d\d /, ''));
    expect(warning(cold.log)).toHaveLength(1);
    expect(warning(warm.log)).toEqual(warning(cold.log));
  });

  it('reports a file broken since the last build and fails', () => {
    expect(broken.code).toBe(1);
    expect(broken.log).toMatch(/2022-08-29-minsk-bets-on-a-divided-west\.md.*frontmatter/);
    // The unchanged files' problems are still all listed beside it.
    expect(broken.log).toContain('2099-01-05-a-scheduled-piece.md');
  });
});
