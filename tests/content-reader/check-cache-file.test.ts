/**
 * The preview's check results kept on disk between runs (src/content-reader/check-cache-file.ts):
 * a restart must read the same report as a fresh reading, reuse only results for unchanged text
 * and code (and from another day only where the day cannot change them), and still list every problem.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContent, validateContent, type CheckCache, type ValidationReport } from '../../src/content-reader/index.ts';
import { saveChecks, StoredChecks } from '../../src/content-reader/check-cache-file.ts';

let dir: string;
let file: string;
const ANALYSIS = 'content/analyses/en/2022-08-29-minsk-bets-on-a-divided-west.md';

/** The parts of a report a page or the validator uses, comparable with toEqual. */
function comparable(report: ValidationReport): unknown {
  return { ...report, filesWithErrors: [...report.filesWithErrors].sort() };
}

const DAY = '2026-12-07';

/** A fresh reading of the copy, and one through results stored under `key` and read back under `readKey`. */
async function readings(key: string, readKey = key): Promise<{ fresh: ValidationReport; restored: ValidationReport; stored: StoredChecks }> {
  const cache: CheckCache = new Map();
  const fresh = await readContent('content', dir, cache);
  saveChecks(file, key, DAY, cache);
  const stored = new StoredChecks(file, readKey, DAY);
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
    saveChecks(file, 'k', DAY, cache);
    await writeFile(path, original.replace(/^title: .*$/m, 'title: [unclosed'));
    try {
      const stored = new StoredChecks(file, 'k', DAY);
      const restored = await readContent('content', dir, new Map(), undefined, stored);
      expect(restored.problems.map((p) => `${p.file} ${p.field}`)).toContain(`${ANALYSIS} frontmatter`);
      expect(restored.analyses.some((a) => a.file === ANALYSIS)).toBe(false);
      expect(stored.allUsed).toBe(false);
    } finally {
      await writeFile(path, original);
    }
  });

  it('are ignored under another key (other checking code or content folder)', async () => {
    const { stored } = await readings('code-a /content', 'code-b /content');
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
    saveChecks(file, 'k', DAY, cache);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const stored = new StoredChecks(file, 'k', DAY);
    expect(stored.take(ANALYSIS, await readFile(join(dir, ANALYSIS), 'utf8'))).toBeUndefined();
  });
});

describe('stored check results from another day', () => {
  /** The analysis with `published` set, as the one file of a tree, checked on `today` through results stored on `day`. */
  async function checkOn(published: string, day: string, today: string): Promise<{ warnings: string[]; stored: StoredChecks }> {
    const text = (await readFile(join(dir, ANALYSIS), 'utf8')).replace(/^kind: weekly$/m, `kind: weekly\npublished: ${published}`);
    const files = [{ path: ANALYSIS, bytes: new TextEncoder().encode(text) }];
    const cache: CheckCache = new Map();
    validateContent(files, 'content', { cache, today: day });
    saveChecks(file, 'k', day, cache);
    const stored = new StoredChecks(file, 'k', today);
    const report = validateContent(files, 'content', { cache: new Map(), today, earlier: stored });
    return { warnings: report.problems.filter((p) => p.file === ANALYSIS && p.field === 'published').map((p) => p.message), stored };
  }

  it('are reused for an analysis scheduled on neither day', async () => {
    const { warnings, stored } = await checkOn('2022-08-29', '2026-12-07', '2026-12-08');
    expect(warnings).toEqual([]);
    expect(stored.allUsed).toBe(true);
  });

  it('are checked again for a scheduled analysis, whose warning names the new day', async () => {
    const { warnings, stored } = await checkOn('2026-12-20', '2026-12-07', '2026-12-08');
    expect(stored.allUsed).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('today (2026-12-08)');
  });

  it('are checked again for an analysis that is no longer scheduled (its warning gone)', async () => {
    const { warnings, stored } = await checkOn('2026-12-09', '2026-12-07', '2026-12-08');
    expect(stored.allUsed).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('are reused on the same day, a scheduled piece still warning', async () => {
    const { warnings, stored } = await checkOn('2026-12-20', '2026-12-07', '2026-12-07');
    expect(stored.allUsed).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('today (2026-12-07)');
  });
});
