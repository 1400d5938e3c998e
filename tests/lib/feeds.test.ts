/** Feeds: items from records, escaping, the item limit, documents that parse as RSS 2.0, cache keys. */
import { beforeAll, describe, expect, it } from 'vitest';
import { FEED_LIMIT, XHTML_NAMESPACE, feedContext, feedItem, feedItems, feedResponse } from '../../src/feeds/feeds.ts';
import { key } from '../../src/lib/site-model.ts';
import { routeData } from '../../src/routing/route-data.ts';
import { loadContent, type LoadedContent } from '../helpers/content-model.ts';
import { children, childText, rssChannel } from '../helpers/xml.ts';

let content: LoadedContent;
beforeAll(async () => {
  content = await loadContent();
});

describe('feed items', () => {
  it('carry title, absolute link, date, summary, topic and verdict, and the byline', () => {
    const r = content.model.byId.get('en/2024-10-07-pardons-without-a-thaw');
    expect(r).toBeDefined();
    if (!r) return;
    const item = feedItem(r, feedContext(content.model.context, 'en'));
    expect(item).toMatchObject({ title: 'Pardons without a thaw', link: 'https://barometer.example.org/analyses/2024-10-07-pardons-without-a-thaw/', categories: ['Belarus-West relations', 'The situation has not changed'] });
    expect(item.pubDate?.toISOString()).toBe('2024-10-07T00:00:00.000Z');
    expect(item.creators).toEqual(['Tomas Wielgosz', 'Alena Marozava']);
    const editorial = content.model.byId.get('ru/2022-08-29-minsk-bets-on-a-divided-west');
    expect(editorial && feedItem(editorial, feedContext(content.model.context, 'ru')).creators).toEqual(['Редакция «Барометра»']);
  });

  it('stop at the limit, newest first', () => {
    const all = content.model.byLang.get('en') ?? [];
    expect(feedItems(all, feedContext(content.model.context, 'en'), 3).map((i) => i.link)).toEqual(all.slice(0, 3).map((r) => `https://barometer.example.org${r.url}`));
    expect(FEED_LIMIT).toBeGreaterThanOrEqual(20);
  });
});

describe('feed documents', () => {
  it('parse as RSS 2.0 with language, self link and one item per analysis', async () => {
    const records = content.model.byTopic.get(key('be', 'belarus-west-relations')) ?? [];
    const paths = content.model.paths;
    const res = feedResponse({ lang: 'be', site: content.model.context, title: 'T & t', description: 'D', path: paths.topicFeed('be', 'belarus-west-relations'), page: paths.topic('be', 'belarus-west-relations'), records });
    const ch = rssChannel(await res.text());
    expect(childText(ch, 'title')).toBe('T & t');
    expect(childText(ch, 'language')).toBe('be');
    expect(children(ch, 'atom:link')[0]?.getAttribute('href')).toBe('https://barometer.example.org/be/topics/belarus-west-relations/rss.xml');
    const items = children(ch, 'item');
    expect(items.length).toBe(records.length);
    expect(items.map((i) => childText(i, 'link'))).toEqual(records.map((r) => `https://barometer.example.org${r.url}`));
    expect(children(items[0] ?? ch, 'dc:creator').length).toBeGreaterThan(0);
  });

  it('are checked by a strict parser (the helper refuses malformed XML)', () => {
    expect(() => rssChannel('<rss version="2.0"><channel><title>a & b</title></channel></rss>')).toThrow();
    expect(() => rssChannel('<rss version="2.0"><channel><item></channel></rss>')).toThrow();
  });

  it('is capped at FEED_LIMIT items', async () => {
    const one = content.model.byLang.get('en')?.[0];
    expect(one).toBeDefined();
    if (!one) return;
    const many = Array.from({ length: FEED_LIMIT + 5 }, () => one);
    const paths = content.model.paths;
    const ch = rssChannel(await feedResponse({ lang: 'en', site: content.model.context, title: 'T', description: 'D', path: paths.feed('en'), page: paths.home('en'), records: many }).text());
    expect(children(ch, 'item').length).toBe(FEED_LIMIT);
  });
});

/**
 * The feed without what only a browser shows: every element in the XHTML namespace (prefix `h`,
 * nested or not) and its namespace declaration. Counting depth keeps nested `h:` elements whole.
 */
