/**
 * The Markdown pipeline for analysis bodies, in the order it runs. Raw HTML is parsed first so
 * that sanitising sees real elements (Astro would otherwise parse it after our plugins, and
 * sanitize would drop it whole); sanitize runs after every plugin that adds or moves content.
 */
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import type { Element } from 'hast';
import type { RehypePlugins } from '@astrojs/markdown-remark';
import rehypePrefixIds from './rehype-prefix-ids.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

/** Options for remark-rehype: footnote ids unprefixed here, rehype-prefix-ids prefixes them all. */
export const remarkRehypeOptions = { clobberPrefix: '', footnoteLabel: 'Notes', footnoteBackLabel: 'Back to the text' };

/** rehype plugins, in order. */
export const rehypePlugins: RehypePlugins = [
  rehypeRaw,
  rehypeSlug,
  [rehypeAutolinkHeadings, { test: (node: Element) => node.properties['id'] !== 'footnote-label', behavior: 'append', properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1 }, content: { type: 'text', value: '#' } }],
  [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }],
  rehypePrefixIds,
  [rehypeSanitize, sanitizeSchema],
];
