/**
 * The one Markdown processor: an Astro `MarkdownProcessor` around renderMarkdown (Sätteri, one
 * fused rewrite pass, GitHub's sanitize schema). astro.config.ts hands it to Astro, and the render
 * workers call renderMarkdown directly, so an analysis renders identically whichever thread
 * renders it.
 */
import { fileURLToPath } from 'node:url';
import type { MarkdownProcessor } from 'astro/markdown';
import { renderMarkdown } from './render-markdown.ts';

/** The processor for `markdown.processor`: no highlighting, no smart quotes (analyses quote as printed). */
export const markdownProcessor: MarkdownProcessor = {
  name: 'barometer',
  options: {},
  async createRenderer() {
    return {
      async render(content, options) {
        const { html, headings } = renderMarkdown(content, options?.fileURL ? fileURLToPath(options.fileURL) : undefined);
        // `frontmatter` would be a second copy of the entry's data in the data store: no page reads it.
        return { code: html, metadata: { headings, localImagePaths: [], remoteImagePaths: [], frontmatter: {} } };
      },
    };
  },
};

/** Renderer options shared with Astro's config: no syntax highlighting (analyses have no code). */
export const rendererOptions = { syntaxHighlight: false } as const;
