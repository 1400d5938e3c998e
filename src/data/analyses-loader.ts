/**
 * Astro's glob() loader for analyses, with Markdown rendered on a pool of worker threads (one per
 * core) instead of the main thread. Everything else is glob's own behaviour: digest-based reuse of
 * unchanged entries between builds (the warm build), schema parsing, dev-server watching.
 *
 * glob() takes its renderers from the loader context's `entryTypes` map, which Astro passes but
 * does not declare in `LoaderContext`; when it is absent (a future Astro), this falls back to
 * plain glob() rendering on the main thread, so the site still builds the same.
 *
 * Entries are stored without their Markdown source (`body`): pages only use the rendered HTML,
 * and Astro inlines the whole data store into one JavaScript module for the page renderer, so
 * every stored byte is parsed, bundled and compiled again on each build (at 10,000 analyses the
 * source was 40% of a 185 MB store).
 */
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { createRenderPool, type RenderPool } from '../markdown/render-pool.ts';
import { pruneRenderedHtml, useRenderedHtmlDir, writeRenderedHtml } from './rendered-html.ts';

type GlobOptions = Parameters<typeof glob>[0];

/** The part of an Astro entry type the loader replaces. */
interface EntryType {
  getRenderFunction?: (config: unknown) => Promise<(entry: RenderEntry) => Promise<unknown>>;
}

/** What glob() hands a render function. */
interface RenderEntry {
  id: string;
  digest?: string | number;
  data: Record<string, unknown>;
  body?: string;
  filePath?: string;
}

/** True when Astro passed the (undeclared) entry-type map glob() renders with. */
function hasEntryTypes(context: LoaderContext): context is LoaderContext & { entryTypes: Map<string, EntryType> } {
  return 'entryTypes' in context && context.entryTypes instanceof Map;
}

type Store = LoaderContext['store'];

/** The loader's store, with `set` dropping each entry's Markdown source once it is rendered. */
export function withoutBodies(store: Store): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'set') {
        return (entry: Parameters<Store['set']>[0]) => {
          const { body: _source, ...kept } = entry;
          return target.set(kept);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
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
      const htmlDir = useRenderedHtmlDir(context.config.cacheDir);
      const workerFile = fileURLToPath(new URL('src/markdown/render-worker.ts', context.config.root));
      const parallel: EntryType = {
        ...md,
        getRenderFunction: async () => async (entry) => {
          pool ??= createRenderPool(workerFile);
          const rendered = await pool.render({ body: entry.body ?? '', data: entry.data, filePath: entry.filePath });
          // The HTML goes to a file (src/data/rendered-html.ts), not into the data store.
          writeRenderedHtml(htmlDir, entry.id, entry.digest ?? '', rendered.html);
          return { ...rendered, html: '' };
        },
      };
      const entryTypes = new Map(context.entryTypes).set('.md', parallel);
      const store = withoutBodies(context.store);
      try {
        await inner.load({ ...context, entryTypes, store } as LoaderContext);
        pruneRenderedHtml(htmlDir, context.store.values());
      } finally {
        await pool?.close();
      }
    },
  };
}
