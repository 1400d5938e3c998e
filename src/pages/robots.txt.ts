/** `/robots.txt`: everything may be crawled; points crawlers at the sitemap. */
import type { APIRoute } from 'astro';
import { singles } from '../routing/routes.ts';

/** The robots file. */
export const GET: APIRoute = async () => {
  const site = await singles.site();
  const base = site.settings.baseUrl.replace(/\/+$/, '');
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${base}/sitemap-index.xml\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
