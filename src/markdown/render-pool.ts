/**
 * A pool of render workers (src/markdown/render-worker.ts), one per core: requests go to the
 * least-busy worker, replies resolve their promise. Workers are unref'd so an idle pool never
 * keeps a build alive, and `close()` ends them when the content sync is done.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RenderReply, RenderRequest } from './render-worker.ts';

/** What a successful render returns (the shape Astro stores as `rendered`). */
export type Rendered = Extract<RenderReply, { html: string }>;

/** A running pool. */
export interface RenderPool {
  render(request: Omit<RenderRequest, 'seq'>): Promise<Omit<Rendered, 'seq'>>;
  close(): Promise<void>;
}

/** Starts `size` workers running the worker module at `workerFile` (an absolute path). */
export function createRenderPool(workerFile: string, size = availableParallelism()): RenderPool {
  const pending = new Map<number, { resolve: (r: Omit<Rendered, 'seq'>) => void; reject: (e: Error) => void }>();
  const load = new Map<Worker, number>();
  let seq = 0;
  const workers = Array.from({ length: Math.max(1, size) }, () => {
    const worker = new Worker(workerFile);
    worker.unref();
    load.set(worker, 0);
    worker.on('message', (reply: RenderReply) => {
      load.set(worker, (load.get(worker) ?? 1) - 1);
      const waiter = pending.get(reply.seq);
      pending.delete(reply.seq);
      if (!waiter) return;
      if ('error' in reply) waiter.reject(new Error(reply.error));
      else waiter.resolve({ html: reply.html, metadata: reply.metadata });
    });
    worker.on('error', (error: Error) => {
      // A worker that dies takes its requests with it: fail them rather than hang the build.
      for (const [key, waiter] of pending) {
        waiter.reject(error);
        pending.delete(key);
      }
    });
    return worker;
  });
  return {
    render(request) {
      const worker = [...load].sort((a, b) => a[1] - b[1])[0]?.[0] ?? workers[0];
      if (!worker) return Promise.reject(new Error('render pool has no workers'));
      seq += 1;
      const message: RenderRequest = { ...request, seq };
      load.set(worker, (load.get(worker) ?? 0) + 1);
      return new Promise((resolve, reject) => {
        pending.set(message.seq, { resolve, reject });
        worker.postMessage(message);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
