/**
 * RSS 2.0 feeds: the whole site, each topic, each actor and each verdict, per language. Items
 * carry the summary, the topic and verdict as categories and the byline as `dc:creator`. Pure:
 * no I/O, no clock.
 *
 * The document is built with fast-xml-parser's XMLBuilder, the builder @astrojs/rss uses, with
 * the same options and element order, so its RSS elements are the bytes @astrojs/rss wrote. What
 * is left out is its per-item zod validation and the XML re-parsing of each item's `customData`
 * (10 ms a feed, a fifth of the pages phase at 1,000 analyses): our items are typed and built here.
 *
 * A feed opened in a browser reads as a page without XSLT (which browsers are removing): the
 * document names a plain CSS stylesheet (`/feed.css`, src/feeds/feed-css.ts), and carries, in the
 * XHTML namespace, what a reader needs that RSS elements cannot give: a header that explains
 * feeds with the feed's address and links, and per item a linked title and a line with the date
 * in the feed's language. RSS 2.0 allows elements of other namespaces anywhere; feed readers skip
 * them, and Chromium lays XHTML elements out (and follows their links) inside any XML document.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { Language, Trend } from '../schemas/primitives.ts';
import { publicationDate } from '../citation/citation.ts';
import { t } from '../i18n/index.ts';
import { formatDate, parseIsoDate } from '../lib/dates.ts';
import { authorName, editorialByline } from '../lib/names.ts';
import { TREND_SYMBOL } from '../lib/trends.ts';
import type { AnalysisRecord, SiteContext } from '../lib/site-model.ts';
import { siteUrl, sitewidePaths, type SitePath } from '../lib/site-paths.ts';

/** The XHTML namespace, for the elements only a browser shows (prefix `h`). */
export const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** Items per feed: readers poll feeds often, so they carry the newest analyses, not the archive. */
export const FEED_LIMIT = 50;

/** Escapes text for XML and HTML (feed stylesheet, email markup). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** Names the items need, resolved for one language. */
export interface FeedContext {
  lang: Language;
  /** The language's locale, for dates in the browser view. */
  locale: string;
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
    locale: t(lang).locale,
    url: (path) => siteUrl(site.settings.baseUrl, path),
    author: (id) => {
      const a = site.authors.get(id);
      return a ? authorName(a, lang) : id;
    },
    editorial: editorialByline(site.settings, lang),
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
  /** For the browser view: the date written in the feed's language, then topic, verdict (with its symbol) and byline. */
  view: { date: string; isoDate: string; details: string[] };
}

/** One feed item: title, absolute link, date, summary, categories and creators. */
export function feedItem(r: AnalysisRecord, ctx: FeedContext): FeedItem {
  const categories: string[] = [];
  const topic = r.data.topic ? ctx.topic(r.data.topic) : undefined;
  const verdict = r.data.trend ? ctx.verdict(r.data.trend) : undefined;
  if (topic) categories.push(topic);
  if (verdict) categories.push(verdict);
  const creators = r.data.authors.length ? r.data.authors.map(ctx.author) : [ctx.editorial];
  const date = publicationDate(r);
  const details = [...(topic ? [topic] : []), ...(verdict && r.data.trend ? [`${TREND_SYMBOL[r.data.trend]} ${verdict}`] : []), creators.join(', ')];
  return {
    title: r.data.title,
    link: ctx.url(r.url),
    pubDate: parseIsoDate(date),
    description: r.data.summary,
    categories,
    creators,
    view: { date: formatDate(date, ctx.locale), isoDate: date, details },
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

/**
 * The browser view's header (XHTML, inside the channel, before the items): the site's name, the
 * feed's title and description as a page heading, a box that says what a feed is and how to
 * follow it (the feed's address to copy, a link to every feed), then a heading over the items or
 * the note that there are none yet.
 */
function viewHeader(o: FeedOptions, ctx: FeedContext, empty: boolean): Record<string, unknown> {
  const s = t(o.lang).feedView;
  return {
    '@_class': 'feed-header',
    '@_lang': o.lang,
    'h:p': { '@_class': 'feed-site', 'h:a': { '@_href': ctx.url(o.site.paths.home(o.lang)), '#text': o.site.settings.title[o.lang] } },
    'h:h1': o.title,
    'h:div': [
      { '@_class': 'feed-description', '#text': o.description },
      {
        '@_class': 'feed-about',
        'h:p': [
          { '#text': s.what },
          { '#text': s.how },
          { '@_class': 'feed-address', 'h:label': { '@_for': 'feed-address', '#text': s.address }, 'h:input': { '@_id': 'feed-address', '@_readonly': 'readonly', '@_value': ctx.url(o.path) } },
          { 'h:a': { '@_href': ctx.url(o.site.paths.follow(o.lang)), '#text': s.all } },
        ],
      },
      ...(empty ? [{ '@_class': 'feed-empty', '#text': s.empty }] : []),
    ],
    ...(empty ? {} : { 'h:h2': s.latest }),
  };
}

/** An item's card in the browser view: its title as a link, then its date (in the feed's language), topic, verdict and byline. */
function viewCard(item: FeedItem): Record<string, unknown> {
  return {
    '@_class': 'feed-card',
    'h:h3': { 'h:a': { '@_href': item.link, '#text': item.title } },
    'h:p': { 'h:time': { '@_datetime': item.view.isoDate, '#text': item.view.date }, 'h:span': item.view.details.map((d) => ({ '#text': d })) },
  };
}

/** The RSS document as a string, with its language and self link. */
export function feedXml(o: FeedOptions): string {
  const ctx = feedContext(o.site, o.lang);
  const items = feedItems(o.records, ctx);
  const channel = {
    title: o.title,
    description: o.description,
    link: new URL(ctx.url(o.page)).href,
    language: o.lang,
    'atom:link': { '@_href': ctx.url(o.path), '@_rel': 'self', '@_type': 'application/rss+xml' },
    // A phone lays the view out at its own width (Chromium reads an XHTML viewport meta in any XML document).
    'h:meta': { '@_name': 'viewport', '@_content': 'width=device-width, initial-scale=1' },
    'h:header': viewHeader(o, ctx, items.length === 0),
    item: items.map((item) => ({
      title: item.title,
      link: item.link,
      guid: { '#text': item.link, '@_isPermaLink': 'true' },
      description: item.description,
      pubDate: item.pubDate.toUTCString(),
      'dc:creator': oneOrMany(item.creators),
      category: item.categories,
      'h:div': viewCard(item),
    })),
  };
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    // A browser lays the feed out with this stylesheet (src/feeds/feed-css.ts); feed readers ignore it.
    '?xml-stylesheet': { '@_href': sitewidePaths.feedCss, '@_type': 'text/css' },
    rss: { '@_version': '2.0', '@_xmlns:atom': 'http://www.w3.org/2005/Atom', '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/', '@_xmlns:h': XHTML_NAMESPACE, channel },
  }) as string;
}

/** The RSS document as a Response. */
export function feedResponse(o: FeedOptions): Response {
  return new Response(feedXml(o), { headers: { 'Content-Type': 'application/xml' } });
}
