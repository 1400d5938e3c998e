/** `/data/analyses.json`: every published analysis in every language, as open data. */
import type { APIRoute } from 'astro';
import { getAnalysisRows } from '../../data/open-data.ts';
import { getSiteModel } from '../../data/site.ts';
import type { OpenDataDocument } from '../../lib/open-data.ts';

/** The JSON document (pretty-printed: it is read by people as much as by programs). */
export const GET: APIRoute = async () => {
  const model = await getSiteModel();
  const rows = await getAnalysisRows();
  const doc: OpenDataDocument = {
    title: model.site.title.en,
    publisher: model.site.publisher.en,
    url: model.site.baseUrl,
    count: rows.length,
    analyses: rows,
  };
  return new Response(`${JSON.stringify(doc, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
