/**
 * The text Pagefind 1.6 reads out of an HTML page, for pages indexed as custom records
 * (src/search/search-records.ts): a port of the rules of its HTML reader (pagefind/src/fossick/
 * parser.rs, `DomParser`, and `normalize_content` in fossick/mod.rs), so a record handed over as
 * text is indexed word for word, weight for weight, as the page itself would be:
 *
 * - only the `data-pagefind-body` element is read; `data-pagefind-ignore` drops an element's text,
 *   and so do the exclude selectors and the elements Pagefind always removes (nav, footer, form…);
 * - a block element (p, li, h1-h6, div, section…) is set off by spaces and, when its raw text ends
 *   in a word character, a closing quote, `)`, `$` or `*`, by a full stop (so "Sources" then "Title"
 *   read as two sentences in excerpts);
 * - headings carry Pagefind's automatic weights (h1 7 … h6 2) as its own weight markers, which a
 *   custom record's text goes through as a page's does (parse_digest);
 * - entities are decoded after all of that, as Pagefind does, and white space is collapsed.
 *
 * Anchor markers (an element with an `id`) are placed as Pagefind places them, since they add
 * white space, and then dropped: a custom record has no anchor texts, and the search page uses no
 * sub-results. The equivalence test (tests/build/search-records.test.ts) indexes every analysis
 * page both ways and compares what Pagefind stored.
 */
import { decodeHTMLStrict } from 'entities';

/** Block elements Pagefind separates with a space and a full stop (SENTENCE_SELECTORS). */
const SENTENCE = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'div', 'ul', 'li', 'article', 'section']);

/** Elements Pagefind never reads (REMOVE_SELECTORS). */
const REMOVED = new Set(['head', 'style', 'script', 'noscript', 'label', 'form', 'svg', 'footer', 'nav', 'iframe', 'template']);

/** Elements without an end tag: their node closes at once. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Elements whose content is raw text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

/** Pagefind's automatic heading weights. */
const HEADING_WEIGHT: Readonly<Record<string, string>> = { h1: '7', h2: '6', h3: '5', h4: '4', h5: '3', h6: '2' };

/** `[\w'"\)\$\*]` of Rust's regex (Unicode `\w`): a block ending in one of these gets a full stop. */
const SENTENCE_CHAR = /[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}'")$*]/u;

/** Rust's `\s` (Unicode White_Space), which JavaScript's `\s` does not match exactly. */
const WS = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const TRIM = new RegExp(`^[${WS}]+|[${WS}]+$`, 'g');
const NEWLINES = /(?:\n|\r\n)+/g;
const EXTRANEOUS_SPACES = new RegExp(`[${WS}]{2,}`, 'g');
const ANCHOR_MARKER = new RegExp(`(^|[${WS}])___PAGEFIND_ANCHOR___[^${WS}]*`, 'g');

/** How Pagefind treats an element's text (NodeStatus). */
type Status = 'indexing' | 'ignored' | 'excluded' | 'body' | 'parent-of-body';

/** One open element. */
interface Node {
  value: string;
  status: Status;
  tag: string;
  weight: string | undefined;
}

/** An exclude selector this port understands: `.class`, `[attr]` or `[attr="value"]`. */
interface Selector {
  className?: string | undefined;
  attribute?: string | undefined;
  value?: string | undefined;
}

/** Parses the exclude selectors the integration uses; anything else is a programming error. */
function parseSelectors(selectors: readonly string[]): Selector[] {
  return selectors.map((s) => {
    const cls = /^\.([\w-]+)$/.exec(s);
    if (cls) return { className: cls[1] };
    const attr = /^\[([\w-]+)(?:="([^"]*)")?\]$/.exec(s);
    if (attr) return attr[2] === undefined ? { attribute: attr[1] } : { attribute: attr[1], value: attr[2] };
    throw new Error(`pagefind-text: exclude selector ${JSON.stringify(s)} is not supported (expected .class, [attr] or [attr="value"])`);
  });
}

/** Whether an element matches one of the selectors. */
function excluded(tag: string, attrs: ReadonlyMap<string, string>, selectors: readonly Selector[]): boolean {
  if (REMOVED.has(tag)) return true;
  return selectors.some((s) => (s.className !== undefined ? (attrs.get('class') ?? '').split(/\s+/).includes(s.className) : s.attribute !== undefined && attrs.has(s.attribute) && (s.value === undefined || attrs.get(s.attribute) === s.value)));
}

