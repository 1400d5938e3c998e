/**
 * `npm run import -- <files or folders...> [options]`: turns scraped pages (plain text or HTML)
 * into validated Markdown analyses under content/analyses/<lang>/. The reading is done by the pure
 * functions in scripts/import/; this file only handles arguments, files and the report.
 */
import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import Tinypool from 'tinypool';
import { decodeUtf8, firstInvalidUtf8Line, parseMarkdownSource } from '../src/content-reader/parse.ts';
import { isRealIsoDate } from '../src/lib/dates.ts';
import { type AuthorRef, type ImportOptions, MAX_PAGE_CHARS, type PageResult, parsePage } from './import/parse-page.ts';
import { buildTaxonomy, type Taxonomy, type TaxonomyFile } from './import/taxonomy.ts';
import { matchAuthor } from './import/byline.ts';
import type { ParseRequest } from './import/parse-worker.ts';
import { analysisSchema } from '../src/schemas/analysis.ts';
import { KINDS, type Kind, LANGUAGES, type Language, TRENDS, type Trend } from '../src/schemas/primitives.ts';
import { type ContentFile, validateContent } from '../src/content-reader/index.ts';
import { formatProblem, type Problem } from '../src/schemas/problems.ts';
import { listFiles } from './lib/content-files.ts';
import { REPORT_MARK, reportHtml, reportMarkdown } from './import/report.ts';

const USAGE = `usage: npm run import -- <files or folders...> [--out <dir>] [--lang ${LANGUAGES.join('|')}] [--topic <id>]
       [--kind ${KINDS.join('|')}] [--date YYYY-MM-DD] [--period YYYY-MM-DD] [--trend ${TRENDS.join('|')}]
       [--title <text>] [--authors <name or id,...>] [--url <page address>]
       [--content <dir>] [--report <file.html|file.md>] [--dry-run] [--force] [--json]`;

/** Page files picked up when a folder is given. */
const PAGE_EXTENSIONS = new Set(['.txt', '.html', '.htm']);

/** Batches of this many pages or more are read on a pool of workers (fewer would not repay starting it). */
const POOL_MIN_PAGES = 8;

/** Batches larger than this get a progress bar (on stderr). */
const PROGRESS_THRESHOLD = 20;

/** Settings from the command line. */
interface Settings {
  inputs: string[];
  out: string;
  lang: Language;
  content: string;
  options: ImportOptions;
  dryRun: boolean;
  force: boolean;
  json: boolean;
  /** Where the review report goes (HTML or Markdown by extension), if asked for. */
  report?: string;
}

/** What happened to one input. */
type Status = 'imported' | 'overwritten' | 'unchanged' | 'would import' | 'failed';

/** One line of the report (and, with --json, of stdout). */
interface Outcome {
  input: string;
  ok: boolean;
  status: Status;
  errors: string[];
  warnings: string[];
  output: string | null;
  data: PageResult['data'];
  authors: { id: string; name: string; new: boolean; file?: string }[];
  availableIn: string[];
  /** The Markdown body as written (or as it would be). */
  body: string;
  /** Lines left out of the body and frontmatter, with why. */
  dropped: PageResult['dropped'];
  /** Every date found, with where it came from. */
  dates: PageResult['dates'];
  /** Where the title, date, authors and body came from. */
  origins: PageResult['origins'];
}

/** Thrown for a bad command line: printed with the usage, exit code 2. */
class UsageError extends Error {}

