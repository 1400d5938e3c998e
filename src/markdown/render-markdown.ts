/**
 * Renders one analysis body to safe HTML. Markdown is parsed and turned into hast in Rust by
 * Sätteri (the parser behind Astro 7's default processor), with raw HTML parsed into real
 * elements there (`rawHtml`), so no parse5 pass runs in JavaScript. Then one walk over the tree
 * does what five rehype plugins used to do in five walks (heading ids and anchors, external-link
 * rel, `user-content-` id prefixes, table alignment), and hast-util-sanitize applies GitHub's
 * schema (src/markdown/sanitize-schema.ts) last, so nothing added before it escapes it.
 *
 * Output is byte-identical to the former remark/rehype pipeline (remark-parse, remark-gfm,
 * rehype-raw, our plugins, rehype-sanitize, Astro's second rehype-raw) for the sample content
 * and generated corpora; docs/decisions/performance-trials.md lists the measured exceptions.
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import type { Root as MdRoot } from 'mdast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import GithubSlugger from 'github-slugger';
import { markdownToHast, markdownToMdast } from 'satteri';
import { t } from '../i18n/index.ts';
import { LANGUAGES, type Language } from '../schemas/primitives.ts';
import { BodyLimitError, checkHtmlTree, checkMarkdownTree, MAX_BODY_HTML, nestingMessage, scanNesting, sizeMessage } from './body-limits.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

/** The prefix GitHub also uses for user content: authors' ids can never collide with the page's own. */
export const USER_CONTENT_PREFIX = 'user-content-';

/** A heading as Astro reports it in `render()` metadata. */
export interface RenderedHeading {
  depth: number;
  slug: string;
  text: string;
}

/** What rendering one body gives: sanitised HTML and its headings. */
export interface RenderedMarkdown {
  html: string;
  headings: RenderedHeading[];
}

/**
 * The language of an analysis file from its path: the last `analyses/<lang>/` folder. A file in
 * no language folder is an error the content reader reports, and is never published; its notes
 * are labelled in the interface's first language meanwhile.
 */
export function analysisLanguage(path: string | undefined): Language {
  const folders = [...(path ?? '').replace(/\\/g, '/').matchAll(/(?:^|\/)analyses\/([^/]+)\//g)];
  const folder = folders.at(-1)?.[1];
  return LANGUAGES.find((lang) => lang === folder) ?? LANGUAGES[0];
}

function prefixed(value: string): string {
  return value.startsWith(USER_CONTENT_PREFIX) ? value : USER_CONTENT_PREFIX + value;
}

function prefixList(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? prefixed(v) : v));
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean).map(prefixed).join(' ');
  return value;
}

/** Text of a node as hast-util-to-string gives it (what rehype-slug slugs). */
function textOf(node: Element | Root | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map((c) => textOf(c as ElementContent)).join('');
  return '';
}

/** Absolute http(s) or protocol-relative: the links rehype-external-links marked. */
function isExternal(href: string): boolean {
  const scheme = /^([a-zA-Z][a-zA-Z\d+\-.]*?):/.exec(href)?.[1];
  if (scheme !== undefined && !/^[a-zA-Z]:\\/.test(href)) return scheme === 'http' || scheme === 'https';
  return href.startsWith('//');
}

const HEADING = /^h[1-6]$/;

/** Every `id` in the tree, found with a loop (the depth is bounded before this runs, but a loop costs nothing). */
function existingIds(tree: Root): string[] {
  const ids: string[] = [];
  const stack: (Root | Element)[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const id = child.properties['id'];
      if (typeof id === 'string' && id !== '') ids.push(id);
      stack.push(child);
    }
  }
  return ids;
}
/** Sätteri writes GFM column alignment as a style; GitHub's schema drops style but keeps `align`. */
const ALIGN_STYLE = /^\s*text-align\s*:\s*(left|right|center)\s*;?\s*$/;

/**
 * The fused pass, in the order the rehype plugins ran: a heading without an id gets one slugged
 * from its text and an appended `#` anchor (except the footnote section's label); links to other
 * sites get `rel="noopener noreferrer"`; ids, names, ARIA id references and `#fragment` links get
 * the user-content prefix; GFM cell alignment becomes `align`.
 */
