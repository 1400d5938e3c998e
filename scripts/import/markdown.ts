/**
 * The Markdown side of the importer: every page becomes mdast blocks (so text and HTML pages share
 * one pipeline), and remark-stringify writes the body. Text is never written into Markdown by hand:
 * the serializer escapes what would otherwise turn "1. " or "*" in a sentence into markup.
 */
import type { Link, Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { normalizeSpaces } from './periods.ts';

/** One top-level block of a page (a paragraph, heading, list, quote...) with its plain text. */
export interface Block {
  /** The block as mdast. */
  node: RootContent;
  /** Its text, spaces collapsed (what classification rules look at). */
  text: string;
  /** Printed directly under the previous block, with no blank line between (text pages). */
  glued: boolean;
  /** Came from an HTML `<figcaption>` (an image caption or credit). */
  caption: boolean;
  /** 1-based line of the input where the block starts, when known. */
  line?: number;
}

/** Plain text of an mdast node; line breaks become spaces and footnote references "[n]". */
export function nodeText(node: Nodes): string {
  return normalizeSpaces(rawText(node));
}

/** Text of an mdast node exactly as printed (only trimmed): for fields copied verbatim, like a bio. */
export function printedText(node: Nodes): string {
  return rawText(node).trim();
}

/** Concatenates the text below a node (without collapsing spaces). */
function rawText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
      return node.value;
    case 'break':
      return '\n';
    case 'footnoteReference':
      return `[${node.identifier}]`;
    case 'image':
    case 'html':
    case 'definition':
    case 'thematicBreak':
      return '';
    default:
      if ('children' in node) {
        const sep = node.type === 'list' || node.type === 'root' || node.type === 'blockquote' || node.type === 'listItem' ? '\n' : '';
        return (node.children as Nodes[]).map(rawText).join(sep);
      }
      return '';
  }
}

/** Builds a block from an mdast node. */
export function makeBlock(node: RootContent, extra: { glued?: boolean; caption?: boolean; line?: number } = {}): Block {
  const block: Block = { node, text: nodeText(node), glued: extra.glued ?? false, caption: extra.caption ?? false };
  if (extra.line !== undefined) block.line = extra.line;
  return block;
}

