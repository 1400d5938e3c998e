/**
 * The bad-input corpus (tests/fixtures/invalid/): one validator run must report every broken file
 * with its exact message, and nothing else.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContentTree } from '../helpers/content-tree.ts';
import { validateContent } from '../../src/content-reader/index.ts';
import { formatProblem } from '../../src/schemas/problems.ts';

const FIXTURE = 'tests/fixtures/invalid';
let dir: string;
let lines: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-invalid-'));
  await cp(join(FIXTURE, 'content'), join(dir, 'content'), { recursive: true });
  const huge = `---\ntitle: ${'x'.repeat(1_048_576)}\nsummary: S.\nkind: opinion\npublished: 2022-01-03\n---\n\nBody.\n`;
  await writeFile(join(dir, 'content/analyses/en/huge-title.md'), huge);
  lines = validateContent(await readContentTree('content', dir)).problems.map(formatProblem);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the invalid corpus', () => {
  it('reports exactly the expected lines, every file in one run', async () => {
    const expected = (await readFile(join(FIXTURE, 'expected.txt'), 'utf8')).split('\n').filter(Boolean);
    const withoutHuge = lines.filter((l) => !l.includes('huge-title.md'));
    expect(withoutHuge).toEqual(expected);
    expect(new Set(expected.map((l) => l.replace(/^warning: /, '').split(':')[0])).size).toBeGreaterThanOrEqual(40);
  });

  it('reports the 1 MB title briefly', () => {
    expect(lines.filter((l) => l.includes('huge-title.md'))).toEqual(['content/analyses/en/huge-title.md: title: is 1048576 characters long, expected at most 300']);
  });
});
