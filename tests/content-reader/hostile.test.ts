/**
 * Hostile content (tests/fixtures/hostile/ and cases built here): the reader names the file and
 * the field, keeps every other problem, prints no stack trace and stays linear in the input.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContent, validateContent } from '../../src/content-reader/index.ts';
import { findRemovals } from '../../src/markdown/sanitize-report.ts';
import { formatProblem } from '../../src/schemas/problems.ts';
import { isRealIsoDate } from '../../src/schemas/calendar.ts';
import { sanitizeSvg } from '../../src/lib/logo-svg.ts';
import { XMLValidator } from 'fast-xml-parser';
import { NODE } from '../helpers/build-site.ts';
import { HOSTILE, hostileCopy } from '../helpers/hostile-content.ts';
import { BASE_FILES, md, tree, VALID_WEEKLY } from '../helpers/memory-tree.ts';

const run = promisify(execFile);

/** Runs `npm run validate` on `content` in `cwd`; never throws on a non-zero exit. */
async function validate(cwd: string, folder = 'content'): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(NODE, [join(process.cwd(), 'scripts/validate.ts'), folder], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The problem lines for one analysis among valid settings and taxonomy. */
function linesFor(text: string, path = 'content/analyses/en/x.md'): string[] {
  return validateContent(tree({ [path]: text })).problems.map(formatProblem);
}

/** Valid settings with one line replaced. */
function siteWith(field: string, line: string): string {
  const site = BASE_FILES['content/site.yaml'] ?? '';
  return `${site.split('\n').filter((l) => !l.startsWith(`${field}:`)).join('\n')}\n${line}\n`;
}

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

describe('the hostile corpus through npm run validate', () => {
  let dir: string;
  let result: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    dir = await hostileCopy();
    result = await validate(dir);
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports exactly the expected lines, every file in one run, with no stack trace', async () => {
    const expected = (await readFile(join(HOSTILE, 'expected.txt'), 'utf8')).split('\n').filter(Boolean);
    const lines = result.stderr.split('\n').filter((l) => l && !l.startsWith('validate:'));
    expect(lines).toEqual(expected);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stderr).not.toContain('RangeError');
  });

  it('names the deeply nested bodies instead of dying with a RangeError, however the nesting is written', () => {
    const deep = 'body: nested more than 100 levels deep (lists, quotes, emphasis, links or HTML elements inside one another), expected at most 100';
    for (const file of ['deep-divs.md:8', 'deep-list.md:108', 'quotes-150.md:8', 'quotes-3000.md:8', 'nested-emphasis.md:8']) expect(result.stderr).toContain(`content/analyses/en/${file}: ${deep}`);
  });

  it('names a table the renderer would fill to 640,800 cells, with its line', () => {
    expect(result.stderr).toContain("content/analyses/en/wide-table.md:8: body: tables with 640,800 cells (this table: 800 columns × 801 rows, every row filled to the header's 800 cells), expected at most 10,000 cells in one analysis");
  });

  it('reads a link inside the content folder as the file it points to, and refuses a linked folder and a link leading outside', () => {
    expect(result.stderr).toContain('content/analyses/be/linked-control-characters.md: title: contains the control character U+0000');
    expect(result.stderr).toContain('content/analyses/en/linked-folder: (file): a symbolic link to a folder');
    expect(result.stderr).toContain('content/analyses/en/linked-impossible-date.md: (file): a symbolic link to "../../../linked/impossible-date.md", which leads outside the content folder');
    expect(result.stderr).not.toContain('2022-02-30');
  });

  it('reads topics saved as .yml, so an analysis may use them', () => {
    expect(result.stderr).toMatch(/\d+ analyses, \d+ pages, 2 topics, 1 actors, 1 authors checked/);
    expect(result.stderr).not.toContain('2022-08-29-a-quiet-week.md');
  });

  it("shows a file's cross-file problems while it also has a schema error", () => {
    expect(result.stderr).toContain('schema-and-cross-file.md: title: missing, expected text');
    expect(result.stderr).toContain('schema-and-cross-file.md: topic: unknown topic "belarus-west"');
  });
});

describe('one 100,000-character word', () => {
  it('is scanned in linear time (the old scheme test was quadratic: 42 s)', { timeout: 5_000 }, () => {
    expect(findRemovals('x'.repeat(100_000))).toEqual([]);
    expect(findRemovals(`${'x'.repeat(100_000)} <script>alert(1)</script>`)).toEqual([{ line: 1, what: '<script> element' }]);
  });
});

