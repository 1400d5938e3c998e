/**
 * `/admin/config.json`: the editors' form, generated at build time (and on each request under
 * `astro dev`) from the analysis schema and the content folder's taxonomy (src/cms/config.ts).
 */
import type { APIRoute } from 'astro';
import { cmsConfig, FIELD_ORDER, type AdminSettings } from '../../cms/config.ts';
import { readCmsSettings } from '../../cms/settings.ts';

/** The configuration as JSON. */
export const GET: APIRoute = async () => {
  const settings = await readCmsSettings(process.env['BAROMETER_CONTENT'] ?? 'content');
  const body: AdminSettings = { config: cmsConfig(settings), fieldOrder: FIELD_ORDER };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
};
