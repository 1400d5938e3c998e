/**
 * RSS 2.0 feeds (via @astrojs/rss): the whole site, each topic, each actor and each verdict, per
 * language. Items carry the summary, the topic and verdict as categories and the byline as
 * `dc:creator`. Pure apart from @astrojs/rss's string building: no I/O, no clock.
 */
import rss, { type RSSFeedItem } from '@astrojs/rss';
import { localize } from '../i18n/index.ts';
import type { Language, Trend } from '../schemas/primitives.ts';
import { publicationDate } from './citation.ts';
import { parseIsoDate } from './dates.ts';
import { authorName } from './names.ts';
import type { AnalysisRecord, SiteModel } from './site-model.ts';
import { urls } from './urls.ts';

/** Items per feed: readers poll feeds often, so they carry the newest analyses, not the archive. */
export const FEED_LIMIT = 50;

/** Escapes text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** Names the items need, resolved for one language. */
export interface FeedContext {
  lang: Language;
  /** Absolute base URL without a trailing slash. */
  base: string;
  author: (id: string) => string;
  /** The byline of unsigned analyses (the publisher). */
  editorial: string;
  topic: (id: string) => string | undefined;
  verdict: (trend: Trend) => string;
}

/** The lookups of a feed in `lang`, from the site model. */
export function feedContext(model: SiteModel, lang: Language): FeedContext {
  return {
    lang,
    base: model.site.baseUrl.replace(/\/+$/, ''),
    author: (id) => {
      const a = model.authors.get(id);
      return a ? authorName(a, lang) : id;
    },
    editorial: localize(model.site.publisher, lang),
    topic: (id) => {
      const t = model.topics.get(id);
      return t ? localize(t.name, lang) : undefined;
    },
    verdict: (trend) => localize(model.site.verdicts[trend], lang),
  };
}

/** One feed item: title, absolute link, date, summary, categories and creators. */
export function feedItem(r: AnalysisRecord, ctx: FeedContext): RSSFeedItem {
  const categories: string[] = [];
  const topic = r.data.topic ? ctx.topic(r.data.topic) : undefined;
  if (topic) categories.push(topic);
  if (r.data.trend) categories.push(ctx.verdict(r.data.trend));
  const creators = r.data.authors.length ? r.data.authors.map(ctx.author) : [ctx.editorial];
  return {
    title: r.data.title,
    link: `${ctx.base}${r.url}`,
    pubDate: parseIsoDate(publicationDate(r)),
    description: r.data.summary,
    categories,
    customData: creators.map((c) => `<dc:creator>${escapeXml(c)}</dc:creator>`).join(''),
  };
}

/** The items of a feed: the newest FEED_LIMIT of `records` (which are newest first). */
export function feedItems(records: readonly AnalysisRecord[], ctx: FeedContext, limit = FEED_LIMIT): RSSFeedItem[] {
  return records.slice(0, limit).map((r) => feedItem(r, ctx));
}

/** What a feed endpoint provides. */
export interface FeedOptions {
  title: string;
  description: string;
  /** Site-relative path of the feed itself (for `atom:link rel="self"`). */
  path: string;
  /** Site-relative path of the page the feed follows (the channel's `<link>`); default: the language's home. */
  page?: string | undefined;
  records: readonly AnalysisRecord[];
  ctx: FeedContext;
}

/** The RSS document as a Response, with its language and self link. */
export function feedResponse(o: FeedOptions): Promise<Response> {
  return rss({
    title: o.title,
    description: o.description,
    site: `${o.ctx.base}${o.page ?? urls.home(o.ctx.lang)}`,
    // A browser shows the feed as a page that explains feeds (lib/feed-stylesheet.ts); readers ignore it.
    stylesheet: `${urls.home(o.ctx.lang)}feed.xsl`,
    items: feedItems(o.records, o.ctx),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: `<language>${o.ctx.lang}</language><atom:link href="${escapeXml(`${o.ctx.base}${o.path}`)}" rel="self" type="application/rss+xml"/>`,
  });
}