/** Reads and checks the command line. */
function readSettings(argv: string[]): Settings {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        lang: { type: 'string', default: 'en' },
        topic: { type: 'string' },
        kind: { type: 'string' },
        date: { type: 'string' },
        period: { type: 'string' },
        trend: { type: 'string' },
        title: { type: 'string' },
        authors: { type: 'string' },
        url: { type: 'string' },
        content: { type: 'string', default: 'content' },
        report: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const v = parsed.values;
  if (v.help) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (parsed.positionals.length === 0) throw new UsageError('no input files or folders given');
  const lang = v.lang ?? 'en';
  if (!(LANGUAGES as readonly string[]).includes(lang)) throw new UsageError(`--lang "${lang}": expected one of ${LANGUAGES.join(', ')}`);
  const options: ImportOptions = {};
  if (v.kind !== undefined) {
    if (!(KINDS as readonly string[]).includes(v.kind)) throw new UsageError(`--kind "${v.kind}": expected one of ${KINDS.join(', ')}`);
    options.kind = v.kind as Kind;
  }
  if (v.date !== undefined) {
    if (!isRealIsoDate(v.date)) throw new UsageError(`--date "${v.date}": expected a real date written YYYY-MM-DD`);
    options.date = v.date;
  }
  if (v.topic !== undefined) options.topic = v.topic;
  if (v.period !== undefined) {
    if (!isRealIsoDate(v.period)) throw new UsageError(`--period "${v.period}": expected the first day of the week, a real date written YYYY-MM-DD`);
    options.periodStart = v.period;
  }
  if (v.trend !== undefined) {
    if (!(TRENDS as readonly string[]).includes(v.trend)) throw new UsageError(`--trend "${v.trend}": expected one of ${TRENDS.join(', ')}`);
    options.trend = v.trend as Trend;
  }
  if (v.title !== undefined) {
    if (v.title.trim() === '') throw new UsageError('--title: expected a non-empty title');
    options.title = v.title.trim();
  }
  if (v.authors !== undefined) {
    const names = v.authors.split(',').map((a) => a.trim()).filter((a) => a !== '');
    if (names.length === 0) throw new UsageError('--authors: expected one or more names or author ids, separated by commas');
    options.authors = names;
  }
  if (v.url !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(v.url);
    } catch {
      url = undefined;
    }
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new UsageError(`--url "${v.url}": expected an absolute http(s) address such as https://example.org/2022/article`);
    options.url = url.href;
  }
  const content = (v.content ?? 'content').replace(/\/+$/u, '') || '.';
  if (v.report !== undefined && !/\.(?:html?|md|markdown)$/iu.test(v.report)) throw new UsageError(`--report "${v.report}": expected a file name ending .html or .md`);
  const report = v.report === undefined ? {} : { report: v.report };
  return {
    ...report,
    inputs: parsed.positionals,
    out: v.out ?? join(content, 'analyses', lang as Language),
    lang: lang as Language,
    content,
    options,
    dryRun: v['dry-run'] ?? false,
    force: v.force ?? false,
    json: v.json ?? false,
  };
}

/** Reads topics, actors, authors and site.yaml from the content dir (missing folders are empty). */
async function loadTaxonomy(content: string): Promise<{ taxonomy: Taxonomy; problems: Problem[]; files: TaxonomyFile[] }> {
  const files: TaxonomyFile[] = [];
  for (const sub of ['topics', 'actors', 'authors']) {
    let paths: string[] = [];
    try {
      paths = await listFiles(sub, content);
    } catch {
      continue;
    }
    for (const path of paths) files.push({ path, text: await readFile(join(content, path), 'utf8') });
  }
  try {
    files.push({ path: 'site.yaml', text: await readFile(join(content, 'site.yaml'), 'utf8') });
  } catch {
    // No site.yaml: the built-in verdict wording still applies.
  }
  const result = buildTaxonomy(files, content);
  if (!files.some((f) => f.path.startsWith('topics/'))) {
    result.problems.push({ file: content, field: '(taxonomy)', message: 'no topics found; topic lines cannot be matched (use --content <dir> or --topic <id>)', severity: 'warning' });
  }
  return { ...result, files };
}

/** Expands folders into the page files below them; files are kept as given, in order. */
async function collectInputs(inputs: string[]): Promise<{ path: string; missing?: string }[]> {
  const out: { path: string; missing?: string }[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      out.push({ path: input, missing: 'not found' });
      continue;
    }
    if (info.isDirectory()) {
      const files = await listFiles(input, process.cwd());
      out.push(...files.filter((f) => PAGE_EXTENSIONS.has(extname(f).toLowerCase())).map((path) => ({ path })));
    } else out.push({ path: input });
  }
  return out;
}

/** The encoding an HTML page declares in its first 4 KB (`<meta charset>`, or `http-equiv` Content-Type), when Node can decode it. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const label = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/iu.exec(head)?.[1];
  if (label === undefined || /^utf-?8$/iu.test(label)) return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** HTML by extension, or by a leading tag when the extension says nothing. */
function formatOf(path: string, text: string): 'text' | 'html' {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.txt') return 'text';
  return /^\s*(?:<!doctype html|<html[\s>]|<body[\s>]|<article[\s>])/iu.test(text) ? 'html' : 'text';
}

