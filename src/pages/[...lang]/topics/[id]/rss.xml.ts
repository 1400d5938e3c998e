/** A topic's RSS feed, per language: `/topics/<topic>/rss.xml`. */
import type { APIRoute } from 'astro';
import { feedResponse } from '../../../../feeds/feeds.ts';
import { routes, type RouteProps } from '../../../../routing/routes.ts';

/** One feed per topic and language, written again only when an analysis it lists changed. */
export const getStaticPaths = routes.topicFeed;

/** The feed document. */
export const GET: APIRoute<RouteProps<'topicFeed'>> = ({ props }) => feedResponse(props);
