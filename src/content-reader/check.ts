/**
 * Checks a whole content tree given as in-memory files and returns every problem in every file in
 * one pass, plus the entries that passed. `npm run validate`, the Astro loader
 * (src/content-reader/loader.ts) and the tests all call this, so they accept and reject the same
 * files for the same reasons. Time is linear in the input: each file is parsed once, the
 * cross-file checks are map lookups, and nothing recurses on the body's nesting.
 */
import { posix } from 'node:path';
import { imageMetadata } from 'astro/assets/utils';
import { analysisSchema, COVER_IMAGE_EXTENSIONS, coverImageSchema, type AnalysisData } from '../schemas/analysis.ts';
import { ID_PATTERN } from '../schemas/ids.ts';
import { short, type Language } from '../schemas/primitives.ts';
import { type Problem, issuesToProblems } from '../schemas/problems.ts';
import { pageSchema, type PageData } from '../schemas/page.ts';
import { siteSchema, type SiteData } from '../schemas/site.ts';
import { actorSchema, authorSchema, topicSchema, type ActorData, type AuthorData, type TopicData } from '../schemas/taxonomy.ts';
import { findExternalImages } from '../markdown/external-images.ts';
import { sanitizeSvg } from '../lib/logo-svg.ts';
import { findRemovals } from '../markdown/sanitize-report.ts';
import { nestingMessage, scanNesting } from '../markdown/body-limits.ts';
import { addDays } from '../lib/dates.ts';
import { isScheduled, todayUtc } from '../lib/schedule.ts';
import { checkCorpus, looseRefs, type LocatedAnalysis, type LocatedRefs, locateAnalysis, locatePage } from './cross-file.ts';
import { decodeUtf8, firstInvalidUtf8Line, parseMarkdownSource, parseYamlSource, type MarkdownSource } from './parse.ts';

/** A file of the content tree: path relative to the project root, and its raw bytes. */
export interface ContentFile {
  path: string;
  bytes: Uint8Array;
}

/** An analysis that passed its own checks: where it is, its frontmatter as written and parsed, its body. */
export interface AnalysisEntry extends LocatedAnalysis {
  /** Frontmatter as parsed YAML, before the schema (the loader hands this to Astro's parseData). */
  raw: Record<string, unknown>;
  /** The Markdown body after the frontmatter. */
  body: string;
  /** Lines of the file before the body (a line in the body is `bodyLine` more in the file). */
  bodyLine: number;
  /** The file's decoded text (its digest decides whether the page is rendered again). */
  text: string;
}

/** A page from content (`pages/<lang>/<slug>.md`) that passed its checks. */
export interface PageEntry {
  file: string;
  lang: Language;
  slug: string;
  data: PageData;
  /** Frontmatter as parsed YAML, before the schema (the loader hands this to Astro's parseData). */
  raw: Record<string, unknown>;
  body: string;
  bodyLine: number;
  text: string;
}

/** A topic, actor or author file that passed its checks. */
export interface DataEntry<T> {
  id: string;
  file: string;
  raw: Record<string, unknown>;
  data: T;
  text: string;
}

/** Outcome of checking a content tree. */
export interface ValidationReport {
  /** Every problem, errors and warnings, sorted by file then line. */
  problems: Problem[];
  /** Number of files of each kind that were read. */
  counts: { analyses: number; pages: number; topics: number; actors: number; authors: number; site: number };
  /** The analyses that passed the schema (cross-file problems are in `problems`, see `filesWithErrors`). */
  analyses: AnalysisEntry[];
  /** The pages from content that passed their checks (About, Methodology...). */
  pages: PageEntry[];
  /** Topics, actors and authors that passed the schema, by collection. */
  topics: DataEntry<TopicData>[];
  actors: DataEntry<ActorData>[];
  authors: DataEntry<AuthorData>[];
  /** The site settings, when site.yaml passed the schema. */
  site: DataEntry<SiteData> | undefined;
  /** Paths of files with at least one error (the loader leaves them out of the preview). */
  filesWithErrors: Set<string>;
  /** Cover images named by analyses and found in the tree (`image` as written, `target` its path), for checkCoverImages. */
  covers: { file: string; image: string; target: string }[];
}

