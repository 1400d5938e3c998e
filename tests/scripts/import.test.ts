/**
 * `scripts/import.ts` as a child process, writing into temporary folders only (never content/):
 * JSON lines, dry runs, writes and re-imports, conflicts, bad input, usage errors, big batches,
 * and the acceptance run on the seed pages (skipped with a notice when they are absent).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_CONTENT, FIXTURE_PAGES, hasSeeds, SEEDS_DIR } from '../fixtures/import/helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');
const temps: string[] = [];

afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

if (!hasSeeds) console.warn(`\n  NOTICE: seed pages not found in ${SEEDS_DIR}; the seed acceptance test is SKIPPED.\n`);

/** A fresh temporary folder holding a copy of the fixture taxonomy under `content/`. */
function workspace(): { dir: string; content: string } {
  const dir = mkdtempSync(join(tmpdir(), 'barometer-import-'));
  temps.push(dir);
  cpSync(FIXTURE_CONTENT, join(dir, 'content'), { recursive: true });
  return { dir, content: join(dir, 'content') };
}

/** Runs a Node script as a child process and collects its output. */
function runNode(args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs the importer from the project root. */
function runImport(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return runNode(['scripts/import.ts', ...args], ROOT);
}

/** Runs the site validator on a workspace's content tree. */
async function runValidate(dir: string): Promise<{ status: number | null; output: string }> {
  const r = await runNode([join(ROOT, 'scripts/validate.ts'), 'content'], dir);
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** One line of the importer's JSON report. */
interface Line {
  input: string;
  ok: boolean;
  status: string;
  errors: string[];
  warnings: string[];
  output: string | null;
  data: Record<string, unknown>;
  authors: { id: string; name: string; new: boolean; file?: string }[];
  availableIn: string[];
  body: string;
  dropped: { text: string; reason: string; line?: number }[];
  dates: { value: string; from: string }[];
}

/** Parses stdout as JSON lines, failing if anything else is there. */
function jsonLines(stdout: string): Line[] {
  const lines = stdout.split('\n').filter((l) => l !== '');
  return lines.map((l) => JSON.parse(l) as Line);
}

/** Every file below a folder (relative paths), or [] when it does not exist. */
function filesBelow(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)) : [];
}

const page = (name: string) => join(FIXTURE_PAGES, name);
const WEEKLY = ['weekly-cross-year.txt', 'weekly-single-year-cross.txt', 'weekly-no-byline.txt', 'weekly-byline.txt', 'legacy-status.txt', 'legacy-status-split.txt', 'legacy.html', 'weekly.html', 'bullets-and-escapes.txt'].map(page);
const UNDATED = ['no-date.txt', 'notes.txt', 'notes.html'].map(page);

