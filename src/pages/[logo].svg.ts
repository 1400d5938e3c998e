/**
 * The masthead logo named by `logo` in content/site.yaml, copied to /logo.svg (a file, not
 * inline markup, so the CSP stays strict). Without a logo the route builds nothing.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { APIRoute } from 'astro';
import { routes, type RouteProps } from '../routing/routes';

/** One path when the site has a logo, none otherwise. */
export const getStaticPaths = routes.logo;

/** Serves /logo.svg. */
export const GET: APIRoute<RouteProps<'logo'>> = async ({ props: { file } }) => {
  const path = resolve(process.env['BAROMETER_CONTENT'] ?? 'content', file);
  try {
    return new Response(await readFile(path), { headers: { 'Content-Type': 'image/svg+xml' } });
  } catch {
    throw new Error(`content/site.yaml: logo: ${file} could not be read, expected an SVG file inside content/`);
  }
};
