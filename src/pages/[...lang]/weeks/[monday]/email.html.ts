/** `/weeks/<monday>/email.html`: the week's email edition as email-safe HTML (src/lib/email.ts). */
import type { APIRoute } from 'astro';
import { editionOf, editionPaths, type EditionProps } from '../../../../data/editions.ts';
import { editionHtml } from '../../../../lib/email.ts';

/** One edition per language and week with weekly analyses in that language. */
export const getStaticPaths = editionPaths;

/** The HTML edition, rendered with MJML. */
export const GET: APIRoute<EditionProps> = async ({ props }) =>
  new Response(await editionHtml(await editionOf(props)), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