/** A bare http(s) URL inside running text. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"“”«»]+/giu;

/** Trims punctuation that ends the sentence rather than the URL (keeping balanced parentheses). */
function trimUrl(url: string): string {
  let out = url.replace(/[.,;:!?'’]+$/u, '');
  while (out.endsWith(')') && (out.match(/\(/g)?.length ?? 0) < (out.match(/\)/g)?.length ?? 0)) {
    out = out.slice(0, -1).replace(/[.,;:!?'’]+$/u, '');
  }
  return out;
}

/**
 * Turns a printed line into inline mdast: the text as printed, with bare URLs as links (so they
 * stay links instead of being escaped into "https\://").
 */
export function inlineFromText(text: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const url = trimUrl(m[0]);
    const at = m.index;
    if (url.length < 'https://x'.length) continue;
    if (at > last) out.push({ type: 'text', value: text.slice(last, at) });
    const link: Link = { type: 'link', url, title: null, children: [{ type: 'text', value: url }] };
    out.push(link);
    last = at + url.length;
  }
  if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
  return out;
}

/** Turns bare URLs in the text nodes below `node` into links (text inside links and code is left alone). */
export function linkifyTree(node: Nodes): void {
  if (!('children' in node) || node.type === 'link' || node.type === 'linkReference') return;
  const out: Nodes[] = [];
  for (const child of node.children as Nodes[]) {
    if (child.type === 'text') out.push(...inlineFromText(child.value));
    else {
      linkifyTree(child);
      out.push(child);
    }
  }
  (node as { children: Nodes[] }).children = out;
}

/** The first bare or linked http(s) URL in a node, if any. */
export function firstUrl(node: Nodes): string | undefined {
  if (node.type === 'link' && /^https?:\/\//iu.test(node.url)) return node.url;
  if (node.type === 'text') {
    const m = /https?:\/\/[^\s<>"“”«»]+/iu.exec(node.value);
    return m ? trimUrl(m[0]) : undefined;
  }
  if ('children' in node) {
    for (const child of node.children as Nodes[]) {
      const url = firstUrl(child);
      if (url !== undefined) return url;
    }
  }
  return undefined;
}

/** One serializer for every body, so equal input always gives byte-identical Markdown. */
const serializer = unified().use(remarkGfm).use(remarkStringify, {
  bullet: '-',
  listItemIndent: 'one',
  emphasis: '_',
  strong: '*',
  rule: '-',
  fences: true,
  incrementListMarker: true,
});

/** Writes mdast blocks as Markdown (ending with one newline). */
export function stringifyBlocks(children: RootContent[]): string {
  const root: Root = { type: 'root', children };
  const out = serializer.stringify(root);
  return out.endsWith('\n') ? out : `${out}\n`;
}

/** Inline containers whose edges must touch text for the Markdown to mean what the HTML meant. */
const ATTENTION = new Set(['emphasis', 'strong', 'delete']);

/** Containers tidied like attention: spaces at their edges move outside them. */
const EDGED = new Set(['emphasis', 'strong', 'delete', 'link']);

/** The first or last text node below a node, walking into inline containers. */
function edgeText(node: Nodes, end: 'first' | 'last'): { type: 'text'; value: string } | undefined {
  if (node.type === 'text') return node;
  if (!('children' in node) || node.children.length === 0) return undefined;
  const children = node.children as Nodes[];
  return edgeText((end === 'first' ? children[0] : children.at(-1)) as Nodes, end);
}

/** Plain text of inline nodes, for the mid-word test. */
function inlineText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? (node.children as Nodes[]).map(inlineText).join('') : '';
}

/**
 * Tidies the inline content of HTML-derived mdast so the Markdown needs no character references:
 * spaces at the edges of emphasis, strong text and links move outside them (`<em>word </em>` would
 * otherwise be written `_word&#x20;_`), emphasis that starts or ends inside a word is unwrapped (a
 * mid-word `_emphasis_` is not Markdown emphasis, and writing it takes `&#x..;` escapes), runs of
 * spaces and no-break spaces collapse to one space, and a paragraph's edges are trimmed.
 */
export function tidyInline(node: Nodes): void {
  if (!('children' in node)) return;
  const children = node.children as Nodes[];
  for (const c of children) tidyInline(c);
  const out: Nodes[] = [];
  const pushText = (value: string): void => {
    if (value === '') return;
    const last = out.at(-1);
    if (last?.type === 'text') last.value += value;
    else out.push({ type: 'text', value });
  };
  for (let i = 0; i < children.length; i += 1) {
    const c = children[i] as Nodes;
    if (c.type === 'text') {
      pushText(c.value);
      continue;
    }
    if (!EDGED.has(c.type)) {
      out.push(c);
      continue;
    }
    const first = edgeText(c, 'first');
    const lead = first ? (/^\s+/u.exec(first.value)?.[0] ?? '') : '';
    if (first && lead) first.value = first.value.slice(lead.length);
    const last = edgeText(c, 'last');
    const trail = last ? (/\s+$/u.exec(last.value)?.[0] ?? '') : '';
    if (last && trail) last.value = last.value.slice(0, last.value.length - trail.length);
    if (lead) pushText(' ');
    const inner = inlineText(c);
    const before = out.at(-1);
    const after = children[i + 1];
    const touchesBefore = !lead && before?.type === 'text' && /[\p{L}\p{N}]$/u.test(before.value) && /^[\p{L}\p{N}]/u.test(inner);
    const touchesAfter = !trail && after?.type === 'text' && /^[\p{L}\p{N}]/u.test(after.value) && /[\p{L}\p{N}]$/u.test(inner);
    if (inner.trim() === '' && c.type !== 'link') {
      // Emphasis around nothing: its (empty) content goes, nothing else.
    } else if (ATTENTION.has(c.type) && (touchesBefore || touchesAfter)) {
      for (const g of (c as { children: Nodes[] }).children) {
        if (g.type === 'text') pushText(g.value);
        else out.push(g);
      }
    } else out.push(c);
    if (trail) pushText(' ');
  }
  // Line ends and tabs in HTML text are spaces; runs of spaces collapse (a line break the page meant is a `break` node).
  for (const c of out) if (c.type === 'text') c.value = c.value.replace(/[\t\n\r]/gu, ' ').replace(/[ \u00A0\u202F\u2007]{2,}/gu, ' ');
  // A line break at the edge of emphasis or a link, or anywhere in a heading, cannot be written there: it becomes a space.
  // (As a space, which the parent then moves outside: "Title:<br></strong>text" keeps its words apart.)
  if (EDGED.has(node.type)) {
    if (out[0]?.type === 'break') out[0] = { type: 'text', value: ' ' };
    const last = out.length - 1;
    if (out[last]?.type === 'break') out[last] = { type: 'text', value: ' ' };
  }
  if (node.type === 'heading' || node.type === 'tableCell') {
    for (let i = 0; i < out.length; i += 1) if (out[i]?.type === 'break') out[i] = { type: 'text', value: ' ' };
  }
  // Spaces beside a line break are not printed (a line starting with one would need "&#x20;").
  for (let i = 0; i < out.length; i += 1) {
    if (out[i]?.type !== 'break') continue;
    const prev = out[i - 1];
    const next = out[i + 1];
    if (prev?.type === 'text') prev.value = prev.value.replace(/[\s\u00A0]+$/u, '');
    if (next?.type === 'text') next.value = next.value.replace(/^[\s\u00A0]+/u, '');
  }
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
    // A line break first or last in a block prints nothing and cannot be written: it goes.
    const blank = (c: Nodes | undefined): boolean => c !== undefined && (c.type === 'break' || (c.type === 'text' && c.value.trim() === ''));
    while (blank(out[0])) out.shift();
    while (blank(out.at(-1))) out.pop();
    const head = out[0];
    if (head?.type === 'text') head.value = head.value.replace(/^[\s\u00A0]+/u, '');
    const tail = out.at(-1);
    if (tail?.type === 'text') tail.value = tail.value.replace(/[\s\u00A0]+$/u, '');
  }
  (node as { children: Nodes[] }).children = out.filter((c) => c.type !== 'text' || c.value !== '');
}
