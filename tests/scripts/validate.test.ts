/** `npm run validate` as a user runs it: a child process on a content folder. */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE } from '../helpers/build-site.ts';

const run = promisify(execFile);
let dir: string;

/** Runs the validator on `content` inside the temp dir; never throws on a non-zero exit. */
async function validate(): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(NODE, [join(process.cwd(), 'scripts/validate.ts'), 'content'], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-validate-'));
  await cp('content', join(dir, 'content'), { recursive: true });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run validate', () => {
  it('accepts the sample content', async () => {
    const r = await validate();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^validate: ok; \d+ analyses, 5 topics, \d+ actors, \d+ authors checked/);
  });

  it('fails on two broken files and names both, with field and reason', async () => {
    await writeFile(
      join(dir, 'content/analyses/en/broken-period.md'),
      '---\ntitle: T\nsummary: S.\nkind: weekly\nperiod: { start: 2022-09-10, end: 2022-09-04 }\ntopic: security-issues\ntrend: worse\n---\n\nText.\n',
    );
    await writeFile(join(dir, 'content/analyses/ru/broken-topic.md'), '---\ntitle: T\nsummary: S.\nkind: weekly\nperiod: { start: 2022-08-29, end: 2022-09-04 }\ntopic: security\ntrend: worse\n---\n\nText.\n');
    const r = await validate();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('content/analyses/en/broken-period.md: period.end: 2022-09-04 is before period.start 2022-09-10');
    expect(r.stderr).toContain('content/analyses/ru/broken-topic.md: topic: unknown topic "security" (expected an id from content/topics/; nearest: security-issues');
    expect(r.stderr).toMatch(/validate: 2 error\(s\) in 2 file\(s\)/);
  });
});
