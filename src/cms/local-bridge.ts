/**
 * The local mode of the editors' form (`npm run cms`): the CMS's "Work with Local Repository"
 * reads and writes a folder through the browser's File System Access API, which only Chromium
 * browsers have and which asks for the folder each time. Here `astro dev` answers a small file
 * API instead, and the admin page hands the CMS a folder handle backed by it
 * (src/cms/local-bridge-client.ts): any browser, no picker, no account, files land in content/.
 *
 * Only the content folder is reachable: reads and writes outside it are refused, the repository
 * root lists just the content folder and `.git` (the CMS checks that it was given a repository).
 * Requests must come from the dev server's own origin on this machine and carry BRIDGE_HEADER,
 * which a page on another site cannot send without a CORS preflight that it fails.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';

/** Where the file API is served. */
export const BRIDGE_PATH = '/__cms/fs/';

/** The header every bridge request carries (its value is `local`). */
export const BRIDGE_HEADER = 'x-barometer-cms';

/** The environment variable `npm run cms` sets to turn the bridge on. */
export const BRIDGE_ENV = 'BAROMETER_CMS_LOCAL';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/;

/** An answer of the file API: a status and a body. */
interface Answer {
  status: number;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}

/** What kind of entry a path is, or undefined when there is none. */
async function kindOf(path: string): Promise<'file' | 'directory' | undefined> {
  try {
    return (await stat(path)).isDirectory() ? 'directory' : 'file';
  } catch {
    return undefined;
  }
}

/** Reads a request body. */
async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The file API over the repository `root` whose content folder is `contentDir`: list, read,
 * write, make folders, remove and move, each on a path relative to `root`.
 */
export function bridgeHandler(root: string, contentDir: string): (op: string, params: URLSearchParams, req: IncomingMessage) => Promise<Answer> {
  const top = resolve(root);
  const content = resolve(contentDir);
  const contentName = relative(top, content).split(sep)[0] ?? '';
  /** The absolute path of `rel`, or undefined when it is outside the content folder. */
  const inside = (rel: string | null): string | undefined => {
    const abs = resolve(top, rel ?? '');
    return abs === content || abs.startsWith(content + sep) ? abs : undefined;
  };
  return async (op, params, req) => {
    const rel = params.get('path') ?? '';
    if (op === 'list' && (rel === '' || rel === '.git')) {
      // The repository root shows only what the CMS needs to see.
      if (rel === '.git') return { status: 200, body: '[]', headers: { 'content-type': 'application/json' } };
      const entries = [{ name: contentName, kind: 'directory' }, { name: '.git', kind: 'directory' }];
      return { status: 200, body: JSON.stringify(entries), headers: { 'content-type': 'application/json' } };
    }
    if (op === 'dir' && rel === '.git') return { status: 200 };
    const abs = inside(rel);
    if (abs === undefined) return { status: 403, body: `${rel} is outside the content folder` };
    const kind = await kindOf(abs);
    const create = params.get('create') === '1';
    switch (`${op} ${req.method ?? 'GET'}`) {
      case 'list GET': {
        if (kind !== 'directory') return { status: kind ? 409 : 404 };
        const entries = (await readdir(abs, { withFileTypes: true })).map((e) => ({ name: e.name, kind: e.isDirectory() ? 'directory' : 'file' }));
        return { status: 200, body: JSON.stringify(entries), headers: { 'content-type': 'application/json' } };
      }
      case 'file GET': {
        if (kind !== 'file') return { status: kind ? 409 : 404 };
        const info = await stat(abs);
        return { status: 200, body: await readFile(abs), headers: { 'x-last-modified': String(Math.round(info.mtimeMs)), 'content-type': 'application/octet-stream' } };
      }
      case 'file PUT': {
        if (kind === 'directory') return { status: 409 };
        await mkdir(dirname(abs), { recursive: true });
        await writeFile(abs, await bodyOf(req));
        return { status: 200 };
      }
      case 'dir POST': {
        if (kind === 'file') return { status: 409 };
        if (!kind && !create) return { status: 404 };
        await mkdir(abs, { recursive: true });
        return { status: 200 };
      }
      case 'touch POST': {
        if (kind === 'directory') return { status: 409 };
        if (!kind && !create) return { status: 404 };
        if (!kind) await writeFile(abs, '');
        return { status: 200 };
      }
      case 'entry DELETE': {
        if (!kind) return { status: 404 };
        await rm(abs, { recursive: params.get('recursive') === '1' });
        return { status: 200 };
      }
      case 'move POST': {
        const to = inside(params.get('to'));
        if (to === undefined) return { status: 403, body: `${params.get('to') ?? ''} is outside the content folder` };
        if (!kind) return { status: 404 };
        await mkdir(dirname(to), { recursive: true });
        await rename(abs, to);
        return { status: 200 };
      }
      default:
        return { status: 400, body: `unknown operation ${op} ${req.method ?? ''}` };
    }
  };
}

/** Why a request may not use the bridge, or undefined when it may. */
export function refusalOf(req: IncomingMessage): string | undefined {
  const host = req.headers.host ?? '';
  if (!LOOPBACK.test(host)) return `host ${host} is not this machine`;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return `origin ${origin} is not the dev server`;
  if (req.headers[BRIDGE_HEADER] !== 'local') return `missing ${BRIDGE_HEADER} header`;
  return undefined;
}

/** Serves the bridge from `astro dev` when BRIDGE_ENV is set (`npm run cms`); does nothing otherwise. */
export default function localBridge(contentDir: string): AstroIntegration {
  return {
    name: 'barometer:cms-local-bridge',
    hooks: {
      // The CMS finds its fonts and workers beside its own module (import.meta.url); Vite's
      // pre-bundling would move the module away from them, so it is served from node_modules.
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { optimizeDeps: { exclude: ['@sveltia/cms'] } } });
      },
      'astro:server:setup': ({ server, logger }) => {
        if (process.env[BRIDGE_ENV] !== '1') return;
        const content = resolve(contentDir);
        const handle = bridgeHandler(dirname(content), content);
        server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
          const url = new URL(req.url ?? '/', 'http://localhost');
          if (!url.pathname.startsWith(BRIDGE_PATH)) return next();
          const refused = refusalOf(req);
          if (refused) {
            res.writeHead(403, { 'content-type': 'text/plain' }).end(refused);
            return;
          }
          handle(url.pathname.slice(BRIDGE_PATH.length), url.searchParams, req).then(
            (answer) => res.writeHead(answer.status, answer.headers ?? {}).end(answer.body ?? ''),
            (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(error instanceof Error ? error.message : String(error)),
          );
        });
        logger.info(`local mode: /admin/ reads and writes ${basename(content)}/ in ${dirname(content)}`);
      },
    },
  };
}

