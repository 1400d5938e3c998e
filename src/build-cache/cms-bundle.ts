/**
 * Builds the editors' form's script (src/cms/admin.ts with Sveltia CMS) in a Vite build of its
 * own, kept in the cache folder and built again only when one of its source files changed; Astro's
 * client build gets a one-line module that imports the kept bundle.
 *
 * Why: Sveltia CMS brings about 400 modules (Shiki's languages, its locales, React), 15 MB of
 * JavaScript that Astro's client build bundled and minified again on every build: most of the
 * bundling phase of a warm build (at 2,000 analyses, 8.8 of 12 s; everything else in the client
 * build takes 0.4 s), for the same output each time. The kept bundle is made by the same Vite with
 * the same production settings, so the form is the same code; its files keep their content-hash
 * names under `_astro/cms/` (served as immutable, like the rest of `_astro/`).
 *
 * Only `astro build`: `astro dev` serves src/cms/admin.ts itself, as before.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build, version as viteVersion, type Plugin, type Rolldown } from 'vite';
import pLimit from 'p-limit';
import { CMS_FONTS_DIR, cmsSelfHostedFonts } from '../cms/self-hosted-fonts.ts';
import { FILES_AT_ONCE } from '../lib/open-files.ts';

/** The folder (under the output folder) the kept bundle's files go to. */
export const CMS_BUNDLE_DIR = '_astro/cms';

/**
 * The output folders holding the kept bundle's files (its scripts and assets, and the fonts
 * src/cms/self-hosted-fonts.ts adds): this integration keeps them up to date itself, so the output
 * sweep (kept-output.ts) leaves them alone instead of removing 400 files every build.
 */
export const CMS_OUTPUT_DIRS: readonly string[] = [CMS_BUNDLE_DIR, CMS_FONTS_DIR];

/** Bumped when the way the bundle is built changes in a way its source files do not show. */
const RECIPE = 1;

/** What a kept bundle records beside its files. */
export interface CmsBundleManifest {
  /** RECIPE, Vite's version and the base URL, joined. */
  recipe: string;
  /** The entry file, relative to the output folder. */
  entry: string;
  /** Every source file the bundle was made from (absolute path) with the SHA-256 of its bytes. */
  sources: Record<string, string>;
}

/** SHA-256 of a file's bytes, or '' when it cannot be read (a removed file counts as changed). */
async function fileDigest(path: string): Promise<string> {
  try {
    return createHash('sha256').update(await readFile(path)).digest('hex');
  } catch {
    return '';
  }
}

/** Digests of `paths`, read FILES_AT_ONCE at a time. */
async function digests(paths: readonly string[]): Promise<Record<string, string>> {
  const limit = pLimit(FILES_AT_ONCE);
  const pairs = await Promise.all(paths.map((p) => limit(async () => [p, await fileDigest(p)] as const)));
  return Object.fromEntries(pairs.sort((a, b) => a[0].localeCompare(b[0])));
}

/** Whether `kept` was made by this recipe from files that are all unchanged. */
export async function keptBundleIsCurrent(kept: CmsBundleManifest, recipe: string): Promise<boolean> {
  if (kept.recipe !== recipe) return false;
  const paths = Object.keys(kept.sources);
  if (paths.length === 0) return false;
  const now = await digests(paths);
  return paths.every((p) => now[p] === kept.sources[p]);
}

/** The source files (absolute paths on disk) a Rolldown bundle was made from; no virtual modules. */
function sourceFiles(bundle: Rolldown.OutputBundle): string[] {
  const ids = new Set<string>();
  for (const output of Object.values(bundle)) {
    if (output.type !== 'chunk') continue;
    for (const id of output.moduleIds) {
      const file = id.split('?')[0] ?? '';
      if (isAbsolute(file) && !id.startsWith('\0')) ids.add(file);
    }
  }
  return [...ids];
}

/** Runs Vite's production build of `entry` into `outDir`; returns the entry file and the sources. */
async function buildBundle(root: string, entry: string, outDir: string, base: string): Promise<{ entry: string; sources: string[] }> {
  let entryFile = '';
  let sources: string[] = [];
  const record: Plugin = {
    name: 'barometer:cms-bundle-record',
    generateBundle(_options, bundle) {
      sources = sourceFiles(bundle);
      const main = Object.values(bundle).find((o) => o.type === 'chunk' && o.isEntry);
      entryFile = main?.fileName ?? '';
    },
  };
  await build({
    configFile: false,
    root,
    base,
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    plugins: [cmsSelfHostedFonts(), record],
    build: {
      outDir,
      emptyOutDir: true,
      assetsDir: CMS_BUNDLE_DIR,
      // Sveltia CMS's own chunks are larger than Vite's warning size; nothing to act on.
      chunkSizeWarningLimit: 100_000,
      rolldownOptions: {
        input: entry,
        output: { entryFileNames: `${CMS_BUNDLE_DIR}/admin.[hash].js`, chunkFileNames: `${CMS_BUNDLE_DIR}/[name].[hash].js`, assetFileNames: `${CMS_BUNDLE_DIR}/[name].[hash][extname]` },
      },
    },
  });
  if (!entryFile) throw new Error(`Vite's build of ${entry} gave no entry file`);
  return { entry: entryFile, sources };
}

/** Every file under `dir`, relative to it. */
async function listFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map((d) => relative(dir, join(d.parentPath, d.name)));
}

