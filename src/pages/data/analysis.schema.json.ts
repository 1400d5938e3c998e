/** `/data/analysis.schema.json`: the JSON Schema of analysis frontmatter, generated from the zod schema. */
import type { APIRoute } from 'astro';
import { analysisJsonSchema } from '../../open-data/json-schema.ts';
import { siteUrl, sitewidePaths } from '../../lib/site-paths.ts';
import { singles } from '../../routing/routes.ts';

/** The schema, its `$id` the file's own absolute URL. */
export const GET: APIRoute = async () => {
  const site = await singles.site();
  const id = siteUrl(site.settings.baseUrl, sitewidePaths.dataSchema);
  return new Response(`${JSON.stringify(analysisJsonSchema(id), null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
};
