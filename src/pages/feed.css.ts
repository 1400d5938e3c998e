/**
 * /feed.css: the stylesheet of a feed's browser view: the site's tokens and card styles plus a
 * few rules of its own, as a file (the view has no inline styles).
 */
import type { APIRoute } from 'astro';
import tokens from '../styles/tokens.css?raw';
import feed from '../feeds/feed.css?raw';

/** Serves /feed.css. */
export const GET: APIRoute = () => new Response(`${tokens}\n${feed}`, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
