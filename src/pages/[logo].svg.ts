/**
 * The masthead logo named by `logo` in content/site.yaml, served as /logo.svg (a file, not inline
 * markup, so the CSP stays strict). It is read from inside the content folder after resolving
 * links, as the content reader read it, and published sanitised (src/lib/logo-svg.ts): opened on
 * its own, on a host that ignores `_headers`, it can run nothing. Without a logo the route builds
 * nothing.
 */
import { readFile, realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { APIRoute } from 'astro';
import { sanitizeSvg } from '../lib/logo-svg';
import { routes, type RouteProps } from '../routing/routes';

/** One path when the site has a logo, none otherwise. */
export const getStaticPaths = routes.logo;

/** Serves /logo.svg. */
export const GET: APIRoute<RouteProps<'logo'>> = async ({ props: { file: logo } }) => {
  // The content reader has refused a logo outside the folder or without a drawing before any page
  // renders: these are one-line errors for a file changed while the build ran.
  const fail = (why: string) => new Error(`content/site.yaml: logo: "${logo}" ${why}, expected an SVG file inside the content folder`);
  const root = await realpath(resolve(process.env['BAROMETER_CONTENT'] ?? 'content'));
  const file = await realpath(resolve(root, logo)).catch(() => {
    throw fail('cannot be read');
  });
  if (!file.startsWith(root + sep)) throw fail('leads outside the content folder');
  const result = sanitizeSvg(await readFile(file, 'utf8'));
  if ('problem' in result) throw fail(`is not a drawing (${result.problem})`);
  return new Response(result.svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
