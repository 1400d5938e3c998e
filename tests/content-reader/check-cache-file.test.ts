/**
 * The preview's check results kept on disk between runs (src/content-reader/check-cache-file.ts):
 * a restart must read the same report as a fresh reading, reuse only results for unchanged text,
 * day and code, and still list every problem.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContent, type CheckCache, type ValidationReport } from '../../src/content-reader/index.ts';
import { saveChecks, StoredChecks } from '../../src/content-reader/check-cache-file.ts';

let dir: string;
let file: string;
const ANALYSIS = 'content/analyses/en/2022-08-29-minsk-bets-on-a-divided-west.md';

/** The parts of a report a page or the validator uses, comparable with toEqual. */
function comparable(report: ValidationReport): unknown {
  return { ...report, filesWithErrors: [...report.filesWithErrors].sort() };
}

/** A fresh reading of the copy, and one through results stored under `key` and read back under `readKey`. */
async function readings(key: string, readKey = key): Promise<{ fresh: ValidationReport; restored: ValidationReport; stored: StoredChecks }> {
  const cache: CheckCache = new Map();
  const fresh = await readContent('content', dir, cache);
  saveChecks(file, key, cache);
  const stored = new StoredChecks(file, readKey);
  const restored = await readContent('content', dir, new Map(), undefined, stored);
  return { fresh, restored, stored };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-checks-'));
  await cp('content', join(dir, 'content'), { recursive: true });
  file = join(dir, 'checks.bin');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('stored check results', () => {
  it('give the same report as checking every file, texts and bodies included, and are all used', async () => {
    const { fresh, restored, stored } = await readings('k');
    expect(comparable(restored)).toEqual(comparable(fresh));
    const analysis = restored.analyses.find((a) => a.file === ANALYSIS);
    expect(analysis?.body.length).toBeGreaterThan(100);
    expect(analysis?.text.endsWith(analysis.body)).toBe(true);
    expect(stored.allUsed).toBe(true);
  });

  it('are not used for a file whose text changed, which is checked again (its new problem listed)', async () => {
    const path = join(dir, ANALYSIS);
    const original = await readFile(path, 'utf8');
    const cache: CheckCache = new Map();
    await readContent('content', dir, cache);
    saveChecks(file, 'k', cache);
    await writeFile(path, original.replace(/^title: .*$/m, 'title: [unclosed'));
    try {
      const stored = new StoredChecks(file, 'k');
      const restored = await readContent('content', dir, new Map(), undefined, stored);
      expect(restored.problems.map((p) => `${p.file} ${p.field}`)).toContain(`${ANALYSIS} frontmatter`);
      expect(restored.analyses.some((a) => a.file === ANALYSIS)).toBe(false);
      expect(stored.allUsed).toBe(false);
    } finally {
      await writeFile(path, original);
    }
  });

  it('are ignored under another key (another day or checking code)', async () => {
    const { stored } = await readings('2026-12-07 code-a', '2026-12-08 code-a');
    expect(stored.allUsed).toBe(false);
    // Nothing was handed out: every file was checked again.
    expect(stored.take(ANALYSIS, await readFile(join(dir, ANALYSIS), 'utf8'))).toBeUndefined();
  });

  it('keep a file with problems reporting them after a restart', async () => {
    const path = join(dir, 'content/analyses/en/2022-08-29-a-broken-file.md');
    await writeFile(path, '---\ntitle: [unclosed\n---\nText.\n');
    try {
      const { fresh, restored } = await readings('k');
      const broken = (r: ValidationReport) => r.problems.filter((p) => p.file.endsWith('a-broken-file.md'));
      expect(broken(fresh).length).toBeGreaterThan(0);
      expect(broken(restored)).toEqual(broken(fresh));
    } finally {
      await rm(path);
    }
  });

  it('are ignored when the file is cut short', async () => {
    const cache: CheckCache = new Map();
    await readContent('content', dir, cache);
    saveChecks(file, 'k', cache);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const stored = new StoredChecks(file, 'k');
    expect(stored.take(ANALYSIS, await readFile(join(dir, ANALYSIS), 'utf8'))).toBeUndefined();
  });
});
