/**
 * The search index of `astro build`, through Pagefind's Node API (no separate CLI step), and the
 * last built index served to `astro dev` so search works there too.
 *
 * The index is built from the content, not from the built pages: as soon as the content reader
 * has read and rendered the content (src/content-reader/handoff.ts), a process of its own
 * (src/search/index-process.ts) turns every analysis into a Pagefind custom record with the text,
 * filters, meta and sort key its page carries (src/search/search-records.ts) and indexes them in
 * shards, one bundle per language and era (src/search/search-shards.ts), each kept in the cache
 * folder under a digest of its records and indexed again only when one of them changed
 * (src/search/shard-index.ts). That runs while Astro bundles and renders; after the pages, the
 * shards are linked into the output's `/pagefind/` and `/pagefind/pagefind.js` is written, the
 * module that merges them in the browser (src/search/pagefind-merge.ts).
 */
import { fork } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { stripTypeScriptTypes } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import pLimit from 'p-limit';
import { minify } from 'vite';
import { onContentRead, type ContentRead } from '../content-reader/handoff.ts';
import { FILES_AT_ONCE } from '../lib/open-files.ts';
import { META_WEIGHTS } from './search-fields.ts';
import { PAGEFIND_BUNDLE_DIR as PAGEFIND_DIR } from './search-state.ts';
import type { ShardInfo } from './pagefind-merge.ts';
import type { IndexAnswer, IndexRequest } from './index-process.ts';
import { ENTRY_FILE, indexShards, PagefindError, type ShardIndexReport } from './shard-index.ts';

export { PagefindError } from './shard-index.ts';

/** Files Pagefind writes for its own prebuilt UIs; we bundle @pagefind/component-ui instead. */
const UI_FILE = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

/** Total size of a directory tree, and the part that is the index rather than UI scripts. */
async function bundleSize(dir: string): Promise<{ bytes: number; indexBytes: number }> {
  let bytes = 0;
  let indexBytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const size = (await stat(join(entry.parentPath, entry.name))).size;
    bytes += size;
    if (!UI_FILE.test(entry.name)) indexBytes += size;
  }
  return { bytes, indexBytes };
}

/**
 * The project's source root: Astro may run this module from a bundled copy of the config, so
 * paths are taken from the project (`root`), not from this file's URL, when Astro gives one.
 */
let projectRoot = new URL('../../', import.meta.url);

/** Errors a hard link can meet where a copy still works: another file system, no links there, too many links. */
const NO_LINK = new Set(['EXDEV', 'EPERM', 'EMLINK', 'ENOTSUP', 'EOPNOTSUPP']);

/**
 * Makes `dest` a tree of hard links to the files under `src` (a copy where a link cannot be
 * made). Index files are written once and never changed in place, so the output and the cache
 * share them: a cold build at 10,000 analyses puts about 11,000 files in place without copying.
 */
async function linkTree(src: string, dest: string): Promise<void> {
  const entries = await readdir(src, { recursive: true, withFileTypes: true });
  await mkdir(dest, { recursive: true });
  for (const dir of entries.filter((e) => e.isDirectory())) await mkdir(join(dest, relative(src, join(dir.parentPath, dir.name))), { recursive: true });
  await pLimit(FILES_AT_ONCE).map(
    entries.filter((e) => e.isFile()),
    async (file) => {
      const from = join(file.parentPath, file.name);
      const to = join(dest, relative(src, from));
      await link(from, to).catch(async (error: unknown) => {
        if (!(error instanceof Error && 'code' in error && NO_LINK.has(String(error.code)))) throw error;
        await copyFile(from, to);
      });
    },
  );
}

/**
 * Puts a new `target` folder in place of the old one: `fill` writes it beside, then it replaces
 * the old folder, so a build that stops half-way never leaves a partial shard under its name.
 */
async function replaceFolder(target: string, fill: (tmp: string) => Promise<unknown>): Promise<void> {
  const tmp = `${target}.tmp`;
  await rm(tmp, { recursive: true, force: true });
  await fill(tmp);
  await rm(target, { recursive: true, force: true });
  await rename(tmp, target);
}

/** What the output's index folder holds after placing the shards. */
export interface PlacedIndex {
  /** Bytes of the whole bundle, and of the index proper (without Pagefind's unused UI scripts). */
  bytes: number;
  indexBytes: number;
}