describe('control characters', () => {
  it('are an error in any text field, written raw or as a YAML escape', () => {
    const raw = md(VALID_WEEKLY.replace('title: Minsk waits', 'title: Minsk\u001b waits'));
    expect(linesFor(raw)).toEqual(['content/analyses/en/x.md: title: contains the control character U+001B at position 6, expected plain text']);
    const escaped = md(VALID_WEEKLY.replace('summary: One sentence.', 'summary: "One\\0 sentence."'));
    expect(linesFor(escaped)).toEqual(['content/analyses/en/x.md: summary: contains the control character U+0000 at position 4, expected plain text']);
  });
  it('tab and line ends stay allowed', () => {
    expect(linesFor(md(VALID_WEEKLY.replace('summary: One sentence.', 'summary: "One\\tsentence,\\nwrapped."')))).toEqual([]);
  });
});

describe('site settings', () => {
  it.each([
    ['https://example.org/?utm=1', 'has a query ("?utm=1")'],
    ['https://example.org/#top', 'has a fragment ("#top")'],
    ['https://user:pw@example.org/', 'has a user name or password'],
  ])('refuse a baseUrl %s', (url, what) => {
    const lines = validateContent(tree({ 'content/site.yaml': siteWith('baseUrl', `baseUrl: ${url}`) })).problems.map(formatProblem);
    expect(lines).toEqual([`content/site.yaml: baseUrl: ${what}, expected a plain http(s) address such as https://example.org (page paths are appended to it)`]);
  });
  it('refuse a language listed twice', () => {
    const lines = validateContent(tree({ 'content/site.yaml': siteWith('languages', 'languages: [en, ru, en]') })).problems.map(formatProblem);
    expect(lines).toEqual(['content/site.yaml: languages.2: "en" is listed twice, expected each language once (the first is the default)']);
  });
  it('keep the order given, the first being the default', () => {
    const report = validateContent(tree({ 'content/site.yaml': siteWith('languages', 'languages: [ru, en]') }));
    expect(report.problems).toEqual([]);
    expect(report.site?.data.languages).toEqual(['ru', 'en']);
  });
});

