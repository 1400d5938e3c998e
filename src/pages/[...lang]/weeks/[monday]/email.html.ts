/** `/weeks/<monday>/email.html`: the week's email edition as email-safe HTML (src/email/email.ts). */
import type { APIRoute } from 'astro';
import { buildEdition, editionHtml } from '../../../../email/email.ts';
import { routes, type RouteProps } from '../../../../routing/routes.ts';

/** One edition per language and week with weekly analyses in that language. */
export const getStaticPaths = routes.edition;

/** The HTML edition, rendered with MJML. */
export const GET: APIRoute<RouteProps<'edition'>> = async ({ props: p }) =>
  new Response(await editionHtml(buildEdition(p.site, p.lang, p.monday, p.weekly, p.longForm)), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
