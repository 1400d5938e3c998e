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
import rehypeFootnoteLabels from './rehype-footnote-labels.ts';
import rehypePrefixIds from './rehype-prefix-ids.ts';
import { en } from '../i18n/en.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

/**
 * Options for remark-rehype: footnote ids unprefixed here, rehype-prefix-ids prefixes them all.
 * The footnote labels are one for every file here; rehype-footnote-labels sets each file's own.
 */
export const remarkRehypeOptions = { clobberPrefix: '', footnoteLabel: en.footnotes.label, footnoteBackLabel: en.footnotes.backLabel };

/** rehype plugins, in order. */
export const rehypePlugins: RehypePlugins = [
  rehypeRaw,
  rehypeFootnoteLabels,
  rehypeSlug,
  [rehypeAutolinkHeadings, { test: (node: Element) => node.properties['id'] !== 'footnote-label', behavior: 'append', properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1 }, content: { type: 'text', value: '#' } }],
  [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }],
  rehypePrefixIds,
  [rehypeSanitize, sanitizeSchema],
];
