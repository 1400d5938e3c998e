/**
 * A build that did not finish (killed, out of memory, a disk that filled up, an error after the
 * pages) never poisons the next one. A marker file in the cache folder says a build is running:
 * written when the build starts writing output, removed when the last integration is done. A
 * build that finds the marker knows the previous one stopped half-way, and starts from what it can
 * trust:
 *
 * - Astro's page cache (`incremental-build.json`) is removed. Astro writes it before it generates
 *   the optimised images, so a build killed in between left it naming images that were never made;
 *   every later build copied the cover's page, found no image in the cache, could not load the
 *   image service outside that page, and died with a stack trace.
 * - Images the stopped build wrote to Astro's image cache are removed: Astro writes them in place,
 *   so a kill mid-write leaves a truncated file that later builds would copy as the image.
 * - The output folder is emptied (kept-output.ts keeps it between finished builds only): a stopped
 *   build leaves files whose modification times fall inside the next build's window, so the sweep
 *   kept them and `_headers` listed them.
 *
 * The content data store and the rendered HTML need nothing: both are written atomically
 * (src/build-cache/rendered-html.ts), and checked against each other on every build.
 */
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The marker, in the cache folder: present while a build runs. */
export const BUILD_MARKER = 'barometer-build-running';

/** Astro's page cache for incremental builds, in the cache folder (core/build/incremental.js). */
const PAGE_CACHE = 'incremental-build.json';

/** Astro's cache of optimised images, in the cache folder (assets/build/generate.js). */
const IMAGE_CACHE = 'assets';

/**
 * Brings the cache and output folders back to what a finished build left, when the marker in
 * `cacheDir` says the last build stopped half-way; returns whether it did. Exported for tests.
 */
export async function recoverFromStoppedBuild(cacheDir: string, outDir: string): Promise<boolean> {
  const marker = await stat(join(cacheDir, BUILD_MARKER)).catch(() => undefined);
  if (!marker) return false;
  await rm(join(cacheDir, PAGE_CACHE), { force: true });
  const images = join(cacheDir, IMAGE_CACHE);
  for (const name of await readdir(images).catch(() => [])) {
    const file = join(images, name);
    // Written since the stopped build began (a whole second of slack for coarse file-system clocks).
    if (((await stat(file).catch(() => undefined))?.mtimeMs ?? 0) >= marker.mtimeMs - 1_000) await rm(file, { force: true });
  }
  // `.git` is spared, as Astro's own emptying spares it (a deploy repository in the output folder).
  for (const name of await readdir(outDir).catch(() => [])) if (name !== '.git') await rm(join(outDir, name), { recursive: true, force: true });
  return true;
}

/**
 * The two integrations: `start` goes first in the list (before kept-output.ts looks at the output
 * folder), `finish` last (after every other `astro:build:done` hook).
 */
export default function interruptedBuild(): { start: AstroIntegration; finish: AstroIntegration } {
  let cacheDir = '';
  let outDir = '';
  return {
    start: {
      name: 'barometer:interrupted-build',
      hooks: {
        'astro:config:done': ({ config }) => {
          cacheDir = fileURLToPath(config.cacheDir);
          outDir = fileURLToPath(config.outDir);
          // For scripts/lib/one-line-errors.ts: a full disk is reported with the folder on it.
          (globalThis as Record<symbol, unknown>)[Symbol.for('barometer.build-folders')] = [outDir, cacheDir];
        },
        // After the content is read (a content error ends the build before anything is written),
        // before Astro reads its page cache or anything writes to the output folder.
        'astro:build:start': async ({ logger }) => {
          if (await recoverFromStoppedBuild(cacheDir, outDir)) {
            logger.warn('the previous build did not finish (it was stopped or failed): this one renders every page again into an emptied output folder');
          }
          await mkdir(cacheDir, { recursive: true });
          await writeFile(join(cacheDir, BUILD_MARKER), `${process.pid} ${new Date().toISOString()}\n`);
        },
      },
    },
    finish: {
      name: 'barometer:interrupted-build-finish',
      hooks: {
        'astro:build:done': async () => {
          await rm(join(cacheDir, BUILD_MARKER), { force: true });
        },
      },
    },
  };
}
