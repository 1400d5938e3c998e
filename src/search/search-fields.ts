/**
 * What the search index knows about an analysis beyond its words (filters, meta, sort key and
 * the actor names it is found by), and the labels the search page shows for filter ids. Pure:
 * the analysis page renders these into `data-pagefind-*` markup, the search page into JSON.
 */
import type { UiStrings } from '../i18n/types.ts';
import { KINDS, TRENDS, type Language, type LocalizedText } from '../schemas/primitives.ts';
import { formatDate, formatPeriod } from '../lib/dates.ts';
import { authorName } from '../lib/names.ts';
import type { AnalysisRecord, SiteContext } from '../lib/site-model.ts';
import type { SearchFilter } from './search-state.ts';

/** Every spelling of a localized name (all languages), e.g. Lukashenka, Лукашэнка, Лукашенко. */
function allSpellings(text: LocalizedText): string[] {
  return [...new Set(Object.values(text))];
}

/**
 * Pagefind's ranking weights for the meta fields an analysis carries (Pagefind 1.5+ searches meta
 * as well as the text). A match in the title, summary, actor and topic names outranks one in the
 * body: Pagefind adds weight x IDF x coverage² per matched field, and a body match scores at most
 * about 2.2 x IDF. The names live in meta rather than in the text, so excerpts always come from
 * the text and a list of names is never shown as one. Fields not listed (period, kind, date)
 * weigh 1.
 */
export const META_WEIGHTS: Readonly<Record<string, number>> = { title: 5, names: 4, summary: 3, topic: 3 };

/**
 * Words that find an analysis by its actors (every language's name and every alias), topic and
 * authors, each word once: a reader searching "Lukashenko" or "Лукашенко" finds analyses tagged
 * with the actor even where the body spells the name otherwise. Words are deduplicated so an
 * actor with many aliases sharing a surname does not count many times over.
 */
export function findingWords(site: SiteContext, record: AnalysisRecord): string {
  const names: string[] = [];
  for (const id of record.data.actors) {
    const actor = site.actors.get(id);
    if (actor) names.push(...allSpellings(actor.name), ...actor.aliases);
  }
  const topic = record.data.topic ? site.topics.get(record.data.topic) : undefined;
  if (topic) names.push(...allSpellings(topic.name));
  for (const id of record.data.authors) {
    const author = site.authors.get(id);
    if (author) names.push(author.name, ...Object.values(author.names ?? {}).filter((v): v is string => v !== undefined));
  }
  const seen = new Set<string>();
  const groups: string[] = [];
  for (const name of names) {
    const words: string[] = [];
    for (const word of name.split(/\s+/)) {
      const k = word.toLocaleLowerCase();
      // Short lowercase words in names are function words (of, for, по, і); acronyms stay.
      if (word.length <= 3 && word === k) continue;
      if (word && !seen.has(k)) {
        seen.add(k);
        words.push(word);
      }
    }
    if (words.length) groups.push(words.join(' '));
  }
  // A mark between names takes a word's place, so the last word of one name and the first of
  // the next are not adjacent: a quoted phrase matches within a name, never across two.
  return groups.join(` ${NAME_BREAK} `);
}

/** What separates two names in the names field (Pagefind counts it as a word position and indexes nothing). */
export const NAME_BREAK = '·';

/** Filters, meta and sort key of one analysis in the search index. */
export interface IndexFields {
  /** Filter name -> ids (the same ids the search URL uses). */
  filters: [SearchFilter, string][];
  /**
   * Period label, topic, kind and summary in the analysis' language (shown in results), and the
   * names it is found by (searched, see META_WEIGHTS). The verdict is not meta: its label is
   * searchable text no reader means ("situation"), and the page has it from the `trend` filter.
   */
  meta: [name: string, value: string][];
  /** `date`: period start or publication date, ISO, so text order is date order. */
  sort: [name: string, value: string][];
}

/** The filters, meta and sort key an analysis carries into the index. */
export function indexFields(site: SiteContext, record: AnalysisRecord, s: UiStrings): IndexFields {
  const { data, lang } = record;
  const filters: [SearchFilter, string][] = [];
  if (data.topic) filters.push(['topic', data.topic]);
  if (data.trend) filters.push(['trend', data.trend]);
  for (const id of data.actors) filters.push(['actor', id]);
  for (const id of data.authors) filters.push(['author', id]);
  filters.push(['kind', data.kind]);
  if (record.date) filters.push(['year', record.date.slice(0, 4)]);
  filters.push(['language', lang]);

  const meta: [string, string][] = [];
  const when = data.period ? formatPeriod(data.period, s.locale) : record.date ? formatDate(record.date, s.locale) : '';
  if (when) meta.push(['period', when]);
  const topic = data.topic ? site.topics.get(data.topic) : undefined;
  if (topic) meta.push(['topic', topic.name[lang]]);
  if (data.kind !== 'weekly') meta.push(['kind', s.kinds[data.kind]]);
  meta.push(['summary', data.summary]);
  const names = findingWords(site, record);
  if (names) meta.push(['names', names]);
  if (record.date) meta.push(['date', record.date]);

  return { filters, meta, sort: record.date ? [['date', record.date]] : [] };
}

/** Labels of one filter's values, in display order: `[id, label]`. */
export type FilterValueLabels = [id: string, label: string][];

/** An actor as the search page's suggestions know it: its name in every language, and its aliases. */
export interface ActorSpellings {
  id: string;
  names: Record<Language, string>;
  aliases: string[];
}

/** What the search page needs to show ids as words: filter names and value labels. */
export interface SearchLabels {
  /** The page language. */
  lang: Language;
  /** Filter name -> its heading. */
  groups: Record<SearchFilter, string>;
  /** Filter name -> its values in display order (years are added as the index reports them). */
  values: Record<SearchFilter, FilterValueLabels>;
  /** Every actor's spellings, for "did you mean", for what a name finds in another language, and for naming. */
  actors: ActorSpellings[];
  /** Every topic's name in every language: a query naming a topic puts its analyses first. */
  topics: { id: string; names: Record<Language, string> }[];
  /** The search page of each site language. */
  searchPaths: Partial<Record<Language, string>>;
}

/** Filter headings and value labels for a language's search page. */
export function searchLabels(site: SiteContext, lang: Language, s: UiStrings, names: Record<Language, string>): SearchLabels {
  const collator = new Intl.Collator(s.locale);
  const byLabel = (a: [string, string], b: [string, string]) => collator.compare(a[1], b[1]) || a[0].localeCompare(b[0]);
  return {
    lang,
    groups: { ...s.search.groups },
    values: {
      // Topics keep the editorial order of content/topics (`order`), as everywhere else.
      topic: [...site.topics].map(([id, topic]) => [id, topic.name[lang]]),
      trend: TRENDS.map((tr) => [tr, site.settings.verdicts[tr][lang]]),
      actor: [...site.actors].map(([id, actor]): [string, string] => [id, actor.name[lang]]).sort(byLabel),
      author: [...site.authors].map(([id, author]): [string, string] => [id, authorName(author, lang)]).sort(byLabel),
      kind: KINDS.map((k) => [k, s.kinds[k]]),
      year: [],
      language: site.languages.map((l) => [l, names[l]]),
    },
    actors: [...site.actors].map(([id, actor]) => ({ id, names: { ...actor.name }, aliases: [...actor.aliases] })),
    topics: [...site.topics].map(([id, topic]) => ({ id, names: { ...topic.name } })),
    searchPaths: Object.fromEntries(site.languages.map((l) => [l, site.paths.search(l)])),
  };
}
