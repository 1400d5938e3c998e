/**
 * What a page built from hostile content must not contain, checked on a plain element tree so
 * that one set of rules runs on the built HTML (parsed like a browser does, by parse5) and on the
 * live DOM in Chromium after every script of the page has run (tests/e2e/xss.spec.ts).
 */
import type { Element as HastElement, Root, RootContent } from 'hast';
import { find, html as htmlSchema, svg as svgSchema } from 'property-information';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

/** An element reduced to what the checks look at. */
export interface PageNode {
  /** Lower-case tag name (`svg`, `a`, `pagefind-results`). */
  tag: string;
  /** Attributes by their HTML name (`onclick`, `xlink:href`), values as written. */
  attrs: Record<string, string>;
  children: PageNode[];
}

/** How a page is to be judged. */
export interface PageContext {
  /** The URL path, named in every problem. */
  path: string;
  /** The search page is the only one that may carry scripts (its module and its JSON labels). */
  searchPage: boolean;
  /** Whether exactly one CSP `<meta>` is required (false when a test strips it on purpose). */
  cspMeta: boolean;
}

/** Elements that no page of ours uses and that content must never be able to add. */
const FORBIDDEN_TAGS = new Set([
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'noscript', 'noembed', 'noframes',
  'xmp', 'plaintext', 'textarea', 'marquee', 'isindex', 'portal', 'param', 'style',
]);

/** Attributes that load or navigate to a URL: none may use a scheme that runs or embeds code. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite', 'ping', 'codebase', 'longdesc']);

/** Schemes that run script or smuggle a document; browsers drop ASCII whitespace and controls first. */
const SCRIPTED_SCHEME = /^(?:javascript|vbscript|data):/i;

/** `rel` values the layout writes on `<link>` (`preload`: its web fonts, see below). */
const LINK_RELS = new Set(['canonical', 'icon', 'alternate', 'stylesheet', 'preload']);

/** One of our script chunks, as written or as the browser's loader writes it (absolute, on the test server). */
const OWN_CHUNK = /^(?:http:\/\/(?:127\.0\.0\.1|localhost):\d+)?\/_astro\/[\w.-]+\.js$/;

/** The value a browser would see as the URL's scheme part: ASCII whitespace and control characters removed. */
function schemeView(value: string): string {
  return value.replace(/[\u0000-\u0020\u007f]/g, '');
}

/** Every problem with one page, as "path: what" lines; none means the page is clean. */
export function injectionProblems(root: PageNode, ctx: PageContext): string[] {
  const out: string[] = [];
  const problem = (node: PageNode, what: string) => out.push(`${ctx.path}: <${node.tag}> ${what}`);
  let cspMetas = 0;
  const visit = (node: PageNode, inProse: boolean) => {
    const { tag, attrs } = node;
    const prose = inProse || (attrs['class'] ?? '').split(/\s+/).includes('prose');
    if (tag === 'script') {
      const labels = attrs['type'] === 'application/json' && 'data-search-labels' in attrs && attrs['src'] === undefined;
      const module = attrs['type'] === 'module' && (attrs['src'] ?? '').startsWith('/_astro/');
      if (!ctx.searchPage || !(labels || module)) problem(node, `script ${JSON.stringify(attrs)}`);
    }
    if (FORBIDDEN_TAGS.has(tag)) problem(node, 'element is not allowed');
    if (prose && (tag === 'svg' || tag === 'math' || tag === 'form' || tag === 'button' || tag === 'meta' || tag === 'link')) problem(node, 'element is not allowed in rendered Markdown');
    if (tag === 'meta' && attrs['http-equiv'] !== undefined) {
      if (attrs['http-equiv'].toLowerCase() === 'content-security-policy') cspMetas += 1;
      else problem(node, `http-equiv="${attrs['http-equiv']}"`);
    }
    if (tag === 'link') {
      const rels = (attrs['rel'] ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      // The search page's module loads its language's strings with a dynamic import, and Vite's
      // loader adds a `modulepreload` for that chunk and the one the languages share: allowed
      // there, for our own chunks only.
      const ownPreload = ctx.searchPage && rels.length === 1 && rels[0] === 'modulepreload' && OWN_CHUNK.test(attrs['href'] ?? '');
      if (!ownPreload && (rels.length === 0 || rels.some((r) => !LINK_RELS.has(r)))) problem(node, `rel="${attrs['rel'] ?? ''}" href="${attrs['href'] ?? ''}"`);
      if (rels.includes('stylesheet') && !(attrs['href'] ?? '').startsWith('/_astro/')) problem(node, `stylesheet ${attrs['href'] ?? ''}`);
      if (rels.includes('preload') && (attrs['as'] !== 'font' || !/^\/_astro\/[\w.-]+\.woff2$/.test(attrs['href'] ?? ''))) problem(node, `preload ${attrs['as'] ?? ''} ${attrs['href'] ?? ''}`);
    }
    if (tag === 'form' && !/^\/(?!\/)/.test(attrs['action'] ?? '')) problem(node, `action="${attrs['action'] ?? ''}"`);
    for (const [name, value] of Object.entries(attrs)) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) problem(node, `event handler ${name}="${value}"`);
      if (lower === 'style') problem(node, `style="${value}"`);
      if (lower === 'srcdoc') problem(node, 'srcdoc');
      if (URL_ATTRIBUTES.has(lower) && SCRIPTED_SCHEME.test(schemeView(value))) problem(node, `${name}="${value}"`);
      // A content id or name equal to a global would shadow it (DOM clobbering); ours are prefixed.
      if ((lower === 'id' || lower === 'name') && value === '__xss') problem(node, `${name}="${value}"`);
    }
    for (const child of node.children) visit(child, prose);
  };
  visit(root, false);
  if (ctx.cspMeta && cspMetas !== 1) out.push(`${ctx.path}: ${cspMetas} content-security-policy <meta> elements, expected 1`);
  return out;
}

