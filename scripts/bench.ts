/**
 * `npm run bench -- --count 1000,10000 [--json FILE] [--runs N] [--no-browser] [--no-dev] [--keep]`
 * `npm run bench -- --import-only`: only the importer on 1,000 real-shaped HTML news pages
 *
 * For each count: copies the project into a temporary folder (never touching content/), generates
 * a deterministic corpus there, and measures a cold build (no cache), a warm rebuild after editing
 * one analysis, the output (pages, sizes, JavaScript per page type), search in headless Chromium
 * on 127.0.0.1, and the importer's throughput (on the digest's text pages and on 1,000 HTML news pages). Timing and peak memory come from the operating
 * system's accounting (/usr/bin/time -v: wall clock, and the largest process's peak RSS over the
 * whole build, Pagefind included). A bare Astro 7 site (scripts/lib/bare-astro.ts) is built on the
 * same corpus in the same run, and our pages per second are given as a ratio of its. The editor's
 * loop in `astro dev` (scripts/lib/editor-loop.ts) is measured on the same corpus unless --no-dev.
 * Prints a table on stdout and, with --json, one object per count.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile, appendFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate/corpus.ts';
import { scrapedHtmlPages, scrapedPages } from './generate/scraped.ts';
import { writeBareSite } from './lib/bare-astro.ts';
import { emailPhase, indexCpuS, indexPeakMb, pageCounts, phases, type Phases } from './lib/build-log.ts';
import { measureEditorLoop, type EditorLoop } from './lib/editor-loop.ts';
import { startServer } from './lib/static-server.ts';
import { median, round } from './lib/stats.ts';

const ROOT = resolve('.');
const NODE = join(ROOT, 'node_modules/.bin/node');
const PROJECT_FILES = ['package.json', 'astro.config.ts', 'tsconfig.json', 'src', 'scripts'];
/** How many words the search measurement looks up. */
const QUERY_COUNT = 5;

/**
 * Words to search for: the commonest long words of the first English titles of the corpus. Words
 * the corpus lacks (the generator writes made-up words) would measure nothing: such a word finds
 * no result, at once.
 */
async function searchWords(content: string): Promise<string[]> {
  const dir = join(content, 'analyses/en');
  const counts = new Map<string, number>();
  for (const file of (await readdir(dir)).sort().slice(0, 200)) {
    const title = /^title:\s*"(.*)"$/m.exec(await readFile(join(dir, file), 'utf8'))?.[1] ?? '';
    for (const word of title.toLowerCase().split(/[^\p{L}]+/u)) if (word.length >= 5) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, QUERY_COUNT).map(([w]) => w);
}

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    json: { type: 'string' },
    runs: { type: 'string' },
    'no-browser': { type: 'boolean', default: false },
    'no-dev': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'import-only': { type: 'boolean', default: false },
  },
});

/** Real-shaped HTML news pages the importer's HTML throughput is measured on, whatever the count. */
const HTML_IMPORT_PAGES = 1000;

/** Progress on stderr, so stdout stays the table. */
function progress(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** A timed child process: wall seconds and peak RSS of the largest process in its tree. */
interface Timed {
  seconds: number;
  peakMb: number;
  /** User plus system CPU seconds of the process and the children it waited for (NaN without GNU time). */
  cpuS: number;
  stdout: string;
}

/** Runs `args` under /usr/bin/time -v in `cwd`; throws with the output when it fails. */
async function timed(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Timed> {
  const hasTime = existsSync('/usr/bin/time');
  const cmd = hasTime ? '/usr/bin/time' : args[0] ?? NODE;
  const argv = hasTime ? ['-v', ...args] : args.slice(1);
  const started = performance.now();
  return new Promise((ok, fail) => {
    const child = spawn(cmd, argv, { cwd, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return fail(new Error(`${args.join(' ')} exited ${code}\n${out.slice(-4000)}\n${err.slice(-4000)}`));
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
      const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(err);
      const wallSeconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : seconds;
      const cpu = /User time \(seconds\): ([\d.]+)[\s\S]*?System time \(seconds\): ([\d.]+)/.exec(err);
      const cpuS = cpu ? Number(cpu[1]) + Number(cpu[2]) : Number.NaN;
      ok({ seconds: wallSeconds, peakMb: rss ? Number(rss[1]) / 1024 : Number.NaN, cpuS, stdout: out + err });
    });
  });
}

/** The part of Pagefind's browser API the measurement calls. */
interface PagefindApi {
  search(query: string): Promise<{ results: { data(): Promise<unknown> }[] }>;
}

/** Percentile (0-100) of numbers, nearest rank. */
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
}

/** Total size in bytes of every file below `dir`, and the files. */
async function walk(dir: string): Promise<{ bytes: number; files: string[] }> {
  const files = (await readdir(dir, { recursive: true })).map((f) => join(dir, String(f)));
  let bytes = 0;
  const out: string[] = [];
  for (const f of files) {
    const s = await stat(f);
    if (s.isFile()) {
      bytes += s.size;
      out.push(f);
    }
  }
  return { bytes, files: out };
}

/** Bytes of the external scripts and inline scripts an HTML page loads directly. */
async function scriptBytes(dist: string, html: string): Promise<number> {
  let bytes = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\ssrc="([^"]+)"/.exec(m[1] ?? '')?.[1];
    if (src?.startsWith('/')) bytes += (await stat(join(dist, src))).size;
    else bytes += Buffer.byteLength(m[2] ?? '');
  }
  return bytes;
}

