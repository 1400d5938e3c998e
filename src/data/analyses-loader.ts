/**
 * Astro's glob() loader for analyses, with Markdown rendered on a pool of worker threads (one per
 * core) instead of the main thread. Everything else is glob's own behaviour: digest-based reuse of
 * unchanged entries between builds (the warm build), schema parsing, dev-server watching.
 *
 * glob() takes its renderers from the loader context's `entryTypes` map, which Astro passes but
 * does not declare in `LoaderContext`; when it is absent (a future Astro), this falls back to
 * plain glob() rendering on the main thread, so the site still builds the same.
 */
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { createRenderPool, type RenderPool } from '../markdown/render-pool.ts';

type GlobOptions = Parameters<typeof glob>[0];

/** The part of an Astro entry type the loader replaces. */
interface EntryType {
  getRenderFunction?: (config: unknown) => Promise<(entry: RenderEntry) => Promise<unknown>>;
}

/** What glob() hands a render function. */
interface RenderEntry {
  data: Record<string, unknown>;
  body?: string;
  filePath?: string;
}

/** True when Astro passed the (undeclared) entry-type map glob() renders with. */
function hasEntryTypes(context: LoaderContext): context is LoaderContext & { entryTypes: Map<string, EntryType> } {
  return 'entryTypes' in context && context.entryTypes instanceof Map;
}

/** glob() whose `.md` entries render in worker threads. */
export function parallelGlob(options: GlobOptions): Loader {
  const inner = glob(options);
  return {
    name: 'barometer-parallel-glob',
    async load(context: LoaderContext) {
      const md = hasEntryTypes(context) ? context.entryTypes.get('.md') : undefined;
      if (!hasEntryTypes(context) || !md) return inner.load(context);
      let pool: RenderPool | undefined;
      const workerFile = fileURLToPath(new URL('src/markdown/render-worker.ts', context.config.root));
      const parallel: EntryType = {
        ...md,
        getRenderFunction: async () => async (entry) => {
          pool ??= createRenderPool(workerFile);
          return pool.render({ body: entry.body ?? '', data: entry.data, filePath: entry.filePath });
        },
      };
      const entryTypes = new Map(context.entryTypes).set('.md', parallel);
      try {
        await inner.load({ ...context, entryTypes } as LoaderContext);
      } finally {
        await pool?.close();
      }
    },
  };
}
