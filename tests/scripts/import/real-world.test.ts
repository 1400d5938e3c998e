/**
 * Pages of other publishers' shapes (all fixtures written for these tests): a full HTML page with
 * chrome on every side, chrome lines in the middle of a text, bylines in five layouts, dates inside
 * lines in three languages, captions, deep nesting, titles that do not transliterate, overrides.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDateInLine } from '../../../scripts/import/dates-in-text.ts';
import { type ImportOptions, type PageResult, parsePage } from '../../../scripts/import/parse-page.ts';
import { analysisFileName } from '../../../scripts/import/slug.ts';
import { FIXTURES, fixtureTaxonomy, readBody } from '../../fixtures/import/helpers.ts';

const taxonomy = fixtureTaxonomy();
const read = (text: string, format: 'text' | 'html' = 'text', options: ImportOptions = {}): PageResult => parsePage({ file: `page.${format === 'html' ? 'html' : 'txt'}`, text, format }, taxonomy, options);
const warnings = (r: PageResult): string[] => r.problems.filter((p) => p.severity === 'warning').map((p) => `${p.field}: ${p.message}`);
const prose = (n: number): string => `Paragraph ${n} of the invented article says something long enough to count as prose here.`;

describe('a full HTML page with chrome on every side', () => {
  const r = parsePage({ file: 'chrome-everywhere.html', text: readFileSync(join(FIXTURES, 'real-world', 'chrome-everywhere.html'), 'utf8'), format: 'html' }, taxonomy);
  const body = readBody(r.body).units.join('\n');

  it('keeps the article text whole and in order, and nothing of the chrome', () => {
    const units = readBody(r.body).units;
    expect(units).toHaveLength(5);
    expect(units[0]).toMatch(/^Freight trains crossing/);
    expect(units[2]).toMatch(/^The customs service says/);
    expect(units[4]).toMatch(/^For now, the ministry promises/);
    for (const chrome of ['Log in', 'Share via Email', 'More Options', 'Most read', 'Ten cafés', 'Related articles', 'Anonymous reader', 'All rights reserved', 'Privacy policy', 'Home ›', 'Subscribe']) {
      expect(body).not.toContain(chrome);
    }
  });

  it('reads title, date, author and credit; no chrome becomes the subtitle or the summary', () => {
    expect(r.data.title).toBe('Rail freight slows at the eastern border');
    expect(r.data.subtitle).toBeUndefined();
    expect(r.data.published).toBe('2023-03-09');
    expect(r.authors.map((a) => a.name)).toEqual(['Marta Kowalczyk']);
    expect(r.data.summary).toMatch(/^Freight trains crossing/);
    expect(r.data.cover?.credit).toMatch(/^Wagons wait/);
  });

  it('says where each date came from, and lists every line it left out', () => {
    // The article's structured date is used first; the printed ones are listed after it.
    expect(r.dates.map((d) => d.from)).toEqual(['JSON-LD datePublished', 'header line: "By Marta Kowalczyk 9 March 2023"', '<time datetime>', 'a date printed under the title: "9 March 2023"']);
    const dropped = r.dropped.map((d) => d.text);
    for (const line of ['Share via Email', 'Most read', 'Related articles', 'Leave a comment', 'Subscribe']) expect(dropped).toContain(line);
    expect(warnings(r)).toContain(`body: ${r.dropped.length} line(s) were left out as page chrome or outside the article (listed in "dropped" of the --json report)`);
  });

  it('makes relative links absolute from og:url', () => {
    expect(r.body).toContain('(https://observer.example.org/2023/02/scanners)');
    expect(r.body).not.toMatch(/\]\(\//u);
  });

  it('--url takes over when the page names no address, and <base href> wins over both', () => {
    const page = '<html><body><h1>A linked title for the test</h1><p>March 7, 2022</p><p>The text links <a href="../notes/1">a relative note</a> and goes on long enough to be prose.</p></body></html>';
    expect(read(page, 'html', { url: 'https://site.example.net/a/b/page' }).body).toContain('(https://site.example.net/a/notes/1)');
    const based = page.replace('<html>', '<html><head><base href="https://cdn.example.com/x/"></head>');
    expect(read(based, 'html', { url: 'https://site.example.net/a/b/page' }).body).toContain('(https://cdn.example.com/notes/1)');
  });
});

describe('chrome in the middle of the text', () => {
  it('a "Subscribe" line mid-article drops that line only, keeps the text after it, and warns', () => {
    const page = ['A title for the subscribe test', '', 'March 7, 2022', '', prose(1), '', 'Subscribe', '', prose(2), '', prose(3), ''].join('\n');
    const r = read(page);
    expect(readBody(r.body).units).toEqual([prose(1), prose(2), prose(3)]);
    expect(r.dropped).toEqual([{ text: 'Subscribe', reason: 'newsletter', line: 7 }]);
    expect(warnings(r).some((w) => w.includes('"Subscribe" (line 7) looks like page chrome'))).toBe(true);
  });

  it('each of the issue\'s chrome words mid-article keeps the text after it', () => {
    for (const word of ['Trending', 'Related articles', 'Leave a comment', 'Popular posts', 'Must read']) {
      const r = read(['A title for the chrome test', '', 'March 7, 2022', '', prose(1), '', word, '', prose(2), ''].join('\n'));
      expect(readBody(r.body).units, word).toEqual([prose(1), prose(2)]);
    }
  });

  it('lone chrome lines between paragraphs ("Subscribe", then "Related articles") are no cluster: only they go, each named', () => {
    const page = ['A title for the lone chrome test', '', 'March 7, 2022', '', prose(1), '', 'Subscribe', '', prose(2), '', 'Related articles', '', prose(3), ''].join('\n');
    const r = read(page);
    expect(readBody(r.body).units).toEqual([prose(1), prose(2), prose(3)]);
    expect(r.dropped).toEqual([
      { text: 'Subscribe', reason: 'newsletter', line: 7 },
      { text: 'Related articles', reason: 'similar-posts', line: 11 },
    ]);
    for (const [line, at] of [['Subscribe', 7], ['Related articles', 11]] as const) {
      expect(warnings(r).some((w) => w.includes(`"${line}" (line ${at}) looks like page chrome`)), line).toBe(true);
    }
  });

  it('a cluster of chrome at the end still ends the article, and every line after it is listed', () => {
    const page = ['A title for the end test', '', 'March 7, 2022', '', prose(1), '', 'Subscribe to our newsletter', '', 'Subscribe', '', 'Once a week we send a letter with everything you need to know.', ''].join('\n');
    const r = read(page);
    expect(readBody(r.body).units).toEqual([prose(1)]);
    expect(r.dropped.map((d) => d.text)).toEqual(['Subscribe to our newsletter', 'Subscribe', 'Once a week we send a letter with everything you need to know.']);
  });

  it('property: no input line is lost unless it is listed in dropped', () => {
    const line = fc.oneof(
      fc.integer({ min: 1, max: 99 }).map(prose),
      fc.constantFrom('Subscribe', 'Share', 'Related articles', 'Trending', 'Leave a comment', '3 Comments', 'Read more', 'Print version', 'Must read', 'Home › News › World'),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const page = ['A title for the property test', '', 'March 7, 2022', '', prose(0), '', ...lines.flatMap((l) => [l, ''])].join('\n');
        const r = read(page);
        const kept = new Set(readBody(r.body).units);
        const dropped = new Set(r.dropped.map((d) => d.text));
        for (const l of [prose(0), ...lines]) expect(kept.has(l) || dropped.has(l), l).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('property: a chrome line followed by article text never cuts it (every prose line kept)', () => {
    const group = fc.tuple(fc.constantFrom('Subscribe', 'Related articles', 'Trending', 'Leave a comment', 'Popular posts', 'Must read'), fc.integer({ min: 1, max: 99 }));
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 5 }), (groups) => {
        const lines = groups.flatMap(([chrome, n]) => [chrome, prose(n), prose(n + 100), prose(n + 200), prose(n + 300), prose(n + 400)]);
        const r = read(['A title for the property test', '', 'March 7, 2022', '', prose(0), '', ...lines.flatMap((l) => [l, ''])].join('\n'));
        const kept = readBody(r.body).units;
        expect(kept).toEqual([prose(0), ...lines.filter((l) => l.startsWith('Paragraph'))]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('bylines in five layouts', () => {
  const cases: [string, string, 'text' | 'html'][] = [
    ['"By" line above the title', ['By Jane Roe', '', 'March 7, 2022', '', 'A headline for bylines', '', prose(1), ''].join('\n'), 'text'],
    ['"Author:" under the title', ['A headline for bylines', '', 'Author: Jane Roe', '', 'March 7, 2022', '', prose(1), ''].join('\n'), 'text'],
    ['a name line beside the date', ['A headline for bylines', '', 'Jane Roe', 'March 7, 2022', '', prose(1), ''].join('\n'), 'text'],
    ['a name in capitals under the title', ['A headline for bylines', '', 'JANE ROE', '', 'March 7, 2022', '', prose(1), ''].join('\n'), 'text'],
    ['meta name=author', `<html><head><meta name="author" content="Jane Roe"></head><body><h1>A headline for bylines</h1><p>March 7, 2022</p><p>${prose(1)}</p><p>${prose(2)}</p></body></html>`, 'html'],
    ['JSON-LD author', `<html><head><script type="application/ld+json">{"@type":"BlogPosting","author":{"@type":"Person","name":"Jane Roe"},"datePublished":"2022-03-07"}</script></head><body><h1>A headline for bylines</h1><p>${prose(1)}</p><p>${prose(2)}</p></body></html>`, 'html'],
  ];
  for (const [name, page, format] of cases) {
    it(name, () => {
      const r = read(page, format);
      expect(r.authors.map((a) => a.name)).toEqual(['Jane Roe']);
      expect(r.data.title).toBe('A headline for bylines');
      expect(r.data.published).toBe('2022-03-07');
      expect(readBody(r.body).units[0]).toBe(prose(1));
    });
  }

  it('a signed piece with no author anywhere says so instead of silently crediting the editors', () => {
    const r = read(['A headline without names', '', 'March 7, 2022', '', prose(1), ''].join('\n'));
    expect(warnings(r).some((w) => w.startsWith('authors: no author found'))).toBe(true);
  });
});

describe('dates inside lines', () => {
  it.each([
    ['July 04, 2017 12:01', '2017-07-04'],
    ['Last update: 26 September 2022', '2022-09-26'],
    ['25.10.2015 | Politics | Minsk', '2015-10-25'],
    ['Updated at 11:59,21-05-2018', '2018-05-21'],
    ['Опубликовано 5 марта 2021 года в 10:00', '2021-03-05'],
    ['Абноўлена 14 жніўня 2020 г.', '2020-08-14'],
    ['Апублікавана: 3 снежня 2019', '2019-12-03'],
    ['Veröffentlicht: 3. August 2015', '2015-08-03'],
    ['07 Dezember, 2022', '2022-12-07'],
    ['7 März 2022 | Politik', '2022-03-07'],
    ['Publié le 30 septembre 2018', '2018-09-30'],
    ['6 de mayo de 2022 - 2:00 a. m.', '2022-05-06'],
    ['Pubblicato il 14 gennaio 2020', '2020-01-14'],
    ['Publicado em 3 de março de 2019', '2019-03-03'],
    ['Gepubliceerd op 3 maart 2019', '2019-03-03'],
    ['Опубліковано 12 лютого 2020', '2020-02-12'],
  ])('%s', (line, date) => {
    expect(findDateInLine(line)?.date).toBe(date);
    const r = read(['A headline for dates', '', line, '', prose(1), ''].join('\n'));
    expect(r.data.published).toBe(date);
    expect(r.dates[0]?.from).toBe(`line 3: "${line}"`);
  });

  it('a title that mentions a date stays the title; a line with no full date gives none', () => {
    const r = read(['Elections on 5 March 2023 and what comes after them', '', 'March 7, 2023', '', prose(1), ''].join('\n'));
    expect(r.data.title).toBe('Elections on 5 March 2023 and what comes after them');
    expect(r.data.published).toBe('2023-03-07');
    expect(findDateInLine('In 2019 the government changed course')).toBeUndefined();
  });

  it('"today", "heute" and a clock are no date', () => {
    for (const line of ['Today, 12:00', 'Heute, 12:00 Uhr', 'Aujourd’hui 10:00', 'Yesterday at 9:15']) expect(findDateInLine(line)).toBeUndefined();
  });
});

describe('captions, nesting, scripts', () => {
  it('a caption above the first paragraph is neither the summary nor body text', () => {
    const r = read(`<html><body><h1>A captioned headline here</h1><p>March 7, 2022</p><figure><img src="a.jpg"><figcaption>A long caption describing the picture above, which is not the article at all.</figcaption></figure><p>${prose(1)}</p><p>${prose(2)}</p></body></html>`, 'html');
    expect(r.data.summary).toBe(prose(1));
    expect(readBody(r.body).units[0]).toBe(prose(1));
  });

  it('text inside <form> in an article is kept; button text is listed as dropped', () => {
    const r = read(`<html><body><h1>A form-wrapped headline</h1><p>March 7, 2022</p><form><p>${prose(1)}</p><p>${prose(2)}</p><button>Send it</button></form></body></html>`, 'html');
    expect(readBody(r.body).units).toEqual([prose(1), prose(2)]);
    expect(r.dropped).toContainEqual({ text: 'Send it', reason: '<button> element' });
  });

  it('HTML nested 2,000 levels deep is read, without a recursion error', () => {
    const deep = `<html><body><h1>A deeply nested headline</h1><p>March 7, 2022</p>${'<div>'.repeat(2000)}<p>${prose(1)}</p>${'</div>'.repeat(2000)}</body></html>`;
    const r = read(deep, 'html');
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(readBody(r.body).units).toEqual([prose(1)]);
  });

  it('titles that do not transliterate get the date and a short hash, distinct per title', () => {
    expect(analysisFileName('2022-03-07', 'Выбары ў Беларусі')).toMatch(/^2022-03-07-vybary-[a-z-]*belarusi\.md$/u);
    const a = analysisFileName('2022-03-07', '中文标题');
    const b = analysisFileName('2022-03-07', '另一个标题');
    expect(a).toMatch(/^2022-03-07-[0-9a-f]{8}\.md$/u);
    expect(b).not.toBe(a);
  });
});

describe('overrides', () => {
  const digestLost = ['A digest entry that lost its header', '', prose(1), ''].join('\n');

  it('--period, --trend and --title make a weekly entry of a copy that lost its header', () => {
    const r = read(digestLost, 'text', { periodStart: '2022-03-07', trend: 'worse', topic: 'security-issues' });
    expect(r.data).toMatchObject({ kind: 'weekly', period: { start: '2022-03-07', end: '2022-03-13' }, trend: 'worse', topic: 'security-issues' });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(read(digestLost, 'text', { date: '2022-03-07', title: 'A better title' }).data.title).toBe('A better title');
  });

  it('an override that contradicts the page is a warning naming both', () => {
    const page = ['by', 'July 4 – July 10, 2022', 'Security issues', '', 'Quiet border', '', 'The situation got worse', '', prose(1), ''].join('\n');
    const r = read(page, 'text', { trend: 'better', title: 'Loud border', date: '2022-08-01', periodStart: '2022-07-11' });
    const w = warnings(r).join('\n');
    expect(w).toContain('--trend better replaces the printed verdict (worse)');
    expect(w).toContain('--title "Loud border" replaces the printed title "Quiet border"');
    expect(w).toContain('--period 2022-07-11 (to 2022-07-17) replaces the printed week 2022-07-04 to 2022-07-10');
    expect(w).toContain('--date 2022-08-01 falls outside the printed week');
  });
});
