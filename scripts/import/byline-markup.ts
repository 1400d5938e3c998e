/**
 * The byline a page's markup marks as such: `itemprop="author"`, `rel="author"`, the author
 * vcard blog themes print ("Posted by <span class="author vcard">…"), a `byline` or `author`
 * class. Commenters' names, teaser lists and sidebars carry the same classes, so anything inside
 * comments, related-article boxes, navigation, footers and asides is skipped. Also the byline
 * lines printed in the text, author keys in page scripts and the author `<meta>` tags.
 */
import { bylineLineNames, isBylineName } from './names.ts';

/** Selectors from the most to the least specific; the first that names someone wins. */
const SELECTORS = [
  '[itemprop~="author"] [itemprop~="name"]',
  '[itemprop~="author"]',
  '.author.vcard .fn',
  '.vcard.author .fn',
  '.author.vcard',
  '.vcard.author',
  'a[rel~="author"]',
  '.byline .author',
  '.by-author',
  '[class*="author-name"], [class*="author__name"], [class*="authorName"], [class*="AuthorName"]',
  '.byline, [class*="byline"], [class*="Byline"]',
  '[class*="author"], [class*="Author"]',
];

/** Class or id words of boxes whose names are not the article's authors. */
const ELSEWHERE = /comment|related|teaser|sidebar|widget|recommend|popular|newsletter|share|social|avatar|slider|more-|listing/iu;

/** Tags whose names are not the article's authors. */
const ELSEWHERE_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE', 'FORM', 'BUTTON', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * True when an element sits in comments, a teaser list, navigation or another box of other
 * people's names. A wrapper holding the article itself (its `<article>` or first `<h1>`) is not
 * such a box whatever its classes say: themes put "has-sidebar" or "with-comments" on the body and
 * the page's wrappers.
 */
function elsewhere(el: Element, article: Element | null): boolean {
  for (let e: Element | null = el; e !== null; e = e.parentElement) {
    if (e.tagName === 'BODY' || e.tagName === 'HTML' || (article !== null && e !== article && e.contains(article))) return false;
    if (ELSEWHERE_TAGS.has(e.tagName)) return true;
    if (ELSEWHERE.test(`${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`)) return true;
  }
  return false;
}

/**
 * The element that stands for the article: its `<h1>` inside `<article>`, else the hAtom entry or
 * the blog post (Blogger's `<h1>` is the blog's name in a header widget, and the whole post sits in
 * a "widget Blog"), else the first `<h1>` or `<article>`.
 */
function articleAnchor(document: Document): Element | null {
  for (const selector of ['article h1', '.hentry', '[itemprop~="blogPost"]', 'h1', 'article']) {
    const found = document.querySelector(selector);
    if (found !== null) return found;
  }
  return null;
}

/** The element's text with a space between the texts of its parts ("Posted by<a>Jane</a>" reads "Posted by Jane"). */
function spacedText(el: Element): string {
  const content = el.getAttribute('content');
  if (content !== null && content.trim() !== '') return content.trim();
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) parts.push(node.textContent ?? '');
    else if (node.nodeType === 1 && !ELSEWHERE_TAGS.has((node as Element).tagName)) for (const child of node.childNodes) walk(child);
  };
  walk(el);
  return parts.join(' ').replace(/\s+/gu, ' ').trim();
}

/**
 * The byline texts the markup marks, one group per selector that matches outside comments and
 * teasers, most specific first: every match sharing the first match's byline box (co-authors
 * printed one element each), at most six. Each text is as printed ("Posted by Jane Roe"): the
 * caller cleans it and takes the first group that names someone.
 */
export function markupBylines(document: Document): string[][] {
  const groups: string[][] = [];
  const article = articleAnchor(document);
  for (const selector of SELECTORS) {
    const found = [...document.querySelectorAll(selector)]
      .filter((el) => !elsewhere(el, article))
      .map((el) => ({ el, text: spacedText(el) }))
      .filter((m) => m.text !== '' && m.text.length <= 120 && /\p{L}/u.test(m.text));
    const first = found[0];
    if (first === undefined) continue;
    const box = first.el.parentElement?.parentElement ?? first.el.parentElement;
    const texts: string[] = [];
    for (const m of found) {
      if (box !== null && !box.contains(m.el)) continue;
      // A nested match (".byline .author" inside ".byline") is read once, through its outer element.
      if (found.some((other) => other.el !== m.el && other.el.contains(m.el))) continue;
      if (!texts.includes(m.text)) texts.push(m.text);
    }
    const group = texts.slice(0, 6);
    if (group.length && !groups.some((g) => g.join('\n') === group.join('\n'))) groups.push(group);
    if (groups.length >= 4) break;
  }
  return groups;
}

/** Elements that hold one line of text: a byline printed as a line of its own is one of them. */
const LINE_TAGS = new Set(['P', 'SPAN', 'DIV', 'EM', 'STRONG', 'B', 'I', 'SMALL', 'ADDRESS', 'H3', 'H4', 'H5', 'H6', 'LI', 'FONT', 'TD', 'DD', 'DT', 'A', 'TIME', 'CITE', 'HEADER', 'SECTION']);

