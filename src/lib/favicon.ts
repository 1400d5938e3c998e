/**
 * The site icon, drawn once: a small gauge as SVG (/favicon.svg, which pages name), and the same
 * drawing as /favicon.ico for what names no icon: a browser asks for /favicon.ico when it opens a
 * feed (an XML document has no <head>) or an email edition, and logged a 404 there.
 */

/** The icon as SVG markup (no inline data, so the CSP stays strict). */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="#1d1f21"/><path d="M6 20a10 10 0 0 1 20 0" fill="none" stroke="#fdfdfb" stroke-width="3"/><path d="M16 20l6-8" stroke="#e5484d" stroke-width="3" stroke-linecap="round"/></svg>\n';

/**
 * An ICO file holding one PNG image (the form every browser since 2007 reads): the 6-byte
 * header (reserved 0, type 1 = icon, one image) and one 16-byte directory entry (width and
 * height, 0 meaning 256; no palette; 1 plane; 32 bits per pixel; the PNG's size and offset 22),
 * then the PNG itself.
 */
export function icoFromPng(png: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  if (!Number.isInteger(size) || size < 1 || size > 256) throw new RangeError(`icoFromPng: size ${size}, expected 1 to 256 pixels`);
  const out = new Uint8Array(22 + png.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0, true);
  view.setUint16(2, 1, true);
  view.setUint16(4, 1, true);
  view.setUint8(6, size % 256);
  view.setUint8(7, size % 256);
  view.setUint8(8, 0);
  view.setUint8(9, 0);
  view.setUint16(10, 1, true);
  view.setUint16(12, 32, true);
  view.setUint32(14, png.length, true);
  view.setUint32(18, 22, true);
  out.set(png, 22);
  return out;
}