function rewrite(tree: Root): void {
  const slugger = new GithubSlugger();
  // Ids the tree already has (footnotes: fn-1, fnref-1, footnote-label; raw HTML) are taken, so a
  // heading "fn-1" becomes fn-1-1 instead of stealing footnote 1's id (and its links).
  for (const id of existingIds(tree)) {
    slugger.occurrences[id] = 0;
    if (id.startsWith(USER_CONTENT_PREFIX)) slugger.occurrences[id.slice(USER_CONTENT_PREFIX.length)] = 0;
  }
  const walk = (node: Root | Element): void => {
    for (const child of node.children as RootContent[]) {
      if (child.type !== 'element') continue;
      const p: Properties = child.properties;
      if (HEADING.test(child.tagName)) {
        if (p['id'] === undefined || p['id'] === null || p['id'] === '') p['id'] = slugger.slug(textOf(child));
        if (p['id'] !== 'footnote-label' && p['id']) {
          child.children.push({
            type: 'element',
            tagName: 'a',
            properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1, href: `#${String(p['id'])}` },
            children: [{ type: 'text', value: '#' }],
          });
        }
      }
      if (child.tagName === 'a' && typeof p['href'] === 'string' && isExternal(p['href'])) p['rel'] = ['noopener', 'noreferrer'];
      if (typeof p['id'] === 'string' && p['id'] !== '') p['id'] = prefixed(p['id']);
      if (typeof p['name'] === 'string' && p['name'] !== '') p['name'] = prefixed(p['name']);
      for (const key of ['ariaDescribedBy', 'ariaLabelledBy'] as const) {
        if (p[key] !== undefined && p[key] !== null) p[key] = prefixList(p[key]) as (typeof p)[typeof key];
      }
      if (typeof p['href'] === 'string' && p['href'].startsWith('#') && p['href'].length > 1) {
        p['href'] = `#${prefixed(decodeURIComponent(p['href'].slice(1)))}`;
      }
      if ((child.tagName === 'td' || child.tagName === 'th') && typeof p['style'] === 'string') {
        const align = ALIGN_STYLE.exec(p['style'])?.[1];
        if (align) {
          delete p['style'];
          p['align'] = align;
        }
      }
      walk(child);
    }
  };
  walk(tree);
}

/** Headings after sanitising, as Astro's rehypeHeadingIds reports them (text includes the anchor's `#`). */
function headingsOf(tree: Root): RenderedHeading[] {
  const headings: RenderedHeading[] = [];
  const walk = (node: Root | Element): void => {
    for (const child of node.children as RootContent[]) {
      if (child.type !== 'element') continue;
      if (HEADING.test(child.tagName)) {
        headings.push({ depth: Number(child.tagName.slice(1)), slug: String(child.properties['id'] ?? ''), text: textOf(child).replace(/\{/g, '${') });
      }
      walk(child);
    }
  };
  walk(tree);
  return headings;
}

/**
 * Sätteri's options for a body: GFM with footnotes labelled in the analysis's language, raw HTML
 * parsed into elements, no frontmatter (the loader has split it off: a body opening with `---` is a
 * rule). The page and the validator's reports (sanitize-report.ts, external-images.ts) parse with
 * these, so they read the same Markdown the same way.
 */
export function markdownFeatures(filePath?: string) {
  const strings = t(analysisLanguage(filePath)).footnotes;
  return { gfm: { footnotes: { label: strings.label, backLabel: strings.backLabel, clobberPrefix: '' } }, rawHtml: true, frontmatter: false };
}

/**
 * Renders a body; `filePath` (content/analyses/<lang>/…) picks the footnote labels' language.
 * A body past the limits of body-limits.ts (nesting, table cells, HTML size) is refused with a
 * BodyLimitError naming the line, before its HTML is built; a parser failure throws with the
 * file named.
 */
export function renderMarkdown(body: string, filePath?: string): RenderedMarkdown {
  const features = markdownFeatures(filePath);
  const scanned = scanNesting(body);
  if (scanned !== undefined) throw new BodyLimitError(nestingMessage(), scanned);
  const markdownTree = () => markdownToMdast(body, { features }) as MdRoot;
  let tree: Root;
  try {
    // A table is the one construct whose HTML grows faster than its Markdown (rows are filled to
    // the header's width): the Markdown tree, where they are not yet, is measured first. Every
    // table has a `|`; a body without one is spared that parse (a fifth of the render's time).
    if (body.includes('|')) checkMarkdownTree(markdownTree());
    tree = markdownToHast(body, { features }) as Root;
  } catch (error) {
    if (error instanceof BodyLimitError) throw error;
    throw new Error(`${filePath ?? '(Markdown body)'}: the Markdown parser failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  checkHtmlTree(tree, body, markdownTree);
  rewrite(tree);
  const clean = sanitize(tree, sanitizeSchema) as Root;
  const html = toHtml(clean);
  if (html.length > MAX_BODY_HTML) throw new BodyLimitError(sizeMessage(html.length));
  return { html, headings: headingsOf(clean) };
}
