/**
 * Pages in the shapes real news sites print (issue 23; every fixture written for these tests):
 * organisation bylines, inverted names, roles after names, outlets run into names, Korean names,
 * skip links before the title, a "today" clock beside JSON-LD, consent boxes inside the text,
 * no-break space runs, control characters, text only in JSON-LD, soft hyphens in a title.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToBlocks } from '../../../scripts/import/html.ts';
import { stringifyBlocks } from '../../../scripts/import/markdown.ts';
import { normalizeAuthor, splitAuthorList } from '../../../scripts/import/names.ts';
import { type ImportOptions, type PageResult, parsePage } from '../../../scripts/import/parse-page.ts';
import { fixtureTaxonomy, readBody } from '../../fixtures/import/helpers.ts';

const taxonomy = fixtureTaxonomy();
const prose = (n: number): string => `Paragraph ${n} of the invented harbour report says something long enough to count as prose here.`;
const errors = (r: PageResult): string[] => r.problems.filter((p) => p.severity === 'error').map((p) => `${p.field}: ${p.message}`);
const warnings = (r: PageResult): string[] => r.problems.filter((p) => p.severity === 'warning').map((p) => `${p.field}: ${p.message}`);

/** A news page: head markup, a header with chrome, the article, a footer. */
function page(parts: { head?: string; top?: string; title?: string; article?: string; jsonLd?: object }): string {
  const ld = parts.jsonLd === undefined ? '' : `<script type="application/ld+json">${JSON.stringify(parts.jsonLd)}</script>`;
  return `<!doctype html><html><head><title>${parts.title ?? 'Harbour cranes stand still'} | The Harbour Times</title><meta property="og:site_name" content="The Harbour Times">${parts.head ?? ''}${ld}</head>
<body><header><a href="/">The Harbour Times</a><nav><a href="/news">News</a><a href="/sport">Sport</a></nav></header>${parts.top ?? ''}
<main><article>${parts.article ?? `<h1>${parts.title ?? 'Harbour cranes stand still'}</h1><p>${prose(1)}</p><p>${prose(2)}</p><p>${prose(3)}</p>`}</article></main>
<footer><p>All rights reserved. Privacy policy.</p></footer></body></html>`;
}
const read = (html: string, options: ImportOptions = {}): PageResult => parsePage({ file: 'page.html', text: html, format: 'html' }, taxonomy, options);
const article = (name: string, extra: object = {}): object => ({ '@type': 'NewsArticle', headline: 'Harbour cranes stand still', datePublished: '2025-02-11T09:00:00+01:00', author: name, ...extra });

