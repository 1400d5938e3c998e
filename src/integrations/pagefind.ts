/**
 * Builds the Pagefind search index as the last step of `astro build`, through Pagefind's Node API
 * (no separate CLI step), and serves the last built index to `astro dev` so search works there too.
 *
 * Only elements marked `data-pagefind-body` are indexed (the analysis article); Pagefind splits
 * the index by each page's `<html lang>`, so every language gets its own index and stemmer.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { PAGEFIND_BUNDLE_DIR as PAGEFIND_DIR } from '../lib/search-state.ts';

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
}

/**
 * Peak resident memory (VmHWM) of this process's Pagefind child, read from /proc before the
 * service is closed. The Pagefind library neither exposes the process nor waits for it, so the
 * OS accounting of the build (`time -v`) never sees it; undefined where /proc is absent.
 */
async function pagefindPeakMb(): Promise<number | undefined> {
  const entries = await readdir('/proc').catch(() => [] as string[]);
  const ours = new RegExp(`^PPid:\\s*${process.pid}$`, 'm');
  let peak: number | undefined;
  for (const pid of entries.filter((e) => /^\d+$/.test(e))) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    if (!/^Name:\s*pagefind/m.test(status) || !ours.test(status)) continue;
    const kb = Number(/^VmHWM:\s*(\d+) kB/m.exec(status)?.[1]);
    if (Number.isFinite(kb)) peak = Math.max(peak ?? 0, kb / 1024);
  }
  return peak;
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
 * The pages to index: analyses in every language (`/analyses/<slug>/`, `/<lang>/analyses/<slug>/`,
 * see urls.analysis). Pagefind indexes whole pages when no page has `data-pagefind-body`, so a
 * site with no analyses yet would otherwise get its listings indexed.
 */
export const ANALYSIS_PAGES = '**/analyses/*/index.html';

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
 * Indexes the analysis pages under `siteDir` and writes the bundle to `siteDir/<PAGEFIND_DIR>`.
 * Both paths are made absolute first: Pagefind resolves relative paths against its own cwd.
 * Any error reported by Pagefind is thrown; the Pagefind service is always closed.
 */
export async function buildPagefindIndex(siteDir: string, options: { glob?: string; timeoutMs?: number } = {}): Promise<IndexReport> {
  const ms = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const glob = options.glob ?? ANALYSIS_PAGES;
  const site = resolve(siteDir);
  const outputPath = join(site, PAGEFIND_DIR);
  const existing = await stat(outputPath).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new PagefindError(`Pagefind cannot write its bundle to ${outputPath}: a file is in the way`);
  const started = performance.now();
  let failed = false;
  try {
    const created = await withDeadline('createIndex', ms, pagefind.createIndex({ keepIndexUrl: false, writePlayground: false, excludeSelectors: EXCLUDE_SELECTORS }));
    check('createIndex', created);
    const { index } = created;
    if (!index) throw new PagefindError('Pagefind createIndex returned no index and no error');
    const added = await withDeadline(`addDirectory(${site})`, ms, index.addDirectory({ path: site, glob }));
    check(`addDirectory(${site})`, added);
    const written = await withDeadline(`writeFiles(${outputPath})`, ms, index.writeFiles({ outputPath }));
    check(`writeFiles(${outputPath})`, written);
    const elapsed = performance.now() - started;
    const peakMb = await pagefindPeakMb();
    const entry: unknown = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8'));
    const pagesByLanguage: Record<string, number> = {};
    if (typeof entry === 'object' && entry !== null && 'languages' in entry && typeof entry.languages === 'object' && entry.languages !== null) {
      for (const [lang, info] of Object.entries(entry.languages)) {
        const count: unknown = typeof info === 'object' && info !== null && 'page_count' in info ? info.page_count : undefined;
        if (typeof count === 'number') pagesByLanguage[lang] = count;
      }
    }
    return { filesRead: added.page_count, pagesByLanguage, ...(await bundleSize(outputPath)), ms: elapsed, peakMb };
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // After a failure the service may be dead: closing must neither hang nor hide the first error.
    await withDeadline('close', 10_000, pagefind.close()).catch((error: unknown) => {
      if (!failed) throw error;
    });
  }
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

/** The Astro integration: index after `astro build`, serve the last index in `astro dev`. */
export default function pagefindIntegration(): AstroIntegration {
  let outDir: string | undefined;
  return {
    name: 'barometer:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:server:setup': ({ server, logger }) => {
        if (!outDir) throw new Error('barometer:pagefind: astro:config:done did not run before astro:server:setup');
        server.middlewares.use(`/${PAGEFIND_DIR}`, serveLastBuild(resolve(outDir, PAGEFIND_DIR), logger));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const report = await buildPagefindIndex(fileURLToPath(dir));
        const kb = (n: number) => `${Math.round(n / 1024)} KB`;
        logger.info(
          `indexed ${formatCounts(report.pagesByLanguage)} page(s) of ${report.filesRead} analysis file(s) in ${Math.round(report.ms)} ms; index ${kb(report.indexBytes)} (bundle ${kb(report.bytes)})${report.peakMb === undefined ? '' : `; Pagefind peak ${Math.round(report.peakMb)} MB`}`,
        );
      },
    },
  };
}
