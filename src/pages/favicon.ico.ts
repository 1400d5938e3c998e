/**
 * The site icon as /favicon.ico (src/lib/favicon.ts): the SVG drawn at 32 px by sharp (the image
 * library Astro's own image pipeline uses) inside an ICO file, for documents that name no icon.
 */
import type { APIRoute } from 'astro';
import sharp from 'sharp';
import { FAVICON_SVG, icoFromPng } from '../lib/favicon';

const SIZE = 32;

/** Serves /favicon.ico. */
export const GET: APIRoute = async () => {
  const png = await sharp(Buffer.from(FAVICON_SVG), { density: 72 * 4 }).resize(SIZE, SIZE).png().toBuffer();
  return new Response(icoFromPng(new Uint8Array(png), SIZE), { headers: { 'Content-Type': 'image/x-icon' } });
};
