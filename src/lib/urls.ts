/**
 * Every URL the site links to is built here, so the URL map in README.md has one source.
 * The default language (site.yaml's first) lives at the root, others under `/<lang>/`; all URLs end in a slash.
 * The search page's browser script imports this module, so it imports nothing that needs Node
 * (the paginated listings' static paths, which hash props, are in listing-paths.ts).
 */
import type { Language, Trend } from '../schemas/primitives.ts';

/**
 * The language whose pages are served at the root: the first of site.yaml's `languages`, which
 * astro.config.ts defines at build time; English where nothing defines it (unit tests, scripts).
 */
export const DEFAULT_LANGUAGE: Language =
  // Written out in full: Vite replaces this exact expression; plain Node has no import.meta.env.
  ((typeof import.meta.env === 'object' ? import.meta.env.BAROMETER_DEFAULT_LANGUAGE : undefined) as Language | undefined) ?? 'en';

/** `''` for the default language, `/be` or `/ru` otherwise. */
export function langPrefix(lang: Language): string {
  return lang === DEFAULT_LANGUAGE ? '' : `/${lang}`;
}

/** Appends `N/` for page N > 1 of a paginated listing. */
function paged(base: string, page: number): string {
  return page > 1 ? `${base}${page}/` : base;
}

/** Path helpers per page type. */
export const urls = {
  home: (lang: Language) => `${langPrefix(lang)}/`,
  analysis: (lang: Language, slug: string) => `${langPrefix(lang)}/analyses/${slug}/`,
  weeks: (lang: Language) => `${langPrefix(lang)}/weeks/`,
  week: (lang: Language, monday: string) => `${langPrefix(lang)}/weeks/${monday}/`,
  /** The week's email edition (HTML and plain text); only weeks with weekly analyses in `lang`. */
  weekEmail: (lang: Language, monday: string) => `${langPrefix(lang)}/weeks/${monday}/email.html`,
  weekEmailText: (lang: Language, monday: string) => `${langPrefix(lang)}/weeks/${monday}/email.txt`,
  topics: (lang: Language) => `${langPrefix(lang)}/topics/`,
  topic: (lang: Language, id: string, page = 1) => paged(`${langPrefix(lang)}/topics/${id}/`, page),
  actors: (lang: Language) => `${langPrefix(lang)}/actors/`,
  actor: (lang: Language, id: string, page = 1) => paged(`${langPrefix(lang)}/actors/${id}/`, page),
  authors: (lang: Language) => `${langPrefix(lang)}/authors/`,
  author: (lang: Language, id: string, page = 1) => paged(`${langPrefix(lang)}/authors/${id}/`, page),
  trends: (lang: Language) => `${langPrefix(lang)}/trends/`,
  trend: (lang: Language, trend: Trend, page = 1) => paged(`${langPrefix(lang)}/trends/${trend}/`, page),
  archive: (lang: Language, page = 1) => paged(`${langPrefix(lang)}/archive/`, page),
  search: (lang: Language) => `${langPrefix(lang)}/search/`,
  /** The verdict heatmap of one year (`/trends/` shows the newest). */
  trendsYear: (lang: Language, year: number) => `${langPrefix(lang)}/trends/${year}/`,
  /** RSS feeds: the whole site, a topic, an actor, a verdict (per language). */
  feed: (lang: Language) => `${langPrefix(lang)}/rss.xml`,
  topicFeed: (lang: Language, id: string) => `${langPrefix(lang)}/topics/${id}/rss.xml`,
  actorFeed: (lang: Language, id: string) => `${langPrefix(lang)}/actors/${id}/rss.xml`,
  trendFeed: (lang: Language, trend: Trend) => `${langPrefix(lang)}/trends/${trend}/rss.xml`,
  /** Open data: one file for all languages. */
  dataJson: () => '/data/analyses.json',
  dataCsv: () => '/data/analyses.csv',
  dataSchema: () => '/data/analysis.schema.json',
} as const;

/** Number of analyses per listing page. */
export const PAGE_SIZE = 20;

/** The Astro rest parameter for a language: undefined for the root language. */
export function langParam(lang: Language): string | undefined {
  return lang === DEFAULT_LANGUAGE ? undefined : lang;
}

/** The rest parameter for page N of a listing: undefined for page 1. */
export function pageParam(page: number): string | undefined {
  return page > 1 ? String(page) : undefined;
}
