import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/schemas/problems.ts';
import { validateContent } from '../../src/content-reader/index.ts';
import { readContentTree } from '../helpers/content-tree.ts';
import { md, tree, VALID_WEEKLY } from '../helpers/memory-tree.ts';

const FILE = 'content/analyses/en/x.md';

/** Validates one analysis file among valid settings and taxonomy; returns the printed lines. */
function linesFor(text: string | Uint8Array, path = FILE): string[] {
  return validateContent(tree({ [path]: text })).problems.map(formatProblem);
}

/** Replaces (or with `null`, removes) a top-level frontmatter line of the valid weekly analysis. */
function vary(field: string, line: string | null): string {
  const lines = VALID_WEEKLY.split('\n').filter((l) => !l.startsWith(`${field}:`));
  return md([...lines, ...(line === null ? [] : [line])].join('\n'));
}

describe('the sample corpus', () => {
  it('passes validation with no problem at all', async () => {
    const report = validateContent(await readContentTree('content'));
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.counts.analyses).toBeGreaterThanOrEqual(24);
  });
});

describe('a valid analysis', () => {
  it('has no problems', () => {
    expect(linesFor(md(VALID_WEEKLY))).toEqual([]);
  });
  it('may be a draft with no date yet (an import that found none), but only a draft', () => {
    const undated = 'title: T\nsummary: S.\nkind: analysis';
    expect(linesFor(md(`${undated}\ndraft: true`))).toEqual([]);
    expect(linesFor(md(undated))).toEqual([`${FILE}: published: missing, expected a YYYY-MM-DD date (required when there is no period)`]);
  });
  it('accepts a byte-order mark, CRLF line ends and tab-free YAML', () => {
    expect(linesFor(`\uFEFF${md(VALID_WEEKLY)}`.replace(/\n/g, '\r\n'))).toEqual([]);
  });
});

describe('bad analyses: every case gives its exact message', () => {
  const cases: [string, string | Uint8Array, string[]][] = [
    ['missing title', vary('title', null), [`${FILE}: title: missing, expected text`]],
    ['empty title', vary('title', 'title: "  "'), [`${FILE}: title: must not be empty`]],
    ['title of the wrong type', vary('title', 'title: 42'), [`${FILE}: title: found number 42, expected text`]],
    ['a 1 MB title', vary('title', `title: ${'x'.repeat(1_048_576)}`), [`${FILE}: title: is 1048576 characters long, expected at most 300`]],
    ['summary of four sentences', vary('summary', 'summary: One. Two. Three. Four.'), [`${FILE}: summary: has 4 sentences, expected 1 to 3`]],
    ['unknown kind', vary('kind', 'kind: essay'), [`${FILE}: kind: found "essay", expected one of "weekly", "analysis", "opinion"`]],
    ['impossible date', vary('period', 'period: { start: 2022-02-28, end: 2022-02-30 }'), [`${FILE}: period.end: 2022-02-30 is not a real calendar date`]],
    ['date in another format', vary('period', 'period: { start: 29.08.2022, end: 2022-09-04 }'), [`${FILE}: period.start: found "29.08.2022", expected a date written YYYY-MM-DD`]],
    ['end before start', vary('period', 'period: { start: 2022-09-10, end: 2022-09-04 }'), [`${FILE}: period.end: 2022-09-04 is before period.start 2022-09-10`]],
    ['week not starting on Monday', vary('period', 'period: { start: 2022-08-30, end: 2022-09-05 }'), [`${FILE}: period.start: 2022-08-30 is a Tuesday, expected a Monday (weekly periods run Monday to Sunday)`]],
    ['week longer than seven days', vary('period', 'period: { start: 2022-08-29, end: 2022-09-05 }'), [`${FILE}: period.end: 2022-09-05 is not the Sunday after 2022-08-29, expected 2022-09-04 (weekly periods run Monday to Sunday)`]],
    ['weekly without period', vary('period', null), [`${FILE}: period: missing, expected { start, end } (a weekly analysis covers one Monday-to-Sunday week)`, `${FILE}: published: missing, expected a YYYY-MM-DD date (required when there is no period)`]],
    ['weekly without topic', vary('topic', null), [`${FILE}: topic: missing, expected a topic id (required for weekly analyses)`]],
    ['weekly without trend', vary('trend', null), [`${FILE}: trend: missing, expected one of "worse", "unchanged", "better" (required for weekly analyses)`]],
    ['unknown trend', vary('trend', 'trend: awful'), [`${FILE}: trend: found "awful", expected one of "worse", "unchanged", "better"`]],
    ['trend on an opinion piece', md('title: T\nsummary: S.\nkind: opinion\npublished: 2022-01-01\ntrend: worse'), [`${FILE}: trend: found "worse" on kind "opinion", expected no trend (only weekly analyses carry a verdict)`]],
    ['unknown topic', vary('topic', 'topic: belarus-wset-relations'), [`${FILE}: topic: unknown topic "belarus-wset-relations" (expected an id from content/topics/; nearest: belarus-west-relations, belarus-russia-relations)`]],
    ['unknown actor', vary('actors', 'actors: [lukashenko]'), [`${FILE}: actors.0: unknown actor "lukashenko" (expected an id from content/actors/; nearest: lukashenka)`]],
    ['unknown author', vary('authors', 'authors: [ann-writter]'), [`${FILE}: authors.0: unknown author "ann-writter" (expected an id from content/authors/; nearest: ann-writer)`]],
    ['actor listed twice', vary('actors', 'actors: [nato, nato]'), [`${FILE}: actors.1: "nato" is listed twice`]],
    ['id with capitals', vary('actors', 'actors: [NATO]'), [`${FILE}: actors.0: found "NATO", expected an id of lowercase letters, digits and single hyphens (e.g. "belarus-west-relations")`]],
    ['javascript: source URL', vary('authors', 'sources: [{ title: S, url: "JavaScript:alert(1)" }]'), [`${FILE}: sources.0.url: scheme "javascript:" is not allowed, expected an http or https URL`]],
    ['data: source URL', vary('authors', 'sources: [{ title: S, url: "data:text/html,x" }]'), [`${FILE}: sources.0.url: scheme "data:" is not allowed, expected an http or https URL`]],
    ['vbscript: origin URL', vary('authors', 'origin: { url: "VBSCRIPT:msgbox", outlet: O }'), [`${FILE}: origin.url: scheme "vbscript:" is not allowed, expected an http or https URL`]],
    ['relative source URL', vary('authors', 'sources: [{ title: S, url: "/local" }]'), [`${FILE}: sources.0.url: found "/local", expected an absolute http(s) URL`]],
    ['misspelt field', vary('authors', 'auhtors: []'), [`${FILE}: auhtors: unknown field (check its spelling against the frontmatter reference in README.md)`]],
    ['lang that contradicts the folder', vary('authors', 'lang: ru'), [`${FILE}: lang: found "ru", expected "en" (the language folder the file is in)`]],
    ['draft that is not a boolean', vary('authors', 'draft: maybe'), [`${FILE}: draft: found "maybe", expected true or false`]],
    ['malformed YAML', md('title: [unclosed\nsummary: S.'), [`${FILE}:3: frontmatter: malformed YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`]],
    ['tab indentation', md('title: T\nperiod:\n\tstart: 2022-08-29'), [`${FILE}:4: frontmatter: malformed YAML: Tabs are not allowed as indentation`]],
    ['no frontmatter', 'Just text.\n', [`${FILE}:1: frontmatter: missing, expected the file to start with a "---" line followed by YAML fields`]],
    ['empty body', md(VALID_WEEKLY, '\n'), [`${FILE}:11: body: empty, expected the analysis text after the frontmatter`]],
    ['invalid UTF-8', new Uint8Array([...new TextEncoder().encode(md(VALID_WEEKLY)), 0xff, 0xfe, 0x0a]), [`${FILE}:13: (encoding): not valid UTF-8, expected the file saved as UTF-8 text`]],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(linesFor(text)).toEqual(expected);
  });

  it('reports every bad file in one run, not only the first', () => {
    const report = validateContent(
      tree({
        'content/analyses/en/a.md': vary('trend', 'trend: awful'),
        'content/analyses/en/b.md': vary('topic', 'topic: nowhere'),
        'content/analyses/ru/c.md': vary('kind', 'kind: essay'),
      }),
    );
    expect(new Set(report.problems.map((p) => p.file))).toEqual(new Set(['content/analyses/en/a.md', 'content/analyses/en/b.md', 'content/analyses/ru/c.md']));
  });
});

