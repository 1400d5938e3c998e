/**
 * What an analysis body may make the renderer do, checked before it does it. Markdown amplifies:
 * a 4.8 KB table of 800 header cells and 800 one-cell rows became 6.4 MB of HTML (GFM fills every
 * row to the header's width), 3,000 columns ran a 4 GB heap out; nesting thousands deep ran the
 * tree code out of stack or the parser into quadratic time. The renderer (render-markdown.ts)
 * refuses such a body with a BodyLimitError naming the line, before building the HTML, so the
 * build and `npm run validate` (which renders every analysis the same way) report it alike.
 *
 * Three measures, all by loops (never recursion): nesting, on the HTML tree (every level counts,
 * raw HTML's too) with the line from Sätteri's Markdown tree; table cells, on the Markdown tree,
 * before rows are filled; and the size of the HTML the body becomes, estimated from the Markdown
 * tree when it has a table (filled rows, link definitions copied into references, footnote
 * back-links) and then measured on the HTML itself.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Definition, Nodes, Root as MdRoot } from 'mdast';
import { NEUTRAL_LOCALE } from '../i18n/languages.ts';

/** Deepest nesting a body may have: lists, quotes, emphasis, links and HTML elements inside one another. */
export const MAX_NESTING = 100;

/** Most table cells one analysis may have, every row counted at its header's width. */
export const MAX_TABLE_CELLS = 10_000;

/** Most characters of HTML one analysis body may become (the largest sample analysis makes 40,000). */
export const MAX_BODY_HTML = 2_000_000;

/**
 * Nesting a line-by-line scan may see before the parser runs at all: the parser takes quadratic
 * time on nesting (100,000 quotes: minutes), so depths far past the rule are refused unparsed.
 */
const SCAN_NESTING = 10 * MAX_NESTING;

/** A body the renderer refuses: why, and the line of the body where it shows (1-based), when known. */
export class BodyLimitError extends Error {
  /** 1-based line in the body, when the limit shows at one place. */
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.name = 'BodyLimitError';
    this.line = line;
  }
}

/** The nesting message, one wording wherever the depth is found. */
export function nestingMessage(): string {
  return `nested more than ${MAX_NESTING} levels deep (lists, quotes, emphasis, links or HTML elements inside one another), expected at most ${MAX_NESTING}`;
}

/** Elements that never contain anything, so they open no level. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** A tag: `<x ...>`, `</x>` or `<x/>`; stops at the next `<`, so the scan stays linear. */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*?(\/?)>/g;

/** Leading quote marks (`>` with or without a space) and list markers of a line, with the indentation before them. */
const CONTAINERS = /^([ \t]*)((?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)|>[ \t]?)*)/;

/** A thematic break (`- - -`, `***`): list markers in looks only. */
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * The 1-based line where a linear scan sees nesting deeper than `limit`: HTML tags opened and not
 * closed, or quote marks and list markers at the start of a line (with two spaces of indentation
 * counted as a level). It over-counts what the parser would not nest (a `<p>` left open, markers in
 * a code block), so it only guards the parser at ten times the rule; the rule itself is measured
 * on the parsed tree.
 */
export function scanNesting(body: string, limit = SCAN_NESTING): number | undefined {
  const lineOf = (offset: number) => body.slice(0, offset).split('\n').length;
  let depth = 0;
  for (const m of body.matchAll(TAG)) {
    const [, closing, name = '', selfClosing] = m;
    if (closing) depth = Math.max(0, depth - 1);
    else if (!selfClosing && !VOID.has(name.toLowerCase())) depth += 1;
    if (depth > limit) return lineOf(m.index);
  }
  let line = 0;
  for (const text of body.split('\n')) {
    line += 1;
    if (THEMATIC_BREAK.test(text)) continue;
    const m = CONTAINERS.exec(text);
    const indent = (m?.[1] ?? '').replace(/\t/g, '    ').length;
    const markers = (m?.[2] ?? '').match(/[-*+>]|\d{1,9}[.)]/g)?.length ?? 0;
    if (markers > 0 && markers + Math.floor(indent / 2) > limit) return line;
  }
  return undefined;
}

/** Markdown nodes that are not a level an author writes: a list item sits in its list, a row in its table. */
const WRAPPERS = new Set(['listItem', 'paragraph', 'tableRow', 'tableCell']);

/** HTML elements that are not a level an author writes (the counterparts of WRAPPERS). */
const HTML_WRAPPERS = new Set(['li', 'p', 'tbody', 'thead', 'tr', 'td', 'th']);