/**
 * Puts the indexed shards in `siteDir/<PAGEFIND_DIR>/<shard>/` (a shard the previous build left
 * there, with the same `pagefind-entry.json`, which names each index's hash, stays as it is),
 * removes shards that are gone and temporary folders of a stopped build, and writes the module
 * that merges the shards in the browser as `siteDir/<PAGEFIND_DIR>/pagefind.js`.
 */
export async function placeShards(siteDir: string, report: ShardIndexReport): Promise<PlacedIndex> {
  const outputPath = join(resolve(siteDir), PAGEFIND_DIR);
  const existing = await stat(outputPath).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new PagefindError(`Pagefind cannot write its bundle to ${outputPath}: a file is in the way`);
  await mkdir(outputPath, { recursive: true });
  const listed: ShardInfo[] = [];
  for (const shard of report.shards) {
    const target = join(outputPath, shard.name);
    const inPlace = await readFile(join(target, ENTRY_FILE), 'utf8').catch(() => undefined);
    if (inPlace !== (await readFile(join(shard.bundle, ENTRY_FILE), 'utf8'))) await replaceFolder(target, (tmp) => linkTree(shard.bundle, tmp));
    listed.push({ path: `${shard.name}/`, lang: shard.lang, era: shard.era });
  }
  // What earlier builds left and this one did not write: shards of a language or era that is
  // gone, a temporary folder of an interrupted build.
  const current = new Set([...listed.map((s) => s.path.replace(/\/$/, '')), 'pagefind.js']);
  for (const name of await readdir(outputPath)) if (!current.has(name)) await rm(join(outputPath, name), { recursive: true, force: true });
  await writeFile(join(outputPath, 'pagefind.js'), await mergeModule(listed));
  return bundleSize(outputPath);
}

/**
 * Indexes `content` and places the shards under `siteDir`, in this process: what a build does in
 * two processes, for tests and tools. Shards are cached in `<cacheDir>/pagefind-shards/`.
 */
export async function buildSearchIndex(content: ContentRead, siteDir: string, options: { cacheDir: string; timeoutMs?: number }): Promise<ShardIndexReport & PlacedIndex> {
  const report = await indexShards(content, options);
  return { ...report, ...(await placeShards(siteDir, report)) };
}

/**
 * Starts the index process (src/search/index-process.ts) on `content`; the promise holds its
 * report, or rejects with its error, or when it ends without answering.
 */
function startIndexProcess(content: ContentRead, cacheDir: string): Promise<ShardIndexReport> {
  const script = fileURLToPath(new URL('src/search/index-process.ts', projectRoot));
  // Without the build's own flags (its heap size, its preloaded error handler): a plain Node process.
  const child = fork(script, [], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((ok, fail) => {
    let answer: IndexAnswer | undefined;
    child.on('message', (message: IndexAnswer | 'ready') => {
      if (message === 'ready') child.send({ content, cacheDir } satisfies IndexRequest);
      else answer = message;
    });
    child.on('error', (error) => fail(new PagefindError(`the search index process failed to start: ${error.message}`)));
    child.on('exit', (code, signal) => {
      if (answer && 'report' in answer) ok(answer.report);
      else if (answer) fail(new PagefindError(answer.error));
      else fail(new PagefindError(`the search index process ended without an answer (${signal ?? `exit code ${String(code)}`})`));
    });
  });
}

/**
 * The browser module in front of the shards: pagefind-merge.ts without types, plus the shard list,
 * the ranking weights of our meta fields and Pagefind's exports. Every instance of the module
 * shares one runtime per language (RUNTIMES).
 */
async function mergeModule(shards: ShardInfo[]): Promise<string> {
  const source = stripTypeScriptTypes(await readFile(new URL('src/search/pagefind-merge.ts', projectRoot), 'utf8'));
  // Minified (24 KB of commented source to 7 KB): it counts against the phone's JavaScript budget.
  const minified = await minify('pagefind-merge.js', source, { compress: true, mangle: true });
  if (minified.errors.length) throw new PagefindError(`the search module did not minify: ${minified.errors.map((e) => e.message).join('; ')}`);
  return `${minified.code}
const SHARDS = ${JSON.stringify(shards)};
const SETTINGS = ${JSON.stringify({ ranking: { metaWeights: META_WEIGHTS } })};
const BASE = new URL('./', import.meta.url).href;
const RUNTIMES = new Map();
const load = (shard) => import(\`./\${shard.path}pagefind.js\`);
const pageLang = () => (typeof document === 'undefined' ? '' : document.documentElement.lang || '');
let fallback;
const main = () => (fallback ??= createMerged(load, SHARDS, BASE, pageLang(), SETTINGS, RUNTIMES));
export const createInstance = (options = {}) => createMerged(load, SHARDS, BASE, pageLang(), { ...SETTINGS, ...options }, RUNTIMES);
export const options = (o) => main().options(o);
export const init = () => main().init();
export const destroy = () => main().destroy();
export const mergeIndex = (path, o) => main().mergeIndex(path, o);
export const search = (term, o) => main().search(term, o);
export const debouncedSearch = (term, o, ms) => main().debouncedSearch(term, o, ms);
export const preload = (term, o) => main().preload(term, o);
export const filters = () => main().filters();
`;
}

/** `en 24, be 3, ru 3`. */
function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts).map(([lang, n]) => `${lang} ${n}`).join(', ') || 'none';
}

