/** Pages from content (`content/pages/<lang>/<slug>.md`): checked by `npm run validate` like analyses, each problem named by file and field. */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/schemas/problems.ts';
import { validateContent } from '../../src/content-reader/index.ts';
import { md, tree } from '../helpers/memory-tree.ts';

const VALID = 'title: About us\nsummary: Who writes the digest and why.\nfooter: 1\nupdated: 2026-12-01';

/** Validates one page file among valid settings and taxonomy; returns the printed lines. */
function linesFor(path: string, text: string): string[] {
  return validateContent(tree({ [path]: text })).problems.map(formatProblem);
}

describe('pages from content', () => {
  it('a valid page is read, counted and located by its folder', () => {
    const report = validateContent(tree({ 'content/pages/be/about.md': md(VALID) }));
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.counts.pages).toBe(1);
    expect(report.pages.map((p) => [p.lang, p.slug, p.data.title, p.data.footer])).toEqual([['be', 'about', 'About us', 1]]);
  });

  const cases: [string, string, string, string[]][] = [
    ['missing title', 'content/pages/en/about.md', md('summary: S.'), ['content/pages/en/about.md: title: missing, expected text']],
    ['unknown field', 'content/pages/en/about.md', md(`${VALID}\nauthor: x`), ['content/pages/en/about.md: author: unknown field']],
    ['impossible date', 'content/pages/en/about.md', md(VALID.replace('2026-12-01', '2026-02-30')), ['content/pages/en/about.md: updated: 2026-02-30 is not a real calendar date']],
    ['language other than its folder', 'content/pages/ru/about.md', md(`${VALID}\nlang: en`), ['content/pages/ru/about.md: lang: found "en", expected "ru" (the language folder the file is in)']],
    ['a slug a section of the site uses', 'content/pages/en/topics.md', md(VALID), ['content/pages/en/topics.md: (file name): "topics" is a section of the site (/topics/)']],
    ['outside a language folder', 'content/pages/about.md', md(VALID), ['content/pages/about.md: (file name): found "pages/about.md", expected the file directly under one of content/pages/en/']],
  ];
  for (const [name, path, text, expected] of cases) {
    it(`reports ${name}`, () => {
      const lines = linesFor(path, text);
      expect(lines.length, lines.join('\n')).toBe(expected.length);
      expected.forEach((line, i) => expect(lines[i]).toContain(line));
    });
  }
});
