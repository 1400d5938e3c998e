/** /analyses/<slug>.ris: the analysis as a RIS record, a static file to download (no JavaScript). */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../../../data/site';
import { citationFor, risCitation } from '../../../lib/citation';
import { citationPaths, type CitationProps } from '../../../data/citation-files';

/** One file per analysis. */
export const getStaticPaths = citationPaths;

/** The .ris text. */
export const GET: APIRoute<CitationProps> = async ({ props }) => {
  const model = await getSiteModel();
  return new Response(risCitation(citationFor(model, props.record)), { headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' } });
};