/** What one file yields on its own, before the cross-file checks (cached per text in `astro dev`). */
type FileResult =
  | { kind: 'analysis'; problems: Problem[]; entry?: AnalysisEntry; loose?: LocatedRefs; coverImage?: string }
  | { kind: 'page'; problems: Problem[]; entry?: PageEntry }
  | { kind: 'topics' | 'actors' | 'authors'; id?: string; problems: Problem[]; entry?: DataEntry<TopicData | ActorData | AuthorData> }
  | { kind: 'site'; problems: Problem[]; entry?: DataEntry<SiteData> }
  | { kind: 'other' | 'unreadable'; problems: Problem[] };

/** One file's text and what checking it gave. */
export interface CheckedText {
  text: string;
  result: FileResult;
}

/** Results of earlier runs by path, reused while a file's text is unchanged (the dev server re-checks on every save). */
export type CheckCache = Map<string, CheckedText>;

/** Results kept from an earlier process (check-cache-file.ts): the one for `path`, if its text was `text`. */
export interface EarlierChecks {
  take(path: string, text: string): FileResult | undefined;
}

const DATA_SCHEMAS = { topics: topicSchema, actors: actorSchema, authors: authorSchema } as const;

/**
 * The body checks that parse it (the renderer's own limits are checked by rendering:
 * src/content-reader/render-check.ts). They run after scanNesting has passed the body, and a body
 * the tree code still cannot walk is an error naming the file, not a RangeError out of the reader.
 */
function bodyChecks(file: string, checks: () => Problem[]): Problem[] {
  try {
    return checks();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return [{ file, field: 'body', message: nestingMessage(), severity: 'error' }];
  }
}

/** An analysis's body checks: markup the sanitiser removes, what a host or reader cannot show. */
function bodyProblems(file: string, body: string, bodyLine: number, data: AnalysisData, today: string): Problem[] {
  return bodyChecks(file, () => [...removalWarnings(file, body, bodyLine), ...publishingProblems(file, body, bodyLine, data, today)]);
}

/**
 * How the check of every Markdown file starts: its source read, its place in the folder, and the
 * nesting scan, each problem listed; `raw` is the frontmatter when it could be read.
 */
function openMarkdown(path: string, text: string, where: object): { source: MarkdownSource; problems: Problem[]; deep: number | undefined; raw: Record<string, unknown> | undefined } {
  const source = parseMarkdownSource(path, text);
  const problems: Problem[] = [...source.problems];
  if ('problem' in where && typeof where.problem === 'string') problems.push({ file: path, field: '(file name)', message: where.problem, severity: 'error' });
  // Nesting far past the limit is refused before any parser sees the body: parsers take quadratic
  // time on it (100,000 nested quotes: minutes), and their tree code recurses once per level.
  const deep = scanNesting(source.body);
  if (deep !== undefined) problems.push({ file: path, field: 'body', line: source.bodyLine + deep, message: nestingMessage(), severity: 'error' });
  const readable = source.data !== undefined && !source.problems.some((p) => p.field === 'frontmatter');
  return { source, problems, deep, raw: readable ? (source.data as Record<string, unknown>) : undefined };
}

/** Warns about markup the sanitiser removes. */
function removalWarnings(file: string, body: string, bodyLine: number): Problem[] {
  return findRemovals(body, file).map((r) => ({ file, line: bodyLine + r.line, field: 'body', message: `${r.what} removed when the page is built (raw HTML is sanitised to GitHub's rules)`, severity: 'warning' as const }));
}

/** Images from other hosts, which the site's CSP blocks (img-src 'self'). */
function externalImageProblems(file: string, body: string, bodyLine: number): Problem[] {
  return findExternalImages(body, file).map((image) => ({
    file,
    line: bodyLine + image.line,
    field: 'body',
    message: `image from another host (${short(image.url)}) is blocked by the site's Content-Security-Policy (img-src 'self'), expected an image served by the site or a link instead`,
    severity: 'error' as const,
  }));
}

