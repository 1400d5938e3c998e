/**
 * HTML pages into blocks: rehype-parse reads the page, chrome elements (scripts, menus, forms,
 * images) are removed, footnote markers are normalised to "[n]", and rehype-remark converts the
 * rest (headings, lists, links, emphasis, blockquotes) to mdast.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { Nodes, Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import { unified } from 'unified';
import { boxKind, CHROME_ELEMENTS } from './chrome.ts';
import { absoluteUrl } from './extract.ts';
import { type Block, linkifyTree, makeBlock, tidyInline } from './markdown.ts';
import { normalizeSpaces } from './periods.ts';

/** A footnote marker as printed inside `<sup>` or an in-page link: "1", "[1]". */
const MARKER = /^\s*\[?(\d{1,3})\]?\s*$/u;

/** What cleaning collects and needs. */
interface CleanContext {
  /** Figure captions seen (their blocks are marked as captions). */
  captions: string[];
  /** Text removed with chrome elements (buttons, menus), reported as dropped. */
  removed: { text: string; reason: string }[];
  /** URL relative links resolve against. */
  base: string | undefined;
  /** A box with this much paragraph text or more holds the article (a wrapper), never a prompt or teaser. */
  wrapperChars: number;
}

/** Characters of `<p>` text below a hast node (walked without recursion: pages nest deep). */
function paragraphChars(root: HastRoot | Element): number {
  let n = 0;
  const stack: (HastRoot | ElementContent | HastContent)[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (node === undefined || !('children' in node)) continue;
    if (node.type === 'element' && node.tagName === 'p') n += hastToString(node).length;
    else stack.push(...node.children);
  }
  return n;
}

/** The class names of a hast element as one string. */
function classText(value: unknown): string {
  return Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
}

/** Rewrites a hast subtree in place: drops chrome elements, turns footnote markers into "[n]". */
function clean(children: (ElementContent | HastContent)[], ctx: CleanContext): (ElementContent | HastContent)[] {
  const out: (ElementContent | HastContent)[] = [];
  for (const child of children) {
    if (child.type === 'comment' || child.type === 'doctype') continue;
    if (child.type !== 'element') {
      out.push(child);
      continue;
    }
    // Links are resolved here; a <base> left in would make the converter resolve (and throw on) them again.
    if (child.tagName === 'base') continue;
    // A ruby's reading (furigana over kanji) is a reading aid, not the text: "子こども" would read twice.
    // Where the page gives <rp> parentheses, its own plain-text form "尹錫悦（ユンソンニョル）" is kept.
    if ((child.tagName === 'rt' || child.tagName === 'rp') && !children.some((c) => c.type === 'element' && c.tagName === 'rp')) continue;
    if (child.tagName === 'form') {
      // A form can wrap a whole article (some CMSs do): keep its text, its controls still go.
      out.push(...clean(child.children, ctx));
      continue;
    }
    // A consent prompt or teaser widget inside the article ("Load content from YouTube", an Outbrain
    // box); a box holding much of the page's paragraph text is a wrapper and stays.
    const kind = boxKind(`${classText(child.properties['className'])} ${typeof child.properties['id'] === 'string' ? child.properties['id'] : ''}`);
    if (kind !== undefined && paragraphChars(child) < ctx.wrapperChars) {
      // Its blocks' texts joined by spaces ("...this video. Load content"), as the reader saw them.
      const text = normalizeSpaces(child.children.map((c) => hastToString(c)).join(' '));
      if (text !== '') ctx.removed.push({ text, reason: `${kind} box` });
      continue;
    }
    if (CHROME_ELEMENTS.has(child.tagName)) {
      const text = ['script', 'style', 'template', 'noscript'].includes(child.tagName) ? '' : normalizeSpaces(hastToString(child));
      if (text !== '') ctx.removed.push({ text, reason: `<${child.tagName}> element` });
      continue;
    }
    const text = hastToString(child);
    const href = child.properties['href'];
    const marker = MARKER.exec(text);
    if (marker && (child.tagName === 'sup' || (child.tagName === 'a' && typeof href === 'string' && href.startsWith('#')))) {
      out.push({ type: 'text', value: `[${marker[1] ?? ''}]` });
      continue;
    }
    if (child.tagName === 'figcaption') ctx.captions.push(normalizeSpaces(text));
    const element: Element = { ...child, children: clean(child.children, ctx) as ElementContent[] };
    // Relative links would break once the text leaves its site: resolve them against the page URL.
    if (child.tagName === 'a' && typeof href === 'string' && !href.startsWith('#')) {
      const resolved = absoluteUrl(href, ctx.base);
      element.properties = { ...child.properties, href: resolved ?? '' };
      if (resolved === undefined) delete element.properties['href'];
    }
    out.push(element);
  }
  return out;
}

/** Drops position data and images left in the mdast (no image files are imported). */
function strip(node: Nodes): void {
  delete node.position;
  if ('children' in node) {
    const kept = (node.children as Nodes[]).filter((c) => c.type !== 'image' && c.type !== 'imageReference');
    (node as { children: Nodes[] }).children = kept;
    for (const c of kept) strip(c);
  }
}

/**
 * Parses an HTML page into blocks; links are made absolute against `base` (a link that cannot be
 * keeps its text only), and text removed with chrome elements is appended to `removed`.
 */
export function htmlToBlocks(html: string, base?: string, removed: { text: string; reason: string }[] = []): Block[] {
  const hast: HastRoot = unified().use(rehypeParse).parse(html);
  // 30% of the page's paragraph text: boxes holding more are the article's own wrappers.
  const ctx: CleanContext = { captions: [], removed, base, wrapperChars: Math.max(200, paragraphChars(hast) * 0.3) };
  hast.children = clean(hast.children, ctx) as HastRoot['children'];
  const mdast = unified().use(rehypeRemark).runSync(hast) as Root;
  strip(mdast);
  tidyInline(mdast);
  linkifyTree(mdast);
  const captionSet = new Set(ctx.captions.filter((c) => c !== ''));
  return mdast.children
    .filter((node) => !(node.type === 'paragraph' && node.children.length === 0))
    .map((node) => {
      const block = makeBlock(node);
      block.caption = captionSet.has(block.text);
      return block;
    })
    .filter((b) => b.text !== '' || b.node.type === 'thematicBreak' || b.node.type === 'table');
}
