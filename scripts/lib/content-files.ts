/** Reads a content tree from disk for the validator and the importer. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { ContentFile } from '../../src/lib/validate-content.ts';

/** Every file below `dir` (resolved against `cwd`, recursively), as paths relative to `cwd` with forward slashes, sorted. */
export async function listFiles(dir: string, cwd = process.cwd()): Promise<string[]> {
  const entries = await readdir(resolve(cwd, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => relative(cwd, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** Reads every file of a content tree into memory. */
export async function readContentTree(dir: string, cwd = process.cwd()): Promise<ContentFile[]> {
  const paths = await listFiles(dir, cwd);
  return Promise.all(paths.map(async (path) => ({ path, bytes: new Uint8Array(await readFile(join(cwd, path))) })));
}
