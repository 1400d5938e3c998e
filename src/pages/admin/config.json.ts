/**
 * `/admin/config.json`: the editors' form, generated at build time (and on each request under
 * `astro dev`) from the analysis schema and the site's taxonomy (src/cms/config.ts).
 */
import type { APIRoute } from 'astro';
import { cmsConfig, FIELD_ORDER, type AdminSettings } from '../../cms/config.ts';
import { cmsSettings } from '../../cms/settings.ts';
import { singles } from '../../routing/routes.ts';

/** The configuration as JSON. */
export const GET: APIRoute = async () => {
  const settings = cmsSettings(await singles.site(), process.env['BAROMETER_CONTENT'] ?? 'content');
  const body: AdminSettings = { config: cmsConfig(settings), fieldOrder: FIELD_ORDER };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
};
