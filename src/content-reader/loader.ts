/**
 * The Astro content loader for every Barometer collection, on Astro's public loader API. All
 * collections share one reading of the content folder (src/content-reader/), so `astro build`
 * and `astro dev` accept, reject and report exactly what `npm run validate` does.
 *
 * - Build: every problem is logged, one line each as the validator prints it; any error fails
 *   the build with a one-line summary (no stack trace).
 * - Dev: the loader watches the content folder; on every save the folder is read again (files
 *   whose text is unchanged reuse their earlier result), problems are logged, and a file with an
 *   error is left out of the preview until it is fixed; site.yaml keeps its last good version,
 *   since no page renders without it.
 *
 * Analyses render on a pool of worker threads (src/markdown/render-pool.ts); an entry whose text
 * is unchanged (same digest) keeps its rendered HTML. Entries are stored without their Markdown
 * source: pages use only the HTML, and Astro inlines the whole store into one JavaScript module.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { pruneRenderedHtml, renderedHtmlPresence, useRenderedHtmlDir, writeRenderedHtml } from '../build-cache/rendered-html.ts';
import { closeRenderPool, renderHere, renderOnPool, type RenderRequest, type Rendered } from '../markdown/render-pool.ts';
import { renderMarkdown } from '../markdown/render-markdown.ts';
import { byFileAndLine, renderProblem } from './render-check.ts';
import { contentReadWanted, publishContentRead } from './handoff.ts';
import { formatProblem, type Problem } from '../schemas/problems.ts';
import type { CheckCache, ValidationReport } from './check.ts';
import { checkingCodeFingerprint, saveChecks, StoredChecks } from './check-cache-file.ts';
import { todayUtc } from '../lib/schedule.ts';
import type { FileCache } from './files.ts';
import { readContent } from './index.ts';
import { type FolderWatch, watchFolder } from './folder-watch.ts';

/** The collections the loader fills. */
export type CollectionName = 'analyses' | 'pages' | 'topics' | 'actors' | 'authors' | 'site';

/** What the loader stores for one file. */
interface StoredFile {
  id: string;
  file: string;
  raw: Record<string, unknown>;
  text: string;
  body?: string;
  bodyLine?: number;
}

/** The error a build fails with: the problems are already logged, so it carries no stack. */
export class ContentProblemsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentProblemsError';
    // Astro prints a thrown error's stack; this one has nothing to add to the list above it.
    this.stack = '';
  }
}

/**
 * Each file's text with its digest, kept by the preview: a re-read after a save hands back the
 * same text for every unchanged file, and hashing 10,000 texts again took about 0.4 s a save.
 */
type Digests = Map<string, { text: string; digest: string | number }>;

/** One content folder's reading, shared by the five collections; read again after each change. */
interface Session {
  cache: CheckCache;
  /**
   * The preview's files as last read, so a re-read after a save reads only the files that
   * changed; a build reads once and keeps no copy.
   */
  files?: FileCache;
  generation: number;
  reading?: { generation: number; report: Promise<ValidationReport> };
  /** Errors in the previous reading (so the preview can say when they are all fixed). */
  lastErrors: number;
  /** The preview's digests of unchanged texts (a build reads once and keeps none). */
  digests?: Digests;
  /** Check results kept on disk (check-cache-file.ts): read at the first reading, written after each. */
  stored?: { file: string; key: string; day: string; earlier: StoredChecks | undefined; timer?: ReturnType<typeof setTimeout> };
}

/**
 * Time after the last reading before the preview writes its check results to disk (about 0.2 s
 * of work at 10,000 analyses): a save is shown first, and a burst of saves writes once.
 */
const STORE_CHECKS_AFTER_MS = 15_000;

const sessions = new Map<string, Session>();

/** The session for a content folder read relative to the project root. */
function sessionFor(dir: string): Session {
  let s = sessions.get(dir);
  if (!s) {
    s = { cache: new Map(), generation: 0, lastErrors: 0 };
    sessions.set(dir, s);
  }
  return s;
}

/**
 * After a reading: its check results are written to disk, by a build and the preview's first
 * reading at once (about 40 ms at 2,000 analyses), by the preview's later readings a little later. The earlier results are used up by the first
 * reading; a run that found every file as stored writes nothing, since the file already says it.
 */
