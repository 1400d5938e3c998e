/** `/robots.txt`: everything may be crawled; points crawlers at the sitemap. */
import type { APIRoute } from 'astro';
import { singles } from '../routing/routes.ts';
import { siteUrl } from '../lib/site-paths.ts';

/** The robots file. */
export const GET: APIRoute = async () => {
  const site = await singles.site();
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${siteUrl(site.settings.baseUrl, '/sitemap-index.xml')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
