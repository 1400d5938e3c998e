/**
 * The masthead logo named by `logo` in content/site.yaml, copied to /logo.svg (a file, not
 * inline markup, so the CSP stays strict). Without a logo the route builds nothing.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteModel } from '../data/site';

/** One path when the site has a logo, none otherwise. */
export const getStaticPaths: GetStaticPaths = async () => {
  const model = await getSiteModel();
  return model.site.logo ? [{ params: { logo: 'logo' } }] : [];
};

/** Serves /logo.svg. */
export const GET: APIRoute = async () => {
  const model = await getSiteModel();
  const logo = model.site.logo ?? '';
  const file = resolve(process.env['BAROMETER_CONTENT'] ?? 'content', logo);
  try {
    return new Response(await readFile(file), { headers: { 'Content-Type': 'image/svg+xml' } });
  } catch {
    throw new Error(`content/site.yaml: logo: ${logo} could not be read, expected an SVG file inside content/`);
  }
};