/** Characters of HTML a node adds besides its children, as the renderer writes it (an estimate). */
function htmlCost(node: Nodes, definitions: ReadonlyMap<string, Definition>): number {
  const text = ('value' in node ? node.value.length : 0) + ('alt' in node ? (node.alt?.length ?? 0) : 0);
  switch (node.type) {
    case 'link':
    case 'image':
      return 30 + text + node.url.length + (node.title?.length ?? 0);
    case 'linkReference':
    case 'imageReference': {
      const target = definitions.get(node.identifier);
      return 30 + text + (target?.url.length ?? 0) + (target?.title?.length ?? 0);
    }
    // The reference, and its back-link in the notes at the end.
    case 'footnoteReference':
      return 300;
    // The id slugged from the text, and the anchor appended to it.
    case 'heading':
      return 150;
    case 'table':
      return 20 + (node.align?.length ?? 0) * node.children.length * 10;
    case 'definition':
      return 0;
    default:
      return 10 + text;
  }
}

/** The children of a node (none for a leaf). */
const childrenOf = (node: Nodes): Nodes[] => ('children' in node ? node.children : []);

/**
 * Measures a parsed body (Sätteri's mdast, positions on) and throws a BodyLimitError for the
 * first limit it passes: nesting, table cells, estimated HTML size.
 */
export function checkMarkdownTree(root: MdRoot): void {
  const definitions = new Map<string, Definition>();
  // Definitions may sit inside quotes or list items too: one loop finds them all first (the first one of a label wins).
  const all: Nodes[] = [...root.children].reverse();
  for (let node = all.pop(); node; node = all.pop()) {
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
    all.push(...[...childrenOf(node)].reverse());
  }
  // A level is a node that holds others and is not a wrapper; leaves (text, code, raw HTML) add none.
  const levels = (node: Nodes) => ('children' in node && !WRAPPERS.has(node.type) ? 1 : 0);
  const stack: { node: Nodes; depth: number; block: Nodes }[] = [...root.children].reverse().map((block) => ({ node: block, depth: levels(block), block }));
  let cells = 0;
  let html = 0;
  const perBlock = new Map<Nodes, number>();
  for (let at = stack.pop(); at; at = stack.pop()) {
    const { node, depth, block } = at;
    const line = node.position?.start.line;
    if (depth > MAX_NESTING) throw new BodyLimitError(nestingMessage(), line);
    if (node.type === 'table') {
      const columns = node.align?.length ?? 0;
      const rows = node.children.length;
      cells += columns * rows;
      if (cells > MAX_TABLE_CELLS) {
        const here = `this table: ${columns} columns × ${rows} rows, every row filled to the header's ${columns} cells`;
        throw new BodyLimitError(`tables with ${cells.toLocaleString(NEUTRAL_LOCALE)} cells (${here}), expected at most ${MAX_TABLE_CELLS.toLocaleString(NEUTRAL_LOCALE)} cells in one analysis`, line);
      }
    }
    const cost = htmlCost(node, definitions);
    html += cost;
    perBlock.set(block, (perBlock.get(block) ?? 0) + cost);
    for (const child of [...childrenOf(node)].reverse()) stack.push({ node: child, depth: depth + levels(child), block });
  }
  if (html > MAX_BODY_HTML) {
    const [largest] = [...perBlock].sort((a, b) => b[1] - a[1]);
    throw new BodyLimitError(sizeMessage(html, 'about '), largest?.[0].position?.start.line);
  }
}

/** The size message, for the estimate and for the measured HTML. */
export function sizeMessage(chars: number, about = ''): string {
  const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} million`;
  return `renders to ${about}${mb(chars)} characters of HTML, expected at most ${mb(MAX_BODY_HTML)} (link definitions are copied into every reference, table rows filled to the header's width)`;
}

/** The line where the Markdown tree nests deeper than MAX_NESTING, if it does. */
function markdownNestingLine(root: MdRoot): number | undefined {
  try {
    checkMarkdownTree(root);
  } catch (error) {
    if (error instanceof BodyLimitError && error.message === nestingMessage()) return error.line;
  }
  return undefined;
}

/**
 * Throws a BodyLimitError when the HTML tree nests deeper than MAX_NESTING: every level counts,
 * Markdown's and raw HTML's. The HTML tree has no positions, so the line comes from the Markdown
 * tree (`markdownTree`, parsed only then) or, for nesting in raw HTML, from the tag scan.
 */
export function checkHtmlTree(tree: HastRoot, body: string, markdownTree: () => MdRoot): void {
  const stack: { node: HastRoot | Element; depth: number }[] = [{ node: tree, depth: 0 }];
  for (let at = stack.pop(); at; at = stack.pop()) {
    for (const child of at.node.children) {
      if (child.type !== 'element') continue;
      const depth = at.depth + (HTML_WRAPPERS.has(child.tagName) ? 0 : 1);
      if (depth > MAX_NESTING) throw new BodyLimitError(nestingMessage(), markdownNestingLine(markdownTree()) ?? scanNesting(body, MAX_NESTING));
      stack.push({ node: child, depth });
    }
  }
}
