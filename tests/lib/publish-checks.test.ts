/**
 * What hosts and readers cannot show: external images in a body and titles of only invisible
 * characters are errors; a `published` date more than a day ahead is a warning, and the site
 * model leaves such scheduled pieces out unless the build asks for the future.
 */
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/content-reader/index.ts';
import { findExternalImages, isExternalUrl } from '../../src/markdown/external-images.ts';
import { futureRequested, isScheduled, publicationCutoff, todayUtc } from '../../src/lib/schedule.ts';
import { formatProblem } from '../../src/schemas/problems.ts';
import { isInvisibleText } from '../../src/schemas/primitives.ts';
import { buildSiteModel } from '../../src/lib/site-model.ts';
import { md, tree, VALID_WEEKLY } from '../helpers/memory-tree.ts';

const FILE = 'content/analyses/en/x.md';
const TODAY = '2026-12-02';

/** The printed problems of one analysis file validated on TODAY. */
function linesFor(text: string): string[] {
  return validateContent(tree({ [FILE]: text }), 'content', { today: TODAY }).problems.map(formatProblem);
}

const LONG_FORM = `title: An essay
summary: One sentence.
kind: analysis
authors: []
actors: []`;

describe('external images in a body', () => {
  it('are errors naming the line and the address, in every form Markdown and HTML allow', () => {
    const body = [
      'Intro.', // line 1
      '',
      '![map](https://cdn.example.com/map.png)', // 3
      '',
      'Inline <img src="//tracker.example.net/p.gif" alt=""> pixel.', // 5
      '',
      '![chart][c]', // 7
      '',
      '<picture><source srcset="HTTP://img.example.org/a.webp 1x, /local.webp 2x"></picture>', // 9
      '',
      '[c]: https://cdn.example.com/chart.svg',
    ].join('\n');
    const lines = linesFor(md(VALID_WEEKLY, body));
    // The body starts on line 12 of the file (10 frontmatter lines, a blank line): line N of the body is file line 11 + N.
    expect(lines).toEqual([
      `${FILE}:14: body: image from another host (https://cdn.example.com/map.png) is blocked by the site's Content-Security-Policy (img-src 'self'), expected an image served by the site or a link instead`,
      `${FILE}:16: body: image from another host (//tracker.example.net/p.gif) is blocked by the site's Content-Security-Policy (img-src 'self'), expected an image served by the site or a link instead`,
      `${FILE}:18: body: image from another host (https://cdn.example.com/chart.svg) is blocked by the site's Content-Security-Policy (img-src 'self'), expected an image served by the site or a link instead`,
      `${FILE}:20: body: image from another host (HTTP://img.example.org/a.webp) is blocked by the site's Content-Security-Policy (img-src 'self'), expected an image served by the site or a link instead`,
    ]);
    expect(validateContent(tree({ [FILE]: md(VALID_WEEKLY, body) })).problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('leave alone images served by the site, links to other hosts and image syntax in code', () => {
    const body = '![a](/images/a.png) ![b](chart.svg)\n\n[a link](https://example.org/page)\n\n`![x](https://e.example/x.png)`\n\n    ![y](https://e.example/y.png)\n';
    expect(findExternalImages(body)).toEqual([]);
    expect(linesFor(md(VALID_WEEKLY, body))).toEqual([]);
  });

  it('are recognised by address: http(s) in any case and protocol-relative, not paths', () => {
    expect(['https://a.example/x.png', 'http://a.example/x', 'HTTPS://A.EXAMPLE/', '//a.example/x', ' https://a.example/'].map(isExternalUrl)).toEqual([true, true, true, true, true]);
    expect(['/x.png', 'x.png', '../x.png', 'data:image/png;base64,AAAA', '#x'].map(isExternalUrl)).toEqual([false, false, false, false, false]);
  });
});

describe('titles of only invisible characters', () => {
  it.each([
    ['zero-width space', '"\\u200B"', 'U+200B'],
    ['zero-width joiners and a BOM', '"\\u200D\\u200C\\uFEFF"', 'U+200D U+200C U+FEFF'],
    ['Hangul filler', '"\\u3164"', 'U+3164'],
    ['blank Braille pattern with spaces', '" \\u2800 "', 'U+0020 U+2800'],
    ['word joiner and a bidi mark', '"\\u2060\\u200F"', 'U+2060 U+200F'],
  ])('%s is an error naming the characters', (_name, yaml, points) => {
    expect(linesFor(md(VALID_WEEKLY.replace('title: Minsk waits', `title: ${yaml}`)))).toEqual([
      `${FILE}: title: has only invisible characters (${points}), expected visible text`,
    ]);
  });

  it('applies to the subtitle too, and leaves visible titles with invisible characters alone', () => {
    expect(linesFor(md(`${VALID_WEEKLY}\nsubtitle: "\\u200B\\u200B"`))).toEqual([`${FILE}: subtitle: has only invisible characters (U+200B), expected visible text`]);
    expect(linesFor(md(VALID_WEEKLY.replace('title: Minsk waits', 'title: "Minsk\\u200Bwaits \\u0415\\u0421"')))).toEqual([]);
    expect(isInvisibleText('\u00AD')).toBe(true);
    expect(isInvisibleText('ЕС')).toBe(false);
    expect(isInvisibleText('')).toBe(false);
  });
});

describe('a published date in the future', () => {
  it('more than a day ahead is a warning, not an error', () => {
    const report = validateContent(tree({ [FILE]: md(`${LONG_FORM}\npublished: 2026-12-04`) }), 'content', { today: TODAY });
    expect(report.problems.map(formatProblem)).toEqual([
      `warning: ${FILE}: published: 2026-12-04 is more than a day after today (2026-12-02): the piece is scheduled, and builds before 2026-12-03 leave it out (\`npm run build -- --future\` publishes it now)`,
    ]);
    expect(report.problems[0]?.severity).toBe('warning');
  });

  it('today or tomorrow is no problem (a day of slack for time zones)', () => {
    expect(linesFor(md(`${LONG_FORM}\npublished: ${TODAY}`))).toEqual([]);
    expect(linesFor(md(`${LONG_FORM}\npublished: 2026-12-03`))).toEqual([]);
  });

  it('is held back from the site model unless the build publishes the future', () => {
    const report = validateContent(
      tree({ [FILE]: md(`${LONG_FORM}\npublished: 2026-12-10`), 'content/analyses/en/y.md': md(`${LONG_FORM}\npublished: ${TODAY}`) }),
      'content',
      { today: TODAY },
    );
    const raw = report.analyses.map((a) => ({ id: `${a.lang}/${a.slug}`, data: a.data }));
    const input = {
      analyses: raw,
      topics: [{ id: 'belarus-west-relations', data: { name: { en: 'T', be: 'T', ru: 'T' }, description: { en: 'd', be: 'd', ru: 'd' }, order: 1 } }],
      actors: [],
      authors: [],
      site: { title: { en: 'T', be: 'T', ru: 'T' }, description: { en: 'D', be: 'D', ru: 'D' }, publisher: { en: 'P', be: 'P', ru: 'P' }, baseUrl: 'https://example.org', languages: ['en'] as ['en'], verdicts: { worse: { en: 'w', be: 'w', ru: 'w' }, unchanged: { en: 'u', be: 'u', ru: 'u' }, better: { en: 'b', be: 'b', ru: 'b' } } },
    };
    const held = buildSiteModel({ ...input, publishUntil: publicationCutoff(TODAY) });
    expect([...held.byId.keys()]).toEqual(['en/y']);
    const all = buildSiteModel(input);
    expect([...all.byId.keys()].sort()).toEqual(['en/x', 'en/y']);
  });

  it('schedule helpers: cutoff one day ahead, the flag read from the environment', () => {
    expect(isScheduled('2026-12-03', TODAY)).toBe(false);
    expect(isScheduled('2026-12-04', TODAY)).toBe(true);
    expect(isScheduled(undefined, TODAY)).toBe(false);
    expect(todayUtc(new Date('2026-12-02T23:30:00-05:00'))).toBe('2026-12-03');
    expect(futureRequested({ BAROMETER_FUTURE: '1' })).toBe(true);
    expect(futureRequested({})).toBe(false);
    expect(futureRequested({ BAROMETER_FUTURE: '0' })).toBe(false);
  });
});
