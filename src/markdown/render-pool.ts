/**
 * The pool of render workers (src/markdown/render-worker.ts), one per core, from tinypool. One
 * pool lives at a time and is created on first use: `astro build` ends it when the content sync is
 * done (so the process can exit); `astro dev` keeps it for the next save, and its idle threads
 * end on their own after IDLE_MS, so an idle preview holds no CPU or memory for rendering. After
 * `closeRenderPool()` the next render starts a fresh pool (a closed pool is never reused).
 */
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import { BodyLimitError } from './body-limits.ts';
import render, { type RenderOutcome, type RenderRequest, type Rendered } from './render-worker.ts';

export type { RenderRequest, Rendered } from './render-worker.ts';

/** How long an idle worker is kept in `astro dev` before it exits. */
const IDLE_MS = 30_000;

let pool: Tinypool | undefined;

/**
 * Renders one body on the pool, starting the pool for `workerFile` (absolute path) if none runs.
 * A body past the renderer's limits rejects with a BodyLimitError (line included), as in-thread.
 */
export async function renderOnPool(workerFile: string, request: RenderRequest): Promise<Rendered> {
  pool ??= new Tinypool({ filename: workerFile, minThreads: 0, maxThreads: Math.max(1, availableParallelism()), idleTimeout: IDLE_MS });
  return settle((await pool.run(request)) as RenderOutcome);
}

/** The rendering, or the BodyLimitError the worker reported as data. */
function settle(outcome: RenderOutcome): Rendered {
  if ('refused' in outcome) throw new BodyLimitError(outcome.refused.message, outcome.refused.line);
  return outcome.rendered;
}

/**
 * Renders one body on this thread, exactly as a worker would (the worker's own function): for the
 * preview's one or two saved files, where starting a worker that has gone idle (loading the whole
 * Markdown toolchain) costs more than the rendering.
 */
export async function renderHere(request: RenderRequest): Promise<Rendered> {
  return settle(render(request));
}

/** Ends the pool's workers; the next render starts a new pool. */
export async function closeRenderPool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.destroy();
}