/** What a host or reader cannot show: external images (blocked by our CSP), a piece scheduled ahead. */
function publishingProblems(file: string, body: string, bodyLine: number, data: AnalysisData, today: string): Problem[] {
  const problems = externalImageProblems(file, body, bodyLine);
  if (isScheduled(data.published, today)) {
    problems.push({
      file,
      field: 'published',
      message: `${data.published ?? ''} is more than a day after today (${today}): the piece is scheduled, and builds before ${addDays(data.published ?? today, -1)} leave it out (\`npm run build -- --future\` publishes it now)`,
      severity: 'warning',
    });
  }
  return problems;
}

/** `cover.image` of a frontmatter that failed the schema, when that field on its own is valid. */
function readableCoverImage(raw: Record<string, unknown>): string | undefined {
  const cover = raw['cover'];
  if (typeof cover !== 'object' || cover === null || !('image' in cover)) return undefined;
  const parsed = coverImageSchema.safeParse(cover.image);
  return parsed.success ? parsed.data : undefined;
}

/** Checks one analysis file on its own. */
function checkAnalysis(path: string, inFolder: string, text: string, today: string): FileResult {
  const where = locateAnalysis(inFolder);
  const { source, problems, deep, raw } = openMarkdown(path, text, where);
  if (raw === undefined) return { kind: 'analysis', problems };
  const parsed = analysisSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    problems.push(...issuesToProblems(path, parsed.error.issues));
    // Cross-file checks (the cover file too) still run on whatever fields are readable, so every problem shows at once.
    const image = readableCoverImage(raw);
    return { kind: 'analysis', problems, ...(image === undefined ? {} : { coverImage: image }), ...('problem' in where ? {} : { loose: { file: path, lang: where.lang, slug: where.slug, data: looseRefs(raw) } }) };
  }
  if (deep === undefined) problems.push(...bodyProblems(path, source.body, source.bodyLine, parsed.data as AnalysisData, today));
  if ('problem' in where) return { kind: 'analysis', problems };
  const entry: AnalysisEntry = { file: path, lang: where.lang, slug: where.slug, data: parsed.data as AnalysisData, raw, body: source.body, bodyLine: source.bodyLine, text };
  const image = entry.data.cover?.image;
  return { kind: 'analysis', problems, entry, loose: entry, ...(image === undefined ? {} : { coverImage: image }) };
}

/**
 * Checks one page file on its own: its place (`pages/<lang>/<slug>.md`, a slug no route of the
 * site uses), its frontmatter and its body, with the analyses' body rules.
 */
function checkPage(path: string, inFolder: string, text: string): FileResult {
  const where = locatePage(inFolder);
  const { source, problems, deep, raw } = openMarkdown(path, text, where);
  if (raw === undefined) return { kind: 'page', problems };
  const parsed = pageSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return { kind: 'page', problems: [...problems, ...issuesToProblems(path, parsed.error.issues)] };
  if ('problem' in where) return { kind: 'page', problems };
  if (parsed.data.lang !== undefined && parsed.data.lang !== where.lang) {
    problems.push({ file: path, field: 'lang', message: `found "${parsed.data.lang}", expected "${where.lang}" (the language folder the file is in)`, severity: 'error' });
  }
  if (deep === undefined) problems.push(...bodyChecks(path, () => [...removalWarnings(path, source.body, source.bodyLine), ...externalImageProblems(path, source.body, source.bodyLine)]));
  if (problems.some((p) => p.severity === 'error')) return { kind: 'page', problems };
  return { kind: 'page', problems, entry: { file: path, lang: where.lang, slug: where.slug, data: parsed.data, raw, body: source.body, bodyLine: source.bodyLine, text } };
}

