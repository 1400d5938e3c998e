/**
 * Reading a big content folder under a low limit on open files (src/content-reader/files.ts).
 * At 50,000 analyses every file was opened before any was read, and the build died with EMFILE
 * (ulimit 20,000); here a folder of 2,000 files is read by a child process limited to 256.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const FILES = 2_000;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-open-files-'));
  for (let i = 0; i < FILES; i += 1) {
    const sub = join(dir, 'analyses', String(i % 10));
    await mkdir(sub, { recursive: true });
    await writeFile(join(sub, `${i}.md`), `---\ntitle: piece ${i}\n---\nBody ${i}.\n`);
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('reading a content folder with few file descriptors', () => {
  it('reads all 2,000 files with 256 descriptors allowed, none reported unreadable', async () => {
    const reader = new URL('../../src/content-reader/files.ts', import.meta.url).pathname;
    const script = `const { readContentFolder } = await import(${JSON.stringify(reader)});
const tree = await readContentFolder('.', ${JSON.stringify(dir)});
console.log(JSON.stringify({ files: tree.files.length, problems: tree.problems.map((p) => p.message) }));`;
    const { stdout } = await run('bash', ['-c', 'ulimit -n 256 && exec "$0" --input-type=module -e "$1"', process.execPath, script]);
    const result = JSON.parse(stdout) as { files: number; problems: string[] };
    expect(result.problems).toEqual([]);
    expect(result.files).toBe(FILES);
  });
});
