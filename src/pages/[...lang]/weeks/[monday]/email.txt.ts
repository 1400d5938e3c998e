/** `/weeks/<monday>/email.txt`: the week's email edition as plain text (src/email/email.ts). */
import type { APIRoute } from 'astro';
import { buildEdition, editionText } from '../../../../email/email.ts';
import { routes, type RouteProps } from '../../../../routing/routes.ts';

/** One edition per language and week with weekly analyses in that language. */
export const getStaticPaths = routes.edition;

/** The plain-text edition: wrapped at 72 columns, links as numbered references. */
export const GET: APIRoute<RouteProps<'edition'>> = ({ props: p }) =>
  new Response(editionText(buildEdition(p.site, p.lang, p.monday, p.weekly, p.longForm)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