describe('authors are never refused', () => {
  it('an organisation byline becomes an organisation author with a name-only file and a warning', () => {
    const r = read(page({ jsonLd: article('', { author: { '@type': 'Organization', name: 'Harbour News Agency' } }) }));
    expect(errors(r)).toEqual([]);
    expect(r.authors).toMatchObject([{ id: 'harbour-news-agency', name: 'Harbour News Agency', isNew: true }]);
    expect(r.authors[0]?.yaml).toBe('name: Harbour News Agency\nkind: organisation\n');
    expect(warnings(r).some((w) => w.includes('"Harbour News Agency" is not in content/authors') && w.includes('name only (an organisation)'))).toBe(true);
  });

  it('a person printed "Last, First" is turned back, and a person without a bio gets a name-only file', () => {
    const r = read(page({ jsonLd: article('Roe, Jane') }));
    expect(errors(r)).toEqual([]);
    expect(r.authors.map((a) => [a.name, a.yaml])).toEqual([['Jane Roe', 'name: Jane Roe\n']]);
  });

  it('a role after a name is split off and kept in the file', () => {
    const r = read(page({ jsonLd: article('Amy Example Political Correspondent') }));
    expect(r.authors.map((a) => [a.name, a.yaml])).toEqual([['Amy Example', 'name: Amy Example\nrole: Political Correspondent\n']]);
  });

  it('an outlet run into a name, a "von Dr." prefix and a desk are told apart', () => {
    const context = { siteNames: ['The Harbour Times'] };
    expect(normalizeAuthor('Dan Examplar-SmithThe Harbour Times', context)).toEqual({ name: 'Dan Examplar-Smith', kind: 'person' });
    expect(normalizeAuthor('Jane Roe The Associated Press', context)).toEqual({ name: 'Jane Roe', kind: 'person' });
    expect(normalizeAuthor('von Dr. Max Beispiel', context)).toEqual({ name: 'Max Beispiel', kind: 'person' });
    expect(normalizeAuthor('Harbour Desk Staff', context)?.kind).toBe('organisation');
    expect(normalizeAuthor('The Harbour Times', context)).toEqual({ name: 'The Harbour Times', kind: 'organisation' });
    expect(normalizeAuthor('dpa', context)).toEqual({ name: 'dpa', kind: 'organisation' });
    expect(normalizeAuthor('di Mario Rossi', context)).toEqual({ name: 'Mario Rossi', kind: 'person' });
    expect(normalizeAuthor('De Luca Carla', context)?.name).toBe('De Luca Carla');
    expect(splitAuthorList('Jane Roe, John Doe and Ann Smith')).toEqual(['Jane Roe', 'John Doe', 'Ann Smith']);
    expect(splitAuthorList('Roe, Jane')).toEqual(['Roe, Jane']);
  });

  it('a Korean name is an author (the role word after it goes), with an id made for it', () => {
    const r = read(page({ jsonLd: article('김민준 기자') }));
    expect(errors(r)).toEqual([]);
    expect(r.authors).toHaveLength(1);
    expect(r.authors[0]?.name).toBe('김민준');
    expect(r.authors[0]?.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u);
    expect(r.authors[0]?.yaml).toBe('name: 김민준\nrole: 기자\n');
  });
});

describe('titles', () => {
  it('a skip link before the title is never the title; the heading agreeing with og:title is', () => {
    for (const skip of ['Skip to main content', 'Direkt zum Inhalt']) {
      const html = page({ head: '<meta property="og:title" content="Harbour cranes stand still">', top: `<p><a href="#main">${skip}</a></p><p><a href="/login">Log In</a></p>`, article: `<h2>Harbour cranes stand still</h2><p>${prose(1)}</p><p>${prose(2)}</p>` });
      const r = read(html, { date: '2025-02-11' });
      expect(r.data.title, skip).toBe('Harbour cranes stand still');
      expect(r.dropped.map((d) => d.text)).toContain(skip);
    }
  });

  it('a section name in <h1> loses to the headline the markup names', () => {
    const html = page({ jsonLd: article('Jane Roe'), article: `<h1>Port</h1><p>${prose(1)}</p><p>${prose(2)}</p>` });
    expect(read(html).data.title).toBe('Harbour cranes stand still');
  });

  it('a kicker printed inside the <h1> before the headline is left out; the markup names the headline', () => {
    const html = page({ head: '<meta property="og:title" content="Cranes stand still: the port waits">', article: `<h1><span>Harbour strike</span> Cranes stand still the port waits</h1><p>${prose(1)}</p><p>${prose(2)}</p>` });
    const r = read(html, { date: '2025-02-11' });
    expect(r.data.title).toBe('Cranes stand still: the port waits');
    expect(r.dropped).toContainEqual({ text: 'Harbour strike Cranes stand still the port waits', reason: 'title heading with a kicker (the markup title is used)' });
  });

  it('a markup title its CMS escaped twice is decoded', () => {
    const html = page({ head: '<meta property="og:title" content="R&amp;uuml;ckbau am Hafen beginnt">', article: `<p>${prose(1)}</p><p>${prose(2)}</p>` });
    expect(read(html, { date: '2025-02-11' }).data.title).toBe('Rückbau am Hafen beginnt');
  });

  it('soft hyphens and word joiners leave the title with a warning', () => {
    const html = page({ title: 'Har&shy;bour cranes stand\u2060 still', jsonLd: article('Jane Roe') });
    const r = read(html);
    expect(r.data.title).toBe('Harbour cranes stand still');
    expect(warnings(r).some((w) => w.startsWith('title: 2 invisible characters (U+00AD, U+2060) removed'))).toBe(true);
  });
});

