/**
 * The browser half of the local mode (src/cms/local-bridge.ts): `window.showDirectoryPicker`
 * answers at once with a folder handle whose reads and writes go to the dev server's file API,
 * so the CMS's "Work with Local Repository" opens the project's content folder in any browser.
 * Only the calls the CMS makes are implemented (list, read, write through a writable, make,
 * remove, move). Installed by the admin page only when `astro dev` serves the bridge.
 */

const API = '/__cms/fs/';

/** Calls the file API; its statuses become the DOMExceptions the File System Access API throws. */
async function call(op: string, params: Record<string, string>, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`${API}${op}?${new URLSearchParams(params).toString()}`, { ...init, headers: { 'x-barometer-cms': 'local' } });
  if (response.status === 404) throw new DOMException(`${params['path'] ?? ''} not found`, 'NotFoundError');
  if (response.status === 409) throw new DOMException(`${params['path'] ?? ''} is of another kind`, 'TypeMismatchError');
  if (!response.ok) throw new DOMException(await response.text(), 'NotAllowedError');
  return response;
}

const join = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);

/** What both handle kinds share. Methods live on the prototype, so the CMS can store a handle in IndexedDB. */
class BridgeHandle {
  name: string;
  path: string;
  readonly kind: 'file' | 'directory';
  constructor(path: string, kind: 'file' | 'directory') {
    this.path = path;
    this.kind = kind;
    this.name = path.split('/').pop() || 'repository';
  }
  async queryPermission(): Promise<PermissionState> {
    return 'granted';
  }
  async requestPermission(): Promise<PermissionState> {
    return 'granted';
  }
  async isSameEntry(other: { path?: string; kind?: string }): Promise<boolean> {
    return other.path === this.path && other.kind === this.kind;
  }
}

/** A file: read it whole, write it whole when the writable is closed, move it. */
class BridgeFile extends BridgeHandle {
  constructor(path: string) {
    super(path, 'file');
  }
  async getFile(): Promise<File> {
    const response = await call('file', { path: this.path });
    return new File([await response.arrayBuffer()], this.name, { lastModified: Number(response.headers.get('x-last-modified') ?? Date.now()) });
  }
  async createWritable(): Promise<{ write(data: unknown): Promise<void>; close(): Promise<void>; abort(): Promise<void>; truncate(): Promise<void> }> {
    const parts: BlobPart[] = [];
    const path = this.path;
    return {
      async write(data: unknown) {
        // write() takes the data itself or a { type: 'write', data } command.
        const command = data as { type?: unknown; data?: unknown } | null;
        const chunk = command !== null && typeof command === 'object' && command.type === 'write' ? command.data : data;
        parts.push(chunk as BlobPart);
      },
      async close() {
        await call('file', { path }, { method: 'PUT', body: new Blob(parts) });
      },
      async abort() {},
      async truncate() {},
    };
  }
  async move(target: BridgeDirectory | string, newName?: string): Promise<void> {
    const dir = typeof target === 'string' ? this.path.split('/').slice(0, -1).join('/') : target.path;
    const name = typeof target === 'string' ? target : (newName ?? this.name);
    const to = join(dir, name);
    await call('move', { path: this.path, to }, { method: 'POST' });
    this.path = to;
    this.name = name;
  }
}

/** A folder: list, open or create children, remove them. */
class BridgeDirectory extends BridgeHandle {
  constructor(path: string) {
    super(path, 'directory');
  }
  async *entries(): AsyncGenerator<[string, BridgeFile | BridgeDirectory]> {
    const list = (await (await call('list', { path: this.path })).json()) as { name: string; kind: string }[];
    for (const entry of list) yield [entry.name, entry.kind === 'directory' ? new BridgeDirectory(join(this.path, entry.name)) : new BridgeFile(join(this.path, entry.name))];
  }
  async *keys(): AsyncGenerator<string> {
    for await (const [name] of this.entries()) yield name;
  }
  async *values(): AsyncGenerator<BridgeFile | BridgeDirectory> {
    for await (const [, handle] of this.entries()) yield handle;
  }
  [Symbol.asyncIterator](): AsyncGenerator<[string, BridgeFile | BridgeDirectory]> {
    return this.entries();
  }
  async getDirectoryHandle(name: string, options: { create?: boolean } = {}): Promise<BridgeDirectory> {
    const path = join(this.path, name);
    await call('dir', { path, create: options.create ? '1' : '' }, { method: 'POST' });
    return new BridgeDirectory(path);
  }
  async getFileHandle(name: string, options: { create?: boolean } = {}): Promise<BridgeFile> {
    const path = join(this.path, name);
    await call('touch', { path, create: options.create ? '1' : '' }, { method: 'POST' });
    return new BridgeFile(path);
  }
  async removeEntry(name: string, options: { recursive?: boolean } = {}): Promise<void> {
    await call('entry', { path: join(this.path, name), recursive: options.recursive ? '1' : '' }, { method: 'DELETE' });
  }
  async resolve(handle: BridgeHandle): Promise<string[] | null> {
    if (handle.path === this.path) return [];
    const prefix = this.path ? `${this.path}/` : '';
    return handle.path.startsWith(prefix) ? handle.path.slice(prefix.length).split('/') : null;
  }
}

/** True when the dev server answers the bridge (it does under `npm run cms`). */
export async function bridgeAvailable(): Promise<boolean> {
  try {
    return (await fetch(`${API}list?path=`, { headers: { 'x-barometer-cms': 'local' } })).ok;
  } catch {
    return false;
  }
}

/** Makes the CMS's local-repository button open the project through the bridge. */
export function installBridge(): void {
  Object.defineProperty(window, 'showDirectoryPicker', { configurable: true, value: async () => new BridgeDirectory('') });
}