describe('cross-file rules', () => {
  it('rejects two analyses with the same slug in one language', () => {
    const lines = validateContent(tree({ 'content/analyses/en/x.md': md(VALID_WEEKLY), 'content/analyses/en/2022/x.md': md(VALID_WEEKLY) })).problems.map(formatProblem);
    expect(lines).toEqual(['content/analyses/en/x.md: (file name): slug "x" is already used by content/analyses/en/2022/x.md, expected a unique file name per language']);
  });
  it('allows one slug per language', () => {
    expect(validateContent(tree({ 'content/analyses/en/x.md': md(VALID_WEEKLY), 'content/analyses/ru/x.md': md(VALID_WEEKLY) })).problems).toEqual([]);
  });
  it('rejects a translation key used twice in one language', () => {
    const fm = `${VALID_WEEKLY}\ntranslationKey: same`;
    const lines = validateContent(tree({ 'content/analyses/en/a.md': md(fm), 'content/analyses/en/b.md': md(fm), 'content/analyses/be/a.md': md(fm) })).problems.map(formatProblem);
    expect(lines).toEqual(['content/analyses/en/b.md: translationKey: "same" is already used by content/analyses/en/a.md in the same language, expected one analysis per language per key']);
  });
  it('rejects analyses outside a language folder and badly named files', () => {
    const lines = validateContent(tree({ 'content/analyses/de/x.md': md(VALID_WEEKLY), 'content/analyses/en/Bad Name.md': md(VALID_WEEKLY) })).problems.map(formatProblem);
    expect(lines).toEqual([
      'content/analyses/de/x.md: (file name): found folder "de", expected the file under one of content/analyses/en/, content/analyses/be/, content/analyses/ru/',
      'content/analyses/en/Bad Name.md: (file name): found file name "Bad Name.md", expected a lowercase slug of letters, digits and single hyphens ending in .md (it becomes the URL)',
    ]);
  });
  it('checks taxonomy files and site settings with the same care', () => {
    const lines = validateContent(
      tree({ 'content/topics/security.yaml': 'name: { en: "" }\ndescription: d\norder: first\n', 'content/actors/eu.yaml': 'name: EU\nkind: union\n', 'content/site.yaml': 'title: T\n' }),
    ).problems.map(formatProblem);
    expect(lines).toEqual([
      'content/actors/eu.yaml: kind: found "union", expected one of "person", "organisation", "country"',
      'content/site.yaml: description: missing, expected text',
      'content/site.yaml: publisher: missing, expected text',
      'content/site.yaml: baseUrl: missing, expected text',
      'content/site.yaml: verdicts: missing, expected a mapping of fields',
      'content/topics/security.yaml: name.en: must not be empty',
      'content/topics/security.yaml: order: found "first", expected a number',
    ]);
  });
});
