/** The site icon, as an SVG file (src/lib/favicon.ts). */
import type { APIRoute } from 'astro';
import { FAVICON_SVG } from '../lib/favicon';

/** Serves /favicon.svg. */
export const GET: APIRoute = () => new Response(FAVICON_SVG, { headers: { 'Content-Type': 'image/svg+xml' } });
