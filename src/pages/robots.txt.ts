/** `/robots.txt`: everything may be crawled; points crawlers at the sitemap. */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../data/site.ts';

/** The robots file. */
export const GET: APIRoute = async () => {
  const model = await getSiteModel();
  const base = model.site.baseUrl.replace(/\/+$/, '');
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${base}/sitemap-index.xml\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
