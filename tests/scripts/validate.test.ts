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
    expect(r.stdout).toMatch(/^validate: ok; \d+ analyses, 9 pages, 5 topics, \d+ actors, \d+ authors checked/);
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

describe('npm run validate on what hosts and readers cannot show', () => {
  it('fails on an external image and an invisible title, and only warns about a scheduled piece', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'barometer-validate-publish-'));
    try {
      await cp('content', join(copy, 'content'), { recursive: true });
      const weekly = '---\ntitle: T\nsummary: S.\nkind: weekly\nperiod: { start: 2022-08-29, end: 2022-09-04 }\ntopic: security-issues\ntrend: worse\n---\n\n';
      await writeFile(join(copy, 'content/analyses/en/hotlinked.md'), `${weekly}Text.\n\n![map](https://maps.example.com/belarus.png)\n`);
      await writeFile(join(copy, 'content/analyses/en/invisible.md'), weekly.replace('title: T', 'title: "\\u200B\\u2060"') + 'Text.\n');
      await writeFile(join(copy, 'content/analyses/en/scheduled.md'), '---\ntitle: Next year\nsummary: S.\nkind: opinion\npublished: 2999-01-04\n---\n\nText.\n');
      const r = await (async () => {
        try {
          const { stdout, stderr } = await run(NODE, [join(process.cwd(), 'scripts/validate.ts'), 'content'], { cwd: copy });
          return { code: 0, stdout, stderr };
        } catch (error) {
          return error as { code: number; stdout: string; stderr: string };
        }
      })();
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("content/analyses/en/hotlinked.md:12: body: image from another host (https://maps.example.com/belarus.png) is blocked by the site's Content-Security-Policy");
      expect(r.stderr).toContain('content/analyses/en/invisible.md: title: has only invisible characters (U+200B U+2060), expected visible text');
      expect(r.stderr).toMatch(/warning: content\/analyses\/en\/scheduled\.md: published: 2999-01-04 is more than a day after today/);
      expect(r.stderr).toMatch(/validate: 2 error\(s\) in 2 file\(s\)/);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
