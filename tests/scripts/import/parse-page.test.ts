/**
 * Whole pages, from our own fixtures (text and HTML, written for these tests): metadata, body,
 * chrome, notes, errors; plus the property tests (nothing lost or reordered, byte-identical
 * re-imports, junk never crashes).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PageResult, parsePage } from '../../../scripts/import/parse-page.ts';
import { analysisSchema } from '../../../src/schemas/analysis.ts';
import { parseMarkdownSource } from '../../../src/content-reader/parse.ts';
import { fixtureTaxonomy, importFixture, readBody } from '../../fixtures/import/helpers.ts';

/** Error messages of a result, as `field: message`. */
function errors(r: PageResult): string[] {
  return r.problems.filter((p) => p.severity === 'error').map((p) => `${p.field}: ${p.message}`);
}

/** Every dropped chrome line must be absent from the body. */
function expectNoChrome(r: PageResult): void {
  for (const d of r.dropped) expect(r.body).not.toContain(d.text);
}

describe('digest pages (fixtures)', () => {
  it.each([
    ['weekly-cross-year.txt', { start: '2021-12-27', end: '2022-01-02' }, 'belarus-west-relations', 'unchanged'],
    ['weekly-single-year-cross.txt', { start: '2022-12-26', end: '2023-01-01' }, 'security-issues', 'better'],
    ['weekly-no-byline.txt', { start: '2022-03-07', end: '2022-03-13' }, 'ruling-elite', 'worse'],
    ['weekly-byline.txt', { start: '2022-08-29', end: '2022-09-04' }, 'security-issues', 'worse'],
    ['legacy-status.txt', { start: '2021-10-04', end: '2021-10-10' }, 'society-political-parties', 'worse'],
    ['legacy-status-split.txt', { start: '2021-10-11', end: '2021-10-17' }, 'belarus-russia-relations', 'unchanged'],
    ['legacy.html', { start: '2021-11-01', end: '2021-11-07' }, 'ruling-elite', 'better'],
    ['weekly.html', { start: '2022-07-04', end: '2022-07-10' }, 'security-issues', 'worse'],
  ])('%s: weekly, period, topic, trend, valid', (file, period, topic, trend) => {
    const r = importFixture(file);
    expect(errors(r)).toEqual([]);
    expect(r.data).toMatchObject({ kind: 'weekly', period, topic, trend });
    expect(r.fileName).toMatch(new RegExp(`^${period.start}-[a-z0-9-]+\\.md$`));
    expect(r.markdown).toBeDefined();
    expectNoChrome(r);
  });

  it('drops the repeated title, takes the line glued under it as the image credit, and drops the newsletter', () => {
    const r = importFixture('weekly-cross-year.txt');
    expect(r.data.title).toBe('Year-end messages from Minsk mix defiance with quiet offers');
    expect(r.data.cover).toEqual({ credit: 'photo: pictures.example.org' });
    expect(r.data.authors).toEqual([]);
    expect(r.data.actors).toEqual(['lukashenka', 'eu']);
    const body = readBody(r.body);
    expect(body.units).toHaveLength(3);
    expect(body.units[0]).toMatch(/^In the last days of the year/);
    expect(r.body).not.toContain('Year-end messages');
    expect(r.dropped.map((d) => d.reason)).toContain('newsletter');
    expect(r.body).not.toMatch(/Subscribe|View all|Read more|January 3/);
  });

  it('reads "By Name" and matches the author in another script; Russian dates and topic', () => {
    const r = importFixture('weekly-byline.txt');
    expect(r.data.authors).toEqual(['hanna-lis']);
    expect(r.authors).toEqual([{ id: 'hanna-lis', name: 'Hanna Lis', isNew: false }]);
    expect(r.data.actors).toEqual(['lukashenka']);
  });

  it('HTML: header lines above the <h1> are read, comment chrome after the text is dropped', () => {
    const r = importFixture('legacy.html');
    expect(readBody(r.body).units).toEqual(['Two governors were replaced by younger officials with business experience.', 'The appointments were announced without comment.']);
    expect(r.dropped.map((d) => d.reason)).toEqual(['comment-count', 'comment-form', 'after "comment-form" (end of the article)']);
  });

  it('reads a page with no byline line at all as the editorial byline', () => {
    expect(importFixture('weekly-no-byline.txt').data.authors).toEqual([]);
  });

  it('keeps HTML structure: emphasis, links, lists, quotes, headings; chrome elements and captions out', () => {
    const r = importFixture('weekly.html');
    expect(r.data.title).toBe('Quiet border, loud words');
    expect(r.data.cover).toEqual({ credit: 'photo: stock.example.net' });
    expect(readBody(r.body).types).toEqual(['paragraph', 'paragraph', 'list', 'blockquote', 'heading', 'paragraph']);
    expect(r.body).toContain('_threat from the west_');
    expect(r.body).toContain('[the ministry](https://ministry.example.by/news/1)');
    expect(r.body).toContain('- a **rapid reaction** battalion;');
    expect(r.body).toContain('> We are ready');
    expect(r.body).toContain('## What to watch');
    expect(r.body).not.toMatch(/Home|Topics|tracker|color|Subscribe|Read more|checkpoint|stock\.example|Test digest|every week/);
    expect(r.dropped.filter((d) => d.reason === 'above-title').map((d) => d.text)).toEqual(['Test digest', 'Commentary from the region, every week']);
    expect(r.data.actors).toEqual(['nato']);
  });

  it('reports an unknown topic with the known ones, and accepts --topic', () => {
    const r = importFixture('unknown-topic.txt');
    expect(errors(r)).toHaveLength(1);
    expect(errors(r)[0]).toMatch(/^topic: "Economy and trade" is not a known topic; known: .*security-issues.*--topic/);
    expect(r.data).toMatchObject({ kind: 'weekly', trend: 'worse', period: { start: '2022-05-02', end: '2022-05-08' } });
    expect(r.markdown).toBeUndefined();
    const fixed = importFixture('unknown-topic.txt', { topic: 'society-political-parties' });
    expect(errors(fixed)).toEqual([]);
    expect(fixed.data.topic).toBe('society-political-parties');
    expect(errors(importFixture('unknown-topic.txt', { topic: 'nope' }))[0]).toMatch(/--topic "nope" is not a known topic/);
  });

  it('checks that a weekly period runs Monday to Sunday, and that printed dates exist', () => {
    const taxonomy = fixtureTaxonomy();
    const page = (period: string) => `by\n${period}\nSecurity issues\n\nA title\n\nThe situation got worse\n\nSome text of the analysis, long enough.\n`;
    expect(errors(parsePage({ file: 'x', text: page('August 30 – September 5, 2022'), format: 'text' }, taxonomy)).join('\n')).toMatch(/period\.start: 2022-08-30 is a Tuesday/);
    expect(errors(parsePage({ file: 'x', text: page('February 28 – March 7, 2022'), format: 'text' }, taxonomy)).join('\n')).toMatch(/period\.end/);
    expect(errors(parsePage({ file: 'x', text: page('February 27 – February 30, 2022'), format: 'text' }, taxonomy)).join('\n')).toMatch(/^period: .*does not exist/);
  });
});

