/**
 * Builds the Pagefind search index as the last step of `astro build`, through Pagefind's Node API
 * (no separate CLI step), and serves the last built index to `astro dev` so search works there too.
 *
 * Only elements marked `data-pagefind-body` are indexed (the analysis article). The index is built
 * in shards, one bundle per language and era (src/search/search-shards.ts), each cached under the
 * digest of its pages and indexed again only when one of them changed; `/pagefind/pagefind.js`
 * merges the shards in the browser (src/search/pagefind-merge.ts).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { stripTypeScriptTypes } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import pLimit from 'p-limit';
import * as pagefind from 'pagefind';
import { minify } from 'vite';
import { FILES_AT_ONCE } from '../lib/open-files.ts';
import { outputPath } from '../lib/output-path.ts';
import type { Language } from '../i18n/languages.ts';
import { META_WEIGHTS } from './search-fields.ts';
import { PAGEFIND_BUNDLE_DIR as PAGEFIND_DIR } from './search-state.ts';
import { shardOfPage, type SearchShard } from './search-shards.ts';
import type { ShardInfo } from './pagefind-merge.ts';

/** What one finished index looks like: pages per language and bytes on disk. */
export interface IndexReport {
  /** HTML files Pagefind read (those matching the glob). */
  filesRead: number;
  /** Indexed pages per language code, from pagefind-entry.json. */
  pagesByLanguage: Record<string, number>;
  /** Bytes of the whole bundle, and of the index proper (without Pagefind's unused UI scripts). */
  bytes: number;
  indexBytes: number;
  /** Wall time of createIndex..writeFiles, in milliseconds. */
  ms: number;
  /** Peak resident memory of the Pagefind process in MB, where /proc tells it (Linux). */
  peakMb: number | undefined;
  /** CPU seconds the Pagefind process used (all its threads), where /proc tells it (Linux). */
  cpuS: number | undefined;
}

/**
 * Peak resident memory (VmHWM) and CPU time of this process's Pagefind child, read from /proc
 * before the service is closed. The Pagefind library neither exposes the process nor waits for
 * it, so the OS accounting of the build (`time -v`) never sees it; undefined where /proc is absent.
 */
async function pagefindUsage(): Promise<Pick<IndexReport, 'peakMb' | 'cpuS'>> {
  const entries = await readdir('/proc').catch(() => [] as string[]);
  const ours = new RegExp(`^PPid:\\s*${process.pid}$`, 'm');
  let peakMb: number | undefined;
  let cpuS: number | undefined;
  for (const pid of entries.filter((e) => /^\d+$/.test(e))) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    if (!/^Name:\s*pagefind/m.test(status) || !ours.test(status)) continue;
    const kb = Number(/^VmHWM:\s*(\d+) kB/m.exec(status)?.[1]);
    if (Number.isFinite(kb)) peakMb = Math.max(peakMb ?? 0, kb / 1024);
    // utime and stime, fields 14 and 15, count every thread in USER_HZ ticks (100 a second on Linux).
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    if (Number.isFinite(ticks)) cpuS = (cpuS ?? 0) + ticks / 100;
  }
  return { peakMb, cpuS };
}

/** Thrown when Pagefind reports any error: the build must fail rather than ship a broken search. */
export class PagefindError extends Error {
  override name = 'PagefindError';
}

/** Throws when a Pagefind response carries errors, naming the step that failed. */
function check(step: string, response: { errors: string[] }): void {
  if (response.errors.length) throw new PagefindError(`Pagefind ${step} failed:\n  ${response.errors.join('\n  ')}`);
}

/**
 * Markup inside analyses that is not text: heading anchors ("#"), footnote numbers and back
 * links ("↩"), decorative icons. Left in, they show up in excerpts and pad word counts.
 */
export const EXCLUDE_SELECTORS = ['.heading-anchor', '[data-footnote-ref]', '[data-footnote-backref]', '[aria-hidden="true"]'];

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

