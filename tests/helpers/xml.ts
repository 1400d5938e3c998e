/**
 * Strict XML parsing for tests. saxes (a conformant XML 1.0 parser) decides well-formedness, as
 * xmldom lets slips such as a bare `&` through; xmldom then gives a DOM to query.
 */
import { DOMParser, onWarningStopParsing, type Document, type Element } from '@xmldom/xmldom';
import { SaxesParser } from 'saxes';

/** Parses `text` as XML; throws on anything that is not well-formed. */
export function parseXml(text: string): Document {
  const sax = new SaxesParser({ xmlns: true });
  sax.on('error', (error) => {
    throw error;
  });
  sax.write(text).close();
  return new DOMParser({ onError: onWarningStopParsing }).parseFromString(text, 'text/xml');
}

/** The direct children of `parent` named `name`. */
export function children(parent: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === n.ELEMENT_NODE && n.nodeName === name) out.push(n as Element);
  return out;
}

/** Text of the first direct child named `name`, or undefined. */
export function childText(parent: Element, name: string): string | undefined {
  return children(parent, name)[0]?.textContent ?? undefined;
}

/** The `<channel>` of an RSS 2.0 document, after checking the root is `<rss version="2.0">`. */
export function rssChannel(text: string): Element {
  const root = parseXml(text).documentElement;
  if (!root || root.nodeName !== 'rss' || root.getAttribute('version') !== '2.0') throw new Error('not an RSS 2.0 document');
  const channel = children(root, 'channel')[0];
  if (!channel) throw new Error('RSS document without <channel>');
  return channel;
}
