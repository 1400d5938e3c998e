/** Builds the site from a given content tree into a given folder, as a child process on Node 24. */
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The project's own Node binary (the `node` devDependency), whatever runs the tests. */
export const NODE = join(process.cwd(), 'node_modules', '.bin', 'node');

/**
 * Node's arguments that run Astro's command line as the npm scripts do: with the preload that
 * ends a failure in one line, never a stack trace (scripts/lib/one-line-errors.ts).
 */
export const ASTRO = ['--import', pathToFileURL(join(process.cwd(), 'scripts', 'lib', 'one-line-errors.ts')).href, join(process.cwd(), 'node_modules', 'astro', 'bin', 'astro.mjs')];

/**
 * Runs `astro build` with BAROMETER_CONTENT pointing at `contentDir`; output goes to `outDir`.
 *
 * Each build runs in its own working folder inside the project (with `--root` at the project):
 * for an `outDir` outside the working folder Astro writes its prerender chunks to
 * `<cwd>/.astro/.prerender/`, so builds sharing the project root as cwd (vitest runs test files
 * in parallel) would overwrite each other's chunks. Inside node_modules/.cache the chunks still
 * resolve the project's packages.
 */
export async function buildSite(contentDir: string, outDir: string, cacheDir: string): Promise<{ stdout: string; stderr: string }> {
  const root = process.cwd();
  const parent = join(root, 'node_modules', '.cache', 'barometer-builds');
  await mkdir(parent, { recursive: true });
  const cwd = await mkdtemp(join(parent, 'build-'));
  try {
    return await run(NODE, [...ASTRO, 'build', '--root', root, '--outDir', outDir], {
      cwd,
      env: { ...process.env, BAROMETER_CONTENT: contentDir, BAROMETER_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

/** How a build child ended: its exit code (null when killed), the signal that killed it, and its whole log. */
export interface BuildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  log: string;
}

/**
 * Runs `astro build` as buildSite does, without throwing on failure. With `killAt`, the child is
 * killed with SIGKILL (as `kill -9` does: no handler, no clean-up) as soon as its log contains that
 * text, and `killed` says whether it got that far.
 */
export async function runBuild(contentDir: string, outDir: string, cacheDir: string, options: { killAt?: string; env?: NodeJS.ProcessEnv; args?: string[] } = {}): Promise<BuildRun & { killed: boolean }> {
  const root = process.cwd();
  const parent = join(root, 'node_modules', '.cache', 'barometer-builds');
  await mkdir(parent, { recursive: true });
  const cwd = await mkdtemp(join(parent, 'build-'));
  try {
    return await new Promise((done, fail) => {
      const child = spawn(NODE, [...ASTRO, 'build', '--root', root, '--outDir', outDir, ...(options.args ?? [])], {
        cwd,
        env: { ...process.env, BAROMETER_CONTENT: contentDir, BAROMETER_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1', ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let log = '';
      let killed = false;
      const read = (chunk: Buffer) => {
        // Astro colours its log where CI is set: the colour codes are not part of the text.
        log += chunk.toString().replace(/\u001b\[[0-9;]*m/g, '');
        if (options.killAt !== undefined && !killed && log.includes(options.killAt)) {
          killed = child.kill('SIGKILL');
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('error', fail);
      child.on('close', (code, signal) => done({ code, signal, log, killed }));
    });
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}
