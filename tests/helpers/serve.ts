/** Serves a built site on a free port of 127.0.0.1 for a browser test, and closes it again. */
import { startServer, type ServerOptions } from '../../scripts/lib/static-server.ts';

/** A running server: its origin (`http://127.0.0.1:<port>`) and how to stop it. */
export interface Served {
  origin: string;
  close: () => Promise<void>;
}

/** Starts scripts/lib/static-server.ts on `dir`; `close()` also drops the browser's kept-alive connections. */
export async function serve(dir: string, options: ServerOptions = {}): Promise<Served> {
  const server = await startServer(dir, 0, options);
  const address = server.address();
  return {
    origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: async () => {
      server.closeAllConnections(); // the browser keeps connections alive; close() would wait for them
      await new Promise((done) => server.close(done));
    },
  };
}

/** The hooks of a test file (Playwright's `test`). */
interface Hooks {
  beforeAll: (fn: () => Promise<void>) => void;
  afterAll: (fn: () => Promise<void>) => void;
}

/** Serves `dir` for the whole test file; the returned function gives the origin once started. */
export function serveDuringFile(hooks: Hooks, dir: string, options: ServerOptions = {}): () => string {
  let served: Served | undefined;
  hooks.beforeAll(async () => {
    served = await serve(dir, options);
  });
  hooks.afterAll(async () => {
    await served?.close();
  });
  return () => {
    if (!served) throw new Error('the site is served from beforeAll: read the origin inside a test');
    return served.origin;
  };
}
