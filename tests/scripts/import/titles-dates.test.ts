/**
 * Titles and dates of imported pages in the shapes real sites print them (issue 23, items 2 and 3;
 * every fixture written for these tests): dates in meta tags of any case, hAtom and RDFa markup,
 * printed in an element of a date class, a UTC timestamp read as the publisher's local date;
 * titles without furigana, site names or chrome headings, with their own quotes.
 */
import { describe, expect, it } from 'vitest';
import { type PageResult, parsePage } from '../../../scripts/import/parse-page.ts';
import { fixtureTaxonomy } from '../../fixtures/import/helpers.ts';

const taxonomy = fixtureTaxonomy();
const prose = (n: number): string => `Paragraph ${n} of the invented ferry timetable story says something long enough to count as prose here.`;
const body = `<p>${prose(1)}</p><p>${prose(2)}</p><p>${prose(3)}</p>`;

/** A page: `<html lang>`, head markup, some lines before the article, the article. */
function page(parts: { lang?: string; head?: string; before?: string; article?: string; title?: string }): string {
  const title = parts.title ?? 'Ferries keep their winter timetable';
  return `<!doctype html><html${parts.lang === undefined ? '' : ` lang="${parts.lang}"`}><head><title>${title} | The Ferry Gazette</title><meta property="og:site_name" content="The Ferry Gazette">${parts.head ?? ''}</head>
<body><header><a href="/">The Ferry Gazette</a><nav><a href="/news">News</a></nav></header>
<main><article>${parts.before ?? ''}${parts.article ?? `<h1>${title}</h1>${body}`}</article></main>
<footer><p>All rights reserved.</p></footer></body></html>`;
}
const read = (html: string): PageResult => parsePage({ file: 'page.html', text: html, format: 'html' }, taxonomy, {});

