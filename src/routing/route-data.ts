/**
 * Every route of the site, defined once: which paths it has, and the one props object each page
 * gets (its route data), as pure functions of the site model (routes.ts binds them to the build's
 * model for the pages; the tests call them on a model of their own). A page file under src/pages/ is a thin view: its getStaticPaths is an
 * entry of `routes`, and it renders from `Astro.props` alone; components take what they show as
 * props. Each route data object holds everything its page shows (analyses as records, site-wide
 * names through `site`, the site context), so the cache key hashed from it (cache-key.ts) changes
 * whenever the page would, and a reused page is never stale.
 *
 * Pages with no parameters (404, open data, robots.txt) cannot have static paths: they call the
 * `singles` entry of their route for the same kind of object.
 */
import { t } from '../i18n/index.ts';
import type { Language } from '../i18n/languages.ts';
import { buildHeatmap, type Heatmap } from '../lib/heatmap.ts';
import { longFormByWeek } from '../email/long-form.ts';
import { situationBoard, type Board } from '../lib/board.ts';
import { analysisRows, type AnalysisRow } from '../open-data/open-data.ts';
import { FEED_LIMIT, type FeedOptions } from '../feeds/feeds.ts';
import {
  key,
  relatedAnalyses,
  topicNeighbours,
  translationsOf,
  trendCounts,
  type AnalysisRecord,
  type SiteContext,
  type SiteModel,
} from '../lib/site-model.ts';
import { TRENDS, type Trend } from '../schemas/primitives.ts';
import { ACTOR_KINDS, type ActorData } from '../schemas/taxonomy.ts';
import { analysisLanguages, contentPageLanguages, everyLanguage, listingLanguages, otherLanguageCounts, type LanguageCount, type PageLanguages } from './alternates.ts';
import { pageCacheKey } from './cache-key.ts';
import { PAGE_SIZE, pageParam, type SitePath } from '../lib/site-paths.ts';

/** What every page receives: its language, the site context and its versions in other languages. */
export interface PageData {
  lang: Language;
  site: SiteContext;
  /** hreflang alternates and the language switcher's targets. */
  languages: PageLanguages;
}

/** One page of a paginated listing of analyses. */
export interface ListingPage {
  /** This page's analyses. */
  items: AnalysisRecord[];
  page: number;
  totalPages: number;
  totalItems: number;
  /** URL of each page of this listing, page 1 first (for the pagination links). */
  pages: SitePath[];
}

/** A listing page's data: the page of analyses and the listing's size in the other languages. */
export interface ListingData extends PageData {
  listing: ListingPage;
  /** The same listing in the other languages that have analyses in it. */
  elsewhere: LanguageCount[];
}

/** Route parameters as Astro takes them (undefined for an empty rest parameter). */
type Params = Record<string, string | undefined>;

/** A static path with its props and incremental-build cache key, as getStaticPaths returns it. */
export interface RoutePath<P> {
  params: Params;
  props: P;
  cacheKey: string;
}

/** Keys each path by its props (cache-key.ts); props must carry the site context. */
function keyed<P extends { site: SiteContext }>(paths: { params: Params; props: P }[]): RoutePath<P>[] {
  return paths.map((p) => ({ ...p, cacheKey: pageCacheKey(p.props) }));
}

/** A route: its static paths, keyed, from the site model; `unkeyed` gives them without keys (routes.ts, in `astro dev`). */
function route<P extends { site: SiteContext }>(build: (model: SiteModel) => { params: Params; props: P }[]): ((model: SiteModel) => RoutePath<P>[]) & { unkeyed: (model: SiteModel) => { params: Params; props: P }[] } {
  return Object.assign((model: SiteModel) => keyed(build(model)), { unkeyed: build });
}

/**
 * A path whose props are worked out when first read. Keying reads every path's props (so a build
 * computes them all, as before); `astro dev` does not key its paths and reads the props of the
 * one path it serves, so a request does not work out the neighbours and related pieces of every
 * analysis (about 0.5 s at 10,000, on every request after a saved edit).
 */
function lazyPath<P>(params: Params, props: () => P): { params: Params; props: P } {
  let made: { props: P } | undefined;
  return {
    params,
    get props(): P {
      made ??= { props: props() };
      return made.props;
    },
  };
}

/** The rest parameter for a language's version of a page. */
function langParams(model: SiteModel, lang: Language, extra: Params = {}): Params {
  return { lang: model.paths.langParam(lang), ...extra };
}

