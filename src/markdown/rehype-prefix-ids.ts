/**
 * Prefixes every id and name in rendered Markdown, and every same-page link to them, with
 * `user-content-`. Authors' ids can then never collide with the page's own (`main`, skip link
 * targets) or clobber globals, while footnote and heading links keep working. rehype-sanitize
 * would prefix ids too, but not the `#fragment` links that point at them.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** The prefix GitHub also uses for user content. */
export const USER_CONTENT_PREFIX = 'user-content-';

function prefixed(value: string): string {
  return value.startsWith(USER_CONTENT_PREFIX) ? value : USER_CONTENT_PREFIX + value;
}

function prefixList(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? prefixed(v) : v));
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean).map(prefixed).join(' ');
  return value;
}

/** rehype plugin: prefix ids, names, ARIA id references and `#fragment` hrefs. */
export default function rehypePrefixIds() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const p = node.properties;
      if (typeof p['id'] === 'string' && p['id'] !== '') p['id'] = prefixed(p['id']);
      if (typeof p['name'] === 'string' && p['name'] !== '') p['name'] = prefixed(p['name']);
      for (const key of ['ariaDescribedBy', 'ariaLabelledBy'] as const) {
        if (p[key] !== undefined && p[key] !== null) p[key] = prefixList(p[key]) as typeof p[typeof key];
      }
      if (typeof p['href'] === 'string' && p['href'].startsWith('#') && p['href'].length > 1) {
        p['href'] = `#${prefixed(decodeURIComponent(p['href'].slice(1)))}`;
      }
    });
  };
}