// Sequential on purpose: each child process costs about a second of CPU, and CI machines are small.
describe('scripts/import.ts', { timeout: 180_000 }, () => {
  it('--dry-run --json: one JSON object per input on stdout, nothing else, nothing written', async () => {
    const { content } = workspace();
    const r = await runImport(['--content', content, '--dry-run', '--json', FIXTURE_PAGES]);
    const pages = readdirSync(FIXTURE_PAGES).filter((f) => /\.(txt|html)$/u.test(f));
    const lines = jsonLines(r.stdout);
    expect(lines).toHaveLength(pages.length);
    expect(r.status).toBe(1); // the unknown topic fails
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['input', 'ok', 'status', 'errors', 'warnings', 'output', 'data', 'authors', 'availableIn', 'body', 'dropped', 'dates', 'origins']);
      expect(l.ok).toBe(l.errors.length === 0);
      expect(l.data['title']).toEqual(expect.any(String));
    }
    const byName = new Map(lines.map((l) => [l.input.split('/').at(-1), l]));
    expect(byName.get('weekly-cross-year.txt')).toMatchObject({ ok: true, status: 'would import', data: { kind: 'weekly', topic: 'belarus-west-relations', trend: 'unchanged' } });
    expect(byName.get('weekly-cross-year.txt')?.output).toBe(join(content, 'analyses/en/2021-12-27-year-end-messages-from-minsk-mix-defiance-with-quiet-offers.md'));
    // An undated page is imported as a draft without a date (none is made up, not even the file's),
    // named so an editor finds it; the warning says what to fill in, and the site's validator accepts it.
    const undated = byName.get('no-date.txt');
    expect(undated).toMatchObject({ ok: true, status: 'would import', data: { draft: true }, errors: [], dates: [] });
    expect(undated?.data['published']).toBeUndefined();
    expect(undated?.output).toMatch(/analyses\/en\/undated-[a-z0-9-]+\.md$/u);
    expect(undated?.warnings.some((w) => w.startsWith('published: no date is printed on the page: imported as a draft without a date'))).toBe(true);
    expect(undated?.warnings.filter((w) => w.includes('(validator)'))).toEqual([]);
    expect(byName.get('unknown-topic.txt')?.errors[0]).toMatch(/^topic: "Economy and trade" is not a known topic/);
    expect(byName.get('notes.txt')?.availableIn).toEqual(['ru', 'be']);
    expect(filesBelow(join(content, 'analyses'))).toEqual([]);
    expect(readdirSync(join(content, 'authors'))).toEqual(['hanna-lis.yaml']);
    expect(r.stderr).toMatch(/12 would be imported, 0 unchanged, 1 failed \(dry run: nothing written\)/);
  });

  it('imports into a content tree the validator accepts; re-importing reports "unchanged" and keeps the bytes', async () => {
    const { dir, content } = workspace();
    const first = await runImport(['--content', content, ...WEEKLY]);
    expect(first.stdout).toBe('');
    expect(first.status, first.stderr).toBe(0);
    const second = await runImport(['--content', content, '--date', '2022-11-05', ...UNDATED]);
    expect(second.status, second.stderr).toBe(0);
    const written = filesBelow(join(content, 'analyses'));
    expect(written).toHaveLength(WEEKLY.length + UNDATED.length);
    expect(readdirSync(join(content, 'authors')).sort()).toEqual(['ayse-karakus.yaml', 'hanna-lis.yaml', 'jonas-petraitis.yaml', 'tomasz-nowak.yaml']);
    expect(filesBelow(content).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const validated = await runValidate(dir);
    expect(validated.output).toMatch(/validate: ok; 12 analyses/);
    expect(validated.status).toBe(0);

    const before = new Map(written.map((f) => [f, readFileSync(f, 'utf8')]));
    const again = await runImport(['--content', content, '--json', ...WEEKLY]);
    expect(again.status).toBe(0);
    expect(jsonLines(again.stdout).map((l) => l.status)).toEqual(WEEKLY.map(() => 'unchanged'));
    const againUndated = await runImport(['--content', content, '--json', '--date', '2022-11-05', ...UNDATED]);
    expect(jsonLines(againUndated.stdout).map((l) => [l.status, l.authors.map((a) => a.new)])).toEqual(UNDATED.map(() => ['unchanged', [false]]));
    for (const [f, text] of before) expect(readFileSync(f, 'utf8')).toBe(text);
  });

  it('never overwrites a different existing file without --force', async () => {
    const { content } = workspace();
    const input = page('weekly-no-byline.txt');
    const first = jsonLines((await runImport(['--content', content, '--json', input])).stdout)[0];
    const output = first?.output ?? '';
    writeFileSync(output, `${readFileSync(output, 'utf8')}\nAn editor's change.\n`);
    const edited = readFileSync(output, 'utf8');
    const blocked = await runImport(['--content', content, '--json', input]);
    expect(blocked.status).toBe(1);
    expect(jsonLines(blocked.stdout)[0]).toMatchObject({ ok: false, status: 'failed' });
    expect(jsonLines(blocked.stdout)[0]?.errors[0]).toMatch(/already exists with different content; pass --force/);
    expect(readFileSync(output, 'utf8')).toBe(edited);
    const forced = await runImport(['--content', content, '--json', '--force', input]);
    expect(forced.status).toBe(0);
    expect(jsonLines(forced.stdout)[0]?.status).toBe('overwritten');
    expect(readFileSync(output, 'utf8')).not.toContain("An editor's change.");
  });

  /** Two different pages (written for this test) that map to one file: same date, same title. */
  function twins(dir: string): [string, string] {
    const a = join(dir, 'twin-a.txt');
    const b = join(dir, 'twin-b.txt');
    const page = (text: string) => ['By Ada Nowak', '', 'March 7, 2022', '', 'One title for two pages', '', text, '', 'Ada Nowak', 'Ada Nowak', 'Ada Nowak is an invented writer for the importer tests.', ''].join('\n');
    writeFileSync(a, page('The first page says one thing about the border, at length and in full sentences.'));
    writeFileSync(b, page('The second page says another thing about the border, also at length and in full.'));
    return [a, b];
  }

  it('two pages with one title in one batch: both are imported, the second under a name with a short hash and a warning naming both', async () => {
    const { dir, content } = workspace();
    const [a, b] = twins(dir);
    const r = await runImport(['--content', content, '--json', '--force', a, b]);
    expect(r.status).toBe(0);
    const [first, second] = jsonLines(r.stdout);
    expect(first).toMatchObject({ ok: true, status: 'imported' });
    expect(second).toMatchObject({ ok: true, status: 'imported' });
    expect(second?.output).toMatch(/-[0-9a-f]{6}\.md$/u);
    expect(second?.output?.replace(/-[0-9a-f]{6}\.md$/u, '.md')).toBe(first?.output);
    const warning = second?.warnings.find((w) => w.startsWith('(output): '));
    expect(warning).toContain(a);
    expect(warning).toContain(second?.output ?? '?');
    const files = filesBelow(join(content, 'analyses'));
    expect(files).toHaveLength(2);
    expect(readFileSync(first?.output ?? '', 'utf8')).toContain('The first page says');
    expect(readFileSync(second?.output ?? '', 'utf8')).not.toContain('The first page says');
    expect(r.stderr).toMatch(/2 imported, 0 unchanged, 0 failed/);
  });

  it('two parallel imports of such pages: exactly one imports, the other fails and writes nothing', async () => {
    for (let round = 0; round < 3; round += 1) {
      const { dir, content } = workspace();
      const [a, b] = twins(dir);
      const [ra, rb] = await Promise.all([runImport(['--content', content, '--json', a]), runImport(['--content', content, '--json', b])]);
      const lines = [...jsonLines(ra.stdout), ...jsonLines(rb.stdout)];
      expect(lines.map((l) => l.status).sort()).toEqual(['failed', 'imported']);
      const winner = lines.find((l) => l.ok);
      const files = filesBelow(join(content, 'analyses'));
      expect(files).toHaveLength(1);
      expect(readFileSync(files[0] ?? '', 'utf8')).toContain(winner?.input === a ? 'The first page says' : 'The second page says');
      expect(filesBelow(content).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
  });

  it('a failed import writes nothing, not even its new author file', async () => {
    const { dir, content } = workspace();
    const [a] = twins(dir);
    const dry = jsonLines((await runImport(['--content', content, '--json', '--dry-run', a])).stdout)[0];
    expect(dry?.authors.map((x) => x.new)).toEqual([true]);
    const planned = dry?.output ?? '';
    // A folder where the analysis should go: its write fails after the author file was planned.
    mkdirSync(join(planned, 'in-the-way'), { recursive: true });
    const before = filesBelow(join(content, 'authors')).sort();
    const r = await runImport(['--content', content, '--json', a]);
    expect(jsonLines(r.stdout)[0]).toMatchObject({ ok: false, status: 'failed' });
    expect(filesBelow(join(content, 'authors')).sort()).toEqual(before);
  });

  it('a write that fails leaves neither a partial nor a temporary file, and the other inputs are imported', async () => {
    const { content } = workspace();
    const blockedInput = page('weekly-no-byline.txt');
    const other = page('weekly-byline.txt');
    const planned = jsonLines((await runImport(['--content', content, '--json', '--dry-run', blockedInput])).stdout)[0]?.output ?? '';
    expect(planned).not.toBe('');
    // A folder where the file should go: the final rename fails, as on a full or read-only disk.
    mkdirSync(join(planned, 'in-the-way'), { recursive: true });
    const r = await runImport(['--content', content, '--json', blockedInput, other]);
    expect(r.status).toBe(1);
    const [blocked, imported] = jsonLines(r.stdout);
    expect(blocked).toMatchObject({ ok: false, status: 'failed' });
    expect(blocked?.errors[0]).toMatch(/could not be imported: E[A-Z]+/);
    expect(imported).toMatchObject({ ok: true, status: 'imported' });
    expect(r.stderr).not.toMatch(/\n\s+at /u);
    expect(readdirSync(planned)).toEqual(['in-the-way']);
    expect(filesBelow(content).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('turns junk, binary, empty, missing and huge inputs into clear per-file errors, never a crash', async () => {
    const { dir, content } = workspace();
    const junk = join(dir, 'junk');
    mkdirSync(junk);
    writeFileSync(join(junk, 'bad-utf8.txt'), new Uint8Array([0x41, 0x0a, 0xff, 0xfe, 0xc3, 0x28]));
    writeFileSync(join(junk, 'binary.txt'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]));
    writeFileSync(join(junk, 'empty.txt'), '');
    writeFileSync(join(junk, 'huge-line.txt'), `Title\n\n${'a'.repeat(2_000_000)}\n`);
    writeFileSync(join(junk, 'tags.html'), '<<<>>><p><p><sup>[1]</sup></div></html><script>');
    const r = await runImport(['--content', content, '--json', junk, join(dir, 'does-not-exist.txt')]);
    expect(r.status).toBe(1);
    const lines = jsonLines(r.stdout);
    expect(lines).toHaveLength(6);
    // A page with text is imported even when it prints no date (a draft without a date); the junk is not.
    for (const l of lines.filter((x) => !x.input.endsWith('huge-line.txt'))) {
      expect(l.ok).toBe(false);
      expect(l.errors.length).toBeGreaterThan(0);
    }
    expect(lines.find((x) => x.input.endsWith('huge-line.txt'))).toMatchObject({ ok: true, data: { draft: true } });
    const err = (name: string) => lines.find((l) => l.input.endsWith(name))?.errors.join(' | ') ?? '';
    expect(err('bad-utf8.txt')).toMatch(/^\(encoding\): not valid UTF-8 \(first bad byte on line 2\)/);
    expect(err('binary.txt')).toMatch(/control character U\+0003 on line 1/);
    expect(err('empty.txt')).toMatch(/the page is empty/);
    expect(err('does-not-exist.txt')).toMatch(/not found/);
    expect(err('tags.html')).not.toMatch(/internal error/);
    expect(r.stderr).not.toMatch(/\n\s+at /u);
  });

  it('rejects a bad command line with exit code 2 and nothing on stdout', async () => {
    for (const args of [['--kind', 'essay', 'x.txt'], ['--date', '2022-02-30', 'x.txt'], ['--bogus', 'x.txt'], []]) {
      const r = await runImport(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/usage: npm run import/);
    }
  });

  it('handles a batch of more than 20 files (progress on stderr, stdout stays JSON)', async () => {
    const { dir, content } = workspace();
    const batch = join(dir, 'batch');
    mkdirSync(batch);
    const text = readFileSync(page('weekly-no-byline.txt'), 'utf8');
    for (let i = 0; i < 21; i += 1) writeFileSync(join(batch, `page-${String(i).padStart(2, '0')}.txt`), text);
    const r = await runImport(['--content', content, '--dry-run', '--json', batch]);
    expect(r.status).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(lines).toHaveLength(21);
    // Same page 21 times: the first would be written, the others are identical to it.
    expect(lines.map((l) => l.status)).toEqual(['would import', ...Array.from({ length: 20 }, () => 'unchanged')]);
  });

  it('a batch read ahead on workers gives what one page after another gives: a new author signing every page is new only on the first', async () => {
    const { dir, content } = workspace();
    const batch = join(dir, 'batch');
    mkdirSync(batch);
    const paragraph = (i: number) => `<p>The harbour board met for the ${i}th time this spring and again postponed its vote on the dredging contract, citing costs that rose by a third since the tender opened.</p>`;
    for (let i = 1; i <= 12; i += 1) {
      const day = String(i).padStart(2, '0');
      const html = `<!doctype html><html lang="en"><head><title>Harbour board, meeting ${i}</title>
<meta property="article:published_time" content="2024-03-${day}T09:00:00Z"><meta name="author" content="Mira Quellen"></head>
<body><article><h1>Harbour board, meeting ${i}</h1><p class="byline">By Mira Quellen</p>${paragraph(i)}${paragraph(i + 1)}${paragraph(i + 2)}</article></body></html>`;
      writeFileSync(join(batch, `page-${day}.html`), html);
    }
    const r = await runImport(['--content', content, '--dry-run', '--json', batch]);
    expect(r.status).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(lines.map((l) => l.input.split('/').at(-1))).toEqual(Array.from({ length: 12 }, (_, i) => `page-${String(i + 1).padStart(2, '0')}.html`));
    expect(lines.map((l) => l.authors.map((a) => `${a.id} ${a.new ? 'new' : 'known'}`))).toEqual([['mira-quellen new'], ...Array.from({ length: 11 }, () => ['mira-quellen known'])]);
    expect(lines.every((l) => !l.warnings.some((w) => w.includes('mira-quellen.yaml')) || l === lines[0])).toBe(true);
  });
});

describe.skipIf(!hasSeeds)('acceptance on the seed pages', { timeout: 180_000 }, () => {
  const seeds = hasSeeds ? readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS_DIR, f)) : [];

  it('--dry-run --json prints five JSON lines with the seed metadata', async () => {
    const { content } = workspace();
    const r = await runImport(['--content', content, '--dry-run', '--json', ...seeds]);
    const lines = jsonLines(r.stdout);
    expect(lines).toHaveLength(5);
    expect(lines.map((l) => l.data['kind'])).toEqual(['weekly', 'weekly', 'analysis', 'weekly', 'opinion']);
    expect(lines.map((l) => l.data['trend'] ?? null)).toEqual(['worse', 'unchanged', null, 'worse', null]);
    expect(lines.map((l) => l.data['topic'] ?? null)).toEqual(['belarus-west-relations', 'belarus-russia-relations', null, 'security-issues', null]);
    expect(lines.map((l) => l.authors.map((a) => a.id))).toEqual([[], [], ['sabir-askeroglu'], [], ['muhammad-akram-zaheer']]);
    // 003 and 005 print no date: imported as drafts without a date, never refused.
    expect(lines.map((l) => l.ok)).toEqual([true, true, true, true, true]);
    expect(lines.map((l) => l.data['draft'] ?? false)).toEqual([false, false, true, false, true]);
    expect(lines[2]?.availableIn).toEqual(['tr', 'ru']);
    expect(r.status).toBe(0);
  });

  it('imported into a temporary folder (with --date for the two undated pages), gives five files the validator accepts', async () => {
    const { dir, content } = workspace();
    const dated = seeds.filter((s) => !/\/00[24]_/u.test(s));
    const undated = seeds.filter((s) => /\/00[24]_/u.test(s));
    expect((await runImport(['--content', content, ...dated])).status).toBe(0);
    for (const s of undated) expect((await runImport(['--content', content, '--date', '2024-06-24', s])).status).toBe(0);
    expect(filesBelow(join(content, 'analyses'))).toHaveLength(5);
    const validated = await runValidate(dir);
    expect(validated.output).toMatch(/validate: ok; 5 analyses/);
    expect(validated.status).toBe(0);
  });
});
