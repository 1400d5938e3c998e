/**
 * `npm run import -- <files or folders...> [options]`: turns scraped pages (plain text or HTML)
 * into validated Markdown analyses under content/analyses/<lang>/. The reading is done by the pure
 * functions in scripts/import/; this file only handles arguments, files and the report.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { decodeUtf8, firstInvalidUtf8Line, parseMarkdownSource } from '../src/lib/content-source.ts';
import { isRealIsoDate } from '../src/lib/dates.ts';
import { type AuthorRef, type ImportOptions, MAX_PAGE_CHARS, type PageResult, parsePage } from './import/parse-page.ts';
import { buildTaxonomy, type Taxonomy, type TaxonomyFile } from './import/taxonomy.ts';
import { analysisSchema } from '../src/schemas/analysis.ts';
import { KINDS, type Kind, LANGUAGES, type Language } from '../src/schemas/primitives.ts';
import { formatProblem, type Problem } from '../src/schemas/problems.ts';
import { listFiles } from './lib/content-files.ts';

const USAGE = `usage: npm run import -- <files or folders...> [--out <dir>] [--lang ${LANGUAGES.join('|')}] [--topic <id>]
       [--kind ${KINDS.join('|')}] [--date YYYY-MM-DD] [--content <dir>] [--dry-run] [--force] [--json]`;

/** Page files picked up when a folder is given. */
const PAGE_EXTENSIONS = new Set(['.txt', '.html', '.htm']);

/** Batches larger than this get a progress bar (on stderr). */
const PROGRESS_THRESHOLD = 20;

/** Settings from the command line. */
interface Settings {
  inputs: string[];
  out: string;
  content: string;
  options: ImportOptions;
  dryRun: boolean;
  force: boolean;
  json: boolean;
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
        content: { type: 'string', default: 'content' },
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
  const content = (v.content ?? 'content').replace(/\/+$/u, '') || '.';
  return {
    inputs: parsed.positionals,
    out: v.out ?? join(content, 'analyses', lang as Language),
    content,
    options,
    dryRun: v['dry-run'] ?? false,
    force: v.force ?? false,
    json: v.json ?? false,
  };
}

/** Reads topics, actors, authors and site.yaml from the content dir (missing folders are empty). */
async function loadTaxonomy(content: string): Promise<{ taxonomy: Taxonomy; problems: Problem[] }> {
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
  return result;
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

/** HTML by extension, or by a leading tag when the extension says nothing. */
function formatOf(path: string, text: string): 'text' | 'html' {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.txt') return 'text';
  return /^\s*(?:<!doctype html|<html[\s>]|<body[\s>]|<article[\s>])/iu.test(text) ? 'html' : 'text';
}

/** Reads a file's current text, or undefined when it does not exist. */
async function existing(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Writes a file through a temporary file in the same folder and a rename: never a partial file. */
async function writeAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text, { flag: 'wx' });
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

/** Imports one input and reports what happened. */
async function importOne(
  input: { path: string; missing?: string },
  settings: Settings,
  taxonomy: Taxonomy,
  planned: Map<string, string>,
): Promise<{ outcome: Outcome; problems: Problem[] }> {
  const outcome: Outcome = { input: input.path, ok: false, status: 'failed', errors: [], warnings: [], output: null, data: {}, authors: [], availableIn: [] };
  const fail = (message: string, field = '(file)'): { outcome: Outcome; problems: Problem[] } => {
    const p: Problem = { file: input.path, field, message, severity: 'error' };
    outcome.errors.push(short(p));
    return { outcome, problems: [p] };
  };
  if (input.missing !== undefined) return fail(input.missing);
  const info = await stat(input.path);
  if (!info.isFile()) return fail('not a regular file');
  if (info.size > MAX_PAGE_CHARS * 4) return fail(`is ${info.size} bytes, too large for one page`);
  const bytes = new Uint8Array(await readFile(input.path));
  const text = decodeUtf8(bytes);
  if (text === undefined) return fail(`not valid UTF-8 (first bad byte on line ${firstInvalidUtf8Line(bytes)}), expected a text or HTML page saved as UTF-8`, '(encoding)');

  const result = parsePage({ file: input.path, text, format: formatOf(input.path, text) }, taxonomy, settings.options);
  const problems = [...result.problems];
  outcome.data = result.data;
  outcome.availableIn = result.availableIn;
  outcome.authors = result.authors.map((a) => authorLine(a, settings.content));
  const output = result.fileName === undefined ? undefined : join(settings.out, result.fileName);
  if (output !== undefined) outcome.output = output;

  const addError = (message: string, field: string): void => {
    problems.push({ file: input.path, field, message, severity: 'error' });
  };
  if (result.markdown !== undefined && output !== undefined) {
    // Belt and braces: the file as written must read back as valid frontmatter.
    const back = parseMarkdownSource(output, result.markdown);
    if (back.problems.length || !analysisSchema.safeParse(back.data).success) addError('the written file would not read back as a valid analysis (importer bug)', '(output)');
  }
  const errorsBefore = problems.some((p) => p.severity === 'error');
  let status: Status = 'failed';
  if (!errorsBefore && result.markdown !== undefined && output !== undefined) {
    const writes: { path: string; text: string; what: string }[] = [];
    for (const a of result.authors) {
      if (a.isNew && a.yaml !== undefined) writes.push({ path: join(settings.content, 'authors', `${a.id}.yaml`), text: a.yaml, what: 'author file' });
    }
    writes.push({ path: output, text: result.markdown, what: 'analysis' });
    let unchanged = true;
    let overwrite = false;
    for (const w of writes) {
      const current = planned.get(w.path) ?? (await existing(w.path));
      if (current === undefined) unchanged = false;
      else if (current !== w.text) {
        unchanged = false;
        if (settings.force) overwrite = true;
        else addError(`${w.path} already exists with different content; pass --force to overwrite it`, w.what === 'analysis' ? '(output)' : 'authors');
      }
    }
    if (!problems.some((p) => p.severity === 'error')) {
      if (unchanged) status = 'unchanged';
      else if (settings.dryRun) status = 'would import';
      else {
        for (const w of writes) await writeAtomic(w.path, w.text);
        status = overwrite ? 'overwritten' : 'imported';
      }
      for (const w of writes) planned.set(w.path, w.text);
      for (const a of result.authors) {
        if (a.isNew) taxonomy.authors.push({ id: a.id, name: a.name, terms: [a.name] });
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
  const { taxonomy, problems: taxonomyProblems } = await loadTaxonomy(settings.content);
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
  const planned = new Map<string, string>();
  const outcomes: { outcome: Outcome; problems: Problem[] }[] = [];
  const human: string[] = [];
  for (const input of inputs) {
    let done: { outcome: Outcome; problems: Problem[] };
    try {
      done = await importOne(input, settings, taxonomy, planned);
    } catch (error) {
      const message = `could not be imported: ${error instanceof Error ? error.message : String(error)}`;
      const p: Problem = { file: input.path, field: '(file)', message, severity: 'error' };
      done = { outcome: { input: input.path, ok: false, status: 'failed', errors: [short(p)], warnings: [], output: null, data: {}, authors: [], availableIn: [] }, problems: [p] };
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
  bar?.stop();
  if (bar) process.stderr.write(`${human.join('\n')}\n`);
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
