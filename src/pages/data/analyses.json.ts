/** `/data/analyses.json`: every published analysis in every language, as open data. */
import type { APIRoute } from 'astro';
import type { OpenDataDocument } from '../../open-data/open-data.ts';
import { singles } from '../../routing/routes.ts';

/** The JSON document (pretty-printed: it is read by people as much as by programs). */
export const GET: APIRoute = async () => {
  const { site, rows } = await singles.openData();
  // One file for every language: the site's name and publisher as its root language gives them.
  const root = site.paths.root;
  const doc: OpenDataDocument = {
    title: site.settings.title[root],
    publisher: site.settings.publisher[root],
    url: site.settings.baseUrl,
    count: rows.length,
    analyses: rows,
  };
  return new Response(`${JSON.stringify(doc, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
