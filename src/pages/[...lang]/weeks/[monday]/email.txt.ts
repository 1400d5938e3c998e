/** `/weeks/<monday>/email.txt`: the web version of the week's email edition as plain text (src/email/email.ts). */
import type { APIRoute } from 'astro';
import { editionResponse } from '../../../../email/email.ts';
import { routes, type RouteProps } from '../../../../routing/routes.ts';

/** One edition per language and week with weekly analyses in that language. */
export const getStaticPaths = routes.edition;

/** The edition's web version, plain text. */
export const GET: APIRoute<RouteProps<'edition'>> = ({ props }) => editionResponse(props, 'text', 'web');