/** The result row for one corpus size. */
interface BenchRow {
  count: number;
  machine: { cores: number; memory_gb: number; node: string };
  build_s: number;
  index_s: number;
  /** CPU seconds of the cold build: Astro's process tree (GNU time), and the Pagefind process (from /proc). */
  cpu_s: number;
  index_cpu_s: number;
  /**
   * The cold build's CPU seconds (both figures above) over the machine's cores: no scheduling of
   * the same work finishes sooner on this machine.
   */
  cpu_floor_s: number;
  validate_s: number;
  /** Largest process of the cold build: the larger of the two figures below. */
  peak_rss_mb: number;
  /**
   * GNU time's figure: Astro's process, or the Pagefind process when Astro reaped it before
   * exiting and it was larger (at 10,000 analyses the two then show the same number).
   */
  os_peak_rss_mb: number;
  /** Pagefind's own peak, read from /proc by the integration. */
  index_peak_rss_mb: number;
  warm_build_s: number;
  warm_peak_rss_mb: number;
  /** Pages the warm build rendered, and pages it copied from the previous build. */
  warm_pages_rendered: number;
  warm_pages_reused: number;
  /** Where the time goes, from Astro's log (medians): content sync, bundling, pages, Pagefind. */
  cold_phases: Phases;
  warm_phases: Phases;
  pages: number;
  pages_per_s: number;
  /** The yardstick: a bare Astro 7 site (analysis pages only, default processor) on the same corpus, one cold build. */
  bare_build_s: number;
  bare_pages_per_s: number;
  /** Our pages per second as a ratio of the bare site's. */
  pages_per_s_vs_bare: number;
  dist_mb: number;
  pagefind_mb: number;
  analysis_html_kb_median: number;
  analysis_html_kb_p95: number;
  analysis_js_kb: number;
  /** JavaScript the search page loads before a reader's first query (its script, its strings, the search module, Pagefind's runtime). */
  search_js_kb: number;
  /** Pagefind's WebAssembly the search page loads before the first query (one per language runtime; not JavaScript, counted apart). */
  search_wasm_kb: number | null;
  css_kb: number;
  search_first_results_ms: number | null;
  search_kb_per_query: number | null;
  import_pages_per_s: number;
  /** The importer on 1,000 real-shaped HTML news pages (JSON-LD, chrome, bylines in six shapes): pages per second, peak RSS. */
  import_html_pages_per_s: number;
  /** CPU milliseconds (all threads) per page of that run: comparable across runs on a busy machine. */
  import_html_cpu_ms_per_page: number;
  import_html_peak_rss_mb: number;
  /** Email editions the cold build wrote, and the time Astro logged rendering them (HTML + text). */
  email_editions: number;
  email_s: number;
  /** `astro dev` on the same corpus: first page after a first start and after a restart, a saved edit shown (null with --no-dev). */
  dev: EditorLoop | null;
  runs: number;
}

/**
 * Measures search in headless Chromium: the JavaScript (and, apart, the wasm) the search page
 * loads before a reader's first query, median time to the first 10 results' data, and bytes per query.
 */
