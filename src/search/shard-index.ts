/**
 * Builds the search index's shards from the content as the build read it (src/content-reader/
 * handoff.ts): one Pagefind bundle per language and era (src/search/search-shards.ts), each made
 * of custom records (src/search/search-records.ts) and kept in the cache folder under a digest of
 * its records, so a shard whose records did not change is never indexed again (Pagefind has no
 * incremental mode). Runs in its own process while Astro renders (src/search/index-process.ts);
 * the integration then puts the shards in the output (src/search/pagefind.ts).
 *
 * Shards are indexed one at a time and each index is freed once written, so neither this process
 * nor Pagefind's holds the whole site's text at once.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pLimit from 'p-limit';
import * as pagefind from 'pagefind';
import { renderedHtmlPath } from '../build-cache/rendered-html.ts';
import type { ContentRead } from '../content-reader/handoff.ts';
import { FILES_AT_ONCE } from '../lib/open-files.ts';
import { publishedUntil } from '../lib/schedule.ts';
import { buildSiteModel, type AnalysisRecord } from '../lib/site-model.ts';
import { searchRecord, type SearchRecord } from './search-records.ts';
import { shardOf, type SearchShard } from './search-shards.ts';

/** Thrown when Pagefind reports any error: the build must fail rather than ship a broken search. */
export class PagefindError extends Error {
  override name = 'PagefindError';
}

