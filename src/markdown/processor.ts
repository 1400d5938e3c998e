/**
 * The one Markdown processor configuration: Astro's `unified()` processor (remark/rehype) with our
 * plugins. astro.config.ts hands it to Astro, and the render workers build the same renderer, so
 * an analysis renders identically whichever thread renders it.
 */
import { unified } from '@astrojs/markdown-remark';
import { rehypePlugins, remarkRehypeOptions } from './pipeline.ts';

/** The processor for `markdown.processor`. Smart quotes off: they cost time and analyses quote as printed. */
export const markdownProcessor = unified({ smartypants: false, gfm: true, rehypePlugins, remarkRehype: remarkRehypeOptions });

/** Renderer options shared with Astro's config: no syntax highlighting (analyses have no code). */
export const rendererOptions = { syntaxHighlight: false } as const;
