/** `npm run newsletter` as a user runs it, on a small built tree: where the edition is, its subject, clear errors. */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE } from '../helpers/build-site.ts';

const run = promisify(execFile);
let dir: string;

/** Runs the script in the temp dir; never throws on a non-zero exit. */
async function newsletter(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(NODE, [join(process.cwd(), 'scripts/newsletter.ts'), ...args], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    return error as { code: number; stdout: string; stderr: string };
  }
}

/** Writes an edition as the build does. */
async function edition(path: string, subject: string): Promise<void> {
  await mkdir(join(dir, 'dist', path), { recursive: true });
  await writeFile(join(dir, 'dist', path, 'mail.html'), `<!doctype html><html><head><title>${subject}</title></head><body></body></html>`);
  await writeFile(join(dir, 'dist', path, 'mail.txt'), 'text\n');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-newsletter-'));
  await mkdir(join(dir, 'dist'), { recursive: true });
  await writeFile(join(dir, 'dist', 'index.html'), '<!doctype html><html lang="en"><title>x</title></html>');
  await edition('weeks/2022-08-29', 'Belarus Barometer: week of August 29 &amp; more');
  await edition('weeks/2022-10-10', 'Belarus Barometer: week of October 10');
  await edition('be/weeks/2022-08-29', 'Барометр Беларусі: тыдзень 29 жніўня');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run newsletter', () => {
  it('prints the subject and where the HTML and text files are', async () => {
    const r = await newsletter('--week', '2022-08-29');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('subject: Belarus Barometer: week of August 29 & more\nhtml:    dist/weeks/2022-08-29/mail.html\ntext:    dist/weeks/2022-08-29/mail.txt\n');
  });

  it('finds the edition of another language with --lang', async () => {
    const r = await newsletter('--week', '2022-08-29', '--lang', 'be');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('subject: Барометр Беларусі: тыдзень 29 жніўня\nhtml:    dist/be/weeks/2022-08-29/mail.html\n');
  });

  it('names the nearest weeks that have an edition when the week has none', async () => {
    const r = await newsletter('--week', '2022-09-05');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('newsletter: no en edition for the week of 2022-09-05 (editions exist for weeks with weekly analyses in that language); nearest: 2022-08-29, 2022-10-10\n');
  });

  it('refuses a bad command line with exit code 2, naming the option and what it expects', async () => {
    expect(await newsletter()).toMatchObject({ code: 2, stderr: expect.stringContaining('--week is required') });
    expect(await newsletter('--week', '2022-02-30')).toMatchObject({ code: 2, stderr: expect.stringContaining('--week: found "2022-02-30", expected a date written YYYY-MM-DD') });
    expect(await newsletter('--week', '2022-08-29', '--lang', 'de')).toMatchObject({ code: 2, stderr: expect.stringContaining('--lang: found "de", expected one of en, be, ru') });
  });

  it('reads the root language from the build: a Russian-first site keeps its Russian editions at the root', async () => {
    const site = join(dir, 'ru-first');
    await mkdir(join(site, 'weeks/2022-08-29'), { recursive: true });
    await mkdir(join(site, 'en/weeks/2022-08-29'), { recursive: true });
    await writeFile(join(site, 'index.html'), '<!doctype html><html lang="ru"><title>x</title></html>');
    for (const [path, subject] of [['weeks/2022-08-29', 'Барометр: неделя 29 августа'], ['en/weeks/2022-08-29', 'Barometer: week of 29 August']] as const) {
      await writeFile(join(site, path, 'mail.html'), `<!doctype html><html><head><title>${subject}</title></head></html>`);
      await writeFile(join(site, path, 'mail.txt'), 'text\n');
    }
    const ru = await newsletter('--week', '2022-08-29', '--dist', 'ru-first');
    expect(ru).toMatchObject({ code: 0, stdout: expect.stringContaining('subject: Барометр: неделя 29 августа\nhtml:    ru-first/weeks/2022-08-29/mail.html\n') });
    const en = await newsletter('--week', '2022-08-29', '--dist', 'ru-first', '--lang', 'en');
    expect(en).toMatchObject({ code: 0, stdout: expect.stringContaining('html:    ru-first/en/weeks/2022-08-29/mail.html\n') });
  });

  it('says to build first when there is no built site', async () => {
    const r = await newsletter('--week', '2022-08-29', '--dist', 'nowhere');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('newsletter: nowhere/ has no built site; run npm run build first\n');
  });
});