/**
 * Byline lines printed in the page's text, outside comments, teasers, navigation and footers: a
 * short element whose text is a label and a name ("Geschrieben von Jane Roe am 24. Juli",
 * "Autor: Jane Roe", "Par Jane Roe, 21 juin", "责任编辑：张三"; the label table is BYLINE_LABELS in
 * names.ts). The innermost element holding the line is read, in page order; each entry is the
 * names one line gives.
 */
export function textBylines(document: Document): string[][] {
  const article = articleAnchor(document);
  const found: { el: Element; names: string[] }[] = [];
  for (const el of document.querySelectorAll('body *')) {
    if (!LINE_TAGS.has(el.tagName)) continue;
    const raw = el.textContent ?? '';
    if (raw.length > 400) continue;
    const text = spacedText(el);
    if (text === '' || text.length > 160) continue;
    const names = bylineLineNames(text);
    if (names === undefined || elsewhere(el, article)) continue;
    found.push({ el, names });
  }
  const lines: string[][] = [];
  for (const f of found) {
    // The innermost element holding the line: an outer one reads the same names with more around them.
    if (found.some((other) => other !== f && f.el.contains(other.el))) continue;
    if (!lines.some((l) => l.join('\n') === f.names.join('\n'))) lines.push(f.names);
    if (lines.length >= 3) break;
  }
  return lines;
}

/**
 * An author key in a page script that is not JSON-LD (a dataLayer, `__NEXT_DATA__`, a state
 * object): `"author": "Jane Roe"`, `'authorName': 'Jane Roe'`, `"byline": ...`, `"postedBy": ...`,
 * `"authors": ["A", "B"]`, `"author": {"name": "Jane Roe"}`. Values that are addresses, numbers,
 * placeholders or not name-shaped are skipped; the first key giving names wins.
 */
export function scriptAuthors(document: Document): string[] {
  const key = String.raw`(["']?)(?:article_?|content_?|page_?|post_?)?(?:author(?:_?names?)?s?|byline|posted_?by)\1\s*[:=]\s*`;
  const dq = String.raw`"((?:[^"\\\n]|\\.){1,120})"`;
  const sq = String.raw`'((?:[^'\\\n]|\\.){1,120})'`;
  const pattern = new RegExp(`${key}(?:${dq}|${sq}|\\[\\s*((?:"(?:[^"\\\\\\n]|\\\\.){1,120}"\\s*,?\\s*){1,8})\\]|\\{[^{}]{0,300}?"name"\\s*:\\s*${dq})`, 'giu');
  const decode = (raw: string): string => {
    try {
      return JSON.parse(`"${raw.replace(/\\'/gu, "'")}"`) as string;
    } catch {
      return raw;
    }
  };
  for (const script of document.querySelectorAll('script')) {
    const type = (script.getAttribute('type') ?? '').toLowerCase();
    if (script.hasAttribute('src') || type.includes('ld+json') || type.includes('template') || type.includes('html')) continue;
    const text = script.textContent ?? '';
    if (!/author|byline|posted_?by/iu.test(text)) continue;
    for (const m of text.matchAll(pattern)) {
      const values = m[4] !== undefined ? [...m[4].matchAll(/"((?:[^"\\]|\\.)*)"/gu)].map((v) => v[1] ?? '') : [m[2] ?? m[3] ?? m[5] ?? ''];
      const names = values
        .map((v) => decode(v).replace(/\s+/gu, ' ').trim())
        .filter((v) => v !== '' && !/^(?:https?:|www\.|\/)|@|^\d+$|^(?:undefined|null|none|false|true|n\/a|unknown)$/iu.test(v));
      const list = names.length === 1 ? names[0]?.split(/\s*,\s*|\s+(?:and|und|et|y|e)\s+/u) ?? [] : names;
      // A script's lone word ("news", "admin") is a setting more often than a name: two words or more, or a script without capitals.
      const named = list.map((n) => n.replace(/^by\s+/iu, ''));
      if (named.length > 0 && named.every((n) => isBylineName(n) && (n.includes(' ') || n.toLowerCase() === n.toUpperCase()))) return named;
    }
  }
  return [];
}

/** Meta names that carry the author's name, most specific first; any other name ending in "author" follows. */
const META_AUTHOR_KEYS = ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'byl', 'article:author_name', 'shareaholic:article_author_name', 'cxenseparse:author'];

/**
 * The authors `<meta>` tags name, with the tag's name: `author` in any letter case, `article:author`
 * when it holds a name rather than an address, `dc.creator`, `parsely-author`, `sailthru.author`,
 * `shareaholic:article_author_name`, or any other name ending in "author" / "author_name".
 */
export function metaAuthors(document: Document): { key: string; names: string[] } | undefined {
  const byKey = new Map<string, string[]>();
  for (const el of document.querySelectorAll('meta[content]')) {
    const key = (el.getAttribute('name') ?? el.getAttribute('property') ?? '').trim().toLowerCase();
    const content = el.getAttribute('content')?.trim() ?? '';
    if (key === '' || content === '' || /^https?:|@|^\d+$/u.test(content)) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), content.replace(/^by\s+/iu, '')]);
  }
  const keys = [...META_AUTHOR_KEYS, ...[...byKey.keys()].filter((k) => !META_AUTHOR_KEYS.includes(k) && /(?:^|[:._-])author(?:[:._-]?name)?$/u.test(k))];
  for (const key of keys) {
    const names = byKey.get(key);
    if (names?.length) return { key, names };
  }
  return undefined;
}