/** Attributes of a start tag's source (between the name and `>`), names lower-cased, values decoded. */
function parseAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of source.matchAll(/([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const name = (m[1] ?? '').toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeHTMLStrict(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

/** The last character (code point) of a string. */
function lastChar(text: string): string {
  return Array.from(text.slice(-2)).at(-1) ?? '';
}

/**
 * The reader's state: a stack of open elements, each collecting its text, collapsed into its
 * parent when it ends (Pagefind's DomParser keeps the same tree of RefCells).
 */
class Reader {
  private readonly stack: Node[] = [{ value: '', status: 'indexing', tag: '', weight: undefined }];
  private anchors = 0;
  private readonly selectors: readonly Selector[];

  constructor(selectors: readonly Selector[]) {
    this.selectors = selectors;
  }

  private get current(): Node {
    const node = this.stack.at(-1);
    if (!node) throw new Error('pagefind-text: element stack underflow');
    return node;
  }

  text(raw: string): void {
    this.current.value += raw;
  }

  open(tag: string, attrs: Map<string, string>): void {
    const parent = this.current;
    const ignore = attrs.get('data-pagefind-ignore');
    const flag: Status | undefined = ignore === undefined ? undefined : ['', 'index', 'true'].includes(ignore.toLowerCase()) ? 'ignored' : 'excluded';
    const status: Status = attrs.has('data-pagefind-body') ? 'body' : (flag ?? 'indexing');
    const id = attrs.get('id')?.replace(/\s/g, '');
    if (id !== undefined && status !== 'excluded' && status !== 'ignored' && !(parent.status === 'parent-of-body' && status !== 'body')) {
      parent.value += ` ___PAGEFIND_ANCHOR___${tag}:${this.anchors}:${id} `;
      this.anchors += 1;
    }
    if (status !== 'excluded' && tag === 'br') parent.value += ' ';
    const node: Node = { value: '', status: parent.status === 'excluded' ? 'excluded' : status, tag, weight: attrs.get('data-pagefind-weight') };
    if (excluded(tag, attrs, this.selectors)) node.status = 'ignored';
    if (VOID.has(tag)) return; // no content, no end handler: Pagefind drops the node at once
    this.stack.push(node);
  }

  close(tag: string): void {
    // An end tag without its start (or closing an outer element early) closes what is open up to it.
    const at = this.stack.findLastIndex((n) => n.tag === tag);
    if (at <= 0) return;
    while (this.stack.length > at) this.end(this.stack.length - 1 === at ? tag : (this.current.tag));
  }

  private end(tag: string): void {
    const node = this.stack.pop();
    const parent = this.current;
    if (!node || node.status === 'excluded' || node.status === 'ignored') return;
    if (SENTENCE.has(tag)) {
      node.value = ` ${node.value}`;
      if (SENTENCE_CHAR.test(lastChar(node.value))) node.value += '.';
      node.value += ' ';
    }
    if (node.weight !== undefined) node.value = ` ___PAGEFIND_WEIGHT___${node.weight} ${node.value} ___END_PAGEFIND_WEIGHT___ `;
    else if (HEADING_WEIGHT[tag] !== undefined) node.value = ` ___PAGEFIND_AUTO_WEIGHT___${HEADING_WEIGHT[tag]} ${node.value} ___END_PAGEFIND_WEIGHT___ `;
    this.collapse(node, parent);
  }

  /** Adds a finished node's text to its parent, as Pagefind's end-tag handler does. */
  private collapse(node: Node, parent: Node): void {
    if (parent.status === 'parent-of-body' && node.status !== 'body' && node.status !== 'parent-of-body') return;
    if (node.status === 'indexing') parent.value += node.value;
    else if (node.status === 'body' || node.status === 'parent-of-body') {
      if (parent.status !== 'parent-of-body') parent.value = '';
      parent.value += node.value;
      parent.status = 'parent-of-body';
    }
  }

  /** Closes what is still open (Pagefind's `wrap`) and returns the root's text. */
  finish(): string {
    while (this.stack.length > 1) {
      const node = this.stack.pop();
      const parent = this.current;
      if (node && parent.status !== 'parent-of-body') {
        if (node.status === 'indexing') parent.value += node.value;
        else if (node.status === 'body' || node.status === 'parent-of-body') {
          parent.value = node.value;
          parent.status = 'parent-of-body';
        }
      }
    }
    return this.current.value;
  }
}

/** Pagefind's `normalize_content`: entities decoded, ends trimmed, line ends and runs of white space made one space. */
export function normalizeContent(text: string): string {
  return decodeHTMLStrict(text).replace(TRIM, '').replace(NEWLINES, ' ').replace(EXTRANEOUS_SPACES, ' ');
}

/**
 * The text Pagefind would index for `html` (a page, or the part of one that holds its
 * `data-pagefind-body` element), with its weight markers and without anchor markers. `exclude`
 * are the integration's exclude selectors (`.class`, `[attr]`, `[attr="value"]`).
 */
export function pagefindText(html: string, exclude: readonly string[]): string {
  const reader = new Reader(parseSelectors(exclude));
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      reader.text(html.slice(i));
      break;
    }
    if (lt > i) reader.text(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const tag = /^<(\/?)([a-zA-Z][^\s/>]*)([^>]*)>/.exec(html.slice(lt, lt + 4096)) ?? /^<(\/?)([a-zA-Z][^\s/>]*)([^>]*)>/.exec(html.slice(lt));
    if (!tag) {
      // A `<` that starts no tag is text (as in an HTML parser).
      reader.text('<');
      i = lt + 1;
      continue;
    }
    const name = (tag[2] ?? '').toLowerCase();
    i = lt + tag[0].length;
    if (tag[1]) {
      reader.close(name);
      continue;
    }
    reader.open(name, parseAttributes(tag[3] ?? ''));
    if (RAW_TEXT.has(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, i);
      const stop = end < 0 ? html.length : end;
      reader.text(html.slice(i, stop));
      i = stop;
    }
  }
  return normalizeContent(reader.finish()).replace(ANCHOR_MARKER, '$1').replace(EXTRANEOUS_SPACES, ' ').replace(TRIM, '');
}
