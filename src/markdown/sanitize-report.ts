/**
 * Says what sanitising will remove from an analysis body, with lines, so `npm run validate` can
 * warn the editor instead of letting markup vanish silently. It runs the same parse and the same
 * sanitize schema as the site, then compares the tree before and after by source position.
 */
import type { Element, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { find, html } from 'property-information';
import { sanitize } from 'hast-util-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
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

const toHast = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true });

function offsetKey(node: Element): string | undefined {
  const start = node.position?.start;
  return start ? `${start.line}:${start.column}:${node.tagName}` : undefined;
}

/** Lists what the sanitiser removes from `markdown`, in source order. */
export function findRemovals(markdown: string): Removal[] {
  if (!MAYBE_UNSAFE.test(markdown)) return [];
  // hast-util-raw needs the file to map parse5's offsets back to lines and columns.
  const file = new VFile(markdown);
  const before = raw(toHast.runSync(toHast.parse(file), file) as Root, { file }) as Root;
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