/** Throws when a Pagefind response carries errors, naming the step that failed. */
function check(step: string, response: { errors: string[] }): void {
  if (response.errors.length) throw new PagefindError(`Pagefind ${step} failed:\n  ${response.errors.join('\n  ')}`);
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
 * Peak resident memory (VmHWM) and CPU time of this process's Pagefind child, read from /proc
 * before the service is closed. The Pagefind library neither exposes the process nor waits for
 * it, so the OS accounting of the build (`time -v`) never sees it; undefined where /proc is absent.
 */
async function pagefindUsage(): Promise<{ peakMb: number | undefined; cpuS: number | undefined }> {
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

/** The Pagefind release the shards are built with: part of every shard's cache key. */
async function pagefindVersion(): Promise<string> {
  // Its package.json is not in its exports, so it is read as a file next to its entry module.
  const info: unknown = JSON.parse(await readFile(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8'));
  return typeof info === 'object' && info !== null && 'version' in info ? String(info.version) : 'unknown';
}

/** One shard as indexed: where the cache holds its bundle. */
export interface IndexedShard {
  name: string;
  lang: string;
  era: number | null;
  /** Absolute path of the bundle in the cache folder. */
  bundle: string;
}

/** What the index process did. */
export interface ShardIndexReport {
  /** Shards in name order (a site without analyses has one, `empty`). */
  shards: IndexedShard[];
  built: string[];
  reused: string[];
  /** Records per language. */
  recordsByLanguage: Record<string, number>;
  /** Wall time from the content's hand-over to the last shard written, in milliseconds. */
  ms: number;
  /** Peak resident memory and CPU seconds of the Pagefind process, where /proc tells them (Linux). */
  peakMb: number | undefined;
  cpuS: number | undefined;
  /** CPU seconds of the process that made the records (this one). */
  recordsCpuS: number;
}

/** The analyses of each shard, shards in name order, records in the order of their page paths. */
function shardsOf(records: Iterable<AnalysisRecord>): Map<string, { shard: SearchShard; records: AnalysisRecord[] }> {
  const shards = new Map<string, { shard: SearchShard; records: AnalysisRecord[] }>();
  for (const record of records) {
    const shard = shardOf(record.lang, record.slug);
    const group = shards.get(shard.name) ?? { shard, records: [] };
    group.records.push(record);
    shards.set(shard.name, group);
  }
  // Page path order (`/analyses/a-b/` sorts before `/analyses/a/`), as the index of built pages had it.
  const path = (r: AnalysisRecord) => `${r.url}index.html`;
  for (const group of shards.values()) group.records.sort((a, b) => (path(a) < path(b) ? -1 : path(a) > path(b) ? 1 : 0));
  return new Map([...shards].sort((a, b) => a[0].localeCompare(b[0])));
}

/** A shard's cache key: the Pagefind release and every record. */
function shardDigest(records: readonly SearchRecord[], version: string): string {
  const hash = createHash('sha256').update(`${version}\n`);
  for (const record of records) hash.update(`${JSON.stringify(record)}\n`);
  return hash.digest('hex').slice(0, 24);
}

/** Indexes `records` (or nothing, for a site without analyses) into a new bundle at `outputPath`, then frees the index. */
async function writeBundle(records: readonly SearchRecord[], outputPath: string, ms: number): Promise<void> {
  const created = await withDeadline('createIndex', ms, pagefind.createIndex({ keepIndexUrl: false, writePlayground: false }));
  check('createIndex', created);
  const { index } = created;
  if (!index) throw new PagefindError('Pagefind createIndex returned no index and no error');
  // All at once: one at a time, each record waits for a round trip to the service.
  await Promise.all(
    records.map(async (record) => {
      const added = await withDeadline(`addCustomRecord(${record.url})`, ms, index.addCustomRecord(record));
      check(`addCustomRecord(${record.url})`, added);
    }),
  );
  const written = await withDeadline(`writeFiles(${outputPath})`, ms, index.writeFiles({ outputPath }));
  check(`writeFiles(${outputPath})`, written);
  await withDeadline('deleteIndex', ms, index.deleteIndex());
}

/** The file at the top of every Pagefind bundle. */
export const ENTRY_FILE = 'pagefind-entry.json';

/**
 * Indexes the content into shards under `<cacheDir>/pagefind-shards/<shard>.<digest>/`, reusing
 * every shard whose records a previous build indexed already; older versions of a shard, and
 * folders a stopped build left half-written, are removed. Any error reported by Pagefind is
 * thrown; the Pagefind service is always closed.
 */
export async function indexShards(content: ContentRead, options: { cacheDir: string; timeoutMs?: number }): Promise<ShardIndexReport> {
  const ms = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const cache = join(resolve(options.cacheDir), 'pagefind-shards');
  await mkdir(cache, { recursive: true });
  // The same model the pages are rendered from (src/routing/site.ts), so records and pages agree.
  const model = buildSiteModel({ ...content, publishUntil: publishedUntil(process.env) });
  const version = await pagefindVersion();
  const report: ShardIndexReport = { shards: [], built: [], reused: [], recordsByLanguage: {}, ms: 0, peakMb: undefined, cpuS: undefined, recordsCpuS: 0 };
  const cached = new Set(await readdir(cache));
  const digests = new Map(content.analyses.map((a) => [a.id, a.digest]));
  const bodyOf = (r: AnalysisRecord) => {
    const digest = digests.get(r.id);
    if (digest === undefined) throw new Error(`search index: content/analyses/${r.id}.md was handed over without the digest of its rendered HTML`);
    const file = renderedHtmlPath(content.renderedHtmlDir, r.id, digest);
    return readFile(file, 'utf8').catch(() => {
      throw new Error(`content/analyses/${r.id}.md: rendered HTML ${file} is missing from the build cache; delete the cache folder (node_modules/.astro, or BAROMETER_CACHE_DIR) and build again`);
    });
  };
  let failed = false;
  let serviceUsed = false;
  const index = async (name: string, records: SearchRecord[]) => {
    const key = `${name}.${shardDigest(records, version)}`;
    const bundle = join(cache, key);
    if (cached.has(key)) {
      report.reused.push(name);
      return bundle;
    }
    serviceUsed = true;
    // Beside, then renamed: a build stopped half-way never leaves a partial shard under its key.
    await rm(`${bundle}.tmp`, { recursive: true, force: true });
    await writeBundle(records, `${bundle}.tmp`, ms);
    await rename(`${bundle}.tmp`, bundle);
    report.built.push(name);
    return bundle;
  };
  try {
    for (const { shard, records } of shardsOf(model.byId.values()).values()) {
      const bodies = await pLimit(FILES_AT_ONCE).map(records, bodyOf);
      const made = records.map((r, i) => searchRecord(model.context, r, bodies[i] ?? ''));
      report.recordsByLanguage[shard.lang] = (report.recordsByLanguage[shard.lang] ?? 0) + made.length;
      report.shards.push({ name: shard.name, lang: shard.lang, era: shard.era ?? null, bundle: await index(shard.name, made) });
    }
    if (report.shards.length === 0) {
      // A site without analyses yet still gets an (empty) index, so search says "no results".
      const root = content.site.languages[0];
      report.shards.push({ name: 'empty', lang: root, era: null, bundle: await index('empty', []) });
    }
    // One cached copy per shard: what this build did not use is an older version, or a leftover.
    const used = new Set(report.shards.map((s) => s.bundle.slice(cache.length + 1)));
    for (const name of await readdir(cache)) if (!used.has(name)) await rm(join(cache, name), { recursive: true, force: true });
    if (serviceUsed) Object.assign(report, await pagefindUsage());
    const cpu = process.cpuUsage(cpuAtStart);
    report.recordsCpuS = (cpu.user + cpu.system) / 1e6;
    report.ms = performance.now() - started;
    return report;
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
