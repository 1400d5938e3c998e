/** Reads a content folder from disk through the content reader, for tests that check a tree in memory. */
import type { ContentFile } from '../../src/content-reader/index.ts';
import { readContentFolder } from '../../src/content-reader/files.ts';

/** Every readable file of a content folder (paths relative to `cwd`); fails the test on a read problem. */
export async function readContentTree(dir: string, cwd = process.cwd()): Promise<ContentFile[]> {
  const tree = await readContentFolder(dir, cwd);
  if (tree.problems.length) throw new Error(tree.problems.map((p) => `${p.file}: ${p.message}`).join('\n'));
  return tree.files;
}
