/**
 * A worker thread that renders Markdown bodies with the site's processor. The content loader
 * spreads analyses over one worker per core, because rendering is CPU-bound and Astro's content
 * sync renders on one thread otherwise. Messages: `RenderRequest` in, `RenderReply` out.
 */
import { pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { markdownProcessor, rendererOptions } from './processor.ts';

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

const renderer = await markdownProcessor.createRenderer(rendererOptions);

parentPort?.on('message', (request: RenderRequest) => {
  void (async () => {
    try {
      const result = await renderer.render(request.body, {
        frontmatter: request.data,
        ...(request.filePath ? { fileURL: pathToFileURL(request.filePath) } : {}),
      });
      const { localImagePaths, remoteImagePaths, headings } = result.metadata;
      // `frontmatter` would be a second copy of the entry's data in the data store (which Astro
      // ships to the page renderer as one JavaScript module): our plugins add nothing to it, and
      // no page reads `remarkPluginFrontmatter`, so an empty object is the same information.
      parentPort?.postMessage({ seq: request.seq, html: result.code, metadata: { headings, frontmatter: {}, imagePaths: [...localImagePaths, ...remoteImagePaths] } } satisfies RenderReply);
    } catch (error) {
      parentPort?.postMessage({ seq: request.seq, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply);
    }
  })();
});
