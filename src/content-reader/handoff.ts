/**
 * The content as a build has read it, handed from the loader to whoever asked for it (the search
 * integration, which indexes it while Astro renders: src/search/pagefind.ts). Astro runs the
 * loader inside its content sync and offers no hook between the sync and the pages that carries
 * the loaded data, and it loads the loader and the integrations as separate module graphs, so the
 * hand-off goes through one process-wide slot (a `Symbol.for` key on globalThis).
 *
 * Only a build that asked for it publishes: `astro dev`, `astro sync` and `npm run validate` never
 * register a listener, and the loader then keeps nothing.
 */
import type { AnalysisData } from '../schemas/analysis.ts';
import type { SiteData } from '../schemas/site.ts';
import type { ActorData, AuthorData, TopicData } from '../schemas/taxonomy.ts';

/** One analysis as read: collection id, the digest its rendered HTML file is stored under, its parsed frontmatter. */
export interface ReadAnalysis {
  id: string;
  digest: string;
  data: AnalysisData;
}

/** A topic, actor or author as read. */
export interface ReadEntry<T> {
  id: string;
  data: T;
}

/** Everything the content reader read and rendered, with no problem left. */
export interface ContentRead {
  analyses: ReadAnalysis[];
  topics: ReadEntry<TopicData>[];
  actors: ReadEntry<ActorData>[];
  authors: ReadEntry<AuthorData>[];
  site: SiteData;
  /** The folder holding each analysis' rendered HTML (src/build-cache/rendered-html.ts). */
  renderedHtmlDir: string;
}

/** Who receives the content, once per build. */
export type ContentReadListener = (content: ContentRead) => void;

const SLOT = Symbol.for('barometer.content-read');

/** The process-wide slot: the listener registered by this build, if any. */
function slot(): { listener?: ContentReadListener } {
  const holder = globalThis as { [SLOT]?: { listener?: ContentReadListener } };
  holder[SLOT] ??= {};
  return holder[SLOT];
}

/** Asks for the content once the build has read it (replaces an earlier listener). */
export function onContentRead(listener: ContentReadListener): void {
  slot().listener = listener;
}

/** Whether a listener waits: the loader gathers the hand-off only then. */
export function contentReadWanted(): boolean {
  return slot().listener !== undefined;
}

/** Hands the content over to the listener (the loader calls this once, after a sync without problems). */
export function publishContentRead(content: ContentRead): void {
  slot().listener?.(content);
}
