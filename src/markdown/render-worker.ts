/**
 * A worker thread that renders Markdown bodies with the site's processor. The content loader
 * spreads analyses over a pool of these (src/markdown/render-pool.ts), because rendering is
 * CPU-bound and Astro's content sync renders on one thread otherwise. The pool calls the default
 * export: a `RenderRequest` in, `Rendered` out (a failed render rejects with the reason).
 */
import { pathToFileURL } from 'node:url';
import { markdownProcessor, rendererOptions } from './processor.ts';

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

const renderer = await markdownProcessor.createRenderer(rendererOptions);

/** Renders one body. */
export default async function render(request: RenderRequest): Promise<Rendered> {
  const result = await renderer.render(request.body, {
    frontmatter: request.data,
    ...(request.filePath ? { fileURL: pathToFileURL(request.filePath) } : {}),
  });
  const { localImagePaths, remoteImagePaths, headings } = result.metadata;
  // `frontmatter` would be a second copy of the entry's data in the data store (which Astro
  // ships to the page renderer as one JavaScript module): our plugins add nothing to it, and
  // no page reads `remarkPluginFrontmatter`, so an empty object is the same information.
  return { html: result.code, metadata: { headings, frontmatter: {}, imagePaths: [...localImagePaths, ...remoteImagePaths] } };
}
