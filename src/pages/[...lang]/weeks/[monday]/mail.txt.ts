/** `/weeks/<monday>/mail.txt`: the mail service's copy of the week's edition as plain text (src/email/email.ts). */
import type { APIRoute } from 'astro';
import { editionResponse } from '../../../../email/email.ts';
import { routes, type RouteProps } from '../../../../routing/routes.ts';

/** One edition per language and week with weekly analyses in that language. */
export const getStaticPaths = routes.edition;

/** The edition's copy for the mail service, plain text. */
export const GET: APIRoute<RouteProps<'edition'>> = ({ props }) => editionResponse(props, 'text', 'mail');
