/** The whole site's RSS feed, per language: `/rss.xml`, `/be/rss.xml`, `/ru/rss.xml`. */
import type { APIRoute } from 'astro';
import { feedResponse } from '../../feeds/feeds.ts';
import { routes, type RouteProps } from '../../routing/routes.ts';

/** One feed per site language, written again only when an analysis it lists changed. */
export const getStaticPaths = routes.siteFeed;

/** The feed document. */
export const GET: APIRoute<RouteProps<'siteFeed'>> = ({ props }) => feedResponse(props);
