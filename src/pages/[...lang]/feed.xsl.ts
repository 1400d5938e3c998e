/** /feed.xsl, /be/feed.xsl, /ru/feed.xsl: the browser view of the language's feeds (see feeds/feed-stylesheet.ts). */
import type { APIRoute } from 'astro';
import { t } from '../../i18n/index.ts';
import { feedStylesheet } from '../../feeds/feed-stylesheet.ts';
import { sitewidePaths } from '../../lib/site-paths.ts';
import { routes, type RouteProps } from '../../routing/routes.ts';

/** One stylesheet per site language. */
export const getStaticPaths = routes.feedStylesheet;

/** The XSLT document. */
export const GET: APIRoute<RouteProps<'feedStylesheet'>> = ({ props: { lang } }) => {
  const d = t(lang).design;
  const xsl = feedStylesheet({ lang, what: d.feedWhat, how: d.feedHow, address: d.feedAddress, latest: d.feedLatest, visit: d.feedVisit }, sitewidePaths.feedCss);
  return new Response(xsl, { headers: { 'Content-Type': 'application/xslt+xml; charset=utf-8' } });
};
