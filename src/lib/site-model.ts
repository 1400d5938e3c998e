/**
 * The site model: every lookup the pages need (by language, topic, actor, author, verdict,
 * week, translation), built once from the parsed entries so that no page scans the whole
 * collection and 10,000 analyses stay linear. Pure: the data layer feeds it Astro's entries.
 */
import type { AnalysisData } from '../schemas/analysis.ts';
import type { PageData } from '../schemas/page.ts';
import type { Language, Trend } from '../schemas/primitives.ts';
import type { SiteData } from '../schemas/site.ts';
import type { ActorData, AuthorData, TopicData } from '../schemas/taxonomy.ts';
import { groupByMany } from './collections.ts';
import { hashText } from './hash.ts';
import { parseEntryId } from '../schemas/ids.ts';
import { mondayOf, type IsoDate } from './dates.ts';
import { sitePaths, type SitePath, type SitePaths } from './site-paths.ts';

/** An analysis with everything pages derive from its location and frontmatter. */
export interface AnalysisRecord {
  /** Collection id, e.g. `en/2022-08-29-minsk-bets`. */
  id: string;
  lang: Language;
  slug: string;
  data: AnalysisData;
  /** Sort and display date: period start, else publication date. */
  date: string;
  /** The Monday of the week a weekly analysis covers. */
  week: string | undefined;
  /** Site-relative URL. */
  url: SitePath;
  /** Changes whenever the source file or its cover image changes; part of page cache keys. */
  digest: string;
}

/**
 * A record's digest: the source file's, plus its cover image when it has one. The entry digest
 * covers the Markdown file only; the image beside it comes as Astro's image metadata, whose URL
 * Vite names by a hash of the file, so a replaced image changes the record (and its pages' keys).
 */
function recordDigest(fileDigest: string, image: unknown): string {
  const imageKey = typeof image === 'object' && image !== null && 'src' in image ? String(image.src) : image;
  return imageKey === undefined ? fileDigest : `${fileDigest}+${String(imageKey)}`;
}

/** A page from content (`content/pages/<lang>/<slug>.md`): About, Methodology, Contact. */
export interface PageRecord {
  /** Collection id, e.g. `en/about`. */
  id: string;
  lang: Language;
  slug: string;
  data: PageData;
  url: SitePath;
  /** The source file's digest: part of the page's cache key. */
  digest: string;
}

/** What every page may show of a page from content (footer links, language alternates). */
export interface PageLink {
  lang: Language;
  slug: string;
  title: string;
  url: SitePath;
  /** Position in the footer; undefined when the page is not listed there. */
  footer: number | undefined;
}

/** Input entry: what Astro's content layer (or a test) provides. */
export interface RawEntry<T> {
  id: string;
  data: T;
  /** Digest of the source file (Astro sets it); when absent, one is computed from `data`. */
  digest?: string | number | undefined;
}

/**
 * What every page may show besides its own data: the site settings, its languages, the taxonomy
 * and the URL builders. Routes hand it to pages as `site`; a page cache key counts it by its
 * `fingerprint` (routing/cache-key.ts), so a change here re-renders every page.
 */
export interface SiteContext {
  settings: SiteData;
  /** The site's languages, the root one first (site.yaml's `languages`). */
  languages: Language[];
  /** Topics in display order. */
  topics: Map<string, TopicData>;
  actors: Map<string, ActorData>;
  authors: Map<string, AuthorData>;
  /** Pages from content in every language (site language order, then footer position, then slug). */
  pages: PageLink[];
  /** URL builders with the site's root language. */
  paths: SitePaths;
  /** Hash of everything above: part of every page cache key. */
  fingerprint: string;
}

/** What a component showing site content is given: the site context and the page's language. */
export interface SiteProps {
  /** The site context: settings, languages, taxonomy, URL builders. */
  site: SiteContext;
  /** The page's language. */
  lang: Language;
}

/** What a chart of one topic or actor is given: its name and the analyses filed under it in the page's language. */
export interface SeriesProps extends SiteProps {
  /** The topic's or actor's display name. */
  name: string;
  /** Its analyses in this language (any order; a chart skips what it does not plot). */
  records: readonly AnalysisRecord[];
}

/** What a component showing one analysis is given: the site context and the analysis's record. */
export interface RecordProps {
  /** The site context: settings, languages, taxonomy, URL builders. */
  site: SiteContext;
  /** The analysis (its language is the page's). */
  record: AnalysisRecord;
}