describe('dates in markup', () => {
  it('a <meta name="DC.Date"> is read whatever the case of its name', () => {
    const r = read(page({ head: '<meta name="DC.Date" content="2006-12-16T08:00+01:00">' }));
    expect(r.data.published).toBe('2006-12-16');
    expect(r.dates[0]).toEqual({ value: '2006-12-16', from: 'meta DC.Date' });
  });

  it('an hAtom <abbr class="published" title="..."> and an RDFa schema:dateCreated date the page', () => {
    const hatom = read(page({ article: `<h1>Ferries keep their winter timetable</h1><p>Posted at <abbr class="published" title="2017-07-23T17:06:45+02:00">17:06</abbr></p>${body}` }));
    expect(hatom.data.published).toBe('2017-07-23');
    expect(hatom.dates[0]?.from).toBe('hAtom class="published"');
    const rdfa = read(page({ article: `<h1>Ferries keep their winter timetable</h1><span property="schema:dateCreated" content="2020-04-21T14:40:07+00:00"></span>${body}` }));
    expect(rdfa.data.published).toBe('2020-04-21');
  });

  it('a date printed in an element whose class names a date, beside the title, dates a page with no structured data', () => {
    const r = read(page({ article: `<h1>Ferries keep their winter timetable</h1>${body}<p class="meta__date">02.11.2021</p>` }));
    expect(r.data.published).toBe('2021-11-02');
    expect(r.dates[0]?.from).toContain('an element of class "meta__date"');
  });

  it("a UTC timestamp late in the evening is the publisher's next day: in the page's region, or at the offset of its other timestamps", () => {
    const region = read(page({ lang: 'de-DE', head: '<meta property="article:published_time" content="2021-11-04T23:00Z">' }));
    expect(region.data.published).toBe('2021-11-05');
    expect(region.dates[0]?.from).toContain('UTC, read in Europe/Berlin');
    const offset = read(page({ head: '<meta property="article:published_time" content="2019-10-18T22:04:00Z"><meta property="article:modified_time" content="2019-10-19T09:00:00+02:00">' }));
    expect(offset.data.published).toBe('2019-10-19');
    // A timestamp with its own offset keeps its own date; a UTC one at midday keeps its date.
    expect(read(page({ lang: 'de-DE', head: '<meta property="article:published_time" content="2021-11-04T23:30:00+01:00">' })).data.published).toBe('2021-11-04');
    expect(read(page({ lang: 'de-DE', head: '<meta property="article:published_time" content="2021-11-04T11:00:00Z">' })).data.published).toBe('2021-11-04');
  });

  it("a UTC timestamp whose own date the page prints in its header keeps that date (the CMS labelled a local time UTC)", () => {
    const r = read(page({ lang: 'en-US', head: '<meta property="article:published_time" content="2023-11-09T04:41:00Z">', before: '<p>Thursday, November 9, 2023 4:41AM</p>' }));
    expect(r.data.published).toBe('2023-11-09');
  });

  it("a UTC timestamp whose own date is printed under the title keeps that date (the CMS labelled a local time UTC)", () => {
    const r = read(page({ lang: 'de-DE', head: '<meta property="article:published_time" content="2021-11-04T23:10:00+00:00">', article: `<h1>Ferries keep their winter timetable</h1><p>${prose(0)}</p><p>Harbour desk</p><p><span>04.11.2021</span></p>${body}` }));
    expect(r.data.published).toBe('2021-11-04');
  });

  it('a page saying only when it last changed gets that date, said to be the change\'s; any publication date outranks it', () => {
    const changed = read(page({ head: '<meta property="og:updated_time" content="2022-01-26T14:35:56+01:00">' }));
    expect(changed.data.published).toBe('2022-01-26');
    expect(changed.dates[0]?.from).toContain("the page's last change");
    const both = read(page({ head: '<meta property="og:updated_time" content="2022-01-26T14:35:56+01:00"><meta name="article:published:time" content="2022-01-20T10:00:00+01:00">' }));
    expect(both.data.published).toBe('2022-01-20');
  });

  it('a whole date printed under the title in any markup, in German, French or Spanish words, dates a page with no structured data', () => {
    // The date stands in a plain <span> after the teaser and a picture, so no header line and no date class finds it.
    const shape = (date: string): string => page({
      article: `<h1>Ferries keep their winter timetable</h1><p>A short teaser about the ferries</p><figure><img src="ferry.jpg" alt=""><figcaption>The ferry at the pier</figcaption></figure><div class="info"><span>Harbour desk</span> <span>${date}</span></div>${body}`,
    });
    for (const [printed, iso] of [['3. August 2015', '2015-08-03'], ['30 septembre 2018', '2018-09-30'], ['6 de mayo de 2022', '2022-05-06'], ['26.01.2022', '2022-01-26']] as const) {
      const r = read(shape(printed));
      expect(r.data.published).toBe(iso);
      expect(r.dates.find((d) => d.value === iso)?.from).toBe(`a date printed under the title: "${printed}"`);
    }
  });

  it("a date beside the title outranks dates in a related list, a sidebar and the comments; a clock far above the title is not read", () => {
    const article = `<h1>Ferries keep their winter timetable</h1><p>A short teaser about the ferries</p><figure><img src="ferry.jpg" alt=""><figcaption>The ferry at the pier</figcaption></figure><p>Harbour desk, 18 March 2020</p>${body}
        <section class="related-posts"><h2>More</h2><ul><li><a href="/a">Another ferry story</a> <span>2 February 2021</span></li></ul></section>
        <aside><p>Popular</p><p>1 April 2019</p></aside>
        <div class="comments"><p>Reader wrote on 19 March 2020</p></div>`;
    const r = read(`<!doctype html><html><head><title>Ferries keep their winter timetable | The Ferry Gazette</title></head>
<body><header><div class="topbar"><span>Monday, 6 January 2020</span></div><div class="weather">Weather: 4°C</div><a href="/">The Ferry Gazette</a><p>Harbour news, timetables and the weekly market report</p><p>Listen to the harbour radio live</p></header>
<main><article>${article}</article></main></body></html>`);
    expect(r.data.published).toBe('2020-03-18');
    expect(r.dates.map((d) => d.value)).not.toContain('2020-01-06');
    expect(r.dates.map((d) => d.value)).not.toContain('2021-02-02');
    expect(r.dates.map((d) => d.value)).not.toContain('2020-03-19');
  });

  it('the structured data outranks a date printed under the title; both are listed', () => {
    const ld = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Ferries keep their winter timetable', datePublished: '2019-06-16T10:00:00+02:00' })}</script>`;
    const r = read(page({ head: ld, article: `<h1>Ferries keep their winter timetable</h1><p class="byline">By Jane Roe</p><figure><img src="f.jpg" alt=""><figcaption>The pier</figcaption></figure><p><span>04 Jun 2020</span></p>${body}` }));
    expect(r.data.published).toBe('2019-06-16');
    expect(r.dates.map((d) => d.from)).toContain('a date printed under the title: "04 Jun 2020"');
  });

  it('a printed date labelled as an update loses to the publication date printed beside it', () => {
    const r = read(page({ article: `<h1>Ferries keep their winter timetable</h1><div class="meta"><span>Aktualisiert: 12.02.2021</span><span>Veröffentlicht: 10.02.2021</span></div>${body}` }));
    expect(r.data.published).toBe('2021-02-10');
  });

  it("a recipe's JSON-LD datePublished dates the page; a video's does not", () => {
    const recipe = { '@context': 'https://schema.org', '@type': 'Recipe', name: 'Ferry buns', datePublished: '2006-10-10' };
    expect(read(page({ head: `<script type="application/ld+json">${JSON.stringify(recipe)}</script>` })).data.published).toBe('2006-10-10');
    const video = { '@context': 'https://schema.org', '@type': 'VideoObject', name: 'Ferry clip', datePublished: '2001-01-01', uploadDate: '2001-01-01' };
    expect(read(page({ head: `<script type="application/ld+json">${JSON.stringify(video)}</script>` })).data.published).toBeUndefined();
  });
});