/** Checks one topic, actor or author file on its own. */
function checkData(kind: 'topics' | 'actors' | 'authors', path: string, name: string, text: string): FileResult {
  const id = name.replace(/\.ya?ml$/, '');
  if (!ID_PATTERN.test(id)) {
    return { kind, problems: [{ file: path, field: '(file name)', message: `found "${name}", expected a lowercase id of letters, digits and single hyphens (the file name is the id)`, severity: 'error' }] };
  }
  const source = parseYamlSource(path, text);
  if (source.problems.length) return { kind, id, problems: source.problems };
  const parsed = DATA_SCHEMAS[kind].safeParse(source.data, { reportInput: true });
  if (!parsed.success) return { kind, id, problems: issuesToProblems(path, parsed.error.issues) };
  return { kind, id, problems: [], entry: { id, file: path, raw: source.data as Record<string, unknown>, data: parsed.data, text } };
}

/** Checks site.yaml on its own. */
function checkSite(path: string, text: string): FileResult {
  const source = parseYamlSource(path, text);
  if (source.problems.length) return { kind: 'site', problems: source.problems };
  const parsed = siteSchema.safeParse(source.data, { reportInput: true });
  if (!parsed.success) return { kind: 'site', problems: issuesToProblems(path, parsed.error.issues) };
  return { kind: 'site', problems: [], entry: { id: 'site', file: path, raw: source.data as Record<string, unknown>, data: parsed.data, text } };
}

/** The warning for a file the site does not use (a typo in a folder name, a stray export). */
function notContent(file: string): Problem {
  return { file, field: '(file name)', message: 'not a content file Barometer reads, expected analyses/<lang>/*.md, pages/<lang>/*.md, topics|actors|authors/*.yaml, site.yaml or the logo it names', severity: 'warning' };
}

/** Checks one file: decodes it and hands it to the check for its place in the tree. */
function checkFile(path: string, rel: string, bytes: Uint8Array, text: string | undefined, today: string): FileResult {
  if (text === undefined) {
    return { kind: 'unreadable', problems: [{ file: path, line: firstInvalidUtf8Line(bytes), field: '(encoding)', message: 'not valid UTF-8, expected the file saved as UTF-8 text', severity: 'error' }] };
  }
  const [top, ...rest] = rel.split('/');
  if (top === 'analyses' && rel.endsWith('.md')) return checkAnalysis(path, rest.join('/'), text, today);
  if ((top === 'topics' || top === 'actors' || top === 'authors') && /\.ya?ml$/.test(rel) && rest.length === 1) return checkData(top, path, rest[0] ?? '', text);
  if (rel === 'site.yaml') return checkSite(path, text);
  if (top === 'pages' && rel.endsWith('.md')) return checkPage(path, rest.join('/'), text);
  return { kind: 'other', problems: [notContent(path)] };
}

const COVER_FILE = new RegExp(`\\.(?:${COVER_IMAGE_EXTENSIONS.join('|')})$`, 'i');

/** Whether a file under analyses/ is an image the analyses may use as a cover (read as bytes, not text). */
function isAnalysisImage(rel: string): boolean {
  return rel.startsWith('analyses/') && COVER_FILE.test(rel);
}

/**
 * A file the site publishes (a cover image, the logo) must be a file of the content folder, read
 * from there (src/content-reader/files.ts refuses links that lead out): a path that climbs out of
 * the folder, or names no file in it, is an error naming the file and field that give the path.
 */
function publishedFileProblem(file: string, field: string, path: string, base: string, root: string, paths: ReadonlySet<string>, expected: string): Problem | undefined {
  const target = posix.normalize(posix.join(base, path));
  const inside = root === '.' ? !target.startsWith('../') && target !== '..' : target.startsWith(`${root}/`);
  if (!inside) return { file, field, message: `"${short(path)}" leads outside the content folder (${root}/), expected ${expected}`, severity: 'error' };
  if (!paths.has(target)) return { file, field, message: `"${short(path)}" names no readable file in the content folder (looked for ${target}), expected ${expected}`, severity: 'error' };
  return undefined;
}

