/**
 * The search index's own process: forked by the Pagefind integration (src/search/pagefind.ts) as
 * soon as the build has read the content, it receives the content over IPC, builds the shards in
 * the cache folder (src/search/shard-index.ts) while Astro bundles and renders the pages, and
 * answers with its report, or with the error that must fail the build.
 *
 * It runs at the build's CPU priority: a lowered one (nice 10) left it starved on a busy machine,
 * the build then waiting for it after the pages (docs/decisions/search-index-from-content.md).
 * When the build process goes away (an error, a kill), the IPC channel closes and this process
 * ends with it.
 */
import type { ContentRead } from '../content-reader/handoff.ts';
import { indexShards, type ShardIndexReport } from './shard-index.ts';

/** What the integration sends. */
export interface IndexRequest {
  content: ContentRead;
  cacheDir: string;
}

/** What this process answers. */
export type IndexAnswer = { report: ShardIndexReport } | { error: string };

/** True when this module is the process's entry point (not imported by a test or the integration). */
const isMain = process.argv[1] !== undefined && import.meta.filename === process.argv[1];

/** Answers one request on the IPC channel `send` writes to, then lets the process end. */
function serve(send: (message: IndexAnswer | 'ready', sent: () => void) => void): void {
  let answered = false;
  process.once('disconnect', () => process.exit(answered ? 0 : 1));
  process.once('message', (request: IndexRequest) => {
    const answer = (message: IndexAnswer) => {
      answered = true;
      send(message, () => process.disconnect?.());
    };
    indexShards(request.content, { cacheDir: request.cacheDir }).then(
      (report) => answer({ report }),
      (error: unknown) => answer({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
  // Listening now: the integration sends the content only then (a message sent earlier is lost).
  send('ready', () => undefined);
}

if (isMain && process.send) serve((message, sent) => process.send?.(message, sent));
