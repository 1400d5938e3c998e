/**
 * A worker thread that renders Markdown bodies with the site's renderer (render-markdown.ts). The content loader
 * spreads analyses over one worker per core, because rendering is CPU-bound and Astro's content
 * sync renders on one thread otherwise. Messages: `RenderRequest` in, `RenderReply` out.
 */
import { parentPort } from 'node:worker_threads';
import { renderMarkdown } from './render-markdown.ts';

/** A body to render. */
export interface RenderRequest {
  seq: number;
  body: string;
  data: Record<string, unknown>;
  filePath: string | undefined;
}

/** The rendered HTML and metadata, or the error message. */
export type RenderReply =
  | { seq: number; html: string; metadata: { headings: unknown[]; imagePaths: string[]; frontmatter: Record<string, unknown> } }
  | { seq: number; error: string };

parentPort?.on('message', (request: RenderRequest) => {
  try {
    const { html, headings } = renderMarkdown(request.body, request.filePath);
    // `frontmatter` would be a second copy of the entry's data in the data store (which Astro
    // ships to the page renderer as one JavaScript module): no page reads
    // `remarkPluginFrontmatter`, so an empty object is the same information. Bodies have no
    // images of their own (covers are front matter), so no image paths.
    parentPort?.postMessage({ seq: request.seq, html, metadata: { headings, frontmatter: {}, imagePaths: [] } } satisfies RenderReply);
  } catch (error) {
    parentPort?.postMessage({ seq: request.seq, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply);
  }
});
