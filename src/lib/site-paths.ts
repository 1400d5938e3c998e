/**
 * Every URL the site links to, built from one table of path shapes. The site's first language
 * (site.yaml's `languages`) is served at the root and every other under `/<lang>/`; all page
 * URLs end in a slash. Pure and free of Node built-ins: the search page's browser script uses it.
 *
 * The root language is an argument, never a default: a module that builds URLs gets it from the
 * site settings it was handed (`SiteContext.paths` on every route), so a site whose first
 * language is Russian never links anything as if English were at the root.
 */
import type { Language } from '../i18n/languages.ts';
import type { Trend } from '../schemas/primitives.ts';

/** A site-relative URL path (`/be/topics/security/`), as built here: the one type pages link with. */
export type SitePath = string & { readonly __sitePath: unique symbol };

/** An absolute URL on the site: `baseUrl` from site.yaml with a site path appended. */
export type SiteUrl = string & { readonly __siteUrl: unique symbol };

/** The absolute URL of `path` on a site served from `baseUrl` (any trailing slash of it dropped). */
export function siteUrl(baseUrl: string, path: SitePath | string): SiteUrl {
  return `${baseUrl.replace(/\/+$/, '')}${path}` as SiteUrl;
}

/** Number of analyses per listing page. */
export const PAGE_SIZE = 20;

/** Path builders for one site (one root language). */
export interface SitePaths {
  /** The language served at the root. */
  readonly root: Language;
  /** `''` for the root language, `/<lang>` otherwise. */
  prefix(lang: Language): string;
  home(lang: Language): SitePath;
  analysis(lang: Language, slug: string): SitePath;
  weeks(lang: Language): SitePath;
  week(lang: Language, monday: string): SitePath;
  /** The week's email edition, HTML; only weeks with weekly analyses in `lang`. */
  weekEmail(lang: Language, monday: string): SitePath;
  /** The week's email edition, plain text. */
  weekEmailText(lang: Language, monday: string): SitePath;
  topics(lang: Language): SitePath;
  topic(lang: Language, id: string, page?: number): SitePath;
  actors(lang: Language): SitePath;
  actor(lang: Language, id: string, page?: number): SitePath;
  authors(lang: Language): SitePath;
  author(lang: Language, id: string, page?: number): SitePath;
  trends(lang: Language): SitePath;
  trend(lang: Language, trend: Trend, page?: number): SitePath;
  /** The verdict heatmap of one year (`/trends/` shows the newest). */
  trendsYear(lang: Language, year: number): SitePath;
  archive(lang: Language, page?: number): SitePath;
  search(lang: Language): SitePath;
  /** RSS feeds: the whole site, a topic, an actor, a verdict (per language). */
  feed(lang: Language): SitePath;
  topicFeed(lang: Language, id: string): SitePath;
  actorFeed(lang: Language, id: string): SitePath;
  trendFeed(lang: Language, trend: Trend): SitePath;
  /** The XSLT view of the language's feeds. */
  feedStylesheet(lang: Language): SitePath;
  /** Astro's rest parameter for a language: undefined for the root language. */
  langParam(lang: Language): string | undefined;
  /** The language of a path's first segment (the root language when it names none of `languages`). */
  languageOf(path: string, languages: readonly Language[]): Language;
}

/** Open data and other single files: one for the whole site, whatever the language. */
export const sitewidePaths = {
  dataJson: '/data/analyses.json' as SitePath,
  dataCsv: '/data/analyses.csv' as SitePath,
  dataSchema: '/data/analysis.schema.json' as SitePath,
  logo: '/logo.svg' as SitePath,
  favicon: '/favicon.svg' as SitePath,
  feedCss: '/feed.css' as SitePath,
  notFound: '/404.html' as SitePath,
} as const;

/** The rest parameter for page N of a listing: undefined for page 1. */
export function pageParam(page: number): string | undefined {
  return page > 1 ? String(page) : undefined;
}

const built = new Map<Language, SitePaths>();

/** The path builders of a site whose root language is `root` (built once per language). */
export function sitePaths(root: Language): SitePaths {
  const known = built.get(root);
  if (known) return known;
  const prefix = (lang: Language) => (lang === root ? '' : `/${lang}`);
  const at = (lang: Language, rest: string) => `${prefix(lang)}/${rest}` as SitePath;
  const paged = (lang: Language, rest: string, page = 1) => at(lang, page > 1 ? `${rest}${page}/` : rest);
  const paths: SitePaths = {
    root,
    prefix,
    home: (lang) => at(lang, ''),
    analysis: (lang, slug) => at(lang, `analyses/${slug}/`),
    weeks: (lang) => at(lang, 'weeks/'),
    week: (lang, monday) => at(lang, `weeks/${monday}/`),
    weekEmail: (lang, monday) => at(lang, `weeks/${monday}/email.html`),
    weekEmailText: (lang, monday) => at(lang, `weeks/${monday}/email.txt`),
    topics: (lang) => at(lang, 'topics/'),
    topic: (lang, id, page) => paged(lang, `topics/${id}/`, page),
    actors: (lang) => at(lang, 'actors/'),
    actor: (lang, id, page) => paged(lang, `actors/${id}/`, page),
    authors: (lang) => at(lang, 'authors/'),
    author: (lang, id, page) => paged(lang, `authors/${id}/`, page),
    trends: (lang) => at(lang, 'trends/'),
    trend: (lang, trend, page) => paged(lang, `trends/${trend}/`, page),
    trendsYear: (lang, year) => at(lang, `trends/${year}/`),
    archive: (lang, page) => paged(lang, 'archive/', page),
    search: (lang) => at(lang, 'search/'),
    feed: (lang) => at(lang, 'rss.xml'),
    topicFeed: (lang, id) => at(lang, `topics/${id}/rss.xml`),
    actorFeed: (lang, id) => at(lang, `actors/${id}/rss.xml`),
    trendFeed: (lang, trend) => at(lang, `trends/${trend}/rss.xml`),
    feedStylesheet: (lang) => at(lang, 'feed.xsl'),
    langParam: (lang) => (lang === root ? undefined : lang),
    languageOf: (path, languages) => {
      const first = /^\/?([^/]+)/.exec(path)?.[1];
      return languages.find((lang) => lang !== root && lang === first) ?? root;
    },
  };
  built.set(root, paths);
  return paths;
}
