/**
 * Validates a whole `content/` tree given as in-memory files, reporting every problem in every
 * file in one pass (Astro alone stops at the first bad entry). The CLI reads the disk and calls
 * this; tests call it with fixtures.
 */
import { analysisSchema, type AnalysisData } from '../schemas/analysis.ts';
import { short } from '../schemas/primitives.ts';
import { type Problem, issuesToProblems } from '../schemas/problems.ts';
import { siteSchema } from '../schemas/site.ts';
import { actorSchema, authorSchema, topicSchema } from '../schemas/taxonomy.ts';
import { findExternalImages } from '../markdown/external-images.ts';
import { findRemovals } from '../markdown/sanitize-report.ts';
import { addDays } from './dates.ts';
import { isScheduled, todayUtc } from './schedule.ts';
import { checkCorpus, type LocatedAnalysis, locateAnalysis } from './corpus-check.ts';
import { decodeUtf8, firstInvalidUtf8Line, parseMarkdownSource, parseYamlSource } from './content-source.ts';

/** A file of the content tree: path relative to the project root, and its raw bytes. */
export interface ContentFile {
  path: string;
  bytes: Uint8Array;
}

/** Outcome of validating a content tree. */
export interface ValidationReport {
  /** Every problem, errors and warnings, sorted by file then line. */
  problems: Problem[];
  /** Number of files of each kind that were read. */
  counts: { analyses: number; topics: number; actors: number; authors: number; site: number };
  /** The analyses that passed the schema (for callers that go on to use them). */
  analyses: LocatedAnalysis[];
}

const DATA_SCHEMAS = { topics: topicSchema, actors: actorSchema, authors: authorSchema } as const;

/** Options of a validation run. */
export interface ValidateOptions {
  /** Today's date (`YYYY-MM-DD`, UTC) for the scheduled-piece warning; default: the clock. */
  today?: string;
}

/** Validates every file under `<root>/` (default `content`) and returns all problems. */
export function validateContent(files: readonly ContentFile[], root = 'content', options: ValidateOptions = {}): ValidationReport {
  const today = options.today ?? todayUtc();
  const problems: Problem[] = [];
  const counts = { analyses: 0, topics: 0, actors: 0, authors: 0, site: 0 };
  const ids = { topics: new Set<string>(), actors: new Set<string>(), authors: new Set<string>() };
  const analyses: LocatedAnalysis[] = [];
  let sawSite = false;

  for (const { path, bytes } of files) {
    const rel = path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
    const text = decodeUtf8(bytes);
    if (text === undefined) {
      problems.push({ file: path, line: firstInvalidUtf8Line(bytes), field: '(encoding)', message: 'not valid UTF-8, expected the file saved as UTF-8 text', severity: 'error' });
      continue;
    }
    const [top, ...rest] = rel.split('/');
    if (top === 'analyses' && rel.endsWith('.md')) {
      counts.analyses += 1;
      const where = locateAnalysis(rest.join('/'));
      const source = parseMarkdownSource(path, text);
      problems.push(...source.problems);
      if ('problem' in where) {
        problems.push({ file: path, field: '(file name)', message: where.problem, severity: 'error' });
      }
      if (source.data === undefined || source.problems.some((p) => p.field === 'frontmatter')) continue;
      const parsed = analysisSchema.safeParse(source.data, { reportInput: true });
      if (!parsed.success) {
        problems.push(...issuesToProblems(path, parsed.error.issues));
        continue;
      }
      for (const image of findExternalImages(source.body)) {
        problems.push({
          file: path,
          line: source.bodyLine + image.line,
          field: 'body',
          message: `image from another host (${short(image.url)}) is blocked by the site's Content-Security-Policy (img-src 'self'), expected an image served by the site or a link instead`,
          severity: 'error',
        });
      }
      const published = (parsed.data as AnalysisData).published;
      if (isScheduled(published, today)) {
        problems.push({
          file: path,
          field: 'published',
          message: `${published ?? ''} is more than a day after today (${today}): the piece is scheduled, and builds before ${addDays(published ?? today, -1)} leave it out (\`npm run build -- --future\` publishes it now)`,
          severity: 'warning',
        });
      }
      for (const r of findRemovals(source.body)) {
        problems.push({ file: path, line: source.bodyLine + r.line, field: 'body', message: `${r.what} removed when the page is built (raw HTML is sanitised to GitHub's rules)`, severity: 'warning' });
      }
      if (!('problem' in where)) analyses.push({ file: path, lang: where.lang, slug: where.slug, data: parsed.data as AnalysisData });
    } else if ((top === 'topics' || top === 'actors' || top === 'authors') && /\.ya?ml$/.test(rel) && rest.length === 1) {
      counts[top] += 1;
      const id = (rest[0] ?? '').replace(/\.ya?ml$/, '');
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
        problems.push({ file: path, field: '(file name)', message: `found "${rest[0]}", expected a lowercase id of letters, digits and single hyphens (the file name is the id)`, severity: 'error' });
        continue;
      }
      ids[top].add(id);
      const source = parseYamlSource(path, text);
      problems.push(...source.problems);
      if (source.problems.length) continue;
      const parsed = DATA_SCHEMAS[top].safeParse(source.data, { reportInput: true });
      if (!parsed.success) problems.push(...issuesToProblems(path, parsed.error.issues));
    } else if (rel === 'site.yaml') {
      counts.site += 1;
      sawSite = true;
      const source = parseYamlSource(path, text);
      problems.push(...source.problems);
      if (source.problems.length) continue;
      const parsed = siteSchema.safeParse(source.data, { reportInput: true });
      if (!parsed.success) problems.push(...issuesToProblems(path, parsed.error.issues));
    } else {
      problems.push({ file: path, field: '(file name)', message: 'not a content file Barometer reads, expected analyses/<lang>/*.md, topics|actors|authors/*.yaml or site.yaml', severity: 'warning' });
    }
  }
  if (!sawSite) problems.push({ file: `${root}/site.yaml`, field: '(file)', message: 'missing, expected the site settings file', severity: 'error' });
  problems.push(...checkCorpus(analyses, ids));
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { problems, counts, analyses };
}