/** How long one Pagefind step may take; BAROMETER_PAGEFIND_TIMEOUT_MS overrides (a 10k-page site needs well under a minute). */
const DEFAULT_TIMEOUT_MS = Number(process.env['BAROMETER_PAGEFIND_TIMEOUT_MS'] ?? 10 * 60_000);

/**
 * Waits for a Pagefind step, failing after `ms`. The Pagefind service is a child process that
 * the library unrefs and never watches: when the binary panics (it does, e.g. when the output
 * path is a file) the promise never settles and Node, with nothing left to do, would exit as if
 * the build had succeeded. The timer keeps the process alive and turns that into an error.
 */
export async function withDeadline<T>(name: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PagefindError(`Pagefind ${name} did not answer within ${Math.round(ms / 1000)} s (did the pagefind binary crash? its output is above)`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The project's source root: Astro may run this module from a bundled copy of the config, so
 * paths are taken from the project (`root`), not from this file's URL, when Astro gives one.
 */
let projectRoot = new URL('../../', import.meta.url);

/** The Pagefind release the shards are built with: part of every shard's cache key. */
async function pagefindVersion(): Promise<string> {
  // Its package.json is not in its exports, so it is read as a file.
  const info: unknown = JSON.parse(await readFile(new URL('node_modules/pagefind/package.json', projectRoot), 'utf8'));
  return typeof info === 'object' && info !== null && 'version' in info ? String(info.version) : 'unknown';
}

/** One analysis page to index. */
interface PageFile {
  /** Path under the site dir, `/`-separated. */
  path: string;
  content: string;
}

/**
 * The analysis pages' paths under `site`, grouped by shard (language x era), shards and pages in
 * name order. Only paths: a shard's pages are read when it is indexed, so the build never holds
 * every page's text at once.
 */
async function pagePathsByShard(site: string, root: Language): Promise<Map<string, { shard: SearchShard; paths: string[] }>> {
  const shards = new Map<string, { shard: SearchShard; paths: string[] }>();
  const files: string[] = [];
  for (const entry of await readdir(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'index.html') continue;
    files.push(outputPath(site, join(entry.parentPath, entry.name)));
  }
  for (const path of files.sort()) {
    const shard = shardOfPage(path, root);
    if (!shard) continue;
    const group = shards.get(shard.name) ?? { shard, paths: [] };
    group.paths.push(path);
    shards.set(shard.name, group);
  }
  return new Map([...shards].sort((a, b) => a[0].localeCompare(b[0])));
}

/** Reads the pages at `paths` under `site`, in order, a few at a time (a shard can hold more pages than the open-file limit). */
async function readPages(site: string, paths: string[]): Promise<PageFile[]> {
  return pLimit(FILES_AT_ONCE).map(paths, async (path) => ({ path, content: await readFile(join(site, path), 'utf8') }));
}

/** A shard's cache key: the Pagefind release, what is excluded, and every page's path and bytes. */
function shardDigest(pages: PageFile[], version: string): string {
  const hash = createHash('sha256').update(`${version}\n${EXCLUDE_SELECTORS.join(',')}\n`);
  for (const page of pages) hash.update(`${page.path}\n${createHash('sha256').update(page.content).digest('hex')}\n`);
  return hash.digest('hex').slice(0, 24);
}

/** Pages per language code in one bundle's pagefind-entry.json. */
async function entryCounts(bundle: string): Promise<Record<string, number>> {
  const entry: unknown = JSON.parse(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8'));
  const counts: Record<string, number> = {};
  if (typeof entry === 'object' && entry !== null && 'languages' in entry && typeof entry.languages === 'object' && entry.languages !== null) {
    for (const [lang, info] of Object.entries(entry.languages)) {
      const count: unknown = typeof info === 'object' && info !== null && 'page_count' in info ? info.page_count : undefined;
      if (typeof count === 'number') counts[lang] = count;
    }
  }
  return counts;
}

/**
 * Indexes `pages` (or nothing, for a site without analyses) into a new bundle at `outputPath`,
 * then frees the index in the Pagefind process: kept, every shard's index stayed in its memory
 * until the end (1.7 GB at 10,000 analyses instead of about 0.65 GB).
 */
async function writeBundle(pages: PageFile[], outputPath: string, ms: number): Promise<void> {
  const created = await withDeadline('createIndex', ms, pagefind.createIndex({ keepIndexUrl: false, writePlayground: false, excludeSelectors: EXCLUDE_SELECTORS }));
  check('createIndex', created);
  const { index } = created;
  if (!index) throw new PagefindError('Pagefind createIndex returned no index and no error');
  // From memory: the pages were read once already, for the shard's digest. All at once: the
  // service parses them in parallel; one at a time, each waits for a round trip.
  await Promise.all(
    pages.map(async (page) => {
      const url = `/${page.path.replace(/index\.html$/, '')}`;
      const added = await withDeadline(`addHTMLFile(${page.path})`, ms, index.addHTMLFile({ url, content: page.content }));
      check(`addHTMLFile(${page.path})`, added);
    }),
  );
  const written = await withDeadline(`writeFiles(${outputPath})`, ms, index.writeFiles({ outputPath }));
  check(`writeFiles(${outputPath})`, written);
  await withDeadline('deleteIndex', ms, index.deleteIndex());
}

/** The file at the top of every Pagefind bundle. */
const ENTRY_FILE = 'pagefind-entry.json';

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

/** What the build did with the shards, beside the index report. */
export interface ShardReport {
  built: string[];
  reused: string[];
}

/**
 * Indexes the analysis pages under `siteDir` into one Pagefind bundle per shard (language x era,
 * src/search/search-shards.ts) at `siteDir/<PAGEFIND_DIR>/<shard>/`, and writes the module that
 * merges them in the browser as `siteDir/<PAGEFIND_DIR>/pagefind.js`. With `cacheDir`, a shard
 * whose pages are byte-identical to a previous build's is copied from the cache instead of
 * indexed again (Pagefind has no incremental mode), or left as it is when the output folder
 * already holds it; shards that are gone are removed. Shards are read and indexed one at a time,
 * and each index is freed once written, so neither process holds the whole site's text at once.
 * Paths are made absolute first: Pagefind resolves relative paths against its own cwd. Any error
 * reported by Pagefind is thrown; the Pagefind service is always closed.
 */
export async function buildPagefindIndex(siteDir: string, options: { root: Language; cacheDir?: string | undefined; timeoutMs?: number }): Promise<IndexReport & ShardReport> {
  const ms = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const site = resolve(siteDir);
  const outputPath = join(site, PAGEFIND_DIR);
  const existing = await stat(outputPath).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new PagefindError(`Pagefind cannot write its bundle to ${outputPath}: a file is in the way`);
  const cache = options.cacheDir ? join(resolve(options.cacheDir), 'pagefind-shards') : undefined;
  const started = performance.now();
  const groups = await pagePathsByShard(site, options.root);
  const version = await pagefindVersion();
  const report: ShardReport = { built: [], reused: [] };
  let filesRead = 0;
  let usage: Pick<IndexReport, 'peakMb' | 'cpuS'> = { peakMb: undefined, cpuS: undefined };
  let failed = false;
  let serviceUsed = false;
  try {
    // The folder is kept between builds: a shard the previous build left in place is not copied again.
    await mkdir(outputPath, { recursive: true });
    const listed: ShardInfo[] = [];
    for (const { shard, paths } of groups.values()) {
      filesRead += paths.length;
      const pages = await readPages(site, paths);
      const target = join(outputPath, shard.name);
      const cached = cache ? join(cache, `${shard.name}.${shardDigest(pages, version)}`) : undefined;
      const cachedEntry = cached ? await readFile(join(cached, ENTRY_FILE), 'utf8').catch(() => undefined) : undefined;
      if (cached && cachedEntry !== undefined) {
        // The entry names the hash of each language's index: equal entries, equal shards.
        const inPlace = await readFile(join(target, ENTRY_FILE), 'utf8').catch(() => undefined);
        if (inPlace !== cachedEntry) await replaceFolder(target, (tmp) => cp(cached, tmp, { recursive: true }));
        report.reused.push(shard.name);
      } else {
        serviceUsed = true;
        await replaceFolder(target, (tmp) => writeBundle(pages, tmp, ms));
        report.built.push(shard.name);
        if (cached && cache) {
          // Older versions of this shard are dead weight: one cached copy per shard.
          await mkdir(cache, { recursive: true });
          for (const name of await readdir(cache)) if (name.startsWith(`${shard.name}.`)) await rm(join(cache, name), { recursive: true, force: true });
          await cp(target, `${cached}.tmp`, { recursive: true });
          await rename(`${cached}.tmp`, cached);
        }
      }
      listed.push({ path: `${shard.name}/`, lang: shard.lang, era: shard.era ?? null });
    }
    if (groups.size === 0) {
      // A site without analyses yet still gets an (empty) index, so search says "no results".
      serviceUsed = true;
      await replaceFolder(join(outputPath, 'empty'), (tmp) => writeBundle([], tmp, ms));
      listed.push({ path: 'empty/', lang: options.root, era: null });
    }
    // What earlier builds left and this one did not write: shards of a language or era that is
    // gone, a temporary folder of an interrupted build.
    const current = new Set([...listed.map((s) => s.path.replace(/\/$/, '')), 'pagefind.js']);
    for (const name of await readdir(outputPath)) if (!current.has(name)) await rm(join(outputPath, name), { recursive: true, force: true });
    await writeFile(join(outputPath, 'pagefind.js'), await mergeModule(listed));
    if (serviceUsed) usage = await pagefindUsage();
    const pagesByLanguage: Record<string, number> = {};
    for (const shard of listed) {
      for (const [lang, n] of Object.entries(await entryCounts(join(outputPath, shard.path)))) pagesByLanguage[lang] = (pagesByLanguage[lang] ?? 0) + n;
    }
    const elapsed = performance.now() - started;
    return { filesRead, pagesByLanguage, ...(await bundleSize(outputPath)), ms: elapsed, ...usage, ...report };
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // After a failure the service may be dead: closing must neither hang nor hide the first error.
    if (serviceUsed) {
      await withDeadline('close', 10_000, pagefind.close()).catch((error: unknown) => {
        if (!failed) throw error;
      });
    }
  }
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

/**
 * The Astro integration: index after `astro build`, serve the last index in `astro dev`. `root`
 * is the site's first language, whose analyses are served at the root (`/analyses/<slug>/`).
 */
export default function pagefindIntegration(options: { root: Language }): AstroIntegration {
  let outDir: string | undefined;
  let cacheDir: string | undefined;
  return {
    name: 'barometer:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
        projectRoot = config.root;
      },
      'astro:server:setup': ({ server, logger }) => {
        if (!outDir) throw new Error('barometer:pagefind: astro:config:done did not run before astro:server:setup');
        server.middlewares.use(`/${PAGEFIND_DIR}`, serveLastBuild(resolve(outDir, PAGEFIND_DIR), logger));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const report = await buildPagefindIndex(fileURLToPath(dir), { root: options.root, cacheDir });
        const kb = (n: number) => `${Math.round(n / 1024)} KB`;
        logger.info(
          `indexed ${formatCounts(report.pagesByLanguage)} page(s) of ${report.filesRead} analysis file(s) in ${Math.round(report.ms)} ms; index ${kb(report.indexBytes)} (bundle ${kb(report.bytes)})${report.peakMb === undefined ? '' : `; Pagefind peak ${Math.round(report.peakMb)} MB`}${report.cpuS === undefined ? '' : `, CPU ${report.cpuS.toFixed(1)} s`}; shards: ${report.built.length} indexed, ${report.reused.length} reused from the cache`,
        );
      },
    },
  };
}
