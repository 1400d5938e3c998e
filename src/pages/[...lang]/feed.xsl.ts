/** /feed.xsl, /be/feed.xsl, /ru/feed.xsl: the browser view of the language's feeds (see lib/feed-stylesheet.ts). */
import type { APIRoute } from 'astro';
import { languagePaths } from '../../data/site.ts';
import { t } from '../../i18n/index.ts';
import { feedStylesheet } from '../../lib/feed-stylesheet.ts';
import type { Language } from '../../schemas/primitives.ts';

/** One stylesheet per site language. */
export const getStaticPaths = languagePaths;

/** The XSLT document. */
export const GET: APIRoute<{ lang: Language }> = ({ props: { lang } }) => {
  const d = t(lang).design;
  const xsl = feedStylesheet({ lang, what: d.feedWhat, how: d.feedHow, address: d.feedAddress, latest: d.feedLatest, visit: d.feedVisit }, '/feed.css');
  return new Response(xsl, { headers: { 'Content-Type': 'application/xslt+xml; charset=utf-8' } });
};
