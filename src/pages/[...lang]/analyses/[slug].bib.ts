/** /analyses/<slug>.bib: the analysis as a biblatex entry, a static file to download (no JavaScript). */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../../../data/site';
import { bibtexCitation, citationFor } from '../../../lib/citation';
import { citationPaths, type CitationProps } from '../../../data/citation-files';

/** One file per analysis. */
export const getStaticPaths = citationPaths;

/** The .bib text. */
export const GET: APIRoute<CitationProps> = async ({ props }) => {
  const model = await getSiteModel();
  return new Response(`${bibtexCitation(citationFor(model, props.record))}\n`, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