/** One page per language, the same everywhere but for the language. */
function perLanguage<P extends object>(model: SiteModel, href: (lang: Language) => SitePath, data: (lang: Language) => P): { params: Params; props: PageData & P }[] {
  const languages = everyLanguage(model.languages, href);
  return model.languages.map((lang) => ({ params: langParams(model, lang), props: { lang, site: model.context, languages, ...data(lang) } }));
}

/**
 * Every page of a listing that exists in every language: page N of language L lists items
 * (N-1)*20 .. N*20 of `items(L)`. `extra` adds the listing's own data, given the whole list and
 * the page number (a chart on page 1 only, say).
 */
function listing<P extends object>(
  model: SiteModel,
  params: Params,
  items: (lang: Language) => readonly AnalysisRecord[],
  href: (lang: Language, page: number) => SitePath,
  extra: (lang: Language, all: readonly AnalysisRecord[], page: number) => P,
): { params: Params; props: ListingData & P }[] {
  const lists = new Map(model.languages.map((lang) => [lang, items(lang)]));
  const count = (lang: Language) => lists.get(lang)?.length ?? 0;
  return model.languages.flatMap((lang) => {
    const all = lists.get(lang) ?? [];
    const totalPages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
    const pages = Array.from({ length: totalPages }, (_, i) => href(lang, i + 1));
    const elsewhere = otherLanguageCounts(model.languages, lang, count, (l) => href(l, 1));
    return pages.map((_, i) => {
      const page = i + 1;
      const props = {
        lang,
        site: model.context,
        languages: listingLanguages(model.languages, page, count, href),
        listing: { items: all.slice(i * PAGE_SIZE, page * PAGE_SIZE), page, totalPages, totalItems: all.length, pages },
        elsewhere,
        ...extra(lang, all, page),
      };
      return { params: { ...langParams(model, lang, params), page: pageParam(page) }, props };
    });
  });
}

/**
 * One paged listing per key (a topic, actor, author or verdict): the analyses `index` files under
 * the key in each language, at the key's pages (`href`), with what `extra` adds to every page.
 */
function listingsPerKey<K extends string, P extends object>(
  model: SiteModel,
  keys: readonly K[],
  param: string,
  index: ReadonlyMap<string, AnalysisRecord[]>,
  href: (lang: Language, k: K, page: number) => SitePath,
  extra: (k: K, all: readonly AnalysisRecord[], page: number) => P,
): { params: Params; props: ListingData & P }[] {
  return keys.flatMap((k) =>
    listing(
      model,
      { [param]: k },
      (lang) => index.get(key(lang, k)) ?? [],
      (lang, page) => href(lang, k, page),
      (_lang, all, page) => extra(k, all, page),
    ),
  );
}

const heatmapsOf = new WeakMap<SiteModel, Map<Language, Heatmap>>();

/** Each language's verdict heatmap, built once per model. */
function heatmaps(model: SiteModel): Map<Language, Heatmap> {
  let built = heatmapsOf.get(model);
  if (!built) {
    const topicIds = [...model.topics.keys()];
    built = new Map(model.languages.map((lang) => [lang, buildHeatmap(model.byLang.get(lang) ?? [], topicIds)]));
    heatmapsOf.set(model, built);
  }
  return built;
}

/** A topic with a number of analyses, in topic order. */
export interface TopicCount {
  id: string;
  count: number;
}

/** An index entry: an id with its number of analyses in the page's language. */
export interface IdCount {
  id: string;
  count: number;
}

/** A week on the weeks index: its verdicts in the page's language, or where else it is covered. */
export interface WeekSummary {
  monday: string;
  entries: AnalysisRecord[];
  /** When `entries` is empty: the languages that cover the week. */
  elsewhere: LanguageCount[];
}

/** The newest analyses of a feed and what its channel says (the feed module's options). */
export type FeedData = FeedOptions;

/** Feed data for a list of analyses: only the newest FEED_LIMIT count, so only they key the feed. */
function feed(model: SiteModel, lang: Language, title: string, description: string, path: SitePath, page: SitePath, records: readonly AnalysisRecord[]): FeedData {
  return { lang, site: model.context, title, description, path, page, records: records.slice(0, FEED_LIMIT) };
}

/** What one group's feed (a topic's, an actor's, a verdict's) is about, in one language. */
interface GroupFeed {
  name: string;
  description: string;
  path: SitePath;
  page: SitePath;
  records: readonly AnalysisRecord[];
}

