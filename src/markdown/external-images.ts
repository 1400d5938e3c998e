/**
 * Finds images in an analysis body that load from another host. The site's Content-Security-
 * Policy allows images from the site itself only (`img-src 'self' data:`), so such an image would
 * show as broken: `npm run validate` reports it instead of letting readers see a hole.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Definition, Html, Image, ImageReference, Root } from 'mdast';
import { markdownToMdast } from 'satteri';
import { visit } from 'unist-util-visit';
import { markdownFeatures } from './render-markdown.ts';

/** One external image: the 1-based line in the body and its address. */
export interface ExternalImage {
  line: number;
  url: string;
}

/** Cheap test first: only bodies with a Markdown image or an <img> tag need the parse. */
const MAYBE_IMAGE = /!\[|<img|<picture|<source/i;

/** True for an address that leaves the site: an http(s) URL or a protocol-relative `//host/`. */
export function isExternalUrl(url: string): boolean {
  const value = url.trim();
  return /^https?:/i.test(value) || /^[\\/]{2}/.test(value);
}

/** Addresses of `srcset` candidates ("a.png 1x, b.png 2x"). */
function srcsetUrls(srcset: string): string[] {
  return srcset.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '').filter(Boolean);
}

/** Image addresses in a raw HTML fragment (img and picture sources). */
function htmlImageUrls(html: string): string[] {
  const urls: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node: Element) => {
    const { src, srcSet } = node.properties;
    if (node.tagName === 'img' && typeof src === 'string') urls.push(src);
    if ((node.tagName === 'img' || node.tagName === 'source') && srcSet !== undefined) {
      urls.push(...srcsetUrls(Array.isArray(srcSet) ? srcSet.join(',') : String(srcSet)));
    }
  });
  return urls;
}

/**
 * Every image of `markdown` (of the analysis at `filePath`) whose address is on another host, in
 * source order; parsed by the page's own parser with its features (render-markdown.ts).
 */
export function findExternalImages(markdown: string, filePath?: string): ExternalImage[] {
  if (!MAYBE_IMAGE.test(markdown)) return [];
  const tree = markdownToMdast(markdown, { features: markdownFeatures(filePath) }) as Root;
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node: Definition) => {
    definitions.set(node.identifier, node.url);
  });
  const found: ExternalImage[] = [];
  const add = (line: number | undefined, url: string) => {
    if (isExternalUrl(url)) found.push({ line: line ?? 1, url });
  };
  visit(tree, (node) => {
    const line = node.position?.start.line;
    if (node.type === 'image') add(line, (node as Image).url);
    else if (node.type === 'imageReference') {
      const url = definitions.get((node as ImageReference).identifier);
      if (url !== undefined) add(line, url);
    } else if (node.type === 'html') {
      for (const url of htmlImageUrls((node as Html).value)) add(line, url);
    }
  });
  return found;
}