/** Why the logo is left out or changed: the file named by `logo`, and what sanitising removes from it. */
function logoProblems(site: DataEntry<SiteData>, root: string, paths: ReadonlySet<string>, svgs: ReadonlyMap<string, Uint8Array>): Problem[] {
  const logo = site.data.logo;
  if (logo === undefined) return [];
  const missing = publishedFileProblem(site.file, 'logo', logo, root, root, paths, 'an SVG file inside it');
  if (missing) return [missing];
  const file = posix.normalize(posix.join(root, logo));
  const bytes = svgs.get(file) ?? new Uint8Array();
  const text = decodeUtf8(bytes);
  if (text === undefined) return [{ file, line: firstInvalidUtf8Line(bytes), field: '(encoding)', message: 'not valid UTF-8, expected the file saved as UTF-8 text', severity: 'error' }];
  const result = sanitizeSvg(text);
  if ('problem' in result) return [{ file, field: '(logo)', message: result.problem, severity: 'error' }];
  return result.removed.map(({ what, line }) => ({
    file,
    line,
    field: '(logo)',
    message: `${what} removed when the site is built (the logo is published as a plain drawing: no scripts, event handlers, style sheets, foreign content or links to other files)`,
    severity: 'warning' as const,
  }));
}

/** The most pixels sharp, Astro's image service, decodes (its `limitInputPixels` default, which Astro keeps). */
const MAX_IMAGE_PIXELS = 0x3fff * 0x3fff;

/**
 * Cover images the build's image pipeline cannot read, probed with the function the build calls
 * (Astro's `imageMetadata`): a text file named `.jpg` passed `validate` and then stopped the build
 * with a stack trace. Async because that function is; readContent runs it after validateContent.
 */
export async function checkCoverImages(report: ValidationReport, files: readonly ContentFile[]): Promise<Problem[]> {
  const bytes = new Map(files.map((f) => [f.path, f.bytes]));
  const problems: Problem[] = [];
  for (const { file, image, target } of report.covers) {
    const data = bytes.get(target);
    if (!data) continue;
    const expected = `expected a ${COVER_IMAGE_EXTENSIONS.map((e) => `.${e}`).join(', ').replace(/, (?=[^,]*$)/, ' or ')} image`;
    const meta = await imageMetadata(data, target).catch(() => undefined);
    const problem =
      !meta || !(COVER_IMAGE_EXTENSIONS as readonly string[]).includes(meta.format)
        ? `"${short(image)}" is not an image the build can read (${target} has no JPEG, PNG, WebP or AVIF header), ${expected}`
        : meta.width * meta.height > MAX_IMAGE_PIXELS
          ? `"${short(image)}" is ${meta.width} × ${meta.height} pixels, expected at most ${MAX_IMAGE_PIXELS} pixels (the limit of the image pipeline, sharp)`
          : undefined;
    if (problem) problems.push({ file, field: 'cover.image', message: problem, severity: 'error' });
  }
  return problems;
}

/**
 * Texts decoded from byte arrays: the preview's file cache hands an unchanged file's bytes back
 * as the same array on every re-read, so its text is decoded once, and compares equal to the
 * cached one at the cost of a pointer comparison.
 */
const decoded = new WeakMap<Uint8Array, string | undefined>();

/** `decodeUtf8`, once per byte array. */
function decodeOnce(bytes: Uint8Array): string | undefined {
  if (decoded.has(bytes)) return decoded.get(bytes);
  const text = decodeUtf8(bytes);
  decoded.set(bytes, text);
  return text;
}

/** Options of a validation run. */
export interface ValidateOptions {
  /** Per-file results of earlier runs, reused while a file's text is unchanged. */
  cache?: CheckCache;
  /** Today's date (`YYYY-MM-DD`, UTC) for the scheduled-piece warning; default: the clock. */
  today?: string;
  /** Results of an earlier preview, for the files `cache` has no result for (after a restart). */
  earlier?: EarlierChecks;
}

/**
 * Checks every file under `<root>/` (default `content`) and returns all problems and the entries
 * that passed.
 */
