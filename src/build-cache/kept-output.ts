/**
 * Keeps the previous build's output folder instead of emptying it, then removes what this build
 * did not produce, so the folder ends up as a build into an empty one would leave it.
 *
 * Why: Astro empties the output folder before every build, so on an incremental build it copies
 * back, one awaited file at a time, every page it reuses from its cache (40,000 outputs at
 * 10,000 analyses: most of a warm build's pages phase). With the folder kept (Vite's
 * `build.emptyOutDir: false`), a reused page is only checked for on disk. What a kept folder can
 * also hold is what must go: pages of deleted analyses, listing pages past the new last page,
 * old hashed assets. After the pages (before the search index reads them), every file is removed
 * that is neither an output of this build's routes (Astro lists reused pages there too) nor
 * written since this build started (scripts, styles, images, public files); empty folders go too.
 *
 * A workaround for Astro's build (src/build-cache/ holds all of them). Tracks Astro 7.3's
 * `experimental.incrementalBuild`, which empties the output folder and copies reused pages back:
 * drop this when Astro leaves reused pages in place.
 */
import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import pLimit from 'p-limit';
import { FILES_AT_ONCE } from '../lib/open-files.ts';
import { outputPath, type OutputPath } from '../lib/output-path.ts';

/**
 * How far a file's modification time may lag the clock it is compared with: file systems stamp
 * times with a coarse clock (a few milliseconds behind), and some with whole seconds.
 */
const CLOCK_SLACK_MS = 2_000;

/** A file under the output folder: its path relative to it (`/`-separated) and its modification time. */
export interface OutputFile {
  path: string;
  mtimeMs: number;
}

/**
 * The files a build did not produce: not among `produced` (route outputs, relative paths) and
 * not written between `startedMs` and `endedMs` (with CLOCK_SLACK_MS either side). `.git` is
 * never touched, as Astro's own emptying spares it.
 */
export function staleFiles(files: readonly OutputFile[], produced: ReadonlySet<string>, startedMs: number, endedMs: number): string[] {
  return files
    .filter((f) => !produced.has(f.path) && !(f.mtimeMs >= startedMs - CLOCK_SLACK_MS && f.mtimeMs <= endedMs + CLOCK_SLACK_MS))
    .filter((f) => f.path !== '.git' && !f.path.startsWith('.git/'))
    .map((f) => f.path)
    .sort();
}

/** `path` relative to `dir`, `/`-separated. */
function relativePath(dir: string, path: string): OutputPath {
  return outputPath(dir, path);
}

/**
 * Every file under `dir` except those in `produced` and those under `left` (folders, relative to it),
 * with paths relative to it and their modification times (a route output needs no time: it is
 * kept whatever its age).
 */
async function listOtherFiles(dir: string, produced: ReadonlySet<string>, left: readonly string[]): Promise<OutputFile[]> {
  const others: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    const path = relativePath(dir, join(entry.parentPath, entry.name));
    if (!produced.has(path) && !left.some((folder) => path.startsWith(`${folder}/`))) others.push(path);
  }
  return pLimit(FILES_AT_ONCE).map(others, async (path) => ({ path, mtimeMs: (await stat(join(dir, path)).catch(() => undefined))?.mtimeMs ?? 0 }));
}

/**
 * Removes the folders that removing `removed` (paths relative to `dir`) left empty, deepest
 * first, up to but never including `dir`. Only their parents are looked at: at 10,000 analyses
 * the output has 20,000 folders, one per page.
 */
async function removeEmptiedFolders(dir: string, removed: readonly string[]): Promise<void> {
  const parents = new Set<string>();
  for (const path of removed) {
    for (let at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1)) parents.add(path.slice(0, at));
  }
  // Deepest first, so a folder is looked at after the folders inside it.
  for (const folder of [...parents].sort((a, b) => b.split('/').length - a.split('/').length || a.localeCompare(b))) {
    const full = join(dir, folder);
    if ((await readdir(full).catch(() => ['?'])).length === 0) await rmdir(full).catch(() => undefined);
  }
}

/**
 * Removes from `dir` the files this build did not produce (see `staleFiles`); `assets` is the
 * route outputs Astro reports in `astro:build:done`; `left` names folders (relative to `dir`) another
 * integration keeps up to date itself (the search index). Returns the removed paths.
 */
export async function removeStaleOutput(dir: string, assets: ReadonlyMap<string, readonly URL[]>, startedMs: number, left: readonly string[] = []): Promise<string[]> {
  const produced = new Set<string>();
  for (const urls of assets.values()) for (const url of urls) produced.add(relativePath(dir, fileURLToPath(url)));
  const stale = staleFiles(await listOtherFiles(dir, produced, left), produced, startedMs, Date.now());
  await pLimit(FILES_AT_ONCE).map(stale, (path) => rm(join(dir, path), { force: true }));
  await removeEmptiedFolders(dir, stale);
  return stale;
}

/**
 * The integration; list it first, so the sweep runs before other `astro:build:done` hooks read
 * the output. `leave`: output folders (relative to it) that a later integration brings up to date
 * itself (the search index replaces only the shards that changed), which the sweep must not empty.
 */
export default function keptOutput(options: { leave?: readonly string[] } = {}): AstroIntegration {
  let startedMs = Number.NaN;
  let outDir: string | undefined;
  let startedEmpty = false;
  return {
    name: 'barometer:kept-output',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      // Before anything is written to the output folder: Vite's bundles and the pages come later.
      'astro:build:start': async () => {
        startedMs = Date.now();
        // A build into an empty (or missing) folder wrote everything in it: nothing to sweep, and
        // listing 200,000 outputs for nothing took 17 s at 50,000 analyses.
        startedEmpty = outDir !== undefined && (await readdir(outDir).catch(() => [])).length === 0;
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        if (Number.isNaN(startedMs)) throw new Error('barometer:kept-output: astro:build:start did not run before astro:build:done');
        if (startedEmpty) return;
        const removed = await removeStaleOutput(fileURLToPath(dir), assets, startedMs, options.leave);
        // Integrations after this one (the search index, headers, sitemap) write their files again.
        if (removed.length > 0) logger.info(`removed ${removed.length} file(s) of an earlier build that this build has not written (yet)`);
      },
    },
  };
}
