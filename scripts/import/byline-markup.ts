/**
 * The byline a page's markup marks as such: `itemprop="author"`, `rel="author"`, the author
 * vcard blog themes print ("Posted by <span class="author vcard">…"), a `byline` or `author`
 * class. Commenters' names, teaser lists and sidebars carry the same classes, so anything inside
 * comments, related-article boxes, navigation, footers and asides is skipped.
 */

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
  const article = document.querySelector('article h1, h1, article');
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
