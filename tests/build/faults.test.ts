/**
 * Failures a user can cause end `npm run build` and `npm run dev` (Astro's command line through
 * scripts/astro.ts, as the npm scripts run it) with one clear line and exit code 1, never a stack
 * trace; and what the user did not cause as a failure is no failure.
 *
 * - a text file named `.jpg` used as a cover, a logo that names a missing file: listed like every
 *   content problem (the build used to die in Astro's imageMetadata, or in the logo route);
 * - a full disk: a real tmpfs of 512 KB as the output folder (needs root to mount; skipped, with
 *   the reason, otherwise); after space is freed the next build succeeds;
 * - an output folder on another file system (/dev/shm): the build succeeds (Astro's rename of the
 *   cover's image from `.astro/.prerender` used to die with EXDEV);
 * - a second `npm run dev` of the same project: one line naming the preview that runs.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASTRO, NODE, runBuild } from '../helpers/build-site.ts';
import { writeCoverAnalysis, writeFixtureContent } from '../helpers/fixture-content.ts';

const exec = promisify(execFile);
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

let dir: string;

/** A fresh copy of the fixture site with a cover image, in its own folder under `dir`. */
async function fixture(name: string): Promise<string> {
  const content = join(dir, name, 'content');
  await writeFixtureContent(content);
  await writeCoverAnalysis(content);
  return content;
}

/** The lines of a failed build's log that are not Astro's progress lines (time-stamped, or the page list). */
function ownLines(log: string): string[] {
  return log
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^\d\d:\d\d:\d\d /.test(l) && !l.includes('├─') && !/^\s*(▶|generating|building)/.test(l));
}