/** Lookups shared by all pages, built once. */
export interface SiteModel extends SiteContext {
  /** The context alone, as routes pass it to pages (no lookups, so pages cannot reach past their props). */
  context: SiteContext;
  /** Every published analysis of a language, newest first. */
  byLang: Map<Language, AnalysisRecord[]>;
  byId: Map<string, AnalysisRecord>;
  /** Keys are `${lang}:${id}`. Lists are newest first. */
  byTopic: Map<string, AnalysisRecord[]>;
  byActor: Map<string, AnalysisRecord[]>;
  byAuthor: Map<string, AnalysisRecord[]>;
  byTrend: Map<string, AnalysisRecord[]>;
  /** Key `${lang}:${monday}`: the week's weekly analyses in topic order. */
  byWeek: Map<string, AnalysisRecord[]>;
  /** Mondays with at least one weekly analysis, per language, newest first. */
  weeks: Map<Language, string[]>;
  /** Mondays with a weekly analysis in any language, newest first: every language has a page for each. */
  allWeeks: string[];
  /**
   * Key `${lang}:${monday}`: that week's weekly analyses in other languages with no version in
   * `lang` (site language order, then topic order), for the week page's "only in other languages" list.
   */
  weekElsewhere: Map<string, AnalysisRecord[]>;
  /** Analyses sharing a translation key, keyed by the key. */
  translations: Map<string, AnalysisRecord[]>;
  /** Position of each analysis in its topic and actor lists, keyed `topic|lang:id|analysis` or `actor|...`. */
  positions: Map<string, number>;
  /** The published pages from content, in the order of `pages`. */
  pageRecords: PageRecord[];
}

/** Key for per-language maps. */
export function key(lang: Language, id: string): string {
  return `${lang}:${id}`;
}

/** Newest first; then topic order, then slug, so every listing is deterministic. */
function compareRecords(topicOrder: Map<string, number>) {
  return (a: AnalysisRecord, b: AnalysisRecord): number =>
    b.date.localeCompare(a.date) ||
    (topicOrder.get(a.data.topic ?? '') ?? 999) - (topicOrder.get(b.data.topic ?? '') ?? 999) ||
    a.slug.localeCompare(b.slug);
}

/** Thrown for an entry the content reader should never have passed (an id outside a language folder). */
export class ContentError extends Error {
  override name = 'ContentError';
}

