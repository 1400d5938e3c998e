/**
 * `/weeks/<monday>/mail.html`: the copy of the week's email edition for the mail service, with the
 * unsubscribe placeholder the service fills in (src/email/email.ts); `npm run newsletter` names it.
 * No page links it, and _headers keeps it out of search engines.
 */
import type { APIRoute } from 'astro';
import { editionResponse } from '../../../../email/email.ts';
import { routes, type RouteProps } from '../../../../routing/routes.ts';

/** One edition per language and week with weekly analyses in that language. */
export const getStaticPaths = routes.edition;

/** The edition's copy for the mail service. */
export const GET: APIRoute<RouteProps<'edition'>> = ({ props }) => editionResponse(props, 'html', 'mail');
