/**
 * What the browser tests expect, read straight from content/ (not from the built site), so a
 * search that loses or invents an analysis is caught.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The frontmatter fields the search tests look at, plus the body text. */
export interface ContentAnalysis {
  lang: string;
  slug: string;
  title: string;
  summary: string;
  kind: string;
  topic: string | undefined;
  trend: string | undefined;
  actors: string[];
  authors: string[];
  /** How many works the analysis cites (`sources`). */
  sources: number;
  /** Shared by an analysis and its translations, if any. */
  translationKey: string | undefined;
  /** Period start, else publication date (the search's date order). */
  date: string;
  body: string;
  /** `cover.image` as written, when the analysis has a cover image. */
  coverImage: string | undefined;
  /** Site URL of the analysis. */
  url: string;
}

/** content/ of the project, or the content folder E2E_CONTENT names (the site E2E_DIST serves). */
export const CONTENT_ROOT = process.env['E2E_CONTENT'] ? process.env['E2E_CONTENT'].replace(/\/$/, '') : fileURLToPath(new URL('../../content', import.meta.url));

/** A string field of parsed frontmatter, or undefined. */
function str(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' ? value : undefined;
}

/** A list-of-strings field of parsed frontmatter. */
function list(data: Record<string, unknown>, key: string): string[] {
  const value = data[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Published (non-draft) analyses of one language, as content/ (or the folder `root` names) has them. */
export function analyses(lang: string, root = CONTENT_ROOT): ContentAnalysis[] {
  const dir = `${root}/analyses/${lang}/`;
  const out: ContentAnalysis[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
    const text = readFileSync(`${dir}${file}`, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
    const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
    if (!match) throw new Error(`content/analyses/${lang}/${file}: no frontmatter`);
    const parsed: unknown = parse(match[1] ?? '', { schema: 'core' });
    if (typeof parsed !== 'object' || parsed === null) throw new Error(`content/analyses/${lang}/${file}: frontmatter is not a map`);
    const data = parsed as Record<string, unknown>;
    if (data['draft'] === true) continue;
    const period = data['period'];
    const start = typeof period === 'object' && period !== null && 'start' in period && typeof period.start === 'string' ? period.start : undefined;
    const slug = file.replace(/\.md$/, '');
    out.push({
      lang,
      slug,
      title: str(data, 'title') ?? '',
      summary: str(data, 'summary') ?? '',
      kind: str(data, 'kind') ?? '',
      topic: str(data, 'topic'),
      trend: str(data, 'trend'),
      actors: list(data, 'actors'),
      authors: list(data, 'authors'),
      sources: Array.isArray(data['sources']) ? data['sources'].length : 0,
      translationKey: str(data, 'translationKey'),
      date: start ?? str(data, 'published') ?? '',
      body: match[2] ?? '',
      coverImage: typeof data['cover'] === 'object' && data['cover'] !== null ? str(data['cover'] as Record<string, unknown>, 'image') : undefined,
      url: `${lang === 'en' ? '' : `/${lang}`}/analyses/${slug}/`,
    });
  }
  return out;
}

/** URLs of a list of analyses, sorted (for set comparisons). */
export function urlsOf(list: readonly ContentAnalysis[]): string[] {
  return list.map((a) => a.url).sort();
}

/**
 * One English page of each type (home, weeks, a week, a weekly analysis, its topic and first
 * actor, a long-form piece, an author, the indexes, trends, archive), from content/.
 */
export function pagesOfEachType(): string[] {
  const en = analyses('en');
  const weekly = en.find((a) => a.kind === 'weekly' && a.topic && a.actors.length > 0);
  const longForm = en.find((a) => a.kind !== 'weekly' && a.sources > 0) ?? en.find((a) => a.kind !== 'weekly');
  const withAuthor = en.find((a) => a.authors.length > 0);
  return [
    '/',
    '/weeks/',
    ...(weekly ? [`/weeks/${weekly.date}/`, weekly.url, `/topics/${weekly.topic ?? ''}/`, `/actors/${weekly.actors[0] ?? ''}/`] : []),
    ...(longForm ? [longForm.url] : []),
    ...(withAuthor ? [`/authors/${withAuthor.authors[0] ?? ''}/`] : []),
    '/topics/',
    '/actors/',
    '/authors/',
    '/trends/',
    '/trends/worse/',
    '/archive/',
  ];
}