describe('dates', () => {
  it('a "today" clock beside JSON-LD: the article\'s datePublished wins, the clock is listed after it with a warning', () => {
    const html = page({ top: '<p>Wednesday, April 16, 2025</p>', jsonLd: article('Jane Roe') });
    const r = read(html);
    expect(r.data.published).toBe('2025-02-11');
    expect(r.dates[0]).toEqual({ value: '2025-02-11', from: 'JSON-LD datePublished' });
    expect(warnings(r).some((w) => w.includes('JSON-LD datePublished (2025-02-11) is used'))).toBe(true);
  });

  it('with a non-weekly --kind a header fragment ("13 Aug", "5") is no week and refuses nothing', () => {
    for (const fragment of ['13 Aug', '5']) {
      const text = ['A headline about harbour cranes', '', fragment, '', prose(1), '', prose(2), ''].join('\n');
      const r = parsePage({ file: 'p.txt', text, format: 'text' }, taxonomy, { kind: 'opinion', date: '2025-02-11' });
      expect(errors(r), fragment).toEqual([]);
      expect(r.data.published).toBe('2025-02-11');
      expect(r.data.period).toBeUndefined();
    }
  });

  it('a page that prints no date at all is a draft without a date (none is made up), and the warning says what to fill in', () => {
    const r = read(page({}));
    expect(errors(r)).toEqual([]);
    expect(r.data).toMatchObject({ draft: true });
    expect(r.data.published).toBeUndefined();
    expect(r.dates).toEqual([]);
    expect(r.fileName).toMatch(/^undated-[a-z0-9-]+\.md$/u);
    expect(r.problems.find((p) => p.field === 'published')?.message).toMatch(/draft without a date.*add published: YYYY-MM-DD, remove draft: true and rename the file/u);
    expect(r.markdown).toMatch(/^draft: true$/mu);
    expect(r.markdown).not.toMatch(/^published:/mu);
  });
});