function keepChecks(stored: NonNullable<Session['stored']>, cache: CheckCache, dev: boolean): void {
  const first = stored.earlier !== undefined;
  const unchanged = stored.earlier?.allUsed === true;
  stored.earlier = undefined;
  clearTimeout(stored.timer);
  if (unchanged) return;
  // The preview's first reading too, before it serves a page: a preview stopped soon after it
  // started (it dies on Ctrl+C with no chance to write) would otherwise check every file again
  // at its next start, and this reading was the costly one anyway (every new or edited file checked).
  if (!dev || first) return saveChecks(stored.file, stored.key, stored.day, cache);
  stored.timer = setTimeout(() => saveChecks(stored.file, stored.key, stored.day, cache), STORE_CHECKS_AFTER_MS);
  stored.timer.unref();
}

/** The check results kept for a content folder read by a build or the preview (see check-cache-file.ts). */
function storedChecks(context: LoaderContext, root: string, absDir: string, dev: boolean): NonNullable<Session['stored']> {
  // One file each: a preview and a build of the same folder running at once do not undo each other's file.
  const file = resolve(fileURLToPath(context.config.cacheDir), dev ? 'preview-checks.bin' : 'build-checks.bin');
  // Same checking code and libraries, same folder; the day is kept in the file (a result of another day is reused only where the day cannot matter).
  const key = `${checkingCodeFingerprint(root)} ${absDir}`;
  const day = todayUtc();
  return { file, key, day, earlier: new StoredChecks(file, key, day) };
}

/** The current reading, logging its problems once (by whichever collection asks first). */
function currentReport(session: Session, dir: string, root: string, logger: LoaderContext['logger'], dev: boolean): Promise<ValidationReport> {
  if (session.reading?.generation !== session.generation) {
    const log = logger.fork('content');
    const { stored } = session;
    const report = readContent(dir, root, session.cache, session.files, stored?.earlier).then((r) => {
      if (stored) keepChecks(stored, session.cache, dev);
      for (const p of r.problems) (p.severity === 'error' ? log.error : log.warn).call(log, formatProblem(p));
      // After a fix, say so: otherwise the last thing in the terminal is the error just fixed.
      const errors = r.problems.filter((p) => p.severity === 'error').length;
      if (errors === 0 && session.lastErrors > 0) log.info('no content problems left');
      session.lastErrors = errors;
      return r;
    });
    session.reading = { generation: session.generation, report };
  }
  return session.reading.report;
}