export function validateContent(files: readonly ContentFile[], root = 'content', options: ValidateOptions = {}): ValidationReport {
  const { cache, earlier } = options;
  const today = options.today ?? todayUtc();
  const problems: Problem[] = [];
  const counts = { analyses: 0, pages: 0, topics: 0, actors: 0, authors: 0, site: 0 };
  const ids = { topics: new Map<string, string>(), actors: new Map<string, string>(), authors: new Map<string, string>() };
  const report: ValidationReport = { problems, counts, analyses: [], pages: [], topics: [], actors: [], authors: [], site: undefined, filesWithErrors: new Set(), covers: [] };
  const located: LocatedRefs[] = [];
  const seen = new Set<string>();
  const covers: { file: string; image: string }[] = [];
  const images: string[] = [];
  const svgs = new Map<string, Uint8Array>();

  for (const { path, bytes } of files) {
    seen.add(path);
    const rel = path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
    // Cover images are binary: they are only checked to exist, by the analyses that name them.
    if (isAnalysisImage(rel)) {
      images.push(path);
      continue;
    }
    // An SVG file is checked once the site settings say whether it is the logo.
    if (rel.endsWith('.svg')) {
      svgs.set(path, bytes);
      continue;
    }
    const text = decodeOnce(bytes);
    const cached = text === undefined ? undefined : cache?.get(path);
    const reused = text === undefined ? undefined : cached?.text === text ? cached.result : earlier?.take(path, text);
    const result = reused ?? checkFile(path, rel, bytes, text, today);
    if (cache && text !== undefined) cache.set(path, { text, result });
    problems.push(...result.problems);
    if (result.kind === 'analysis') {
      counts.analyses += 1;
      if (result.loose) located.push(result.loose);
      if (result.entry) report.analyses.push(result.entry);
      if (result.coverImage !== undefined) covers.push({ file: path, image: result.coverImage });
    } else if (result.kind === 'page') {
      counts.pages += 1;
      if (result.entry) report.pages.push(result.entry);
    } else if (result.kind === 'topics' || result.kind === 'actors' || result.kind === 'authors') {
      counts[result.kind] += 1;
      if (result.id !== undefined) {
        const other = ids[result.kind].get(result.id);
        if (other !== undefined) {
          problems.push({ file: path, field: '(file name)', message: `id "${result.id}" is already defined by ${other}, expected one file per id`, severity: 'error' });
        } else ids[result.kind].set(result.id, path);
      }
      if (result.entry) (report[result.kind] as DataEntry<unknown>[]).push(result.entry);
    } else if (result.kind === 'site') {
      counts.site += 1;
      report.site = result.entry;
    }
  }
  if (cache) for (const path of cache.keys()) if (!seen.has(path)) cache.delete(path);
  // Not cached with the file's own result: whether the image exists depends on other files.
  const used = new Set<string>();
  for (const { file, image } of covers) {
    const problem = publishedFileProblem(file, 'cover.image', image, posix.dirname(file), root, seen, 'an image file beside the analysis');
    const target = posix.normalize(posix.join(posix.dirname(file), image));
    if (problem) problems.push(problem);
    else report.covers.push({ file, image, target });
    used.add(target);
  }
  // An image no analysis names is most likely a cover whose `cover.image` was forgotten or misspelt.
  for (const path of images) {
    if (!used.has(path)) problems.push({ file: path, field: '(file)', message: 'an image no analysis uses, expected an analysis naming it in cover.image (or remove it)', severity: 'warning' });
  }
  const logo = report.site ? posix.normalize(posix.join(root, report.site.data.logo ?? '')) : undefined;
  if (report.site) problems.push(...logoProblems(report.site, root, seen, svgs));
  for (const path of svgs.keys()) {
    if (path !== logo) problems.push(notContent(path));
  }
  if (counts.site === 0) problems.push({ file: `${root}/site.yaml`, field: '(file)', message: 'missing, expected the site settings file', severity: 'error' });
  problems.push(...checkCorpus(located, { topics: new Set(ids.topics.keys()), actors: new Set(ids.actors.keys()), authors: new Set(ids.authors.keys()) }));
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  for (const p of problems) if (p.severity === 'error') report.filesWithErrors.add(p.file);
  return report;
}
