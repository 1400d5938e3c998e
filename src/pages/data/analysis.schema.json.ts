/** `/data/analysis.schema.json`: the JSON Schema of analysis frontmatter, generated from the zod schema. */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../../data/site.ts';
import { analysisJsonSchema } from '../../lib/json-schema.ts';
import { urls } from '../../lib/urls.ts';

/** The schema, its `$id` the file's own absolute URL. */
export const GET: APIRoute = async () => {
  const model = await getSiteModel();
  const id = `${model.site.baseUrl.replace(/\/+$/, '')}${urls.dataSchema()}`;
  return new Response(`${JSON.stringify(analysisJsonSchema(id), null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
};