/** MIME types of the files a Pagefind bundle holds (wasm must be application/wasm to stream-compile). */
const MIME: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** Dev-server middleware answering `/pagefind/*` from the last build's bundle. */
function serveLastBuild(bundleDir: string, logger: AstroIntegrationLogger) {
  let warned = false;
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    // Mounted at /pagefind, so req.url is the path inside the bundle.
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://dev').pathname);
    const file = resolve(bundleDir, `.${path}`);
    if (file !== bundleDir && !file.startsWith(bundleDir + sep)) {
      res.statusCode = 403;
      res.end();
      return;
    }
    stat(file).then(
      (info) => {
        if (!info.isFile()) return next();
        res.setHeader('Content-Type', MIME[extname(file)] ?? 'application/octet-stream');
        res.setHeader('Content-Length', info.size);
        res.setHeader('Cache-Control', 'no-store');
        createReadStream(file).pipe(res);
      },
      () => {
        if (!warned) {
          warned = true;
          logger.warn(`no search index at ${relative(process.cwd(), bundleDir)}: run \`npm run build\` once, search in dev uses the last build's index`);
        }
        res.statusCode = 404;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end('No Pagefind index: run `npm run build` first.');
      },
    );
  };
}

/** Seconds with one decimal. */
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The Astro integration: in `astro build`, index the content in its own process from the moment
 * the content reader hands it over, and place the index after the pages; in `astro dev`, serve
 * the last build's index.
 */
export default function pagefindIntegration(): AstroIntegration {
  let outDir: string | undefined;
  let indexed: { handedOver: number; report: Promise<ShardIndexReport> } | undefined;
  return {
    name: 'barometer:pagefind',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        const cacheDir = fileURLToPath(config.cacheDir);
        projectRoot = config.root;
        indexed = undefined;
        onContentRead((content) => {
          const report = startIndexProcess(content, cacheDir);
          // Awaited after the pages; until then a failure must not count as unhandled.
          report.catch(() => undefined);
          indexed = { handedOver: performance.now(), report };
        });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        projectRoot = config.root;
      },
      'astro:server:setup': ({ server, logger }) => {
        if (!outDir) throw new Error('barometer:pagefind: astro:config:done did not run before astro:server:setup');
        server.middlewares.use(`/${PAGEFIND_DIR}`, serveLastBuild(resolve(outDir, PAGEFIND_DIR), logger));
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!indexed) throw new PagefindError('the content reader handed no content over to index (src/content-reader/handoff.ts)');
        const waiting = performance.now();
        const report = await indexed.report;
        const placed = await placeShards(fileURLToPath(dir), report);
        const after = performance.now() - waiting;
        const kb = (n: number) => `${Math.round(n / 1024)} KB`;
        const pagefindUse = report.peakMb === undefined ? '' : `; Pagefind peak ${Math.round(report.peakMb)} MB${report.cpuS === undefined ? '' : `, CPU ${report.cpuS.toFixed(1)} s`}`;
        logger.info(
          `indexed ${formatCounts(report.recordsByLanguage)} analyses from the content in ${seconds(report.ms)} while the pages were built, ${Math.round(after)} ms after the pages; index ${kb(placed.indexBytes)} (bundle ${kb(placed.bytes)})${pagefindUse}; records CPU ${report.recordsCpuS.toFixed(1)} s; shards: ${report.built.length} indexed, ${report.reused.length} reused from the cache`,
        );
      },
    },
  };
}
