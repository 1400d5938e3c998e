/**
 * /feed.css: how a feed looks when opened in a browser (src/feeds/feed-css.ts): the site's tokens,
 * faces and the feed view's rules, as a file (the view has no inline styles).
 */
import type { APIRoute } from 'astro';
import tokens from '../styles/tokens.css?raw';
import view from '../feeds/feed.css?raw';
import { feedStylesheet, fontFaceRules, type FontFace } from '../feeds/feed-css';

// The same woff2 files the pages use (src/layouts/Base.astro), emitted once under /_astro/.
const files = import.meta.glob(
  [
    '../../node_modules/@fontsource/source-serif-4/files/source-serif-4-{latin,cyrillic}-{400,600}-normal.woff2',
    '../../node_modules/@fontsource/ibm-plex-sans/files/ibm-plex-sans-{latin,cyrillic}-500-normal.woff2',
  ],
  { query: '?url', import: 'default', eager: true },
) as Record<string, string>;
// Fontsource's script ranges (the same for both families), so a Latin page loads no Cyrillic file.
const ranges = Object.values(import.meta.glob('../../node_modules/@fontsource/source-serif-4/unicode.json', { import: 'default', eager: true }))[0] as Record<string, string>;

/** The faces, each with its latin and cyrillic file. */
function faces(): FontFace[] {
  const find = (name: string) => Object.entries(files).find(([path]) => path.endsWith(`/${name}`))?.[1] ?? '';
  const face = (family: string, file: string, weight: number): FontFace => ({ family, weight, files: { latin: find(`${file}-latin-${weight}-normal.woff2`), cyrillic: find(`${file}-cyrillic-${weight}-normal.woff2`) } });
  return [face('Source Serif 4', 'source-serif-4', 400), face('Source Serif 4', 'source-serif-4', 600), face('IBM Plex Sans', 'ibm-plex-sans', 500)];
}

/** Serves /feed.css. */
export const GET: APIRoute = () => new Response(feedStylesheet(tokens, fontFaceRules(faces(), ranges), view), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