describe('body', () => {
  it('a promo box inside the article that the second extractor (Defuddle) leaves out is dropped and listed; the paragraphs stay', () => {
    const long = (n: number): string => `${prose(n)} It adds a few more words about cranes, ships and the quay.`;
    const promo = 'Get the harbour briefing in your inbox every morning, free of charge.';
    const html = page({
      jsonLd: article('Jane Roe'),
      article: `<h1>Harbour cranes stand still</h1><p>${long(1)}</p><p>${long(2)}</p><p>${long(3)}</p><div class="newsletter-signup"><p>${promo}</p><form><input type="email"><button>Sign me up</button></form></div><p>${long(4)}</p><p>${long(5)}</p>`,
    });
    const r = read(html);
    expect(errors(r)).toEqual([]);
    expect(r.body).not.toContain(promo);
    for (const n of [1, 2, 3, 4, 5]) expect(r.body).toContain(long(n));
    expect(r.dropped).toContainEqual({ text: promo, reason: "not in the second extractor's text (Defuddle)" });
    expect(r.origins.body).toBe('the main content (Mozilla Readability, checked against Defuddle)');
  });

  it('a date line and a byline repeated inside the article text are the page\'s furniture: dropped and listed', () => {
    const html = page({ jsonLd: article('Jane Roe'), article: `<h1>Harbour cranes stand still</h1><p>${prose(1)}</p><p>By Jane Roe</p><p>${prose(2)}</p><p>Updated: 11.02.2025 09:00</p><p>${prose(3)}</p>` });
    const r = read(html);
    expect(errors(r)).toEqual([]);
    expect(r.body).toBe([prose(1), prose(2), prose(3)].join('\n\n') + '\n');
    expect(r.dropped.map((d) => d.text)).toEqual(expect.arrayContaining(['By Jane Roe', 'Updated: 11.02.2025 09:00']));
  });

  it('a bare marker such as "[1]" (an image counter) above the first paragraph is no summary; the paragraph is', () => {
    const r = read(page({ jsonLd: article('Jane Roe'), article: `<h1>Harbour cranes stand still</h1><p>[1]</p><p>${prose(1)}</p><p>${prose(2)}</p>` }));
    expect(errors(r)).toEqual([]);
    expect(r.data.summary).toBe(prose(1));
  });

  it('a consent box inside the article is dropped and listed; the paragraphs around it stay', () => {
    const html = page({
      jsonLd: article('Jane Roe'),
      article: `<h1>Harbour cranes stand still</h1><p>${prose(1)}</p><div class="embed-consent"><p>We need your consent to load this YouTube video.</p><p>Load content</p></div><p>${prose(2)}</p><p>${prose(3)}</p>`,
    });
    const r = read(html);
    expect(readBody(r.body).units).toEqual([prose(1), prose(2), prose(3)]);
    expect(r.dropped).toContainEqual({ text: 'We need your consent to load this YouTube video. Load content', reason: 'consent box' });
  });

  it('an image caption inside the text is listed in dropped, not kept as a paragraph', () => {
    const html = page({ jsonLd: article('Jane Roe'), article: `<h1>Harbour cranes stand still</h1><p>${prose(1)}</p><figure><img src="c.jpg"><figcaption>Idle cranes at the north quay. Photo: Jane Roe</figcaption></figure><p>${prose(2)}</p>` });
    const r = read(html);
    expect(readBody(r.body).units).toEqual([prose(1), prose(2)]);
    expect(r.dropped).toContainEqual({ text: 'Idle cranes at the north quay. Photo: Jane Roe', reason: 'image caption' });
  });

  it('a run of &nbsp; and spaces at the edges of emphasis give plain spaces, never a character reference', () => {
    const html = page({ jsonLd: article('Jane Roe'), article: `<h1>Harbour cranes stand still</h1><p>&nbsp;&nbsp;The <em>cranes </em>stood&nbsp;&nbsp;&nbsp;still for <strong> three</strong> days, and foo<em>bar</em>baz was printed.</p><p>${prose(2)}</p>` });
    const r = read(html);
    expect(r.body).not.toMatch(/&#x?[0-9a-f]+;|&nbsp;/iu);
    expect(r.body).toContain('The _cranes_ stood still for **three** days, and foobarbaz was printed.');
  });

  it('a control character (U+0014) is removed with a warning instead of refusing the page', () => {
    const html = page({ jsonLd: article('Jane Roe'), article: `<h1>Harbour cranes stand still</h1><p>${prose(1).replace('invented', 'invented\u0014')}</p><p>${prose(2)}</p>` });
    const r = read(html);
    expect(errors(r)).toEqual([]);
    expect(readBody(r.body).units[0]).toBe(prose(1));
    expect(warnings(r).some((w) => w.startsWith('(page): 1 control character (U+0014) removed'))).toBe(true);
  });

  it('text found only in JSON-LD articleBody is the body, with a warning', () => {
    const body = [prose(1), prose(2), prose(3)].join('\n\n');
    const html = page({ jsonLd: article('Jane Roe', { articleBody: body }), article: '<div id="app"></div>' });
    const r = read(html);
    expect(errors(r)).toEqual([]);
    expect(r.data.title).toBe('Harbour cranes stand still');
    expect(readBody(r.body).units).toEqual([prose(1), prose(2), prose(3)]);
    expect(warnings(r).some((w) => w.startsWith("body: the text is taken from the page's JSON-LD articleBody"))).toBe(true);
    expect(r.origins.body).toMatch(/JSON-LD articleBody/u);
  });

  it('property: the Markdown never holds a character reference for a space, a no-break space, a tab or a line end', () => {
    const space = fc.constantFrom(' ', '&nbsp;', '  ', '\u00a0', '\t', '\n', '<br>', '');
    const word = fc.constantFrom('harbour', 'crane', 'Jane', 'ship', '42');
    const inline = fc.tuple(fc.constantFrom('em', 'strong', 'i', 'b', 'a', 'span'), space, word, space).map(([tag, a, w, b]) => (tag === 'a' ? `<a href="https://example.org/x">${a}${w}${b}</a>` : `<${tag}>${a}${w}${b}</${tag}>`));
    const piece = fc.oneof(word, space, inline);
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 14 }), (pieces) => {
        const markdown = stringifyBlocks(htmlToBlocks(`<p>${pieces.join('')}</p>`).map((b) => b.node));
        expect(markdown).not.toMatch(/&#x20;|&#32;|&#xA0;|&#160;|&nbsp;|&#xA;|&#x9;/iu);
      }),
      { numRuns: 300 },
    );
  });
});
