/**
 * Checks that span files: references to topics, actors and authors, the language folder,
 * duplicate slugs and duplicate translation keys. Pure: it sees parsed data, never the disk.
 */
import type { AnalysisData } from '../schemas/analysis.ts';
import { LANGUAGES, type Language } from '../schemas/primitives.ts';
import type { Problem } from '../schemas/problems.ts';
import { nearestIds } from './nearest.ts';
import { ID_PATTERN, parseEntryId } from '../schemas/ids.ts';

/** An analysis with where it was found. */
export interface LocatedAnalysis {
  /** Path relative to the project root. */
  file: string;
  /** Language from the folder (`content/analyses/<lang>/`). */
  lang: Language;
  /** URL slug: the file name without `.md`. */
  slug: string;
  /** Validated frontmatter. */
  data: AnalysisData;
}


/** The fields the cross-file checks read; `kind`, `period` and `trend` only from frontmatter that passed the schema. */
export type CorpusRefs = Pick<AnalysisData, 'lang' | 'topic' | 'actors' | 'authors' | 'translationKey'> & Partial<Pick<AnalysisData, 'kind' | 'period' | 'trend'>>;

/** An analysis's location and the fields the cross-file checks read (a schema-valid one or not). */
export interface LocatedRefs extends Omit<LocatedAnalysis, 'data'> {
  data: CorpusRefs;
}

/**
 * The cross-file fields of frontmatter that failed the schema, each kept only when it has the
 * right shape, so an unknown topic is reported even while the title is missing.
 */
export function looseRefs(raw: Record<string, unknown>): CorpusRefs {
  // Only well-formed ids: a malformed one already has its schema problem.
  const text = (v: unknown) => (typeof v === 'string' && ID_PATTERN.test(v) ? v : undefined);
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && ID_PATTERN.test(x)) : []);
  const lang = typeof raw['lang'] === 'string' ? raw['lang'] : undefined;
  const topic = text(raw['topic']);
  const translationKey = text(raw['translationKey']);
  return {
    actors: list(raw['actors']),
    authors: list(raw['authors']),
    ...(lang !== undefined && (LANGUAGES as readonly string[]).includes(lang) ? { lang: lang as Language } : {}),
    ...(topic !== undefined ? { topic } : {}),
    ...(translationKey !== undefined ? { translationKey } : {}),
  };
}

/** Ids that exist, per collection. */
export interface KnownIds {
  topics: ReadonlySet<string>;
  actors: ReadonlySet<string>;
  authors: ReadonlySet<string>;
}

/** Language and slug from a path below `content/analyses/` (see parseEntryId). */
export const locateAnalysis = parseEntryId;

/** Reports one unknown reference with the nearest existing ids. */
function unknownRef(file: string, field: string, kind: string, id: string, known: ReadonlySet<string>): Problem {
  const near = nearestIds(id, known);
  const hint = near.length ? `; nearest: ${near.join(', ')}` : `; no ${kind}s are defined yet`;
  return { file, field, message: `unknown ${kind} "${id}" (expected an id from content/${kind}s/${hint})`, severity: 'error' };
}

/** The fields translations of one analysis must share, as printed in a warning ("none" when absent). */
const SHARED_BY_TRANSLATIONS = {
  kind: (d: CorpusRefs) => d.kind ?? 'none',
  period: (d: CorpusRefs) => (d.period ? `${d.period.start} to ${d.period.end}` : 'none'),
  topic: (d: CorpusRefs) => d.topic ?? 'none',
  trend: (d: CorpusRefs) => d.trend ?? 'none',
} as const;

/**
 * Warns when an analysis says another kind, week, topic or verdict than the first file sharing its
 * translationKey: the pages link them as one analysis in two languages, and the trends count each.
 */
function translationDisagreement(a: LocatedRefs, first: LocatedRefs): Problem | undefined {
  if (a.data.kind === undefined || first.data.kind === undefined) return undefined; // a schema error is already reported
  const differ = Object.entries(SHARED_BY_TRANSLATIONS)
    .map(([field, show]) => ({ field, there: show(first.data), here: show(a.data) }))
    .filter((d) => d.there !== d.here);
  if (differ.length === 0) return undefined;
  return {
    file: a.file,
    field: 'translationKey',
    message: `"${a.data.translationKey ?? ''}" is shared with ${first.file}, which differs in ${differ.map((d) => `${d.field} (${d.there} there, ${d.here} here)`).join(', ')}, expected translations of one analysis to agree on ${Object.keys(SHARED_BY_TRANSLATIONS).join(', ').replace(/, (?=[^,]*$)/, ' and ')}`,
    severity: 'warning',
  };
}

/** Runs every cross-file check and returns all problems found, in file order. */
export function checkCorpus(analyses: readonly LocatedRefs[], known: KnownIds): Problem[] {
  const problems: Problem[] = [];
  const bySlug = new Map<string, string>();
  const byKey = new Map<string, string>();
  const firstWithKey = new Map<string, LocatedRefs>();
  for (const a of [...analyses].sort((x, y) => x.file.localeCompare(y.file))) {
    const { file, data } = a;
    if (data.lang !== undefined && data.lang !== a.lang) {
      problems.push({ file, field: 'lang', message: `found "${data.lang}", expected "${a.lang}" (the language folder the file is in)`, severity: 'error' });
    }
    if (data.topic !== undefined && !known.topics.has(data.topic)) problems.push(unknownRef(file, 'topic', 'topic', data.topic, known.topics));
    data.actors.forEach((id, i) => {
      if (!known.actors.has(id)) problems.push(unknownRef(file, `actors.${i}`, 'actor', id, known.actors));
    });
    data.authors.forEach((id, i) => {
      if (!known.authors.has(id)) problems.push(unknownRef(file, `authors.${i}`, 'author', id, known.authors));
    });
    const slugKey = `${a.lang}/${a.slug}`;
    const other = bySlug.get(slugKey);
    if (other !== undefined) {
      problems.push({ file, field: '(file name)', message: `slug "${a.slug}" is already used by ${other}, expected a unique file name per language`, severity: 'error' });
    } else bySlug.set(slugKey, file);
    if (data.translationKey !== undefined) {
      const key = `${a.lang}/${data.translationKey}`;
      const prev = byKey.get(key);
      if (prev !== undefined) {
        problems.push({
          file,
          field: 'translationKey',
          message: `"${data.translationKey}" is already used by ${prev} in the same language, expected one analysis per language per key`,
          severity: 'error',
        });
      } else byKey.set(key, file);
      const first = firstWithKey.get(data.translationKey);
      const disagreement = first && first.lang !== a.lang ? translationDisagreement(a, first) : undefined;
      if (disagreement) problems.push(disagreement);
      else if (!first) firstWithKey.set(data.translationKey, a);
    }
  }
  return problems;
}
