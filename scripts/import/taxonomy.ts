/**
 * What the importer knows about the desk: topics, actors, authors and verdict wording, read from
 * the content tree's YAML (validated with the site's own schemas) into lookup lists.
 */
import { parseYamlSource } from '../../src/content-reader/parse.ts';
import { ID_PATTERN } from '../../src/schemas/ids.ts';
import type { LocalizedText, Trend } from '../../src/schemas/primitives.ts';
import { issuesToProblems, type Problem } from '../../src/schemas/problems.ts';
import { siteSchema } from '../../src/schemas/site.ts';
import { actorSchema, authorSchema, topicSchema } from '../../src/schemas/taxonomy.ts';

/** A topic and every name it goes by. */
export interface TopicEntry {
  id: string;
  /** Names in every language (display names first). */
  names: string[];
}

/** An actor and every spelling that names it. */
export interface ActorEntry {
  id: string;
  /** Names in every language plus aliases. */
  terms: string[];
}

/** An author and every spelling of their name. */
export interface AuthorEntry {
  id: string;
  /** Name as printed in bylines. */
  name: string;
  /** Name, names in other scripts, aliases. */
  terms: string[];
}

/** One way a verdict is worded on the site (from `site.yaml`). */
export interface VerdictEntry {
  trend: Trend;
  wording: string;
}

/** Everything the importer matches pages against. */
export interface Taxonomy {
  topics: TopicEntry[];
  actors: ActorEntry[];
  authors: AuthorEntry[];
  verdicts: VerdictEntry[];
}

/** A YAML file of the content tree: path relative to the content root (`topics/x.yaml`), and its text. */
export interface TaxonomyFile {
  path: string;
  text: string;
}

/** An empty taxonomy (tests, and a content dir that does not exist yet). */
export function emptyTaxonomy(): Taxonomy {
  return { topics: [], actors: [], authors: [], verdicts: [] };
}

/** Every string of a localized text. */
function texts(value: LocalizedText): string[] {
  return [value.en, value.be, value.ru];
}

/** Keeps the first occurrence of each string. */
function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * Builds the taxonomy from the content tree's YAML files. Files that do not pass their schema are
 * left out and reported (as warnings: the validator is where they fail).
 */
export function buildTaxonomy(files: readonly TaxonomyFile[], root = 'content'): { taxonomy: Taxonomy; problems: Problem[] } {
  const taxonomy = emptyTaxonomy();
  const problems: Problem[] = [];
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  for (const { path, text } of sorted) {
    const shown = `${root}/${path}`;
    const m = new RegExp(`^(topics|actors|authors)/(${ID_PATTERN.source.slice(1, -1)})\\.ya?ml$`).exec(path);
    const isSite = path === 'site.yaml';
    if (!m && !isSite) continue;
    const source = parseYamlSource(shown, text);
    if (source.problems.length) {
      problems.push(...source.problems.map((p) => ({ ...p, severity: 'warning' as const })));
      continue;
    }
    const warn = (issues: Parameters<typeof issuesToProblems>[1]): void => {
      problems.push(...issuesToProblems(shown, issues).map((p) => ({ ...p, severity: 'warning' as const })));
    };
    if (isSite) {
      const parsed = siteSchema.safeParse(source.data);
      if (!parsed.success) warn(parsed.error.issues);
      else {
        for (const trend of ['worse', 'unchanged', 'better'] as const) {
          for (const wording of texts(parsed.data.verdicts[trend])) taxonomy.verdicts.push({ trend, wording });
        }
      }
      continue;
    }
    const [, kind, id = ''] = m ?? [];
    if (kind === 'topics') {
      const parsed = topicSchema.safeParse(source.data);
      if (!parsed.success) warn(parsed.error.issues);
      else taxonomy.topics.push({ id, names: unique(texts(parsed.data.name)) });
    } else if (kind === 'actors') {
      const parsed = actorSchema.safeParse(source.data);
      if (!parsed.success) warn(parsed.error.issues);
      else taxonomy.actors.push({ id, terms: unique([...texts(parsed.data.name), ...parsed.data.aliases]) });
    } else {
      const parsed = authorSchema.safeParse(source.data);
      if (!parsed.success) warn(parsed.error.issues);
      else {
        const { name, names, aliases } = parsed.data;
        const other = [names?.be, names?.ru].filter((v): v is string => v !== undefined);
        taxonomy.authors.push({ id, name, terms: unique([name, ...other, ...aliases]) });
      }
    }
  }
  return { taxonomy, problems };
}