describe('files that cannot be read', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'barometer-unreadable-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a missing content folder is one clear line, no stack trace', async () => {
    const r = await validate(dir, 'no-such-folder');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'no-such-folder: (folder): cannot be read (does not exist), expected the content folder',
      'validate: 1 error(s) in 1 file(s); 0 analyses, 0 pages, 0 topics, 0 actors, 0 authors checked',
    ]);
  });

  it('a link that loops or leads nowhere is named, and the other files are still checked', async () => {
    const content = join(dir, 'content');
    for (const [path, text] of Object.entries(BASE_FILES)) {
      await mkdir(join(dir, dirname(path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    await mkdir(join(content, 'analyses/en'), { recursive: true });
    await symlink('loop.md', join(content, 'analyses/en/loop.md'));
    await symlink('missing.md', join(content, 'analyses/en/dangling.md'));
    await writeFile(join(content, 'analyses/en/bad.md'), md(VALID_WEEKLY.replace('kind: weekly', 'kind: essay')));
    const report = await readContent('content', dir);
    expect(report.problems.map(formatProblem)).toEqual([
      'content/analyses/en/bad.md: kind: found "essay", expected one of "weekly", "analysis", "opinion"',
      'content/analyses/en/dangling.md: (file): a symbolic link that cannot be followed (does not exist), expected a link to a file',
      'content/analyses/en/loop.md: (file): a symbolic link that cannot be followed (symbolic links loop), expected a link to a file',
    ]);
  });

  // Root reads any file whatever its mode, so this case can only run as another user.
  it.skipIf(process.getuid?.() === 0)('an unreadable file is named with the reason', async () => {
    const file = join(dir, 'content/analyses/en/locked.md');
    await writeFile(file, md(VALID_WEEKLY));
    await chmod(file, 0);
    const report = await readContent('content', dir);
    expect(report.problems.map(formatProblem)).toContain('content/analyses/en/locked.md: (file): cannot be read (permission denied), expected a readable file');
  });
});

describe('dates in the first century', () => {
  it('are real calendar dates (Date.UTC maps the years 0-99 to 1900-1999)', () => {
    expect(isRealIsoDate('0050-06-15')).toBe(true);
    expect(isRealIsoDate('0000-02-29')).toBe(true);
    expect(isRealIsoDate('0001-02-29')).toBe(false);
    const opinion = 'title: An old piece\nsummary: One sentence.\nkind: opinion\npublished: 0050-06-15';
    expect(linesFor(md(opinion))).toEqual([]);
  });
});

describe('frontmatter without its closing "---"', () => {
  it('is reported as the missing delimiter, on the line that opens it', () => {
    expect(linesFor(`---\n${VALID_WEEKLY}\n\nThe body, with no line of three hyphens above it.\n`)).toEqual([
      'content/analyses/en/x.md:1: frontmatter: opened by "---" on line 1 but never closed, expected a line "---" after the last field',
    ]);
    expect(linesFor('---\ntitle: T\nsummary: S.\n')).toEqual([
      'content/analyses/en/x.md:1: frontmatter: opened by "---" on line 1 but never closed, expected a line "---" after the last field',
    ]);
  });
});

describe('right-to-left overrides in text fields', () => {
  it('are an error when one is left open, so it cannot reverse what follows it', () => {
    expect(linesFor(md(VALID_WEEKLY.replace('title: Minsk waits', 'title: "Minsk \u202Estiaw"')))).toEqual([
      'content/analyses/en/x.md: title: opens a right-to-left override (U+202E) at position 7 and never closes it, expected each bidirectional control closed in the same field (U+202C or U+2069)',
    ]);
    expect(linesFor(md(VALID_WEEKLY.replace('title: Minsk waits', 'title: "Minsk \u2067waits"')))).toEqual([
      'content/analyses/en/x.md: title: opens a right-to-left isolate (U+2067) at position 7 and never closes it, expected each bidirectional control closed in the same field (U+202C or U+2069)',
    ]);
  });
  it('are accepted when closed in the same field', () => {
    expect(linesFor(md(VALID_WEEKLY.replace('title: Minsk waits', 'title: "Minsk \u202Bwaits\u202C and \u2067waits\u2069"')))).toEqual([]);
  });
});

describe('a 100,000-character id or field name', () => {
  it('is shortened in the problem line', () => {
    const long = 'a'.repeat(100_000);
    const lines = [
      ...linesFor(md(VALID_WEEKLY.replace('topic: belarus-west-relations', `topic: ${long}`))),
      ...linesFor(md(`${VALID_WEEKLY}\n${long}: 1`)),
      ...linesFor(md(VALID_WEEKLY.replace('actors: [lukashenka, nato]', `actors: [${long}]`))),
    ];
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(line.length).toBeLessThan(400);
    expect(lines.some((l) => l.includes('aaaa…'))).toBe(true);
  });
});

describe('translations sharing a translationKey', () => {
  const en = md(`${VALID_WEEKLY}\ntranslationKey: minsk-waits`);
  it('are warned about when they disagree on kind, week, topic or verdict', () => {
    const ru = md(`${VALID_WEEKLY.replace('trend: worse', 'trend: better').replace('topic: belarus-west-relations', 'topic: belarus-russia-relations').replace('2022-08-29, end: 2022-09-04', '2022-09-05, end: 2022-09-11')}\ntranslationKey: minsk-waits`);
    const lines = validateContent(tree({ 'content/analyses/en/x.md': en, 'content/analyses/ru/x.md': ru })).problems.map(formatProblem);
    expect(lines).toEqual([
      'warning: content/analyses/ru/x.md: translationKey: "minsk-waits" is shared with content/analyses/en/x.md, which differs in period (2022-08-29 to 2022-09-04 there, 2022-09-05 to 2022-09-11 here), topic (belarus-west-relations there, belarus-russia-relations here), trend (worse there, better here), expected translations of one analysis to agree on kind, period, topic and trend',
    ]);
  });
  it('agree without a word when they say the same', () => {
    const ru = md(`${VALID_WEEKLY}\ntranslationKey: minsk-waits`);
    expect(validateContent(tree({ 'content/analyses/en/x.md': en, 'content/analyses/ru/x.md': ru })).problems).toEqual([]);
  });
});

describe('files the content folder only links to', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'barometer-links-'));
    for (const [path, text] of Object.entries(BASE_FILES)) {
      await mkdir(join(dir, dirname(path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    await mkdir(join(dir, 'content/analyses/en'), { recursive: true });
    await mkdir(join(dir, 'secrets'), { recursive: true });
    await writeFile(join(dir, 'secrets/outside.md'), md(VALID_WEEKLY));
    await writeFile(join(dir, 'secrets/cover.jpg'), 'not for publication');
    await writeFile(join(dir, 'content/analyses/en/inside.md'), md(VALID_WEEKLY.replace('title: Minsk waits', 'title: Read through a link')));
    await symlink('../../../secrets/outside.md', join(dir, 'content/analyses/en/outside.md'));
    await symlink(join(dir, 'secrets/cover.jpg'), join(dir, 'content/analyses/en/cover.jpg'));
    await mkdir(join(dir, 'content/analyses/be'), { recursive: true });
    await symlink('../en/inside.md', join(dir, 'content/analyses/be/inside.md'));
    await symlink('/dev/zero', join(dir, 'content/analyses/en/zero.md'));
    await writeFile(join(dir, 'secrets/token.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><text>api-key-123</text></svg>\n');
    await symlink('../secrets/token.svg', join(dir, 'content/logo.svg'));
    await writeFile(join(dir, 'content/site.yaml'), `${BASE_FILES['content/site.yaml'] ?? ''}logo: logo.svg\n`);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a link that leads outside the content folder, and reads one that stays inside', async () => {
    const report = await readContent('content', dir);
    const lines = report.problems.map(formatProblem);
    expect(lines).toContain(
      'content/analyses/en/outside.md: (file): a symbolic link to "../../../secrets/outside.md", which leads outside the content folder, expected a file inside it (the site publishes only what is inside the content folder)',
    );
    expect(lines).toContain(
      `content/analyses/en/cover.jpg: (file): a symbolic link to "${join(dir, 'secrets/cover.jpg')}", which leads outside the content folder, expected a file inside it (the site publishes only what is inside the content folder)`,
    );
    expect(report.analyses.map((a) => a.file).sort()).toEqual(['content/analyses/be/inside.md', 'content/analyses/en/inside.md']);
    expect(report.analyses.find((a) => a.file === 'content/analyses/be/inside.md')?.data.title).toBe('Read through a link');
  });

  it('never takes the logo from a link to a file outside the content folder', async () => {
    const lines = (await readContent('content', dir)).problems.map(formatProblem);
    expect(lines).toContain('content/logo.svg: (file): a symbolic link to "../secrets/token.svg", which leads outside the content folder, expected a file inside it (the site publishes only what is inside the content folder)');
    expect(lines).toContain('content/site.yaml: logo: "logo.svg" names no readable file in the content folder (looked for content/logo.svg), expected an SVG file inside it');
  });

  it('names a link to a device as such, not as a folder', async () => {
    const lines = (await readContent('content', dir)).problems.map(formatProblem);
    expect(lines).toContain('content/analyses/en/zero.md: (file): a symbolic link to a character device ("/dev/zero"), expected a link to a regular file inside the content folder');
  });

  it('names a named pipe instead of passing over it (reading one would wait forever)', async () => {
    await run('mkfifo', [join(dir, 'content/analyses/en/pipe.md')]);
    const lines = (await readContent('content', dir)).problems.map(formatProblem);
    expect(lines).toContain('content/analyses/en/pipe.md: (file): a named pipe (FIFO), expected a regular file');
  });
});

describe('hidden files and folders in the content folder', () => {
  it('are not read, however deep: an editor\'s .git, .obsidian or .trash is not content to publish', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'barometer-hidden-'));
    try {
      for (const [path, text] of Object.entries(BASE_FILES)) {
        await mkdir(join(dir, dirname(path)), { recursive: true });
        await writeFile(join(dir, path), text);
      }
      const broken = md(VALID_WEEKLY.replace('title: Minsk waits', 'title: ""'));
      await mkdir(join(dir, 'content/analyses/en/.trash'), { recursive: true });
      await mkdir(join(dir, 'content/.obsidian/plugins'), { recursive: true });
      await writeFile(join(dir, 'content/analyses/en/kept.md'), md(VALID_WEEKLY));
      await writeFile(join(dir, 'content/analyses/en/.trash/deleted.md'), broken);
      await writeFile(join(dir, 'content/.obsidian/plugins/notes.md'), broken);
      await writeFile(join(dir, 'content/analyses/en/.draft.md'), broken);
      const report = await readContent('content', dir);
      expect(report.problems.map(formatProblem)).toEqual([]);
      expect(report.analyses.map((a) => a.file)).toEqual(['content/analyses/en/kept.md']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the site logo', () => {
  const withLogo = (logo: string, files: Record<string, string | Uint8Array> = {}) =>
    validateContent(tree({ 'content/site.yaml': siteWith('logo', `logo: ${logo}`), ...files })).problems.map(formatProblem);
  const drawing = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0h10v10z"/></svg>\n';

  it('must be a file inside the content folder', () => {
    expect(withLogo('x/../../outside.svg')).toEqual(['content/site.yaml: logo: "x/../../outside.svg" leads outside the content folder (content/), expected an SVG file inside it']);
    expect(withLogo('missing.svg')).toEqual(['content/site.yaml: logo: "missing.svg" names no readable file in the content folder (looked for content/missing.svg), expected an SVG file inside it']);
    expect(withLogo('art/logo.svg', { 'content/art/logo.svg': drawing })).toEqual([]);
  });

  it('must be an SVG drawing', () => {
    expect(withLogo('logo.svg', { 'content/logo.svg': 'just some text\n' })).toEqual(['content/logo.svg: (logo): found no <svg> element, expected an SVG drawing (<svg> …)']);
    expect(withLogo('logo.svg', { 'content/logo.svg': new Uint8Array([0x3c, 0xff, 0xfe]) })).toEqual(['content/logo.svg:1: (encoding): not valid UTF-8, expected the file saved as UTF-8 text']);
  });

  it('is warned about for what sanitising removes: scripts, handlers, styles, links to other files', () => {
    const hostile = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)">\n<script>alert(2)</script>\n<path d="M0 0h10v10z" fill="url(https://evil.example/p.svg#a)"/>\n</svg>\n';
    expect(withLogo('logo.svg', { 'content/logo.svg': hostile })).toEqual([
      'warning: content/logo.svg:1: (logo): onload attribute of <svg> removed when the site is built (the logo is published as a plain drawing: no scripts, event handlers, style sheets, foreign content or links to other files)',
      'warning: content/logo.svg:2: (logo): <script> element removed when the site is built (the logo is published as a plain drawing: no scripts, event handlers, style sheets, foreign content or links to other files)',
      'warning: content/logo.svg:3: (logo): fill attribute of <path> removed when the site is built (the logo is published as a plain drawing: no scripts, event handlers, style sheets, foreign content or links to other files)',
    ]);
  });

  it('is published without what it removed, as well-formed XML that still draws', () => {
    const hostile = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script><a xlink:href="javascript:alert(3)"><circle r="2" onclick="x()"/></a><use xlink:href="#c"/><foreignObject><div><script>alert(4)</script></div></foreignObject><text>A &amp; B</text></svg>';
    const result = sanitizeSvg(hostile);
    if ('problem' in result) throw new Error(result.problem);
    expect(result.svg).not.toMatch(/script|onload|onclick|javascript|foreignObject|<a\b/i);
    expect(result.svg).toContain('<circle r="2"></circle>');
    expect(result.svg).toContain('<use href="#c"></use>');
    expect(XMLValidator.validate(result.svg)).toBe(true);
  });
});

describe('cover images the image pipeline cannot read', () => {
  let dir: string;
  /** A PNG header claiming `width` × `height` pixels (the probe reads no further). */
  const pngHeader = (width: number, height: number) => {
    const bytes = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0);
    bytes.writeUInt32BE(13, 8);
    bytes.write('IHDR', 12);
    bytes.writeUInt32BE(width, 16);
    bytes.writeUInt32BE(height, 20);
    return bytes;
  };
  const covered = (image: string) => md(`${VALID_WEEKLY}\ncover: { image: ./${image}, alt: A drawing, credit: Barometer }`);
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'barometer-covers-'));
    for (const [path, text] of Object.entries(BASE_FILES)) {
      await mkdir(join(dir, dirname(path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const en = join(dir, 'content/analyses/en');
    await mkdir(en, { recursive: true });
    await writeFile(join(en, 'text.md'), covered('text.jpg'));
    await writeFile(join(en, 'text.jpg'), 'Just some words saved with the wrong name.\n');
    await writeFile(join(en, 'huge.md'), covered('huge.png').replace('period: { start: 2022-08-29, end: 2022-09-04 }', 'period: { start: 2022-09-05, end: 2022-09-11 }'));
    await writeFile(join(en, 'huge.png'), pngHeader(100_000, 100_000));
    await writeFile(join(en, 'fine.md'), covered('fine.png').replace('period: { start: 2022-08-29, end: 2022-09-04 }', 'period: { start: 2022-09-12, end: 2022-09-18 }'));
    await writeFile(join(en, 'fine.png'), pngHeader(640, 480));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('are errors naming the analysis and cover.image, before the build reaches them', async () => {
    const lines = (await readContent('content', dir)).problems.map(formatProblem);
    expect(lines).toEqual([
      'content/analyses/en/huge.md: cover.image: "./huge.png" is 100000 × 100000 pixels, expected at most 268402689 pixels (the limit of the image pipeline, sharp)',
      'content/analyses/en/text.md: cover.image: "./text.jpg" is not an image the build can read (content/analyses/en/text.jpg has no JPEG, PNG, WebP or AVIF header), expected a .jpg, .jpeg, .png, .webp or .avif image',
    ]);
  });
});
