/**
 * RSS 2.0 feeds: the whole site, each topic, each actor and each verdict, per language. Items
 * carry the summary, the topic and verdict as categories and the byline as `dc:creator`. Pure:
 * no I/O, no clock.
 *
 * The document is built with fast-xml-parser's XMLBuilder, the builder @astrojs/rss uses, with
 * the same options and element order, so the bytes are the ones @astrojs/rss wrote. What is left
 * out is its per-item zod validation and the XML re-parsing of each item's `customData` (10 ms a
 * feed, a fifth of the pages phase at 1,000 analyses): our items are typed and built here.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { Language, Trend } from '../schemas/primitives.ts';
import { publicationDate } from '../citation/citation.ts';
import { parseIsoDate } from '../lib/dates.ts';
import { authorName } from '../lib/names.ts';
import type { AnalysisRecord, SiteContext } from '../lib/site-model.ts';
import { siteUrl, type SitePath } from '../lib/site-paths.ts';

/** Items per feed: readers poll feeds often, so they carry the newest analyses, not the archive. */
export const FEED_LIMIT = 50;

/** Escapes text for XML and HTML (feed stylesheet, email markup). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** Names the items need, resolved for one language. */
export interface FeedContext {
  lang: Language;
  /** The absolute URL of a site path. */
  url: (path: string) => string;
  author: (id: string) => string;
  /** The byline of unsigned analyses (the publisher). */
  editorial: string;
  topic: (id: string) => string | undefined;
  verdict: (trend: Trend) => string;
}

/** The lookups of a feed in `lang`, from the site context. */
export function feedContext(site: SiteContext, lang: Language): FeedContext {
  return {
    lang,
    url: (path) => siteUrl(site.settings.baseUrl, path),
    author: (id) => {
      const a = site.authors.get(id);
      return a ? authorName(a, lang) : id;
    },
    editorial: site.settings.publisher[lang],
    topic: (id) => {
      const t = site.topics.get(id);
      return t ? t.name[lang] : undefined;
    },
    verdict: (trend) => site.settings.verdicts[trend][lang],
  };
}

/** One feed item. */
export interface FeedItem {
  title: string;
  /** Absolute URL, also the item's permalink guid. */
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
  /** Bylines, each one `dc:creator`. */
  creators: string[];
}

/** One feed item: title, absolute link, date, summary, categories and creators. */
export function feedItem(r: AnalysisRecord, ctx: FeedContext): FeedItem {
  const categories: string[] = [];
  const topic = r.data.topic ? ctx.topic(r.data.topic) : undefined;
  if (topic) categories.push(topic);
  if (r.data.trend) categories.push(ctx.verdict(r.data.trend));
  const creators = r.data.authors.length ? r.data.authors.map(ctx.author) : [ctx.editorial];
  return {
    title: r.data.title,
    link: ctx.url(r.url),
    pubDate: parseIsoDate(publicationDate(r)),
    description: r.data.summary,
    categories,
    creators,
  };
}

/** The items of a feed: the newest FEED_LIMIT of `records` (which are newest first). */
export function feedItems(records: readonly AnalysisRecord[], ctx: FeedContext, limit = FEED_LIMIT): FeedItem[] {
  return records.slice(0, limit).map((r) => feedItem(r, ctx));
}

/** What a feed says: its channel, its newest analyses and the site they come from (routing/routes.ts). */
export interface FeedOptions {
  lang: Language;
  site: SiteContext;
  title: string;
  description: string;
  /** Site-relative path of the feed itself (for `atom:link rel="self"`). */
  path: SitePath;
  /** Site-relative path of the page the feed follows (the channel's `<link>`). */
  page: SitePath;
  /** Newest first; the first FEED_LIMIT are listed. */
  records: readonly AnalysisRecord[];
}

/** @astrojs/rss's builder options: attributes as `@_` keys, empty elements self-closed. */
const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true, suppressBooleanAttributes: false });

/** A one-element list as its element, as XMLParser gives a repeated tag that occurs once. */
function oneOrMany(values: string[]): string | string[] {
  return values.length === 1 ? (values[0] ?? '') : values;
}

/** The RSS document as a string, with its language and self link. */
export function feedXml(o: FeedOptions): string {
  const ctx = feedContext(o.site, o.lang);
  const channel = {
    title: o.title,
    description: o.description,
    link: new URL(ctx.url(o.page)).href,
    language: o.lang,
    'atom:link': { '@_href': ctx.url(o.path), '@_rel': 'self', '@_type': 'application/rss+xml' },
    item: feedItems(o.records, ctx).map((item) => ({
      title: item.title,
      link: item.link,
      guid: { '#text': item.link, '@_isPermaLink': 'true' },
      description: item.description,
      pubDate: item.pubDate.toUTCString(),
      'dc:creator': oneOrMany(item.creators),
      category: item.categories,
    })),
  };
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    // A browser shows the feed as a page that explains feeds (feeds/feed-stylesheet.ts); feed readers ignore it.
    '?xml-stylesheet': { '@_href': o.site.paths.feedStylesheet(o.lang), '@_type': 'text/xsl' },
    rss: { '@_version': '2.0', '@_xmlns:atom': 'http://www.w3.org/2005/Atom', '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/', channel },
  }) as string;
}

/** The RSS document as a Response. */
export function feedResponse(o: FeedOptions): Response {
  return new Response(feedXml(o), { headers: { 'Content-Type': 'application/xml' } });
}
