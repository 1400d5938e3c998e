/** An actor's RSS feed, per language: `/actors/<actor>/rss.xml`. */
import type { APIRoute } from 'astro';
import { feedResponse } from '../../../../feeds/feeds.ts';
import { routes, type RouteProps } from '../../../../routing/routes.ts';

/** One feed per actor and language, written again only when an analysis it lists changed. */
export const getStaticPaths = routes.actorFeed;

/** The feed document. */
export const GET: APIRoute<RouteProps<'actorFeed'>> = ({ props }) => feedResponse(props);
