/** `/weeks/<monday>/email.txt`: the week's email edition as plain text (src/lib/email.ts). */
import type { APIRoute } from 'astro';
import { editionOf, editionPaths, type EditionProps } from '../../../../data/editions.ts';
import { editionText } from '../../../../lib/email.ts';

/** One edition per language and week with weekly analyses in that language. */
export const getStaticPaths = editionPaths;

/** The plain-text edition: wrapped at 72 columns, links as numbered references. */
export const GET: APIRoute<EditionProps> = async ({ props }) =>
  new Response(editionText(await editionOf(props)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
