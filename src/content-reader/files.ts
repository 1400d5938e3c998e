/**
 * Reads a content folder from disk into memory for the checks in check.ts. One rule for links,
 * the same for `npm run validate`, `astro dev` and `astro build` (all read through here): a
 * symbolic link to a file inside the content folder is read as that file; a link to a folder, to
 * a device or other special file, to anything outside the content folder, or one that leads
 * nowhere, is an error (following folder links could loop, a dangling one is surely a mistake,
 * and the site publishes what it reads: a link to a secrets file would be published). A file that
 * cannot be read is a problem naming it, not a stack trace.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { readdir, readFile, readlink, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { contentPath, type ContentPath } from '../schemas/ids.ts';
import pLimit from 'p-limit';
import { FILES_AT_ONCE } from '../lib/open-files.ts';
import type { Problem } from '../schemas/problems.ts';
import type { ContentFile } from './check.ts';

/** The files of a content folder and the problems met while reading them. */
export interface ContentTree {
  files: ContentFile[];
  problems: Problem[];
}

/** Explains a file-system error in words, without a stack (`ENOENT` -> "does not exist"). */
function reason(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const words: Record<string, string> = { ENOENT: 'does not exist', EACCES: 'permission denied', EPERM: 'permission denied', ENOTDIR: 'is not a folder', EISDIR: 'is a folder', ELOOP: 'symbolic links loop' };
  return words[code] ?? (error instanceof Error ? error.message : String(error));
}

/** What a non-regular file is, in words (a FIFO would block a read forever, a device never ends). */
function specialKind(s: Pick<Stats, 'isCharacterDevice' | 'isBlockDevice' | 'isFIFO' | 'isSocket'>): string {
  if (s.isCharacterDevice()) return 'character device';
  if (s.isBlockDevice()) return 'block device';
  if (s.isFIFO()) return 'named pipe (FIFO)';
  if (s.isSocket()) return 'socket';
  return 'special file';
}

/** Why the symbolic link `abs` is not read, or undefined when it leads to a regular file inside `rootReal`. */
async function linkProblem(abs: string, rootReal: string): Promise<string | undefined> {
  const written = await readlink(abs).catch(() => '?');
  let target: Stats;
  let real: string;
  try {
    target = await stat(abs);
    real = await realpath(abs);
  } catch (error) {
    return `a symbolic link that cannot be followed (${reason(error)}), expected a link to a file`;
  }
  if (target.isDirectory()) return 'a symbolic link to a folder, expected a file or a real folder (links to folders are not followed)';
  if (!target.isFile()) return `a symbolic link to a ${specialKind(target)} ("${written}"), expected a link to a regular file inside the content folder`;
  if (!real.startsWith(rootReal + sep)) {
    return `a symbolic link to "${written}", which leads outside the content folder, expected a file inside it (the site publishes only what is inside the content folder)`;
  }
  return undefined;
}

/**
 * Lists the files below `dir` (paths relative to `cwd`, forward slashes, sorted), with problems
 * for links it does not follow and for special files.
 */
export async function listContentFiles(dir: string, cwd = process.cwd()): Promise<{ paths: ContentPath[]; problems: Problem[] }> {
  const rel = (abs: string) => contentPath(relative(cwd, abs));
  const problems: Problem[] = [];
  const rootAbs = resolve(cwd, dir);
  let entries;
  let rootReal: string;
  try {
    entries = await readdir(rootAbs, { recursive: true, withFileTypes: true });
    rootReal = await realpath(rootAbs);
  } catch (error) {
    const file = rel(rootAbs) || '.';
    return { paths: [], problems: [{ file, field: '(folder)', message: `cannot be read (${reason(error)}), expected the content folder`, severity: 'error' }] };
  }
  const paths: ContentPath[] = [];
  const links: string[] = [];
  for (const e of entries) {
    const abs = join(e.parentPath, e.name);
    // The recursive listing also walks hidden folders (an editor's .git, .obsidian, .trash): a
    // file in one, however deep, is not content to check or publish, like a hidden file itself.
    if (relative(rootAbs, abs).split(sep).some((segment) => segment.startsWith('.'))) continue;
    if (e.isFile()) paths.push(rel(abs));
    else if (e.isSymbolicLink()) links.push(abs);
    else if (!e.isDirectory()) problems.push({ file: rel(abs), field: '(file)', message: `a ${specialKind(e)}, expected a regular file`, severity: 'error' });
  }
  const checked = await pLimit(FILES_AT_ONCE).map(links, async (abs) => ({ abs, problem: await linkProblem(abs, rootReal) }));
  for (const { abs, problem } of checked) {
    if (problem === undefined) paths.push(rel(abs));
    else problems.push({ file: rel(abs), field: '(file)', message: problem, severity: 'error' });
  }
  return { paths: paths.sort(), problems };
}

/**
 * The bytes of each file as last read, under a stamp of its inode, size and change times: the
 * preview reads the folder again on every save, and a stat costs a tenth of a read (10,000
 * analyses: about 0.1 s against 1 s), so only files whose stamp moved are read again.
 */
export type FileCache = Map<string, { stamp: string; bytes: Uint8Array }>;

/**
 * The bytes of one file, from `cache` when its stamp is unchanged. With a cache (the preview) the
 * calls are synchronous: each asynchronous stat or read is a hop to libuv's threads and back,
 * which made a preview's reading of 10,000 files take about 2.5 s against 0.5 s, and a stat of
 * every file after a save about 0.6 s against 0.1 s (loaded machine). The preview answers no
 * request while its content is read anyway; a build keeps the asynchronous reads.
 */
async function readBytes(abs: string, cache: FileCache | undefined): Promise<Uint8Array> {
  if (!cache) return new Uint8Array(await readFile(abs));
  const s = statSync(abs, { bigint: true });
  const stamp = `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  const kept = cache.get(abs);
  if (kept?.stamp === stamp) return kept.bytes;
  const bytes = new Uint8Array(readFileSync(abs));
  cache.set(abs, { stamp, bytes });
  return bytes;
}

/**
 * Reads every file of a content folder into memory; unreadable files become problems. With a
 * `cache` (kept by the caller between readings), unchanged files are not read again.
 */
export async function readContentFolder(dir: string, cwd = process.cwd(), cache?: FileCache): Promise<ContentTree> {
  const { paths, problems } = await listContentFiles(dir, cwd);
  if (cache) {
    const present = new Set(paths.map((path) => join(cwd, path)));
    for (const abs of cache.keys()) if (!present.has(abs)) cache.delete(abs);
  }
  const read = await pLimit(FILES_AT_ONCE).map(paths, async (path): Promise<ContentFile | Problem> => {
    try {
      return { path, bytes: await readBytes(join(cwd, path), cache) };
    } catch (error) {
      cache?.delete(join(cwd, path));
      return { file: path, field: '(file)', message: `cannot be read (${reason(error)}), expected a readable file`, severity: 'error' };
    }
  });
  return { files: read.filter((r): r is ContentFile => 'bytes' in r), problems: [...problems, ...read.filter((r): r is Problem => 'message' in r)] };
}