/** One feed per language and group, titled "<site>: <group name>", the group's id as route parameter. */
function groupFeeds<K extends string, G>(model: SiteModel, param: string, groups: readonly (readonly [K, G])[], about: (lang: Language, id: K, group: G) => GroupFeed): { params: Params; props: FeedData }[] {
  return model.languages.flatMap((lang) =>
    groups.map(([id, group]) => {
      const f = about(lang, id, group);
      return { params: langParams(model, lang, { [param]: id }), props: feed(model, lang, `${model.settings.title[lang]}: ${f.name}`, f.description, f.path, f.page, f.records) };
    }),
  );
}

/** The follow page's data: how many analyses each feed of the language has, and the newest edition. */
export interface FollowData {
  /** Analyses in the language (the site feed lists the newest FEED_LIMIT). */
  total: number;
  topics: IdCount[];
  actors: { kind: ActorData['kind']; actors: IdCount[] }[];
  verdicts: Record<Trend, number>;
  /** The Monday of the newest week with an email edition in the language. */
  latestEdition: string | undefined;
}

/** A heatmap year's page data. */
interface TrendsData {
  heatmap: Heatmap;
  /** The year shown; the newest on `/trends/`. */
  year: number | undefined;
  yearPage: boolean;
  /** Weekly analyses with each verdict in the page's language. */
  counts: Record<Trend, number>;
}