async function measureSearch(dist: string, queries: readonly string[]): Promise<{ ms: number; kbPerQuery: number; jsKb: number; wasmKb: number } | null> {
  if (!existsSync('/usr/bin/chromium')) {
    progress('no /usr/bin/chromium: search figures skipped (apt-get install -y chromium)');
    return null;
  }
  const { chromium } = await import('@playwright/test');
  const server = await startServer(dist, 0);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    let bytes = 0;
    let jsBytes = 0;
    let wasmBytes = 0;
    page.on('response', async (res) => {
      const body = await res.body().catch(() => Buffer.alloc(0));
      bytes += body.length;
      // Pagefind ships its wasm gzipped as `wasm.<lang>.pagefind` (application/octet-stream).
      if (/wasm/.test(res.headers()['content-type'] ?? '') || /\/wasm\.[\w-]+\.pagefind$/.test(new URL(res.url()).pathname)) wasmBytes += body.length;
      else if (/javascript/.test(res.headers()['content-type'] ?? '')) jsBytes += body.length;
    });
    // Before the first query: the page as it opens, its listing drawn and the network quiet.
    await page.goto(`${url}/search/`, { waitUntil: 'networkidle' });
    await page.locator('[data-search-root][data-search-status="done"]').waitFor({ state: 'attached' });
    const pageJs = jsBytes;
    const pageWasm = wasmBytes;
    const times: number[] = [];
    const perQuery: number[] = [];
    for (const q of queries) {
      // Warm: the first run loads the index chunks; the measured run is the reader's second search.
      await page.evaluate(async (query) => {
        const pf = (await import(`${location.origin}/pagefind/pagefind.js`)) as PagefindApi;
        const r = await pf.search(query);
        await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
      }, q);
      const before = bytes;
      const ms = await page.evaluate(async (query) => {
        const pf = (await import(`${location.origin}/pagefind/pagefind.js`)) as PagefindApi;
        const t = performance.now();
        const r = await pf.search(`${query} `);
        await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
        return performance.now() - t;
      }, q);
      times.push(ms);
      perQuery.push(bytes - before);
    }
    // A cold query per fixed word on a fresh page gives the transfer a first-time reader pays.
    const fresh = await browser.newPage();
    let coldBytes = 0;
    fresh.on('response', async (res) => (coldBytes += (await res.body().catch(() => Buffer.alloc(0))).length));
    await fresh.goto(`${url}/search/`, { waitUntil: 'networkidle' });
    const afterLoad = coldBytes;
    await fresh.evaluate(async (qs) => {
      const pf = (await import(`${location.origin}/pagefind/pagefind.js`)) as PagefindApi;
      for (const q of qs) {
        const r = await pf.search(q);
        await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
      }
    }, queries);
    const kbPerQuery = (coldBytes - afterLoad) / queries.length / 1024;
    return { ms: median(times), kbPerQuery: Math.max(kbPerQuery, median(perQuery) / 1024), jsKb: pageJs / 1024, wasmKb: pageWasm / 1024 };
  } finally {
    await browser.close();
    await new Promise((done) => server.close(done));
  }
}

