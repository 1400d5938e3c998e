/**
 * A worker thread that renders Markdown bodies with the site's renderer (render-markdown.ts). The
 * content loader spreads analyses over a pool of these (src/markdown/render-pool.ts), because
 * rendering is CPU-bound and Astro's content sync renders on one thread otherwise. The pool calls
 * the default export: a `RenderRequest` in, `Rendered` out (a failed render rejects with the reason).
 */
import { BodyLimitError } from './body-limits.ts';
import { renderMarkdown } from './render-markdown.ts';

/** A body to render. */
export interface RenderRequest {
  body: string;
  data: Record<string, unknown>;
  filePath: string | undefined;
}

/** The rendered HTML and metadata: the shape Astro stores as an entry's `rendered`. */
export interface Rendered {
  html: string;
  metadata: { headings: { depth: number; slug: string; text: string }[]; imagePaths: string[]; frontmatter: Record<string, unknown> };
}

/**
 * What the worker answers: the rendering, or why the body was refused (a BodyLimitError does not
 * survive the trip between threads with its line, so it travels as data).
 */
export type RenderOutcome = { rendered: Rendered } | { refused: { message: string; line: number | undefined } };

/** Renders one body. */
export default function render(request: RenderRequest): RenderOutcome {
  let result;
  try {
    result = renderMarkdown(request.body, request.filePath);
  } catch (error) {
    if (error instanceof BodyLimitError) return { refused: { message: error.message, line: error.line } };
    throw error;
  }
  // `frontmatter` would be a second copy of the entry's data in the data store (which Astro ships
  // to the page renderer as one JavaScript module): no page reads `remarkPluginFrontmatter`, so an
  // empty object is the same information. Bodies have no images of their own (covers are front
  // matter), so no image paths.
  return { rendered: { html: result.html, metadata: { headings: result.headings, frontmatter: {}, imagePaths: [] } } };
}