describe('long-form pages (fixtures)', () => {
  it.each(['---', '* * *', '***', '— — —'])('takes the summary from the first worded paragraph, not a separator line (%s)', (separator) => {
    const opening = 'The opening paragraph of an invented piece, long enough to be its summary.';
    const r = parsePage({ file: 'separator.txt', text: `An invented piece with a separator\n\n${separator}\n\n${opening}\n\nA second invented paragraph.\n`, format: 'text' }, fixtureTaxonomy(), { date: '2023-05-15' });
    expect(r.data.summary).toBe(opening);
  });

  it('a page with no date is a draft without a date unless --date is given', () => {
    const r = importFixture('no-date.txt');
    expect(errors(r)).toEqual([]);
    expect(r.data.published).toBeUndefined();
    expect(r.data.draft).toBe(true);
    expect(r.fileName?.startsWith('undated-')).toBe(true);
    // Everything else is still extracted.
    expect(r.data).toMatchObject({ kind: 'opinion', title: 'Why neutrality is a story told for two audiences', subtitle: 'Notes on a familiar balancing act', authors: ['tomasz-nowak'] });
    const dated = importFixture('no-date.txt', { date: '2023-05-15' });
    expect(errors(dated)).toEqual([]);
    expect(dated.data.published).toBe('2023-05-15');
    expect(dated.fileName).toBe('2023-05-15-why-neutrality-is-a-story-told-for-two-audiences.md');
  });

  it('proposes a new author (honorific out, capitals normalised) with the printed bio', () => {
    const r = importFixture('no-date.txt', { date: '2023-05-15' });
    expect(r.authors).toEqual([
      { id: 'tomasz-nowak', name: 'Tomasz Nowak', isNew: true, yaml: 'name: Tomasz Nowak\nbio: Tomasz Nowak is an invented commentator who appears only in the importer tests.\n' },
    ]);
    expect(r.body).not.toMatch(/Nowak|invented commentator|Leave a Reply|comment|Must Read|football/);
    expect(readBody(r.body).units).toHaveLength(2);
  });

  it('--kind overrides the kind the layout suggests', () => {
    expect(importFixture('no-date.txt', { date: '2023-05-15', kind: 'analysis' }).data.kind).toBe('analysis');
    const weekly = importFixture('no-date.txt', { date: '2023-05-15', kind: 'weekly' });
    expect(errors(weekly).join('\n')).toMatch(/period: missing/);
  });

  it('turns numbered notes into footnotes and sources; Ibid. repeats the previous source', () => {
    const r = importFixture('notes.txt', { date: '2022-10-14' });
    expect(errors(r)).toEqual([]);
    expect(r.data.kind).toBe('analysis');
    expect(r.availableIn).toEqual(['ru', 'be']);
    expect(r.data.sources).toEqual([
      { title: 'Новый маршрут на Каспий', outlet: 'Example News', url: 'https://news.example.org/2022/10/route/', accessed: '2022-10-12' },
      { title: 'Capacity of the southern corridor', outlet: 'Example Review', url: 'https://review.example.com/corridor?id=5', accessed: '2022-10-13' },
      { title: 'Capacity of the southern corridor', outlet: 'Example Review', url: 'https://review.example.com/corridor?id=5', accessed: '2022-10-13', note: 'Ibid.' },
    ]);
    expect(r.problems.filter((p) => p.severity === 'warning').map((p) => p.message)).toEqual([
      `${r.dropped.length} line(s) were left out as page chrome or outside the article (listed in "dropped" of the --json report)`,
      'note [4] prints no URL; kept as a footnote, not listed in sources',
    ]);
    const body = readBody(r.body);
    expect([...body.footnotes.keys()]).toEqual(['1', '2', '3', '4']);
    expect(body.footnotes.get('4')).toBe('An interview with a freight forwarder, not published online.');
    expect(body.units[0]).toBe('Freight operators have announced a new weekly service to the Caspian ports.[1] Officials presented it as proof that sanctions do not work. Independent estimates of its capacity are much lower.[2]');
    expect(r.authors.map((a) => [a.id, a.name])).toEqual([['ayse-karakus', 'Ayşe Karakuş']]);
    expect(r.body).not.toMatch(/Share|available in|Similar Posts|KARAKUŞ|invented researcher/);
  });

  it('reads HTML footnotes (linked markers, a bare <sup>, notes as paragraphs)', () => {
    const r = importFixture('notes.html', { date: '2022-11-03' });
    expect(errors(r)).toEqual([]);
    expect(r.data.sources?.map((s) => [s.url, s.accessed, s.note])).toEqual([
      ['https://wire.example.org/grain', '2022-11-01', undefined],
      ['https://data.example.com/ports/10', '2022-11-02', undefined],
      ['https://data.example.com/ports/10', '2022-11-02', 'Ibid.'],
    ]);
    expect(r.body).toContain('this autumn.[^1] Shipping');
    expect(r.body).toContain('already full.[^3]');
    expect(r.body).not.toMatch(/_ftn|Similar Posts|teaser/);
    expect(r.data.authors).toEqual(['jonas-petraitis']);
  });

  it('keeps bullets as a Markdown list and text with Markdown characters as printed', () => {
    const r = importFixture('bullets-and-escapes.txt');
    expect(errors(r)).toEqual([]);
    const body = readBody(r.body);
    expect(body.types).toEqual(['paragraph', 'list', 'paragraph', 'paragraph', 'paragraph', 'list']);
    expect(r.body).toContain('1. an inspection of border units;\n2. a report to parliament.');
    expect(body.units).toEqual([
      "The ministry made three claims at Thursday's briefing:",
      'the army has enough reserves for *any* scenario;',
      'no troops will cross the border_line without an order;',
      '1. the exercises are defensive, said the spokesman.',
      '# Is any of this new? Not really, and <b>the</b> wording was almost the same a year ago.',
      '> Some readers asked for the full transcript; it is at https://transcripts.example.org/briefing_12 (in Russian).',
      'The spokesman then listed the next steps:',
      'an inspection of border units;',
      'a report to parliament.',
    ]);
  });

  it('writes a file the site schema accepts, and the same bytes every time', () => {
    for (const [file, date] of [['weekly-cross-year.txt', undefined], ['notes.txt', '2022-10-14'], ['weekly.html', undefined]] as const) {
      const a = importFixture(file, date ? { date } : {});
      const b = importFixture(file, date ? { date } : {});
      expect(a.markdown).toBeDefined();
      expect(b.markdown).toBe(a.markdown);
      const back = parseMarkdownSource(file, a.markdown ?? '');
      expect(back.problems).toEqual([]);
      expect(analysisSchema.safeParse(back.data).success).toBe(true);
      expect(back.data).toEqual(a.data);
    }
  });
});