/** The static paths of every page type, and the data of each page. */
export const routeData = {
  /** `/`: the latest week's lead analysis, the situation board, recent long-form pieces, earlier weeks. */
  home: route((model) =>
    perLanguage(model, model.paths.home, (lang) => {
      const weeks = model.weeks.get(lang) ?? [];
      return {
        board: situationBoard(model, lang) satisfies Board,
        longForm: (model.byLang.get(lang) ?? []).filter((r) => r.data.kind !== 'weekly').slice(0, 4),
        earlierWeeks: weeks.slice(1, 7),
      };
    }),
  ),

  /** `/analyses/<slug>/`: an analysis with its neighbours on the topic, related pieces and translations. */
  analysis: route((model) =>
    [...model.byId.values()].map((record) =>
      lazyPath(langParams(model, record.lang, { slug: record.slug }), () => {
        const translations = translationsOf(model, record);
        return {
          lang: record.lang,
          site: model.context,
          languages: analysisLanguages(model.languages, model.paths, record, translations),
          record,
          ...topicNeighbours(model, record),
          related: relatedAnalyses(model, record),
          translations,
        };
      }),
    ),
  ),

  /** `/analyses/<slug>.bib` and `.ris`: the analysis's reference as a file. */
  citationFile: route((model) => [...model.byId.values()].map((record) => ({ params: langParams(model, record.lang, { slug: record.slug }), props: { site: model.context, record } }))),

  /** `/archive/`: every analysis of a language. */
  archive: route((model) => listing(model, {}, (lang) => model.byLang.get(lang) ?? [], (lang, page) => model.paths.archive(lang, page), () => ({}))),

  /** `/topics/`: topics with their numbers of analyses and verdicts. */
  topics: route((model) =>
    perLanguage(model, model.paths.topics, (lang) => ({
      topics: [...model.topics.keys()].map((id) => {
        const list = model.byTopic.get(key(lang, id)) ?? [];
        return { id, count: list.length, verdicts: trendCounts(list) };
      }),
    })),
  ),

  /** `/topics/<id>/`: a topic's analyses; page 1 has the situation chart over all of them. */
  topic: route((model) =>
    listingsPerKey(model, [...model.topics.keys()], 'id', model.byTopic, model.paths.topic, (id, all, page) => ({ id, verdicts: trendCounts(all), chart: page === 1 ? [...all] : undefined })),
  ),

  /** `/actors/`: actors by kind with their numbers of analyses. */
  actors: route((model) =>
    perLanguage(model, model.paths.actors, (lang) => ({
      kinds: ACTOR_KINDS.map((kind): { kind: ActorData['kind']; actors: IdCount[] } => ({
        kind,
        actors: [...model.actors].filter(([, a]) => a.kind === kind).map(([id]) => ({ id, count: model.byActor.get(key(lang, id))?.length ?? 0 })),
      })).filter((group) => group.actors.length > 0),
    })),
  ),

  /** `/actors/<id>/`: analyses naming an actor; page 1 has the mentions chart. */
  actor: route((model) =>
    listingsPerKey(model, [...model.actors.keys()], 'id', model.byActor, model.paths.actor, (id, all, page) => ({ id, chart: page === 1 ? [...all] : undefined })),
  ),

  /** `/authors/`: authors with their numbers of analyses. */
  authors: route((model) =>
    perLanguage(model, model.paths.authors, (lang) => ({
      authors: [...model.authors.keys()].map((id): IdCount => ({ id, count: model.byAuthor.get(key(lang, id))?.length ?? 0 })),
    })),
  ),

  /** `/authors/<id>/`: an author's bio and analyses. */
  author: route((model) => listingsPerKey(model, [...model.authors.keys()], 'id', model.byAuthor, model.paths.author, (id) => ({ id }))),

  /**
   * `/trends/`: the verdicts with counts and the newest year's heatmap; `/trends/<year>/`: one
   * year's heatmap, where the language has verdicts that year. One page file serves both
   * (`trends/[...year].astro`): they differ only in the year shown and the title.
   */
  trends: route((model) => [
    ...perLanguage(model, model.paths.trends, (lang): TrendsData => {
      const heatmap = heatmaps(model).get(lang) ?? { years: [], byYear: new Map() };
      return { heatmap, year: heatmap.years[0], yearPage: false, counts: verdictCounts(model, lang) };
    }),
    ...model.languages.flatMap((lang) => {
      const heatmap = heatmaps(model).get(lang);
      if (!heatmap) return [];
      return heatmap.years.map((year) => {
        const alternates = model.languages.filter((l) => heatmaps(model).get(l)?.byYear.has(year)).map((l) => ({ lang: l, href: model.paths.trendsYear(l, year) }));
        // A language with no verdict that year has no such page: its switcher link goes to its /trends/.
        const fallbacks = Object.fromEntries(model.languages.filter((l) => !alternates.some((a) => a.lang === l)).map((l) => [l, model.paths.trends(l)]));
        const data: TrendsData = { heatmap, year, yearPage: true, counts: verdictCounts(model, lang) };
        return { params: langParams(model, lang, { year: String(year) }), props: { lang, site: model.context, languages: { alternates, fallbacks }, ...data } };
      });
    }),
  ]),

  /** `/trends/<verdict>/`: weekly analyses with one verdict, and how many each topic has. */
  trend: route((model) => listingsPerKey(model, TRENDS, 'trend', model.byTrend, model.paths.trend, (trend, all) => ({ trend, byTopic: countByTopic(model, all) }))),

  /** `/weeks/`: every week covered in any language. */
  weeks: route((model) =>
    perLanguage(model, model.paths.weeks, (lang) => ({
      weeks: model.allWeeks.map((monday): WeekSummary => {
        const entries = model.byWeek.get(key(lang, monday)) ?? [];
        const count = (l: Language) => model.byWeek.get(key(l, monday))?.length ?? 0;
        return { monday, entries, elsewhere: entries.length > 0 ? [] : otherLanguageCounts(model.languages, lang, count, (l) => model.paths.week(l, monday)) };
      }),
    })),
  ),

  /** `/weeks/<monday>/`: one week's digest in every language, with the week's pieces not in this one. */
  week: route((model) =>
    model.allWeeks.flatMap((monday, i) => {
      const languages = everyLanguage(model.languages, (l) => model.paths.week(l, monday));
      return model.languages.map((lang) => ({
        params: langParams(model, lang, { monday }),
        props: {
          lang,
          site: model.context,
          languages,
          monday,
          newer: model.allWeeks[i - 1],
          older: model.allWeeks[i + 1],
          entries: model.byWeek.get(key(lang, monday)) ?? [],
          elsewhere: model.weekElsewhere.get(key(lang, monday)) ?? [],
          /** The email edition exists where the language has weekly analyses that week. */
          hasEdition: (model.byWeek.get(key(lang, monday)) ?? []).length > 0,
        },
      }));
    }),
  ),

  /** `/weeks/<monday>/email.html` and `.txt`: the week's email edition per language. */
  edition: route((model) => {
    const longForm = longFormByWeek(model);
    return model.languages.flatMap((lang) =>
      (model.weeks.get(lang) ?? []).map((monday) => ({
        params: langParams(model, lang, { monday }),
        props: { lang, site: model.context, monday, weekly: model.byWeek.get(key(lang, monday)) ?? [], longForm: longForm.get(key(lang, monday)) ?? [] },
      })),
    );
  }),

  /** `/search/`: the search page. */
  search: route((model) => perLanguage(model, model.paths.search, () => ({}))),

  /** `/rss.xml`: the site's feed per language. */
  siteFeed: route((model) =>
    model.languages.map((lang) => ({
      params: langParams(model, lang),
      props: feed(model, lang, t(lang).feeds.siteFeed(model.settings.title[lang]), model.settings.description[lang], model.paths.feed(lang), model.paths.home(lang), model.byLang.get(lang) ?? []),
    })),
  ),

  /** `/topics/<id>/rss.xml`. */
  topicFeed: route((model) =>
    groupFeeds(model, 'id', [...model.topics], (lang, id, topic) => ({
      name: topic.name[lang],
      description: topic.description[lang],
      path: model.paths.topicFeed(lang, id),
      page: model.paths.topic(lang, id),
      records: model.byTopic.get(key(lang, id)) ?? [],
    })),
  ),

  /** `/actors/<id>/rss.xml`. */
  actorFeed: route((model) =>
    groupFeeds(model, 'id', [...model.actors], (lang, id, actor) => ({
      name: actor.name[lang],
      description: `${actor.name[lang]}: ${actor.role ? actor.role[lang] : t(lang).actorKinds[actor.kind]}`,
      path: model.paths.actorFeed(lang, id),
      page: model.paths.actor(lang, id),
      records: model.byActor.get(key(lang, id)) ?? [],
    })),
  ),

  /** `/trends/<verdict>/rss.xml`. */
  trendFeed: route((model) =>
    groupFeeds(model, 'trend', TRENDS.map((trend) => [trend, model.settings.verdicts[trend]] as const), (lang, trend, label) => ({
      name: label[lang],
      description: `${label[lang]}. ${t(lang).trendsIntro}`,
      path: model.paths.trendFeed(lang, trend),
      page: model.paths.trend(lang, trend),
      records: model.byTrend.get(key(lang, trend)) ?? [],
    })),
  ),

  /** `/<slug>/`: a page from content (About, Methodology, Contact) with its versions in other languages. */
  page: route((model) =>
    model.pageRecords.map((record) => ({
      params: langParams(model, record.lang, { slug: record.slug }),
      props: {
        lang: record.lang,
        site: model.context,
        languages: contentPageLanguages(model.languages, model.paths, model.pageRecords.filter((p) => p.slug === record.slug)),
        record,
      },
    })),
  ),

  /** `/follow/`: every feed of the language with its address, and the email edition. */
  follow: route((model) =>
    perLanguage(model, model.paths.follow, (lang): FollowData => ({
      total: model.byLang.get(lang)?.length ?? 0,
      topics: [...model.topics.keys()].map((id): IdCount => ({ id, count: model.byTopic.get(key(lang, id))?.length ?? 0 })),
      actors: ACTOR_KINDS.map((kind) => ({
        kind,
        actors: [...model.actors].filter(([, a]) => a.kind === kind).map(([id]): IdCount => ({ id, count: model.byActor.get(key(lang, id))?.length ?? 0 })),
      })).filter((group) => group.actors.length > 0),
      verdicts: verdictCounts(model, lang),
      latestEdition: model.weeks.get(lang)?.[0],
    })),
  ),

  /** `/logo.svg`, when site.yaml names a logo. */
  logo: route((model) => (model.settings.logo ? [{ params: { logo: 'logo' }, props: { site: model.context, file: model.settings.logo } }] : [])),
} as const;