describe('titles', () => {
  it('a ruby reading (furigana) is left out of the title and the text, unless the page gives it in <rp> parentheses', () => {
    const r = read(page({ title: 'Ferry law', article: `<h1>新しい<ruby>法律<rt>ほうりつ</rt></ruby>ができる</h1><p>${prose(1)} <ruby>子<rt>こ</rt></ruby>ども <ruby>船<rp>（</rp><rt>ふね</rt><rp>）</rp></ruby></p>${body}` }));
    expect(r.data.title).toBe('新しい法律ができる');
    expect(r.body).toContain('子ども');
    expect(r.body).not.toContain('こども');
    expect(r.body).toContain('船（ふね）');
  });

  it("a heading that differs from the markup's title only in its quotes keeps its own quotes", () => {
    const r = read(page({ title: '"Welches Europa wir wollen"', article: `<h1>„Welches Europa wir wollen“</h1>${body}` }));
    expect(r.data.title).toBe('„Welches Europa wir wollen“');
    // A kicker in its own span that lost its colon is no quote: the markup's wording is the title.
    const kicker = read(page({ title: 'Ferry strike: Crews walk out at dawn', article: `<h1><span>Ferry strike</span> Crews walk out at dawn</h1>${body}` }));
    expect(kicker.data.title).toBe('Ferry strike: Crews walk out at dawn');
  });

  it("a blog's name printed as its <h1> and at one end of its <title> is the site's: the title's other end is the post's", () => {
    const archive = `<!doctype html><html><head><title>The Ferry Log &raquo; Blog Archive &raquo; Tide tables for the winter</title></head>
<body><h1>The Ferry Log</h1><div class="post"><h2>Tide tables for the winter</h2>${body}</div></body></html>`;
    expect(read(archive).data.title).toBe('Tide tables for the winter');
    const after = `<!doctype html><html><head><title>Tide tables | The Ferry Log – Harbour Blog</title></head>
<body><h1>The Ferry Log – Harbour Blog</h1><div class="post"><h1>Tide tables</h1>${body}</div></body></html>`;
    expect(read(after).data.title).toBe('Tide tables');
  });

  it('a "Navigation und Service" heading before the article is never the title', () => {
    // The article's own heading is split by an <abbr>, so no heading agrees with the markup exactly.
    const r = read(page({ title: 'Ferries keep their winter timetable', before: '<h1 class="aural">Navigation und Service</h1>', article: `<p>Ferries keep their <abbr title="a season">winter</abbr> time table</p>${body}` }));
    expect(r.data.title).toBe('Ferries keep their winter timetable');
  });

  it("a site name the page declares, glued to the markup title without spaces, is left out when no heading agrees", () => {
    const glued = `<!doctype html><html><head><title>Ferries keep their winter timetable-Ferry Gazette</title><meta property="og:site_name" content="Ferry Gazette"></head>
<body><div>${body}</div></body></html>`;
    expect(read(glued).data.title).toBe('Ferries keep their winter timetable');
    const dangling = `<!doctype html><html><head><title>Ferries keep their winter timetable -</title></head><body><div>${body}</div></body></html>`;
    expect(read(dangling).data.title).toBe('Ferries keep their winter timetable');
  });
});

describe('titles among several headings', () => {
  const shell = (head: string, main: string): string => `<!doctype html><html><head>${head}<meta property="og:site_name" content="Ferry Gazette"></head><body><main>${main}${body}</main></body></html>`;

  it("a section heading agreeing with the <title> loses to the heading agreeing with og:title", () => {
    const r = read(shell('<title>News - Ferry Gazette</title><meta property="og:title" content="Ferries keep their winter timetable">', '<h1>News</h1><h1>Ferries keep their winter timetable</h1>'));
    expect(r.data.title).toBe('Ferries keep their winter timetable');
  });

  it('a <title> of spaced parts "Site - Section - Headline" never makes the section heading the title', () => {
    const html = `<!doctype html><html><head><title>Harbour  -  Announcements - Ferries keep their winter timetable</title></head><body><h1>Announcements</h1><main><h1>Ferries keep their winter timetable</h1>${body}</main></body></html>`;
    expect(read(html).data.title).toBe('Ferries keep their winter timetable');
  });

  it("a heading printed with the site's name after a separator gives the headline alone when og:title names it", () => {
    const r = read(shell('<title>Ferries keep their winter timetable | Harbour Office</title><meta property="og:title" content="Ferries keep their winter timetable">', '<h1>Ferries keep their winter timetable | Harbour Office</h1>'));
    expect(r.data.title).toBe('Ferries keep their winter timetable');
  });
});
