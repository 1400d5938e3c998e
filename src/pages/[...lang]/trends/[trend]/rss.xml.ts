/** A verdict's RSS feed, per language: `/trends/<trend>/rss.xml`. */
import type { APIRoute } from 'astro';
import { feedResponse } from '../../../../feeds/feeds.ts';
import { routes, type RouteProps } from '../../../../routing/routes.ts';

/** One feed per trend and language, written again only when an analysis it lists changed. */
export const getStaticPaths = routes.trendFeed;

/** The feed document. */
export const GET: APIRoute<RouteProps<'trendFeed'>> = ({ props }) => feedResponse(props);