/** Mounts a tmpfs of `size` at `path`, or says why not (only root may mount). */
async function mountTmpfs(path: string, size: string): Promise<string | undefined> {
  if (process.getuid?.() !== 0) return 'not root: a tmpfs cannot be mounted';
  try {
    await exec('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path]);
    return undefined;
  } catch (error) {
    return `mount failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-faults-'));
});

afterAll(async () => {
  await exec('umount', [join(dir, 'full')]).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

describe('content the image pipeline and the logo route used to die on', () => {
  it('a text file named .jpg as a cover: one line for it, a summary line, exit code 1', async () => {
    const content = await fixture('text-cover');
    await writeFile(join(content, 'analyses/en/cover.jpg'), 'This is a note, not a picture.\n');
    const run = await runBuild(content, join(dir, 'text-cover', 'dist'), join(dir, 'text-cover', 'cache'));
    expect(run.code).toBe(1);
    expect(run.log).not.toMatch(STACK_LINE);
    expect(run.log).toMatch(/\[ERROR\] \[content\] .*analyses\/en\/2023-02-08-with-a-cover\.md: cover\.image: "\.\/cover\.jpg" is not an image the build can read/);
    expect(ownLines(run.log)).toEqual(['content: 1 error(s) in 1 file(s), listed above (npm run validate prints the same list)']);
  }, 300_000);

  it('a logo naming a missing file: one line naming site.yaml and logo, exit code 1', async () => {
    const content = await fixture('missing-logo');
    await writeFile(join(content, 'site.yaml'), `${await readFile(join(content, 'site.yaml'), 'utf8')}logo: art/missing.svg\n`);
    const run = await runBuild(content, join(dir, 'missing-logo', 'dist'), join(dir, 'missing-logo', 'cache'));
    expect(run.code).toBe(1);
    expect(run.log).not.toMatch(STACK_LINE);
    expect(run.log).toMatch(/\[ERROR\] \[content\] .*site\.yaml: logo: "art\/missing\.svg" names no readable file in the content folder/);
  }, 300_000);
});

describe('an output folder on a full disk', () => {
  const full = () => join(dir, 'full');
  let skip: string | undefined;
  let first: Awaited<ReturnType<typeof runBuild>> | undefined;
  let second: Awaited<ReturnType<typeof runBuild>> | undefined;
  beforeAll(async () => {
    const content = await fixture('disk');
    await mkdir(full(), { recursive: true });
    skip = await mountTmpfs(full(), '512k');
    if (skip) return;
    first = await runBuild(content, join(full(), 'dist'), join(dir, 'disk', 'cache'));
    // Space is freed (the same file system, grown), and the user builds again.
    await exec('mount', ['-o', 'remount,size=64m', full()]);
    second = await runBuild(content, join(full(), 'dist'), join(dir, 'disk', 'cache'));
  }, 600_000);

  it('ends the build with one line saying so, naming the path and what to do, exit code 1', (context) => {
    if (skip) context.skip(skip);
    expect(first?.code).toBe(1);
    expect(first?.log).not.toMatch(STACK_LINE);
    const lines = ownLines(first?.log ?? '');
    expect(lines.filter((l) => l.startsWith('build:'))).toEqual([expect.stringMatching(/^build: no space left on the device holding .*\/full\/dist\/.* \(ENOSPC\), expected room for the output and cache folders/)]);
  });

  it('leaves nothing that stops the next build once there is room', async (context) => {
    if (skip) context.skip(skip);
    expect(second?.log).not.toMatch(STACK_LINE);
    expect(second?.code).toBe(0);
    expect(await readdir(join(full(), 'dist'))).toContain('index.html');
  });
});

describe('an output folder on another file system than the project', () => {
  it('is built into (Astro moved the cover image there with a rename, which died with EXDEV)', async (context) => {
    const shm = '/dev/shm';
    if (!existsSync(shm) || statSync(shm).dev === statSync(process.cwd()).dev) context.skip('no /dev/shm on another file system than the project');
    const out = await mkdtemp(join(shm, 'barometer-exdev-'));
    try {
      const content = await fixture('exdev');
      const run = await runBuild(content, out, join(dir, 'exdev', 'cache'));
      expect(run.log).not.toMatch(STACK_LINE);
      expect(run.log).not.toContain('EXDEV');
      expect(run.code).toBe(0);
      expect((await readdir(join(out, '_astro'))).some((f) => f.startsWith('cover.') && f.endsWith('.avif'))).toBe(true);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('a second npm run dev of the same project', () => {
  it('ends at once with one line naming the preview that runs, exit code 1', async () => {
    const content = join(dir, 'dev', 'content');
    await writeFixtureContent(content);
    // Without vitest's markers, which make Astro's dev server run as inside a test (it never listens).
    const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST')), BAROMETER_CONTENT: content, BAROMETER_CACHE_DIR: join(dir, 'dev', 'cache'), ASTRO_TELEMETRY_DISABLED: '1' };
    const first = spawn(NODE, [...ASTRO, 'dev', '--port', '4391', '--host', '127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let firstLog = '';
    first.stdout.on('data', (d: Buffer) => (firstLog += d.toString()));
    first.stderr.on('data', (d: Buffer) => (firstLog += d.toString()));
    try {
      const start = Date.now();
      while (!(await fetch('http://127.0.0.1:4391/').then((r) => r.ok, () => false))) {
        if (first.exitCode !== null || Date.now() - start > 120_000) throw new Error(`the first preview did not start:\n${firstLog}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      const second = await new Promise<{ code: number | null; log: string }>((done) => {
        const child = spawn(NODE, [...ASTRO, 'dev', '--port', '4392', '--host', '127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
        let log = '';
        child.stdout.on('data', (d: Buffer) => (log += d.toString()));
        child.stderr.on('data', (d: Buffer) => (log += d.toString()));
        // Were it to start after all, it would never end by itself.
        const stop = setTimeout(() => child.kill(), 60_000);
        child.on('close', (code) => {
          clearTimeout(stop);
          done({ code, log });
        });
      });
      expect(second.code).toBe(1);
      expect(second.log).not.toMatch(STACK_LINE);
      expect(second.log.trim().split('\n')).toEqual([expect.stringMatching(/^dev: a preview of this project is already running at http:\/\/127\.0\.0\.1:4391\/? \(process \d+\), expected one at a time/)]);
    } finally {
      const exited = new Promise((r) => first.once('exit', r));
      first.kill();
      await exited;
    }
  }, 300_000);
});