/** Reads a file's current text, or undefined when it does not exist (other failures are thrown). */
async function existing(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A temporary file beside `path` holding `text` (the caller links or renames it into place). */
async function tempBeside(path: string, text: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(tmp, text, { flag: 'wx' });
  return tmp;
}

/**
 * Creates `path` with `text` only if no file is there, atomically: the text goes to a temporary
 * file, then a hard link claims the name (fails with EEXIST when another run got there first).
 * Never a partial file, never an overwrite. Returns false when the name was taken.
 */
async function createExclusive(path: string, text: string): Promise<boolean> {
  const tmp = await tempBeside(path, text);
  try {
    await link(tmp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(tmp, { force: true });
  }
}

/** Replaces an existing file through a temporary file and a rename: never a partial file. */
async function replaceAtomic(path: string, text: string): Promise<void> {
  const tmp = await tempBeside(path, text);
  try {
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** `field: message` for the JSON report (the input path is already on the line). */
function short(p: Problem): string {
  return `${p.field}: ${p.message}`;
}

/** What a run knows across its inputs. */
interface RunState {
  taxonomy: Taxonomy;
  /** The content tree's topics, actors, authors and site.yaml, for the validator. */
  taxonomyFiles: TaxonomyFile[];
  /** Files this run wrote (or, in a dry run, would write), by absolute path: the input and the text. */
  claimed: Map<string, { input: string; text: string }>;
  /** Absolute paths of the files that existed when the run started: the only ones --force replaces. */
  before: ReadonlySet<string>;
}

/** A file one import writes. */
interface Write {
  path: string;
  text: string;
  what: 'analysis' | 'author file';
}

/**
 * Runs the site validator's checks on what an import would write, in the context of the content
 * tree's taxonomy (and this run's new authors); returns the problems it finds in those files.
 */
function validateWrites(settings: Settings, state: RunState, writes: readonly Write[], fileName: string, authorIds: readonly string[]): Problem[] {
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
  const root = settings.content;
  const files: ContentFile[] = state.taxonomyFiles.map((f) => ({ path: `${root}/${f.path}`, bytes: encode(f.text) }));
  const own = new Map<string, string>();
  for (const w of writes) {
    const path = w.what === 'analysis' ? `${root}/analyses/${settings.lang}/${fileName}` : `${root}/authors/${basename(w.path)}`;
    own.set(path, w.path);
    const at = files.findIndex((f) => f.path === path);
    if (at >= 0) files.splice(at, 1);
    files.push({ path, bytes: encode(w.text) });
  }
  // Authors this run created for earlier pages, as far as this page names them (all of them would make a batch quadratic).
  for (const id of authorIds) {
    const as = `${root}/authors/${id}.yaml`;
    const claim = state.claimed.get(resolve(join(root, 'authors', `${id}.yaml`)));
    if (claim !== undefined && !own.has(as)) files.push({ path: as, bytes: encode(claim.text) });
  }
  return validateContent(files, root)
    .problems.filter((p) => own.has(p.file))
    .map((p) => ({ ...p, file: own.get(p.file) ?? p.file, message: `(validator) ${p.message}` }));
}

/** An input's reading (parsePage's result) and how its bytes were decoded, or why the file cannot be read. */
type Parsed = { failure: { message: string; field: string } } | { result: PageResult; decodedAs: string | undefined };

/** Reads a page: parsePage in this thread, or on the pool of parse workers. */
type Parse = (request: ParseRequest) => Promise<PageResult>;

/** Reads, decodes and parses one input (ahead of its turn when a pool parses). */
async function readAndParse(input: { path: string; missing?: string }, settings: Settings, taxonomy: Taxonomy, parse: Parse): Promise<Parsed> {
  const failure = (message: string, field = '(file)'): Parsed => ({ failure: { message, field } });
  if (input.missing !== undefined) return failure(input.missing);
  const info = await stat(input.path);
  if (!info.isFile()) return failure('not a regular file');
  if (info.size > MAX_PAGE_CHARS * 4) return failure(`is ${info.size} bytes, too large for one page`);
  const bytes = new Uint8Array(await readFile(input.path));
  let text = decodeUtf8(bytes);
  let decodedAs: string | undefined;
  if (text === undefined) {
    // An HTML page saved in the encoding it declares (windows-1252, ISO-8859-2, Shift_JIS...) is read in that encoding.
    const declared = declaredCharset(bytes);
    if (declared !== undefined) {
      text = new TextDecoder(declared).decode(bytes);
      decodedAs = `${declared}, the encoding the page declares`;
    } else if (/\.html?$/iu.test(input.path)) {
      // A web page mostly in UTF-8 with a few broken bytes keeps its text; the bytes become U+FFFD.
      text = new TextDecoder('utf-8').decode(bytes);
      decodedAs = `UTF-8 with the invalid bytes replaced by U+FFFD (the first on line ${firstInvalidUtf8Line(bytes)})`;
    }
  }
  if (text === undefined) return failure(`not valid UTF-8 (first bad byte on line ${firstInvalidUtf8Line(bytes)}), expected a text or HTML page saved as UTF-8 (or an HTML page declaring its encoding)`, '(encoding)');
  const result = await parse({ page: { file: input.path, text, format: formatOf(input.path, text) }, taxonomy, options: settings.options });
  return { result, decodedAs };
}

/** Imports one input, already read (readAndParse), and reports what happened. */
async function importOne(input: { path: string }, parsed: Parsed, settings: Settings, state: RunState): Promise<{ outcome: Outcome; problems: Problem[] }> {
  const outcome: Outcome = { input: input.path, ok: false, status: 'failed', errors: [], warnings: [], output: null, data: {}, authors: [], availableIn: [], body: '', dropped: [], dates: [], origins: {} };
  if ('failure' in parsed) {
    const p: Problem = { file: input.path, field: parsed.failure.field, message: parsed.failure.message, severity: 'error' };
    outcome.errors.push(short(p));
    return { outcome, problems: [p] };
  }
  const { result, decodedAs } = parsed;
  const problems = [...result.problems];
  if (decodedAs !== undefined) problems.push({ file: input.path, field: '(encoding)', message: `not valid UTF-8: read as ${decodedAs}`, severity: 'warning' });
  outcome.data = result.data;
  outcome.availableIn = result.availableIn;
  outcome.body = result.body;
  outcome.dropped = result.dropped;
  outcome.dates = result.dates;
  outcome.authors = result.authors.map((a) => authorLine(a, settings.content));
  outcome.origins = result.origins;
  let fileName = result.fileName;
  // Another page of this run took this name with other text (two posts with one title on one day, a
  // blog's name taken as every title): this page gets the name with a short hash of its text.
  const earlier = fileName === undefined ? undefined : state.claimed.get(resolve(join(settings.out, fileName)));
  if (fileName !== undefined && result.markdown !== undefined && earlier !== undefined && earlier.text !== result.markdown) {
    const renamed = fileName.replace(/\.md$/u, `-${createHash('sha256').update(result.markdown).digest('hex').slice(0, 6)}.md`);
    problems.push({ file: input.path, field: '(output)', message: `${join(settings.out, fileName)} is also the name of ${earlier.input} (imported earlier in this run: same date and title, different text); this page is written to ${join(settings.out, renamed)} instead`, severity: 'warning' });
    fileName = renamed;
  }
  const output = fileName === undefined ? undefined : join(settings.out, fileName);
  if (output !== undefined) outcome.output = output;

  const addError = (message: string, field: string): void => {
    problems.push({ file: input.path, field, message, severity: 'error' });
  };
  if (result.markdown !== undefined && output !== undefined) {
    // Belt and braces: the file as written must read back as valid frontmatter.
    const back = parseMarkdownSource(output, result.markdown);
    if (back.problems.length || !analysisSchema.safeParse(back.data).success) addError('the written file would not read back as a valid analysis (importer bug)', '(output)');
  }
  let status: Status = 'failed';
  if (!problems.some((p) => p.severity === 'error') && result.markdown !== undefined && output !== undefined && fileName !== undefined) {
    const writes: Write[] = [];
    for (const a of result.authors) {
      if (a.isNew && a.yaml !== undefined) writes.push({ path: join(settings.content, 'authors', `${a.id}.yaml`), text: a.yaml, what: 'author file' });
    }
    writes.push({ path: output, text: result.markdown, what: 'analysis' });
    problems.push(...validateWrites(settings, state, writes, fileName, result.authors.map((a) => a.id)));

    // Plan every write before making any, so a failed import writes nothing.
    const creates: Write[] = [];
    const replaces: Write[] = [];
    for (const w of writes) {
      const key = resolve(w.path);
      const field = w.what === 'analysis' ? '(output)' : 'authors';
      const prior = state.claimed.get(key);
      if (prior !== undefined && prior.text !== w.text) {
        addError(
          w.what === 'analysis'
            ? `${w.path} is also the file of ${prior.input}, imported earlier in this run (same date and title, different text); import one of them with --title to tell them apart`
            : `${w.path} was written earlier in this run for ${prior.input} with a different bio`,
          field,
        );
        continue;
      }
      // The same text already written (or planned, in a dry run) by this run: nothing to do.
      if (prior !== undefined) continue;
      const current = await existing(w.path);
      if (current === undefined) creates.push(w);
      else if (current === w.text) continue;
      else if (!state.before.has(key)) addError(`${w.path} was created during this run by another import running at the same time; nothing was replaced`, field);
      else if (settings.force) replaces.push(w);
      else addError(`${w.path} already exists with different content; pass --force to replace it (its current text is then lost)`, field);
    }
    if (!problems.some((p) => p.severity === 'error')) {
      if (creates.length === 0 && replaces.length === 0) status = 'unchanged';
      else if (settings.dryRun) status = 'would import';
      else {
        const created: string[] = [];
        let raced: Write | undefined;
        for (const w of creates) {
          if (await createExclusive(w.path, w.text)) created.push(w.path);
          else {
            raced = w;
            break;
          }
        }
        if (raced !== undefined) {
          // Another run claimed a name between the check and the write: undo this import's files.
          for (const path of created) await unlink(path);
          addError(`${raced.path} was created by another import running at the same time; nothing was written for this page`, raced.what === 'analysis' ? '(output)' : 'authors');
        } else {
          for (const w of replaces) await replaceAtomic(w.path, w.text);
          status = replaces.length ? 'overwritten' : 'imported';
        }
      }
      if (status !== 'failed') {
        for (const w of writes) state.claimed.set(resolve(w.path), { input: input.path, text: w.text });
        for (const a of result.authors) {
          if (a.isNew) state.taxonomy.authors.push({ id: a.id, name: a.name, terms: [a.name] });
        }
      }
    }
  }
  outcome.status = status;
  outcome.ok = status !== 'failed';
  outcome.errors = problems.filter((p) => p.severity === 'error').map(short);
  outcome.warnings = problems.filter((p) => p.severity === 'warning').map(short);
  return { outcome, problems };
}

/** An author as the report shows it (new ones with the file they get). */
function authorLine(a: AuthorRef, content: string): Outcome['authors'][number] {
  const line: Outcome['authors'][number] = { id: a.id, name: a.name, new: a.isNew };
  if (a.isNew) line.file = join(content, 'authors', `${a.id}.yaml`);
  return line;
}

/**
 * Writes the review report (HTML or Markdown by extension). A file at that path is replaced only
 * when it is an earlier report or with --force: it may be an editor's own file.
 */
async function writeReport(path: string, outcomes: readonly Outcome[], force: boolean): Promise<boolean> {
  const current = await existing(path);
  if (current !== undefined && !current.slice(0, 200).includes(`<!-- ${REPORT_MARK} -->`) && !force) return false;
  const text = /\.html?$/iu.test(path) ? reportHtml(outcomes) : reportMarkdown(outcomes);
  if (current === undefined) await mkdir(dirname(resolve(path)), { recursive: true });
  await writeFile(path, text);
  return true;
}

/** Runs the import and returns the exit code. */
async function main(): Promise<number> {
  let settings: Settings;
  try {
    settings = readSettings(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`import: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  const { taxonomy, problems: taxonomyProblems, files: taxonomyFiles } = await loadTaxonomy(settings.content);
  // What exists now is all that --force may ever replace; anything newer was made by this run or a parallel one.
  const before = new Set<string>();
  for (const dir of [settings.out, join(settings.content, 'authors')]) {
    try {
      for (const path of await listFiles(dir, process.cwd())) before.add(resolve(path));
    } catch {
      // The folder does not exist yet: nothing to protect in it.
    }
  }
  const state: RunState = { taxonomy, taxonomyFiles, claimed: new Map(), before };
  for (const p of taxonomyProblems) process.stderr.write(`${formatProblem(p)}\n`);
  const inputs = await collectInputs(settings.inputs);
  if (inputs.length === 0) {
    process.stderr.write('import: no .txt or .html pages found in the given folders\n');
    return 1;
  }
  const bar =
    inputs.length > PROGRESS_THRESHOLD
      ? new cliProgress.SingleBar({ stream: process.stderr, format: 'import [{bar}] {value}/{total} {file}', hideCursor: true }, cliProgress.Presets.shades_classic)
      : undefined;
  bar?.start(inputs.length, 0, { file: '' });
  const outcomes: { outcome: Outcome; problems: Problem[] }[] = [];
  const human: string[] = [];
  // Reading pages is CPU-bound and pure: a batch's pages are read ahead on a pool of workers, one
  // per core, while naming, validating and writing stay here, in input order.
  const threads = inputs.length >= POOL_MIN_PAGES ? Math.min(availableParallelism(), inputs.length) : 1;
  const pool = threads > 1 ? new Tinypool({ filename: fileURLToPath(new URL('import/parse-worker.ts', import.meta.url)), minThreads: threads, maxThreads: threads }) : undefined;
  const inThread: Parse = (request) => Promise.resolve(parsePage(request.page, request.taxonomy, request.options));
  const parse: Parse = pool === undefined ? inThread : (request) => pool.run(request) as Promise<PageResult>;
  const ahead = pool === undefined ? 1 : 2 * threads;
  const pending: (Promise<Parsed> | undefined)[] = [];
  let started = 0;
  // The workers would keep the process alive: they end however the loop ends.
  try {
    for (const [i, input] of inputs.entries()) {
      for (; started < Math.min(inputs.length, i + ahead); started += 1) {
        const next = inputs[started];
        if (next === undefined) break;
        const reading = readAndParse(next, settings, taxonomy, parse);
        // Awaited in its turn (below); a failure is reported then, not as an unhandled rejection now.
        reading.catch(() => undefined);
        pending[started] = reading;
      }
      let done: { outcome: Outcome; problems: Problem[] };
      try {
        let parsed = await (pending[i] ?? readAndParse(input, settings, taxonomy, inThread));
        pending[i] = undefined;
        // A page read ahead may name an author that an earlier page of this run created since: read
        // again with the authors known now, so the batch gives what one page after another gives.
        if (!('failure' in parsed) && parsed.result.authors.some((a) => a.isNew && matchAuthor(a.name, taxonomy.authors) !== undefined)) parsed = await readAndParse(input, settings, taxonomy, inThread);
        done = await importOne(input, parsed, settings, state);
      } catch (error) {
        const message = `could not be imported: ${error instanceof Error ? error.message : String(error)}`;
        const p: Problem = { file: input.path, field: '(file)', message, severity: 'error' };
        done = { outcome: { input: input.path, ok: false, status: 'failed', errors: [short(p)], warnings: [], output: null, data: {}, authors: [], availableIn: [], body: '', dropped: [], dates: [], origins: {} }, problems: [p] };
      }
      outcomes.push(done);
      if (settings.json) process.stdout.write(`${JSON.stringify(done.outcome)}\n`);
      const o = done.outcome;
      const line = `${o.status.padEnd(12)} ${o.input}${o.output ? ` -> ${o.output}` : ''}`;
      const detail = done.problems.map((p) => `  ${formatProblem(p)}`);
      if (bar) {
        human.push(line, ...detail);
        bar.increment(1, { file: basename(input.path) });
      } else process.stderr.write(`${[line, ...detail].join('\n')}\n`);
    }
  } finally {
    await pool?.destroy();
  }
  bar?.stop();
  if (bar) process.stderr.write(`${human.join('\n')}\n`);
  if (settings.report !== undefined) {
    const written = await writeReport(settings.report, outcomes.map((o) => o.outcome), settings.force);
    process.stderr.write(written ? `import: review report written to ${settings.report}\n` : `import: ${settings.report} exists and is no import report; not replaced (pass --force to replace it)\n`);
  }
  const count = (s: Status): number => outcomes.filter((o) => o.outcome.status === s).length;
  const failed = count('failed');
  const parts = [
    settings.dryRun ? `${count('would import')} would be imported` : `${count('imported') + count('overwritten')} imported`,
    `${count('unchanged')} unchanged`,
    `${failed} failed`,
  ];
  process.stderr.write(`\nimport: ${parts.join(', ')}${settings.dryRun ? ' (dry run: nothing written)' : ''}\n`);
  for (const o of outcomes.filter((x) => x.outcome.status === 'failed')) {
    process.stderr.write(`  failed ${o.outcome.input}: ${o.outcome.errors.join('; ')}\n`);
  }
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`import: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