/** An analysis' collection id from its path (`content/analyses/en/x.md` -> `en/x`). */
function analysisId(file: string): string {
  return file.replace(/^.*?analyses\//, '').replace(/\.md$/, '');
}

/** The files of one collection that passed their own checks. */
function filesOf(name: CollectionName, report: ValidationReport): StoredFile[] {
  if (name === 'analyses') return report.analyses.map((a) => ({ id: analysisId(a.file), file: a.file, raw: a.raw, text: a.text, body: a.body, bodyLine: a.bodyLine }));
  if (name === 'pages') return report.pages.map((p) => ({ id: p.file.replace(/^.*?pages\//, '').replace(/\.md$/, ''), file: p.file, raw: p.raw, text: p.text, body: p.body, bodyLine: p.bodyLine }));
  if (name === 'site') return report.site ? [report.site] : [];
  return report[name];
}

/**
 * Hands a cover image to Astro's image pipeline: `store.set` turns a string with this prefix into
 * an import of the file relative to the entry (what the `image()` schema helper does), so pages
 * get its ImageMetadata. Our schemas are plain zod, shared with the validator, so they cannot use
 * `image()` themselves; the content reader has already checked the file exists.
 */
function markCoverImport<T extends Record<string, unknown>>(data: T): T {
  const cover = data['cover'];
  if (typeof cover !== 'object' || cover === null || !('image' in cover) || typeof cover.image !== 'string') return data;
  // A bare name ("minsk.jpg") would be resolved as a package by Vite, so it is made explicitly relative.
  const relative = cover.image.startsWith('.') ? cover.image : `./${cover.image}`;
  return { ...data, cover: { ...cover, image: `__ASTRO_IMAGE_${relative}` } };
}

/** A one-line summary of the errors in a report. */
function errorSummary(problems: readonly Problem[]): string | undefined {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return undefined;
  return `content: ${errors.length} error(s) in ${new Set(errors.map((p) => p.file)).size} file(s), listed above (npm run validate prints the same list)`;
}

/** Changed analyses in one preview reading up to which they are rendered on this thread. */
const RENDER_HERE_AT_MOST = 4;

/** Brings one collection's store in line with the report. */
async function sync(name: CollectionName, context: LoaderContext, report: ValidationReport, workerFile: string, dev: boolean, digests?: Digests): Promise<Problem[]> {
  const { store, parseData } = context;
  const generateDigest = (text: string, file: string) => {
    const known = digests?.get(file);
    if (known?.text === text) return known.digest;
    const digest = context.generateDigest(text);
    digests?.set(file, { text, digest });
    return digest;
  };
  const keep = new Set<string>();
  const htmlDir = useRenderedHtmlDir(context.config.cacheDir);
  const renders: Promise<void>[] = [];
  const failed: Problem[] = [];
  const hasHtml = name === 'analyses' ? renderedHtmlPresence(htmlDir) : () => true;
  const changed = filesOf(name, report).flatMap((f) => {
    if (report.filesWithErrors.has(f.file)) return [];
    keep.add(f.id);
    const digest = generateDigest(f.text, f.file);
    // An unchanged entry is kept, unless its rendered HTML file is gone (see renderedHtmlPresence)
    // or it was stored from another file: the preview's store outlives the content folder it was
    // read from, and Astro resolves a cover image next to the stored file.
    const stored = store.get(f.id);
    if (stored?.digest === digest && stored.filePath === f.file && (f.body === undefined || hasHtml(f.id, digest))) return [];
    return [{ f, digest, stored }];
  });
  // A save in the preview changes a file or two: rendering them here is quicker than waking the
  // pool, whose idle workers have exited and would load the Markdown toolchain again.
  const render = dev && changed.length <= RENDER_HERE_AT_MOST ? renderHere : (request: RenderRequest) => renderOnPool(workerFile, request);
  for (const { f, digest, stored } of changed) {
    // Astro's store ignores a set with an unchanged digest, so a moved file is forgotten first.
    if (stored !== undefined && stored.filePath !== f.file) store.delete(f.id);
    const data = markCoverImport(await parseData({ id: f.id, data: f.raw, filePath: f.file }));
    if (f.body === undefined) {
      store.set({ id: f.id, data, digest, filePath: f.file });
      continue;
    }
    const absolute = resolve(fileURLToPath(context.config.root), f.file);
    if (name === 'pages') {
      // The few pages from content (About, Methodology) render on this thread and keep their HTML
      // in the store: the worker pool is the analyses', which end it when they are done.
      try {
        const { html, headings } = renderMarkdown(f.body, absolute);
        store.set({ id: f.id, data, digest, filePath: f.file, rendered: { html, metadata: { headings, frontmatter: {}, imagePaths: [] } } });
      } catch (error) {
        keep.delete(f.id);
        failed.push(renderProblem(f.file, f.bodyLine ?? 0, error));
      }
      continue;
    }
    renders.push(
      render({ body: f.body, data, filePath: absolute }).then(
        (rendered: Rendered) => {
          // The HTML goes to a file keyed by id and digest (src/build-cache/rendered-html.ts), not into
          // the data store that Vite bundles on every build.
          writeRenderedHtml(htmlDir, f.id, digest, rendered.html);
          // Nothing of `rendered` in the store: the page reads the HTML file, and no page uses
          // the headings, which were 3.5 of the 12 MB store at 10,000 analyses. Astro serialises
          // the whole store again and the preview rebuilds its data module from it on every save.
          store.set({ id: f.id, data, digest, filePath: f.file });
        },
        (error: unknown) => {
          keep.delete(f.id);
          failed.push(renderProblem(f.file, f.bodyLine ?? 0, error));
        },
      ),
    );
  }
  await Promise.all(renders);
  // In the preview, a broken site.yaml keeps its last good version: no page renders without it.
  if (dev && name === 'site' && keep.size === 0) for (const id of store.keys()) keep.add(id);
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
  // Files of edited or deleted entries are pruned after a build's one sync. The preview keeps
  // them: Astro may still serve a page from the previous store while a save is being read.
  if (name === 'analyses' && !dev) pruneRenderedHtml(htmlDir, store.values());
  // In file order, as `npm run validate` prints them (renders finish in any order).
  failed.sort(byFileAndLine);
  const log = context.logger.fork('content');
  for (const p of failed) log.error(formatProblem(p));
  return failed;
}

/** Hands the build's reading over (src/content-reader/handoff.ts): parsed data, and the digest each rendered body is stored under. */
function handOver(report: ValidationReport, context: LoaderContext): void {
  const { site } = report;
  if (!site) return;
  publishContentRead({
    analyses: report.analyses.map((a) => ({ id: analysisId(a.file), digest: context.generateDigest(a.text), data: a.data })),
    topics: report.topics.map(({ id, data }) => ({ id, data })),
    actors: report.actors.map(({ id, data }) => ({ id, data })),
    authors: report.authors.map(({ id, data }) => ({ id, data })),
    site: site.data,
    renderedHtmlDir: useRenderedHtmlDir(context.config.cacheDir),
  });
}

/** Collections whose loader already listens to a given dev watcher. */
const watching = new WeakMap<object, Set<CollectionName>>();

/** The content folders watched by the preview, each with the Vite watcher of the server it serves. */
const contentWatches = new Map<string, { server: object; watch: FolderWatch }>();

/**
 * The watch of `absDir` for the dev server whose Vite watcher is `server`. Astro starts a new
 * server after a config change, in the same process: the previous server's watch is closed then,
 * or its listeners would fill the store the old server read.
 */
function contentWatch(absDir: string, server: object): FolderWatch {
  const known = contentWatches.get(absDir);
  if (known?.server === server) return known.watch;
  known?.watch.close();
  const watch = watchFolder(absDir);
  contentWatches.set(absDir, { server, watch });
  return watch;
}

/** The loader for one collection; `dir` is the content folder (absolute, or relative to the project root). */
export function barometerLoader(name: CollectionName, dir: string): Loader {
  return {
    name: `barometer-${name}`,
    async load(context: LoaderContext) {
      const root = fileURLToPath(context.config.root);
      const absDir = resolve(root, dir);
      const session = sessionFor(absDir);
      const workerFile = fileURLToPath(new URL('src/markdown/render-worker.ts', context.config.root));
      const { watcher, logger } = context;
      const dev = watcher !== undefined;
      let queue = Promise.resolve();
      const run = () => {
        queue = queue
          .then(async () => {
            const report = await currentReport(session, absDir, root, logger, dev);
            await sync(name, context, report, workerFile, dev, session.digests);
          })
          .catch((error: unknown) => logger.error(error instanceof Error ? error.message : String(error)));
        return queue;
      };
      session.stored ??= storedChecks(context, root, absDir, dev);
      if (!dev) {
        const report = await currentReport(session, absDir, root, logger, dev);
        const failed = await sync(name, context, report, workerFile, dev);
        // Only the analyses collection fails the build, once its bodies are rendered: Astro stops
        // at the first collection that throws, and a quicker one would cut the renderer's
        // problems from the list (validate prints them: src/content-reader/render-check.ts).
        // A page the renderer refused fails the build on its own (validate lists it with the rest).
        if (name === 'pages' && failed.length > 0) throw new ContentProblemsError(`content: ${failed.length} page(s) could not be rendered, listed above (npm run validate prints the same list)`);
        if (name !== 'analyses') return;
        await closeRenderPool();
        const summary = errorSummary([...report.problems, ...failed]);
        if (summary) throw new ContentProblemsError(summary);
        // The content is read and every body rendered: whoever indexes it can start now, while
        // Astro goes on to bundle and render the pages (src/content-reader/handoff.ts).
        if (contentReadWanted()) handOver(report, context);
        return;
      }
      session.files ??= new Map();
      session.digests ??= new Map();
      await run();
      const listening = watching.get(watcher) ?? new Set<CollectionName>();
      watching.set(watcher, listening);
      if (listening.has(name)) return;
      listening.add(name);
      let timer: ReturnType<typeof setTimeout> | undefined;
      contentWatch(absDir, watcher).listeners.add(() => {
        session.generation += 1;
        // A save often arrives as several events; one re-read serves them all.
        clearTimeout(timer);
        timer = setTimeout(() => void run(), 50);
      });
    },
  };
}