/** Runs the whole measurement for one corpus size. */
async function benchCount(count: number, runs: number): Promise<BenchRow> {
  const dir = await mkdtemp(join(tmpdir(), `barometer-bench-${count}-`));
  progress(`${count}: project copy in ${dir}`);
  for (const f of PROJECT_FILES) await cp(join(ROOT, f), join(dir, f), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  progress(`${count}: generating the corpus`);
  let written = 0;
  for (const file of generateCorpus({ count })) {
    const full = join(dir, 'content', file.path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, file.text);
    written += 1;
  }
  progress(`${count}: ${written} files written; validating`);
  // The builds' cache folder and the bare site sit beside the project copy, not in it: `astro dev`
  // watches the project folder, and in an editor's project the cache (node_modules/.astro) and the
  // output folder are left out of that watch. Inside it, they cost the editor loop's start-up about
  // 15 s at 10,000 analyses (Vite's watcher walking 70,000 more files, the bare site's content link
  // followed), which an editor does not pay.
  const cacheDir = `${dir}-cache`;
  const env = { ASTRO_TELEMETRY_DISABLED: '1', BAROMETER_CACHE_DIR: cacheDir };
  const validate = await timed([NODE, 'scripts/validate.ts'], dir, env);
  // The same heap ceiling as `npm run build` (V8's default, about 4 GB, is too small at 50,000).
  const astro = [NODE, '--max-old-space-size=16384', 'node_modules/astro/bin/astro.mjs', 'build'];
  const cold: Timed[] = [];
  for (let r = 1; r <= runs; r += 1) {
    await rm(cacheDir, { recursive: true, force: true });
    await rm(join(dir, 'dist'), { recursive: true, force: true });
    progress(`${count}: cold build ${r}/${runs}`);
    cold.push(await timed(astro, dir, env));
    progress(`${count}: cold build ${r}: ${cold.at(-1)?.seconds.toFixed(1)} s, peak ${cold.at(-1)?.peakMb.toFixed(0)} MB`);
  }
  const warm: Timed[] = [];
  for (let r = 1; r <= runs; r += 1) {
    const edited = join(dir, 'content/analyses/en', (await readdir(join(dir, 'content/analyses/en'))).sort()[r] ?? '');
    await appendFile(edited, `\nAn added closing sentence, edit ${r}.\n`);
    progress(`${count}: warm build ${r}/${runs} after editing ${edited.split('/').at(-1)}`);
    warm.push(await timed(astro, dir, env));
  }
  progress(`${count}: bare Astro 7 site on the same corpus`);
  const bareDir = `${dir}-bare`;
  await writeBareSite(bareDir, join(dir, 'content'), join(ROOT, 'node_modules'));
  const bare = await timed([NODE, '--max-old-space-size=16384', 'node_modules/astro/bin/astro.mjs', 'build'], bareDir, { ASTRO_TELEMETRY_DISABLED: '1' });
  const barePages = (await walk(join(bareDir, 'dist'))).files.filter((f) => f.endsWith('.html')).length;
  progress(`${count}: bare site: ${barePages} pages in ${bare.seconds.toFixed(1)} s`);
  const dist = join(dir, 'dist');
  const all = await walk(dist);
  const pagefind = existsSync(join(dist, 'pagefind')) ? await walk(join(dist, 'pagefind')) : { bytes: 0, files: [] };
  const pages = all.files.filter((f) => f.endsWith('.html'));
  const analysisPages = pages.filter((f) => f.includes('/analyses/'));
  const sizes = await Promise.all(analysisPages.map(async (f) => (await stat(f)).size / 1024));
  const sample = await readFile(analysisPages[0] ?? '', 'utf8');
  const searchHtml = await readFile(join(dist, 'search/index.html'), 'utf8');
  // CSS an analysis page loads (its <link rel="stylesheet">), not every stylesheet in dist/.
  const css = [...sample.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => join(dist, m[1] ?? ''));
  const cssBytes = (await Promise.all(css.map(async (f) => (await stat(f)).size))).reduce((a, b) => a + b, 0);
  const search = values['no-browser'] ? null : await measureSearch(dist, await searchWords(join(dir, 'content')));
  progress(`${count}: importer throughput`);
  const scraped = join(dir, 'scraped');
  await mkdir(scraped);
  const importCount = Math.min(500, Math.ceil(count / 3));
  for (const p of scrapedPages(generateCorpus({ count: Math.min(count, 3 * importCount + 60) }), importCount)) await writeFile(join(scraped, p.name), p.text);
  const imported = await timed([NODE, 'scripts/import.ts', '--dry-run', '--json', '--content', 'content', 'scraped'], dir, env).catch((e: Error) => {
    progress(`importer failed: ${e.message.slice(0, 500)}`);
    return { seconds: Number.NaN, peakMb: Number.NaN, cpuS: Number.NaN, stdout: '' };
  });
  let dev: EditorLoop | null = null;
  if (!values['no-dev']) {
    progress(`${count}: editor loop in astro dev`);
    const first = (await readdir(join(dir, 'content/analyses/en'))).sort()[0] ?? '';
    // Its own cache folder, beside the project rather than in it (the preview watches the project
    // folder, as node_modules/.astro is not): it starts without the builds' rendered HTML.
    dev = await measureEditorLoop(NODE, dir, `content/analyses/en/${first}`, { ...env, BAROMETER_CACHE_DIR: `${dir}-dev-cache` }).catch((e: Error) => {
      progress(`editor loop failed: ${e.message.slice(0, 2000)}`);
      return null;
    });
    if (dev) {
      const p = dev.restart_phases;
      progress(`${count}: astro dev first page ${dev.first_start_s.toFixed(1)} s, after a restart ${dev.restart_s.toFixed(1)} s (start-up ${p.start_up_s.toFixed(1)}, content sync ${p.content_sync_s.toFixed(1)}, first request ${p.first_request_s.toFixed(1)}), edit shown ${dev.edit_visible_s.toFixed(2)} s (load average ${dev.restart_load.toFixed(1)} at the restart)`);
    }
  }
  const importPages = imported.stdout.split('\n').filter((l) => l.startsWith('{')).length;
  const html = await importHtml(dir, env);
  const build = median(cold.map((c) => c.seconds));
  const coldPhases = medianPhases(cold.map((c) => phases(c.stdout)));
  const row: BenchRow = {
    count,
    machine: { cores: cpus().length, memory_gb: Math.round(totalmem() / 2 ** 30), node: process.version },
    build_s: round(build),
    index_s: coldPhases.index_s,
    cpu_s: round(median(cold.map((c) => c.cpuS))),
    index_cpu_s: round(median(cold.map((c) => indexCpuS(c.stdout)))),
    cpu_floor_s: round(median(cold.map((c) => (c.cpuS + (indexCpuS(c.stdout) || 0)) / cpus().length))),
    validate_s: round(validate.seconds),
    peak_rss_mb: Math.round(Math.max(...cold.map((c) => Math.max(c.peakMb, indexPeakMb(c.stdout) || 0)))),
    os_peak_rss_mb: Math.round(Math.max(...cold.map((c) => c.peakMb))),
    index_peak_rss_mb: Math.round(Math.max(...cold.map((c) => indexPeakMb(c.stdout)))),
    warm_build_s: round(median(warm.map((w) => w.seconds))),
    warm_peak_rss_mb: Math.round(Math.max(...warm.map((w) => Math.max(w.peakMb, indexPeakMb(w.stdout) || 0)))),
    warm_pages_rendered: Math.round(median(warm.map((w) => pageCounts(w.stdout).rendered))),
    warm_pages_reused: Math.round(median(warm.map((w) => pageCounts(w.stdout).reused))),
    cold_phases: coldPhases,
    warm_phases: medianPhases(warm.map((w) => phases(w.stdout))),
    pages: pages.length,
    pages_per_s: round(pages.length / build),
    bare_build_s: round(bare.seconds),
    bare_pages_per_s: round(barePages / bare.seconds),
    pages_per_s_vs_bare: round(pages.length / build / (barePages / bare.seconds)),
    dist_mb: round(all.bytes / 2 ** 20),
    pagefind_mb: round(pagefind.bytes / 2 ** 20),
    analysis_html_kb_median: round(median(sizes)),
    analysis_html_kb_p95: round(percentile(sizes, 95)),
    analysis_js_kb: round((await scriptBytes(dist, sample)) / 1024),
    search_js_kb: round(search?.jsKb ?? (await scriptBytes(dist, searchHtml)) / 1024),
    search_wasm_kb: search ? round(search.wasmKb) : null,
    css_kb: round(cssBytes / 1024),
    search_first_results_ms: search ? round(search.ms) : null,
    search_kb_per_query: search ? round(search.kbPerQuery) : null,
    import_pages_per_s: round(importPages / imported.seconds),
    import_html_pages_per_s: round(html.pagesPerS),
    import_html_cpu_ms_per_page: Math.round(html.cpuMsPerPage),
    import_html_peak_rss_mb: Math.round(html.peakMb),
    email_editions: emailPhase(cold[0]?.stdout ?? '').editions,
    email_s: round(median(cold.map((c) => emailPhase(c.stdout).seconds))),
    dev: dev && {
      first_start_s: round(dev.first_start_s),
      restart_s: round(dev.restart_s),
      edit_visible_s: round(dev.edit_visible_s),
      restart_phases: { start_up_s: round(dev.restart_phases.start_up_s), content_sync_s: round(dev.restart_phases.content_sync_s), first_request_s: round(dev.restart_phases.first_request_s) },
      restart_load: round(dev.restart_load),
    },
    runs,
  };
  if (!values.keep) for (const d of [dir, cacheDir, bareDir]) await rm(d, { recursive: true, force: true });
  await rm(`${dir}-dev-cache`, { recursive: true, force: true });
  return row;
}

/**
 * The importer on HTML_IMPORT_PAGES real-shaped HTML news pages (a dry run, one batch, as an editor
 * would run it), in `dir`, which holds the project and a content tree: pages per second and peak RSS.
 */
async function importHtml(dir: string, env: NodeJS.ProcessEnv): Promise<{ pagesPerS: number; peakMb: number; cpuMsPerPage: number }> {
  progress(`importer throughput on ${HTML_IMPORT_PAGES} HTML pages`);
  const folder = join(dir, 'scraped-html');
  await mkdir(folder, { recursive: true });
  for (const p of scrapedHtmlPages(generateCorpus({ count: 400 }), HTML_IMPORT_PAGES)) await writeFile(join(folder, p.name), p.text);
  const run = await timed([NODE, 'scripts/import.ts', '--dry-run', '--json', '--content', 'content', folder], dir, env).catch((e: Error) => {
    progress(`HTML import failed: ${e.message.slice(0, 500)}`);
    return { seconds: Number.NaN, peakMb: Number.NaN, cpuS: Number.NaN, stdout: '' };
  });
  const pages = run.stdout.split('\n').filter((l) => l.startsWith('{')).length;
  progress(`${pages} HTML pages in ${run.seconds.toFixed(1)} s (${run.cpuS.toFixed(1)} CPU s), peak ${run.peakMb.toFixed(0)} MB`);
  // CPU time per page does not depend on how busy the machine is: it compares runs on a shared machine.
  return { pagesPerS: pages / run.seconds, peakMb: run.peakMb, cpuMsPerPage: (1000 * run.cpuS) / pages };
}

/** Median of each phase over runs. */
function medianPhases(runs: Phases[]): Phases {
  const of = (k: keyof Phases) => round(median(runs.map((r) => r[k])));
  return { sync_s: of('sync_s'), bundle_s: of('bundle_s'), prepare_s: of('prepare_s'), pages_s: of('pages_s'), index_s: of('index_s'), index_overlap_s: of('index_overlap_s') };
}

if (values['import-only']) {
  // Only the importer on HTML pages: a project copy with the sample content, no build.
  const dir = await mkdtemp(join(tmpdir(), 'barometer-bench-import-'));
  for (const f of [...PROJECT_FILES, 'content']) await cp(join(ROOT, f), join(dir, f), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const html = await importHtml(dir, { ASTRO_TELEMETRY_DISABLED: '1' });
  console.log(`| metric | value |\n|---|---|\n| import_html_pages_per_s | ${round(html.pagesPerS)} |\n| import_html_cpu_ms_per_page | ${Math.round(html.cpuMsPerPage)} |\n| import_html_peak_rss_mb | ${Math.round(html.peakMb)} |`);
  if (!values.keep) await rm(dir, { recursive: true, force: true });
  process.exit(0);
}

const counts = (values.count ?? '1000').split(',').map(Number);
if (counts.some((c) => !Number.isInteger(c) || c < 1)) {
  console.error('usage: npm run bench -- --count 1000,10000 [--json FILE] [--runs N] [--no-browser] [--no-dev] [--keep]');
  process.exit(2);
}
const rows: BenchRow[] = [];
for (const count of counts) {
  // Small corpora are noisy: take the median of three runs; large ones take too long to repeat.
  const runs = values.runs ? Number(values.runs) : count <= 2000 ? 3 : 1;
  rows.push(await benchCount(count, runs));
}
const keys = Object.keys(rows[0] ?? {}).filter((k) => k !== 'machine' && k !== 'count');
const m = rows[0]?.machine;
console.log(`machine: ${m?.cores} cores, ${m?.memory_gb} GB, Node ${m?.node}`);
console.log(`| metric | ${rows.map((r) => r.count).join(' | ')} |`);
console.log(`|---|${rows.map(() => '---').join('|')}|`);
/** A table cell: an object's fields as "name value" pairs, a nested object's in brackets (the editor loop's restart phases). */
const cell = (v: unknown): string =>
  v === null ? 'n/a' : typeof v === 'object' ? Object.entries(v).map(([k, x]) => `${k.replace(/_s$/, '')} ${x !== null && typeof x === 'object' ? `(${cell(x)})` : String(x)}`).join(', ') : String(v);
for (const k of keys) console.log(`| ${k} | ${rows.map((r) => cell(r[k as keyof BenchRow])).join(' | ')} |`);
if (rows.length > 1) {
  const [a, b] = [rows[0], rows.at(-1)];
  if (a && b) console.log(`\ngrowth ${a.count} -> ${b.count}: build x${round(b.build_s / a.build_s)} for x${round(b.count / a.count)} analyses`);
}
if (values.json) await writeFile(values.json, `${JSON.stringify(rows, null, 2)}\n`);