describe('bad input', () => {
  const taxonomy = fixtureTaxonomy();
  const read = (text: string, format: 'text' | 'html' = 'text') => parsePage({ file: 'junk', text, format }, taxonomy);

  it('explains empty pages, binary data and oversized pages', () => {
    expect(errors(read(''))).toEqual(['(page): the page is empty']);
    expect(errors(read(' \n\t\n'))).toEqual(['(page): the page is empty']);
    expect(errors(read('abc\u0000def'))[0]).toMatch(/control character U\+0000 on line 1/);
    expect(errors(read('x'.repeat(5_000_001)))[0]).toMatch(/characters long/);
  });

  it('handles a huge single line without hanging', () => {
    const started = Date.now();
    const r = read(`A title\n\n${'Word word, word. '.repeat(60_000)}\n`);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(errors(r)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties.

/** Invented words: none is a header, verdict or chrome word. */
const WORDS = ['grain', 'border', 'ministry', 'talks', 'river', 'quiet', 'winter', 'budget', 'rail', 'statement', 'harbour', 'council', 'ledger', 'signal', 'orchard'];
/** Characters that mean something in Markdown, to check the body escapes them. */
const SPECIALS = ['*', '_', '`', '[x]', '<b>', '&amp;', '#', '|', '~', '\\', '!', '(a)', '1.', '+', '>', '=', '--', '<https://e.example.org>', 'https://e.example.org/p_q'];

/** A paragraph: a capitalised first word, then 8 to 25 words and specials, then a full stop. */
const paragraph = fc
  .tuple(
    fc.constantFrom(...WORDS),
    fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...SPECIALS) }), { minLength: 8, maxLength: 25 }),
    fc.constantFrom('.', '!', '?', '…', '.”'),
  )
  .map(([first, rest, end]) => `${first.charAt(0).toUpperCase()}${first.slice(1)} ${rest.join(' ')}${end}`);

/** A piece of the body: a paragraph, a bulleted list, or a numbered list of 2 to 4 items. */
const piece = fc.oneof(
  { weight: 4, arbitrary: paragraph.map((p) => ({ kind: 'p' as const, lines: [p] })) },
  { weight: 1, arbitrary: fc.array(paragraph, { minLength: 2, maxLength: 4 }).map((items) => ({ kind: 'list' as const, lines: items })) },
  { weight: 1, arbitrary: fc.array(paragraph, { minLength: 2, maxLength: 4 }).map((items) => ({ kind: 'numbered' as const, lines: items })) },
);

/** A whole page assembled from parts, with the body units it must keep, in order. */
const page = fc
  .record({
    layout: fc.constantFrom('digest', 'digest-credit', 'long', 'long-subtitle'),
    pieces: fc.array(piece, { minLength: 1, maxLength: 8 }),
    repeat: fc.boolean(),
    chrome: fc.constantFrom('none', 'newsletter', 'comments', 'similar'),
    signed: fc.boolean(),
    bullet: fc.constantFrom('•', '·', '-', '*'),
  })
  .map(({ layout, pieces, repeat, chrome, signed, bullet }) => {
    const parts = repeat && pieces[0] ? [...pieces, pieces[0]] : pieces;
    const lines: string[] = [];
    if (layout.startsWith('digest')) {
      lines.push('by', 'January 3 – January 9, 2022', 'Security issues', '', 'Orchard talks resume by the river', '', 'The situation got worse');
      if (layout === 'digest-credit') lines.push('Orchard talks resume by the river', 'photo: pictures.example.org');
    } else {
      lines.push('Orchard talks resume by the river', '');
      if (layout === 'long-subtitle') lines.push('A ledger of quiet winters', '');
    }
    lines.push('');
    for (const p of parts) {
      if (p.kind === 'p') lines.push(p.lines[0] ?? '', '');
      else if (p.kind === 'list') lines.push(...p.lines.map((l) => `  ${bullet} ${l}`), '');
      else lines.push(...p.lines.map((l, i) => `${i + 1}. ${l}`), '');
    }
    if (signed) lines.push('Dr Jan KOWAL', 'Dr Jan KOWAL', 'Jan Kowal is an invented signature for property tests.', '');
    if (chrome === 'newsletter') lines.push('You have been successfully subscribed', '', 'Subscribe to our newsletter', 'EN', 'Read more');
    if (chrome === 'comments') lines.push('Please enter your comment!', 'Please enter your name here', 'Must Read', 'A teaser.');
    if (chrome === 'similar') lines.push('Similar Posts', 'Another teaser line.');
    const units = parts.flatMap((p) => p.lines);
    return { text: lines.join('\n'), units, layout, signed };
  });

describe('properties', () => {
  const taxonomy = fixtureTaxonomy();

  it('pages assembled from random parts lose no paragraph and reorder none', () => {
    fc.assert(
      fc.property(page, ({ text, units, layout, signed }) => {
        const r = parsePage({ file: 'p.txt', text, format: 'text' }, taxonomy, { date: '2022-01-10' });
        expect(readBody(r.body).units).toEqual(units);
        expect(r.body).not.toMatch(/Subscribe|Read more|Please enter|Must Read|Similar Posts|teaser|KOWAL|invented signature/);
        expect(r.data.title).toBe('Orchard talks resume by the river');
        if (layout === 'long-subtitle') expect(r.data.subtitle).toBe('A ledger of quiet winters');
        expect(r.data.authors).toEqual(signed ? ['jan-kowal'] : []);
        expect(errors(r)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('importing twice gives byte-identical files', () => {
    fc.assert(
      fc.property(page, ({ text }) => {
        const a = parsePage({ file: 'p.txt', text, format: 'text' }, fixtureTaxonomy(), { date: '2022-01-10' });
        const b = parsePage({ file: 'p.txt', text, format: 'text' }, fixtureTaxonomy(), { date: '2022-01-10' });
        return a.markdown !== undefined && a.markdown === b.markdown && a.fileName === b.fileName;
      }),
      { numRuns: 60 },
    );
  });

  it('random junk never crashes the importer: a clear error instead', () => {
    const junk = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.string({ unit: 'grapheme', maxLength: 400 }),
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.array(fc.constantFrom('by', '[1]', '[1] Ibid.', 'Category status:', '[Worse]', '  • ', 'Dr A B', 'Dr A B', 'Share', 'Subscribe', '<p>', '</p>', '<h1>', '</h1>', '<figcaption>', '<sup>1</sup>', 'August 29 –', '2022', '\n', '\n\n', 'https://x.example.org', '“', '”'), { maxLength: 60 }).map((a) => a.join(' ')),
    );
    fc.assert(
      fc.property(junk, fc.constantFrom('text' as const, 'html' as const), (text, format) => {
        const r = parsePage({ file: 'junk', text, format }, taxonomy);
        const errs = errors(r);
        expect(errs.join('\n')).not.toMatch(/internal error/);
        expect(r.markdown !== undefined || errs.length > 0).toBe(true);
        for (const e of errs) expect(e).toMatch(/^[\w.()]+: \S/);
      }),
      { numRuns: 400 },
    );
  });
});
