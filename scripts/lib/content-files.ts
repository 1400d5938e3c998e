/** Lists a content tree on disk for the importer, by the content reader's rules (src/content-reader/files.ts). */
import { listContentFiles } from '../../src/content-reader/files.ts';

/** Every file below `dir` (resolved against `cwd`, recursively), as paths relative to `cwd` with forward slashes, sorted. */
export async function listFiles(dir: string, cwd = process.cwd()): Promise<string[]> {
  return (await listContentFiles(dir, cwd)).paths;
}
