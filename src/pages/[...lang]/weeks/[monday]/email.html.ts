/**
 * `/weeks/<monday>/email.html`: the week's email edition as the site shows it, the web version
 * the week page links (src/email/email.ts): no unsubscribe placeholder, a link to subscribe.
 */
import type { APIRoute } from 'astro';
import { editionResponse } from '../../../../email/email.ts';
import { routes, type RouteProps } from '../../../../routing/routes.ts';

/** One edition per language and week with weekly analyses in that language. */
export const getStaticPaths = routes.edition;

/** The edition's web version. */
export const GET: APIRoute<RouteProps<'edition'>> = ({ props }) => editionResponse(props, 'html', 'web');