/** Builds every lookup from the collections the content reader passed. */
export function buildSiteModel(input: {
  analyses: RawEntry<AnalysisData>[];
  topics: RawEntry<TopicData>[];
  actors: RawEntry<ActorData>[];
  authors: RawEntry<AuthorData>[];
  /** Pages from content (About, Methodology); none when absent. */
  pages?: RawEntry<PageData>[];
  site: SiteData;
  /** Last `published` date to publish (scheduled pieces after it are left out); none: publish all. */
  publishUntil?: IsoDate | undefined;
}): SiteModel {
  const topicsSorted = [...input.topics].sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
  const topics = new Map(topicsSorted.map((t) => [t.id, t.data]));
  const actors = new Map([...input.actors].sort((a, b) => a.id.localeCompare(b.id)).map((a) => [a.id, a.data]));
  const authors = new Map([...input.authors].sort((a, b) => a.id.localeCompare(b.id)).map((a) => [a.id, a.data]));
  const topicOrder = new Map(topicsSorted.map((t, i) => [t.id, i]));
  const languages = [...input.site.languages];
  const paths = sitePaths(input.site.languages[0]);

  // The content reader has checked every file, reference, slug and translation key before the
  // collections reach here (a build with an error stops there): the model trusts it and only
  // reads each entry's language and slug from its id.
  const located: { file: string; lang: Language; slug: string; data: AnalysisData; digest: string }[] = [];
  for (const entry of input.analyses) {
    const where = parseEntryId(entry.id);
    if ('problem' in where) throw new ContentError(`content/analyses/${entry.id}.md: (file name): ${where.problem}`);
    located.push({ file: `content/analyses/${entry.id}.md`, lang: where.lang, slug: where.slug, data: entry.data, digest: entry.digest === undefined ? hashText(JSON.stringify(entry.data)) : String(entry.digest) });
  }

  const records: AnalysisRecord[] = located
    .filter((a) => !a.data.draft && input.site.languages.includes(a.lang) && !(input.publishUntil !== undefined && a.data.published !== undefined && a.data.published > input.publishUntil))
    .map((a) => {
      const date = a.data.period?.start ?? a.data.published ?? '';
      return {
        id: a.file.replace(/^content\/analyses\//, '').replace(/\.md$/, ''),
        lang: a.lang,
        slug: a.slug,
        data: a.data,
        date,
        week: a.data.kind === 'weekly' && a.data.period ? mondayOf(a.data.period.start) : undefined,
        url: paths.analysis(a.lang, a.slug),
        digest: recordDigest(a.digest, a.data.cover?.image),
      };
    })
    .sort(compareRecords(topicOrder));

  const byLang = groupByMany(records, (r) => [r.lang]);
  const byTopic = groupByMany(records, (r) => (r.data.topic ? [key(r.lang, r.data.topic)] : []));
  const byActor = groupByMany(records, (r) => r.data.actors.map((id) => key(r.lang, id)));
  const byAuthor = groupByMany(records, (r) => r.data.authors.map((id) => key(r.lang, id)));
  const byTrend = groupByMany(records, (r) => (r.data.trend ? [key(r.lang, r.data.trend)] : []));
  const byWeek = groupByMany(records, (r) => (r.week ? [key(r.lang, r.week)] : []));
  for (const list of byWeek.values()) {
    list.sort((a, b) => (topicOrder.get(a.data.topic ?? '') ?? 999) - (topicOrder.get(b.data.topic ?? '') ?? 999) || a.slug.localeCompare(b.slug));
  }
  const weeks = new Map<Language, string[]>();
  for (const lang of input.site.languages) {
    const mondays = new Set<string>();
    for (const r of byLang.get(lang) ?? []) if (r.week) mondays.add(r.week);
    weeks.set(lang, [...mondays].sort().reverse());
  }
  const translations = groupByMany(records, (r) => (r.data.translationKey ? [r.data.translationKey] : []));
  const allWeeks = [...new Set(records.flatMap((r) => (r.week ? [r.week] : [])))].sort().reverse();
  const weekElsewhere = untranslatedByWeek(records, input.site.languages, translations, topicOrder);
  const positions = new Map<string, number>();
  for (const [k, list] of byTopic) list.forEach((r, i) => positions.set(`topic|${k}|${r.id}`, i));
  for (const [k, list] of byActor) list.forEach((r, i) => positions.set(`actor|${k}|${r.id}`, i));

  const pageRecords = pagesOf(input.pages ?? [], languages, paths);
  const pages = pageRecords.map((p): PageLink => ({ lang: p.lang, slug: p.slug, title: p.data.title, url: p.url, footer: p.data.footer }));
  const context: SiteContext = {
    settings: input.site,
    languages,
    topics,
    actors,
    authors,
    pages,
    paths,
    fingerprint: hashText(JSON.stringify({ site: input.site, topics: [...topics], actors: [...actors], authors: [...authors], pages })),
  };
  return {
    ...context,
    context,
    byLang,
    byId: new Map(records.map((r) => [r.id, r])),
    byTopic,
    byActor,
    byAuthor,
    byTrend,
    byWeek,
    weeks,
    allWeeks,
    weekElsewhere,
    translations,
    positions,
    pageRecords,
  };
}

/**
 * The published pages from content in the site's languages: site language order, then footer
 * position (unlisted pages last), then slug.
 */
function pagesOf(entries: readonly RawEntry<PageData>[], languages: readonly Language[], paths: SitePaths): PageRecord[] {
  const records: PageRecord[] = [];
  for (const entry of entries) {
    // The content reader has checked the page's place (locatePage); an id it let through parses.
    const where = parseEntryId(entry.id);
    if ('problem' in where) continue;
    if (entry.data.draft || !languages.includes(where.lang)) continue;
    records.push({ id: entry.id, lang: where.lang, slug: where.slug, data: entry.data, url: paths.page(where.lang, where.slug), digest: entry.digest === undefined ? hashText(JSON.stringify(entry.data)) : String(entry.digest) });
  }
  const rank = (p: PageRecord) => p.data.footer ?? Number.MAX_SAFE_INTEGER;
  return records.sort((a, b) => languages.indexOf(a.lang) - languages.indexOf(b.lang) || rank(a) - rank(b) || a.slug.localeCompare(b.slug));
}

/**
 * For each language and week: the week's analyses in the other languages that have no version in
 * that language. One pass over the records (a translation group holds one analysis per language).
 */
function untranslatedByWeek(
  records: readonly AnalysisRecord[],
  languages: readonly Language[],
  translations: Map<string, AnalysisRecord[]>,
  topicOrder: Map<string, number>,
): Map<string, AnalysisRecord[]> {
  const out = new Map<string, AnalysisRecord[]>();
  for (const r of records) {
    if (!r.week) continue;
    const group = r.data.translationKey ? (translations.get(r.data.translationKey) ?? []) : [];
    for (const lang of languages) {
      if (lang === r.lang || group.some((t) => t.lang === lang)) continue;
      const k = key(lang, r.week);
      const list = out.get(k);
      if (list) list.push(r);
      else out.set(k, [r]);
    }
  }
  const topicRank = (r: AnalysisRecord) => topicOrder.get(r.data.topic ?? '') ?? 999;
  for (const list of out.values()) {
    list.sort((a, b) => languages.indexOf(a.lang) - languages.indexOf(b.lang) || topicRank(a) - topicRank(b) || a.slug.localeCompare(b.slug));
  }
  return out;
}

/** The previous (older) and next (newer) analysis on the same topic in the same language. */
export function topicNeighbours(model: SiteModel, r: AnalysisRecord): { older?: AnalysisRecord; newer?: AnalysisRecord } {
  if (!r.data.topic) return {};
  const k = key(r.lang, r.data.topic);
  const list = model.byTopic.get(k) ?? [];
  const i = model.positions.get(`topic|${k}|${r.id}`) ?? -1;
  const out: { older?: AnalysisRecord; newer?: AnalysisRecord } = {};
  const older = list[i + 1];
  const newer = i > 0 ? list[i - 1] : undefined;
  if (older) out.older = older;
  if (newer) out.newer = newer;
  return out;
}

/**
 * Up to `limit` related analyses: neighbours in time on the same topic and on each shared actor,
 * ranked by shared actors (plus one for the same topic). Bounded work per page: it looks at a
 * few neighbours in each list, never the whole collection.
 */
export function relatedAnalyses(model: SiteModel, r: AnalysisRecord, limit = 4, reach = 3): AnalysisRecord[] {
  const candidates = new Map<string, AnalysisRecord>();
  const lists: [kind: 'topic' | 'actor', k: string][] = [
    ...(r.data.topic ? [['topic', key(r.lang, r.data.topic)] as ['topic', string]] : []),
    ...r.data.actors.map((a) => ['actor', key(r.lang, a)] as ['actor', string]),
  ];
  for (const [kind, k] of lists) {
    const list = (kind === 'topic' ? model.byTopic : model.byActor).get(k) ?? [];
    const at = model.positions.get(`${kind}|${k}|${r.id}`) ?? 0;
    for (let i = Math.max(0, at - reach); i <= Math.min(list.length - 1, at + reach); i += 1) {
      const c = list[i];
      if (c && c.id !== r.id) candidates.set(c.id, c);
    }
  }
  const actorSet = new Set(r.data.actors);
  const score = (c: AnalysisRecord) => c.data.actors.filter((a) => actorSet.has(a)).length + (c.data.topic && c.data.topic === r.data.topic ? 1 : 0);
  return [...candidates.values()]
    .sort((a, b) => score(b) - score(a) || b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug))
    .slice(0, limit);
}

/** Other-language versions of an analysis (same translation key), in site language order. */
export function translationsOf(model: SiteModel, r: AnalysisRecord): AnalysisRecord[] {
  if (!r.data.translationKey) return [];
  const all = model.translations.get(r.data.translationKey) ?? [];
  return all.filter((t) => t.lang !== r.lang).sort((a, b) => model.languages.indexOf(a.lang) - model.languages.indexOf(b.lang));
}

/** Verdict counts of a list of analyses (for index pages). */
export function trendCounts(list: readonly AnalysisRecord[]): Record<Trend, number> {
  const out: Record<Trend, number> = { worse: 0, unchanged: 0, better: 0 };
  for (const r of list) if (r.data.trend) out[r.data.trend] += 1;
  return out;
}
