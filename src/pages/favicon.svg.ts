/** The site icon: a small gauge, as an SVG file (no inline data, so the CSP stays strict). */
import type { APIRoute } from 'astro';

/** Serves /favicon.svg. */
export const GET: APIRoute = () =>
  new Response(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="#1d1f21"/><path d="M6 20a10 10 0 0 1 20 0" fill="none" stroke="#fdfdfb" stroke-width="3"/><path d="M16 20l6-8" stroke="#e5484d" stroke-width="3" stroke-linecap="round"/></svg>\n',
    { headers: { 'Content-Type': 'image/svg+xml' } },
  );