/** Where the kept bundle lives under the cache folder: its files (laid out as under the output folder) and its manifest. */
function bundlePaths(cacheDir: string): { dir: string; manifestFile: string } {
  return { dir: join(cacheDir, 'cms-bundle', 'files'), manifestFile: join(cacheDir, 'cms-bundle', 'manifest.json') };
}

/**
 * What the kept bundle's manifest says for this recipe. NODE_ENV is in it because Vite writes it
 * into the bundle (`process.env.NODE_ENV`, which picks React's development or production build).
 */
function recipeFor(base: string): string {
  return `${RECIPE} vite ${viteVersion} base ${base} NODE_ENV ${process.env['NODE_ENV'] ?? ''}`;
}

/** The kept bundle under `cacheDir`, if one was made by this recipe from sources that are all unchanged. */
export async function currentBundle(cacheDir: string, base: string): Promise<{ dir: string; manifest: CmsBundleManifest } | undefined> {
  const { dir, manifestFile } = bundlePaths(cacheDir);
  try {
    const kept = JSON.parse(await readFile(manifestFile, 'utf8')) as CmsBundleManifest;
    // A kept bundle whose files were removed from the cache folder is made again.
    await stat(join(dir, kept.entry));
    if (await keptBundleIsCurrent(kept, recipeFor(base))) return { dir, manifest: kept };
  } catch {
    // no kept bundle, or an unreadable one
  }
  return undefined;
}

/**
 * The kept bundle for `entry` under `cacheDir` (`cms-bundle/`), made again in this process when a
 * source changed. Returns its folder and its manifest.
 */
export async function keptBundle(root: string, entry: string, cacheDir: string, base: string): Promise<{ dir: string; manifest: CmsBundleManifest }> {
  const current = await currentBundle(cacheDir, base);
  if (current) return current;
  // Before the build, which may set NODE_ENV.
  const recipe = recipeFor(base);
  const { dir, manifestFile } = bundlePaths(cacheDir);
  await rm(manifestFile, { force: true });
  const made = await buildBundle(root, entry, dir, base);
  const manifest: CmsBundleManifest = { recipe, entry: made.entry, sources: await digests(made.sources) };
  await writeFile(manifestFile, `${JSON.stringify(manifest, null, 1)}\n`);
  return { dir, manifest };
}

/**
 * The kept bundle, made again when a source changed in a process of its own
 * (cms-bundle-process.ts), so the build's process never holds Vite's bundling of the form: the
 * bundler's memory (a few hundred MB) would stay in the build's resident memory to its end.
 */
async function keptBundleOutOfProcess(script: string, root: string, entry: string, cacheDir: string, base: string): Promise<{ dir: string; manifest: CmsBundleManifest }> {
  const current = await currentBundle(cacheDir, base);
  if (current) return current;
  const child = spawn(process.execPath, [script, root, entry, cacheDir, base], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const code = await new Promise<number | null>((ok, fail) => {
    child.on('error', fail);
    child.on('close', ok);
  });
  const { dir, manifestFile } = bundlePaths(cacheDir);
  if (code !== 0) throw new Error(`the editors' form's script (${entry}) did not build:\n${errors.trim()}`);
  return { dir, manifest: JSON.parse(await readFile(manifestFile, 'utf8')) as CmsBundleManifest };
}

/** The integration; `entry` is the admin page's script (absolute path). */
export default function cmsBundle(entry: string): AstroIntegration {
  let ready: Promise<{ dir: string; manifest: CmsBundleManifest }> | undefined;
  return {
    name: 'barometer:cms-bundle',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        // Started now, beside the content sync; awaited when the client build asks for the entry.
        const script = fileURLToPath(new URL('src/build-cache/cms-bundle-process.ts', config.root));
        ready = keptBundleOutOfProcess(script, fileURLToPath(config.root), entry, fileURLToPath(config.cacheDir), base);
        ready.catch(() => undefined); // reported where it is awaited
        const plugin: Plugin = {
          name: 'barometer:cms-bundle',
          apply: 'build',
          enforce: 'pre',
          applyToEnvironment: (environment) => environment.name === 'client',
          resolveId(id) {
            return id.startsWith(`${base}${CMS_BUNDLE_DIR}/`) ? { id, external: true } : null;
          },
          async load(id) {
            if (id.split('?')[0] !== entry || !ready) return null;
            const { manifest } = await ready;
            return `import ${JSON.stringify(`${base}${manifest.entry}`)};\n`;
          },
        };
        updateConfig({ vite: { plugins: [plugin] } });
      },
      'astro:build:done': async ({ dir }) => {
        if (!ready) return;
        const kept = await ready;
        await placeBundle(kept.dir, fileURLToPath(dir));
      },
    },
  };
}

/**
 * Brings the kept bundle's folders in `out` up to date with `keptDir`: copies the files missing
 * there and removes those the bundle no longer has. Every name holds a hash of its content, so a
 * file already there under its name is the same file.
 */
export async function placeBundle(keptDir: string, out: string): Promise<void> {
  const wanted = new Set(await listFiles(keptDir));
  const present = new Set<string>();
  for (const folder of CMS_OUTPUT_DIRS) for (const f of await listFiles(join(out, folder)).catch(() => [])) present.add(join(folder, f));
  const limit = pLimit(FILES_AT_ONCE);
  await Promise.all([
    ...[...wanted].filter((f) => !present.has(f)).map((f) => limit(() => cp(join(keptDir, f), join(out, f)))),
    ...[...present].filter((f) => !wanted.has(f)).map((f) => limit(() => rm(join(out, f), { force: true }))),
  ]);
}