function withoutBrowserView(xml: string): string {
  let depth = 0;
  let out = '';
  let last = 0;
  for (const m of xml.matchAll(/<(\/?)h:[^>]*?(\/?)>/g)) {
    const [tag, closing, selfClosing] = m;
    const at = m.index ?? 0;
    if (depth === 0) out += xml.slice(last, at);
    if (closing) depth -= 1;
    else if (!selfClosing) depth += 1;
    last = at + tag.length;
  }
  return (out + xml.slice(last)).replace(` xmlns:h="${XHTML_NAMESPACE}"`, '');
}

describe('feed documents, byte for byte', () => {
  it('are, for a feed reader, what @astrojs/rss wrote for the same items (escaping, one and several creators, self link, CSS stylesheet)', async () => {
    const { default: rss } = await import('@astrojs/rss');
    const ctx = feedContext(content.model.context, 'ru');
    const records = (content.model.byLang.get('ru') ?? []).map((r, i) => (i === 0 ? { ...r, data: { ...r.data, title: `Tom & Jerry's <"quoted">`, authors: [...r.data.authors, ...r.data.authors] } } : r));
    const o = { lang: 'ru' as const, site: content.model.context, title: 'T & <t>', description: 'D "d"', path: content.model.paths.feed('ru'), page: content.model.paths.home('ru'), records };
    const before = await (
      await rss({
        title: o.title,
        description: o.description,
        site: ctx.url("/ru/"),
        items: feedItems(records, ctx).map(({ creators, ...item }) => ({ ...item, customData: creators.map((c) => `<dc:creator>${c.replace(/[&<>"']/g, (x) => `&#${x.charCodeAt(0)};`)}</dc:creator>`).join('') })),
        stylesheet: '/feed.css',
        xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
        customData: `<language>ru</language><atom:link href="${ctx.url("/ru/rss.xml")}" rel="self" type="application/rss+xml"/>`,
      })
    ).text();
    const xml = await feedResponse(o).text();
    // @astrojs/rss names a .css stylesheet without its type; the xml-stylesheet recommendation asks for one, so ours says text/css.
    expect(withoutBrowserView(xml)).toBe(before.replace('<?xml-stylesheet href="/feed.css"?>', '<?xml-stylesheet href="/feed.css" type="text/css"?>'));
    // What a browser adds: a header and one card per item, nothing more, and a stylesheet that is CSS, never XSLT.
    expect(xml).toContain('<?xml-stylesheet href="/feed.css" type="text/css"?>');
    expect(xml.match(/<h:header /g)?.length).toBe(1);
    expect(xml.match(/<h:div class="feed-card">/g)?.length).toBe(records.length);
  });

  it('the browser view writes dates in the feed\'s language and says so when a feed is empty', async () => {
    const records = content.model.byLang.get('ru') ?? [];
    const base = { lang: 'ru' as const, site: content.model.context, title: 'T', description: 'D', path: content.model.paths.feed('ru'), page: content.model.paths.home('ru') };
    const xml = await feedResponse({ ...base, records }).text();
    expect(xml).toMatch(/<h:time datetime="\d{4}-\d\d-\d\d">\d{1,2} [а-я]+ \d{4} г\.<\/h:time>/);
    expect(xml).not.toContain('feed-empty');
    const empty = await feedResponse({ ...base, records: [] }).text();
    expect(empty).toContain('<h:div class="feed-empty">');
    expect(empty).not.toContain('<h:h2>');
    expect(children(rssChannel(empty), 'item')).toEqual([]);
  });
});

describe('feed cache keys', () => {
  it('change when a listed analysis changes, and not for one past the limit', () => {
    const model = content.model;
    const all = model.byLang.get('en') ?? [];
    const many = Array.from({ length: FEED_LIMIT + 1 }, (_, i) => ({ ...(all[i % all.length] ?? all[0]!), id: `en/x-${i}` }));
    const keyWith = (list: typeof many) => routeData.siteFeed({ ...model, byLang: new Map([...model.byLang, ['en', list]]) }).find((p) => p.props.lang === 'en')?.cacheKey;
    const k = keyWith(many);
    expect(keyWith(many)).toBe(k);
    expect(routeData.siteFeed(model).find((p) => p.props.lang === 'be')?.cacheKey).not.toBe(k);
    expect(keyWith(many.map((r, i) => (i === 0 ? { ...r, digest: `${r.digest}-edited` } : r)))).not.toBe(k);
    expect(keyWith(many.map((r, i) => (i === FEED_LIMIT ? { ...r, digest: `${r.digest}-edited` } : r)))).toBe(k);
  });
});
