/** /analyses/<slug>.ris: the analysis as a RIS record, a static file to download (no JavaScript). */
import type { APIRoute } from 'astro';
import { citationFor, risCitation } from '../../../citation/citation';
import { routes, type RouteProps } from '../../../routing/routes';

/** One file per analysis. */
export const getStaticPaths = routes.citationFile;

/** The .ris text. */
export const GET: APIRoute<RouteProps<'citationFile'>> = ({ props }) =>
  new Response(risCitation(citationFor(props.site, props.record)), { headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' } });
