/** Fingerprints of built output trees, for tests that compare two builds byte for byte. */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Path -> sha256 of every file below `root`. */
export async function treeDigest(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const rel of readdirSync(root, { recursive: true }).map(String).sort()) {
    const full = join(root, rel);
    if (statSync(full).isFile()) out.set(rel, createHash('sha256').update(await readFile(full)).digest('hex'));
  }
  return out;
}