/** The data of pages without parameters: one object each. */
export const singleData = {
  /** `/404.html`: one page for every path, in the root language, offering every other language's way back. */
  notFound: (model: SiteModel): PageData => ({ lang: model.paths.root, site: model.context, languages: { alternates: [], fallbacks: {} } }),
  /** `/data/analyses.json` and `.csv`: every published analysis, languages in site order. */
  openData: (model: SiteModel): { site: SiteContext; rows: AnalysisRow[] } => ({
    site: model.context,
    rows: analysisRows(model.languages.flatMap((lang) => model.byLang.get(lang) ?? []), model.settings.baseUrl),
  }),
  /** Site-wide files that need only the site context (robots.txt, the JSON Schema). */
  site: (model: SiteModel): SiteContext => model.context,
} as const;

/** The props a route's page receives. */
export type RouteProps<R extends keyof typeof routeData> = ReturnType<(typeof routeData)[R]>[number]['props'];

/** Weekly analyses with each verdict in a language. */
function verdictCounts(model: SiteModel, lang: Language): Record<Trend, number> {
  return Object.fromEntries(TRENDS.map((trend) => [trend, model.byTrend.get(key(lang, trend))?.length ?? 0])) as Record<Trend, number>;
}

/** How many of `records` each topic has, topics in display order, those with none left out. */
function countByTopic(model: SiteModel, records: readonly AnalysisRecord[]): TopicCount[] {
  const counts = new Map<string, number>();
  for (const r of records) if (r.data.topic) counts.set(r.data.topic, (counts.get(r.data.topic) ?? 0) + 1);
  return [...model.topics.keys()].flatMap((id) => {
    const count = counts.get(id) ?? 0;
    return count > 0 ? [{ id, count }] : [];
  });
}
