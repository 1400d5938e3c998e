/** Builds the site from a given content tree into a given folder, as a child process on Node 24. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The project's own Node binary (the `node` devDependency), whatever runs the tests. */
export const NODE = join(process.cwd(), 'node_modules', '.bin', 'node');

/** Runs `astro build` with BAROMETER_CONTENT pointing at `contentDir`; output goes to `outDir`. */
export async function buildSite(contentDir: string, outDir: string, cacheDir: string): Promise<{ stdout: string; stderr: string }> {
  return run(NODE, [join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', outDir], {
    env: { ...process.env, BAROMETER_CONTENT: contentDir, BAROMETER_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
}
