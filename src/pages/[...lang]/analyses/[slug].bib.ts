/** /analyses/<slug>.bib: the analysis as a biblatex entry, a static file to download (no JavaScript). */
import type { APIRoute } from 'astro';
import { bibtexCitation, citationFor } from '../../../citation/citation';
import { routes, type RouteProps } from '../../../routing/routes';

/** One file per analysis. */
export const getStaticPaths = routes.citationFile;

/** The .bib text. */
export const GET: APIRoute<RouteProps<'citationFile'>> = ({ props }) =>
  new Response(`${bibtexCitation(citationFor(props.site, props.record))}\n`, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