/** An attribute value as HTML writes it, from a hast property value (lists joined, booleans empty). */
function attributeValue(value: unknown, commaSeparated: boolean): string | undefined {
  if (value === null || value === undefined || value === false) return undefined;
  if (value === true) return '';
  if (Array.isArray(value)) return value.map(String).join(commaSeparated ? ', ' : ' ');
  return String(value);
}

/** A hast element as a PageNode (attribute names as in HTML, SVG and MathML alike). */
function nodeOf(element: HastElement, inSvg: boolean): PageNode {
  const svg = inSvg || element.tagName === 'svg';
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(element.properties)) {
    const info = find(svg ? svgSchema : htmlSchema, key);
    const text = attributeValue(value, info.commaSeparated);
    if (text !== undefined) attrs[info.attribute] = text;
  }
  // A <template>'s content is a separate fragment in the DOM, but it is markup all the same.
  const kids: RootContent[] = element.tagName === 'template' && element.content ? [...element.content.children, ...element.children] : element.children;
  return { tag: element.tagName.toLowerCase(), attrs, children: elementsOf(kids, svg) };
}

/** The element children of a node list. */
function elementsOf(nodes: readonly RootContent[], inSvg: boolean): PageNode[] {
  return nodes.filter((n): n is HastElement => n.type === 'element').map((n) => nodeOf(n, inSvg));
}

/** Parses a whole HTML document as a browser would (parse5, scripting on) into a PageNode tree. */
export function parsePage(html: string): PageNode {
  const tree: Root = unified().use(rehypeParse).parse(html);
  return { tag: '#document', attrs: {}, children: elementsOf(tree.children, false) };
}

/**
 * The live DOM of the current page as a PageNode tree. Runs in the browser (page.evaluate), so it
 * must not use anything from its module scope.
 */
export function snapshotDom(): PageNode {
  const walk = (el: Element): PageNode => {
    const attrs: Record<string, string> = {};
    for (const a of Array.from(el.attributes)) attrs[a.name] = a.value;
    const kids = Array.from(el.children);
    if (el instanceof HTMLTemplateElement) kids.push(...Array.from(el.content.children));
    const shadow = el.shadowRoot ? Array.from(el.shadowRoot.children) : [];
    return { tag: el.tagName.toLowerCase(), attrs, children: [...kids, ...shadow].map(walk) };
  };
  return { tag: '#document', attrs: {}, children: [walk(document.documentElement)] };
}
