/**
 * Says what sanitising will remove from an analysis body, with lines, so `npm run validate` can
 * warn the editor instead of letting markup vanish silently. The body is parsed by the page's own
 * parser (Sätteri, with the page's features: render-markdown.ts), its raw HTML parsed into
 * elements keeping source positions, then the page's sanitize schema applied; the tree before and
 * after are compared by position. (The page's HTML comes from Sätteri's hast, which has no
 * positions: its Markdown tree, from the same parser, has them.)
 */
import type { Element, Root } from 'hast';
import { raw } from 'hast-util-raw';
import type { Root as MdRoot } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { find, html } from 'property-information';
import { sanitize } from 'hast-util-sanitize';
import { markdownToMdast } from 'satteri';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { markdownFeatures } from './render-markdown.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

/** One removal: the 1-based line in the body and what goes. */
export interface Removal {
  line: number;
  what: string;
}

/**
 * Cheap test first: only bodies with raw HTML or a suspicious scheme need the full parse. A scheme
 * is only looked for where a word starts (the lookbehind): otherwise every letter of a long token
 * without a colon starts a scan to its end, which is quadratic (42 s on one 100,000-letter word).
 */
export const MAYBE_UNSAFE = /<[a-z!/?]|(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:/i;

function offsetKey(node: Element): string | undefined {
  const start = node.position?.start;
  return start ? `${start.line}:${start.column}:${node.tagName}` : undefined;
}

/** Lists what the sanitiser removes from `markdown` (of the analysis at `filePath`), in source order. */
export function findRemovals(markdown: string, filePath?: string): Removal[] {
  if (!MAYBE_UNSAFE.test(markdown)) return [];
  const tree = markdownToMdast(markdown, { features: markdownFeatures(filePath) }) as MdRoot;
  // hast-util-raw needs the file to map parse5's offsets back to lines and columns.
  const before = raw(toHast(tree, { allowDangerousHtml: true }) as Root, { file: new VFile(markdown) }) as Root;
  const after = sanitize(structuredClone(before), sanitizeSchema) as Root;
  const kept = new Map<string, Element>();
  visit(after, 'element', (node: Element) => {
    const k = offsetKey(node);
    if (k) kept.set(k, node);
  });
  const removals: Removal[] = [];
  visit(before, 'element', (node: Element) => {
    const k = offsetKey(node);
    const line = node.position?.start.line;
    if (!k || line === undefined) return;
    const safe = kept.get(k);
    if (!safe) {
      removals.push({ line, what: `<${node.tagName}> element` });
      return;
    }
    for (const [name, value] of Object.entries(node.properties)) {
      if (safe.properties[name] === undefined && value !== undefined && value !== null && value !== false) {
        removals.push({ line, what: `${find(html, name).attribute} attribute of <${node.tagName}>` });
      }
    }
  });
  return removals;
}
