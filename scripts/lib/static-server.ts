/**
 * A small static server for the built site, as a plain static host would serve it: directories
 * answer with their index.html (and redirect to the slash form), unknown paths get dist/404.html
 * with status 404, and every type Pagefind needs has its MIME type (wasm above all, or browsers
 * refuse to stream-compile it). Binds 127.0.0.1 only.
 *
 * With `--headers` it also applies the build's `_headers` file as Netlify and Cloudflare Pages
 * do (scripts/lib/headers-file.ts), and, like them, never serves that file itself.
 *
 * Usage: node scripts/lib/static-server.ts [dir=dist] [port=4327] [--headers]
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { headersFor, parseHeadersFile, type ParsedRule } from './headers-file.ts';

/** MIME types by extension; anything else is served as bytes. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xslt+xml; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** The file behind a URL path, or undefined; directories resolve to their index.html. */
async function locate(root: string, pathname: string): Promise<{ file: string; redirect?: string } | undefined> {
  const file = resolve(root, `.${pathname}`);
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  const info = await stat(file).catch(() => undefined);
  if (info?.isFile()) return { file };
  if (info?.isDirectory()) {
    const index = join(file, 'index.html');
    if (!(await stat(index).catch(() => undefined))?.isFile()) return undefined;
    return pathname.endsWith('/') ? { file: index } : { file: index, redirect: `${pathname}/` };
  }
  return undefined;
}

/** Options of the server. */
export interface ServerOptions {
  /** Apply `<dir>/_headers` (read once at start; absent file: no rules). */
  headers?: boolean;
}

/** Starts serving `dir` on 127.0.0.1:`port` (0 picks a free port); resolves once listening. */
export async function startServer(dir: string, port: number, options: ServerOptions = {}): Promise<Server> {
  const root = resolve(dir);
  const headerFile = options.headers ? await readFile(join(root, '_headers'), 'utf8').catch(() => undefined) : undefined;
  const rules: ParsedRule[] = headerFile === undefined ? [] : parseHeadersFile(headerFile);
  const server = createServer((req, res) => {
    void (async () => {
      let pathname: string;
      try {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        pathname = decodeURIComponent(url.pathname);
        for (const [name, value] of Object.entries(headersFor(rules, url.pathname))) res.setHeader(name, value);
        const found = options.headers && pathname === '/_headers' ? undefined : await locate(root, pathname);
        if (found?.redirect) {
          res.writeHead(301, { Location: `${found.redirect}${url.search}` });
          res.end();
          return;
        }
        if (found) {
          const info = await stat(found.file);
          if (!res.hasHeader('cache-control')) res.setHeader('Cache-Control', 'no-cache');
          res.writeHead(200, { 'Content-Type': MIME_TYPES[extname(found.file)] ?? 'application/octet-stream', 'Content-Length': info.size });
          if (req.method === 'HEAD') res.end();
          else createReadStream(found.file).pipe(res);
          return;
        }
      } catch {
        res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Bad request');
        return;
      }
      const notFound = join(root, '404.html');
      const info = await stat(notFound).catch(() => undefined);
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      if (info?.isFile() && req.method !== 'HEAD') createReadStream(notFound).pipe(res);
      else res.end('<!doctype html><title>Not found</title><h1>Not found</h1>');
    })();
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done(server));
  });
}

if (import.meta.main) {
  const [dirArg, portArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const dir = dirArg ?? 'dist';
  const port = Number(portArg ?? process.env['E2E_PORT'] ?? 4327);
  const indexHtml = await stat(join(resolve(dir), 'index.html')).catch(() => undefined);
  if (!indexHtml?.isFile()) {
    console.error(`serve: ${resolve(dir)}/index.html not found; build the site first (npm run build)`);
    process.exit(1);
  }
  const server = await startServer(dir, port, { headers: process.argv.includes('--headers') });
  const address = server.address();
  console.log(`serving ${resolve(dir)} at http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`);
}
