/** Builds the site from a given content tree into a given folder, as a child process on Node 24. */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The project's own Node binary (the `node` devDependency), whatever runs the tests. */
export const NODE = join(process.cwd(), 'node_modules', '.bin', 'node');

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
    return await run(NODE, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', root, '--outDir', outDir], {
      cwd,
      env: { ...process.env, BAROMETER_CONTENT: contentDir, BAROMETER_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}
