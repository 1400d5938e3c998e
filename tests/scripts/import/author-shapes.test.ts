/**
 * Authors in the shapes real pages print them (issue 23; every fixture written for these tests):
 * blog bylines in author/vcard markup beside commenters' names, labels with no name ("Posted on"),
 * dates run into a byline, a site's own name in JSON-LD beside a named reporter, a CMS account as
 * the meta author, "By" glued to the name.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { markupBylines } from '../../../scripts/import/byline-markup.ts';
import { normalizeAuthor, splitAuthorList } from '../../../scripts/import/names.ts';
import { type PageResult, parsePage } from '../../../scripts/import/parse-page.ts';
import { fixtureTaxonomy } from '../../fixtures/import/helpers.ts';

const taxonomy = fixtureTaxonomy();
const prose = (n: number): string => `Paragraph ${n} of the invented harbour report says something long enough to count as prose here.`;

/** A blog or news page: head markup, a header line above the text, the text, comments and a teaser list, in wrappers whose classes name sidebars and comments (as themes' do). */
function page(parts: { head?: string; byline?: string; jsonLd?: object; after?: string; lead?: string; end?: string }): string {
  const ld = parts.jsonLd === undefined ? '' : `<script type="application/ld+json">${JSON.stringify(parts.jsonLd)}</script>`;
  return `<!doctype html><html><head><title>Harbour cranes stand still | Harbour Notes</title><meta property="og:site_name" content="Harbour Notes">${parts.head ?? ''}${ld}</head>
<body class="single-post has-sidebar"><header><a href="/">Harbour Notes</a><nav><a href="/news">News</a></nav></header>
<div id="content" class="site-content with-comments"><main><article><header><h1>Harbour cranes stand still</h1><div class="entry-meta">${parts.byline ?? ''}</div></header>
<div class="entry-content">${parts.lead ?? ''}<p>${prose(1)}</p><p>${prose(2)}</p><p>${prose(3)}</p>${parts.end ?? ''}</div></article>
${parts.after ?? ''}
<div id="comments"><ol class="comment-list"><li class="comment"><div class="comment-author vcard"><cite class="fn">Ola Commenter</cite> says:</div><p>Nice harbour piece, thanks.</p></li>
<li class="comment"><div class="comment-author vcard"><cite class="fn">Per Reader</cite> says:</div><p>I disagree about the cranes.</p></li></ol></div></main></div>
<aside class="widget related-posts"><h3>More</h3><ul><li><a href="/a">Dock workers vote</a> <span class="author">Kari Teaser</span></li></ul></aside>
<footer><p>All rights reserved.</p></footer></body></html>`;
}
const read = (html: string): PageResult => parsePage({ file: 'page.html', text: html, format: 'html' }, taxonomy, {});
const names = (html: string): string[] => read(html).authors.map((a) => a.name);

describe('bylines in blog and news markup', () => {
  it('a WordPress byline ("Posted by" and an author vcard) names the author, never a commenter or a label', () => {
    expect(names(page({ byline: '<span class="byline">Posted by <span class="author vcard"><a class="url fn n" href="/author/cem">Cem Example</a></span></span>' }))).toEqual(['Cem Example']);
    expect(names(page({ byline: '<span class="meta-prep meta-prep-author">Posted on</span> <a href="/2019/10/22/"><span class="entry-date">22 October 2019</span></a> <span class="by-author"><span class="sep">by</span> <span class="author vcard"><a class="url fn n" href="/author/marc">marc</a></span></span>' }))).toEqual(['marc']);
  });

  it('a date run into the byline is left out', () => {
    expect(names(page({ byline: '<div class="post-byline">von Limes Writer · 22. Oktober 2019</div>' }))).toEqual(['Limes Writer']);
    expect(names(page({ byline: '<div class="post-byline">29. Juni 2017, 23:39 · von Tobi</div>' }))).toEqual(['Tobi']);
  });

  it("the site's own name as the JSON-LD author gives way to a reporter named in the byline", () => {
    const jsonLd = { '@type': 'NewsArticle', headline: 'Harbour cranes stand still', datePublished: '2025-02-11', author: { '@type': 'Organization', name: 'Harbour Notes' } };
    expect(names(page({ jsonLd, byline: '<div class="article__author">Von Seb Example, Lille</div>' }))).toEqual(['Seb Example']);
    // With no person named anywhere, the outlet stays the author.
    expect(names(page({ jsonLd }))).toEqual(['Harbour Notes']);
    // An agency named in the byline is more specific than the site's own name.
    expect(names(page({ jsonLd, lead: '<p>Von dpa</p>' }))).toEqual(['dpa']);
  });

  it('a meta author that is an address or a CMS account gives way to the byline element', () => {
    expect(names(page({ head: '<meta name="author" content="a.example@harbour-notes.example">', byline: '<p class="wp-block-author">Von Anna Example, Frankfurt</p>' }))).toEqual(['Anna Example']);
    expect(names(page({ head: '<meta name="author" content="admin">', byline: '<div class="entry-content__authors">Von Tobias Example</div>' }))).toEqual(['Tobias Example']);
  });

  it('a user name in JSON-LD gives way to the same person written as a name; a fuller byline list wins over a partial one', () => {
    const ld = (author: object): object => ({ '@type': 'NewsArticle', headline: 'Harbour cranes stand still', datePublished: '2025-02-11', author });
    expect(names(page({ jsonLd: ld({ '@type': 'Person', name: 'rolf.example' }), head: '<meta name="author" content="Rolf Example">' }))).toEqual(['Rolf Example']);
    expect(names(page({ jsonLd: ld({ '@type': 'Person', name: 'Rudi Example' }), byline: '<span class="meta-item author">von Rudi Example, Simone Sample</span>' }))).toEqual(['Rudi Example', 'Simone Sample']);
    // Buttons and roles beside the names are not more authors.
    expect(names(page({ jsonLd: ld({ '@type': 'Person', name: 'Rudi Example' }), byline: '<span class="meta-item author">Rudi Example</span> <span class="meta-item author">News Reporter</span> <span class="meta-item author">Follow</span> <span class="meta-item author">Foto</span>' }))).toEqual(['Rudi Example']);
    // Names from other elements of the byline box are no co-authors: a link to the author's page, a desk credited below the writer.
    expect(names(page({ jsonLd: ld({ '@type': 'Person', name: 'Rudi Example' }), byline: '<span class="meta-item author">Von Rudi Example</span> <a class="meta-item author">Alle Artikel</a>' }))).toEqual(['Rudi Example']);
    expect(names(page({ head: '<meta name="author" content="Elisa Example">', byline: '<span class="byline">Geschrieben von Elisa Example</span> <span class="byline">Geschrieben von Harbour Voices Desk</span>' }))).toEqual(['Elisa Example']);
    // A blog whose only author is a user name keeps it.
    expect(names(page({ jsonLd: ld({ '@type': 'Person', name: 'gizmo42' }) }))).toEqual(['gizmo42']);
  });

  it('a control label or a clip length in byline markup is no author; the outlet in JSON-LD stays', () => {
    const jsonLd = { '@type': 'NewsArticle', headline: 'Harbour cranes stand still', datePublished: '2025-02-11', author: { '@type': 'Organization', name: 'Harbour Notes' } };
    expect(names(page({ jsonLd, byline: '<div class="author-tools"><button>x</button><span>Themen bearbeiten</span></div>' }))).toEqual(['Harbour Notes']);
    expect(names(page({ jsonLd, byline: '<span class="byline">Quelle: sid</span>' }))).toEqual(['Harbour Notes']);
  });

  it("the site's own name listed beside a reporter is left out", () => {
    const jsonLd = { '@type': 'NewsArticle', headline: 'Harbour cranes stand still', datePublished: '2025-02-11', author: [{ '@type': 'Organization', name: 'Harbour Notes' }, { '@type': 'Person', name: 'Mira Example' }] };
    expect(names(page({ jsonLd }))).toEqual(['Mira Example']);
  });

  it('a JSON-LD author in a graph, referenced by @id, is read', () => {
    const jsonLd = { '@context': 'https://schema.org', '@graph': [{ '@type': 'Article', headline: 'Harbour cranes stand still', author: { '@id': '#/schema/person/1' } }, { '@type': 'Person', '@id': '#/schema/person/1', name: 'Ivo Graphson' }] };
    expect(names(page({ jsonLd }))).toEqual(['Ivo Graphson']);
  });
});

describe('authors named only elsewhere on the page', () => {
  it('a labelled byline line in the page (any of the languages in the label table) names the author', () => {
    expect(names(page({ byline: '<p class="postmetadata">Geschrieben von Otto Example am 24. Juli 2017</p>' }))).toEqual(['Otto Example']);
    expect(names(page({ byline: '<div class="meta">Written by: Lena Sample</div>' }))).toEqual(['Lena Sample']);
    expect(names(page({ byline: '<div class="meta">Posted by Ana Example, Bo Sample and Cy Example - Harbour Safety team</div>' }))).toEqual(['Ana Example', 'Bo Sample', 'Cy Example']);
    expect(names(page({ byline: '<p class="infos">par <span>Lise Exemple</span>, 21 juin 2018</p>' }))).toEqual(['Lise Exemple']);
    expect(names(page({ byline: '<div class="info"><span>Autor:</span> Fritz Example<br>Quelle: Harbour Notes</div>' }))).toEqual(['Fritz Example']);
    expect(names(page({ after: '<div class="editor">责任编辑： 张小明</div>' }))).toEqual(['张小明']);
  });

  it('a byline line at the start or the end of the article text names the author and leaves the body', () => {
    const lead = read(page({ lead: '<p>Von Klara Example</p>' }));
    expect(lead.authors.map((a) => a.name)).toEqual(['Klara Example']);
    expect(lead.body).not.toContain('Klara');
    expect(lead.dropped).toContainEqual({ text: 'Von Klara Example', reason: 'byline' });
    const end = read(page({ end: '<p><em>Text: Jonas Example</em></p>' }));
    expect(end.authors.map((a) => a.name)).toEqual(['Jonas Example']);
    expect(end.body).not.toContain('Jonas');
    // A credit after the name is no co-author.
    expect(names(page({ end: '<p><em>Text von Jonas Example Illustration von Mara Sample</em></p>' }))).toEqual(['Jonas Example']);
  });

  it('byline lines of teasers (several lines naming different people) are no author; the meta author stays', () => {
    const teasers = '<div class="more"><p>Von Ines Example</p><p>Von Henrik Sample</p></div>';
    expect(names(page({ head: '<meta name="author" content="Harbour Notes">', after: teasers }))).toEqual(['Harbour Notes']);
  });

  it("a script's author key is a last resort: it never overrides the meta author, and 'anonymous' is nobody", () => {
    expect(names(page({ head: '<meta name="author" content="AFP"><script>dataLayer = [{"author":"Team News"}];</script>' }))).toEqual(['AFP']);
    expect(names(page({ head: '<script>var d = {"author":"匿名"};</script>' }))).toEqual([]);
  });

  it("initials in the byline markup do not beat the site's own name; an outlet in capitals after the writer is no co-author", () => {
    const jsonLd = { '@type': 'NewsArticle', headline: 'Harbour cranes stand still', datePublished: '2025-02-11', author: { '@type': 'Organization', name: 'Harbour Notes' } };
    expect(names(page({ jsonLd, byline: '<span class="author">amw</span>' }))).toEqual(['Harbour Notes']);
    // An agency's acronym in JSON-LD stays before its long name in the markup.
    expect(names(page({ jsonLd: { ...jsonLd, author: 'HWA' }, byline: '<span class="author">HWA Nachrichtenagentur</span>' }))).toEqual(['HWA']);
    expect(names(page({ byline: '<p class="meta">Von David Example, HARBOUR RADIO</p>' }))).toEqual(['David Example']);
  });

  it('an ad label, a publishing label after the name or a description before it is no part of a byline; an outlet named "Today" is a name', () => {
    expect(names(page({ byline: '<p class="x">Von Gesponserte Inhalte</p>' }))).toEqual([]);
    expect(names(page({ byline: '<p class="x">Von Herr_Rein Veröffentlicht</p>' }))).toEqual(['Herr_Rein']);
    expect(names(page({ byline: '<p class="x">Ein Beitrag von Informatikerin und Netzphilosophin Lea Example</p>' }))).toEqual([]);
    expect(names(page({ head: '<meta name="author" content="Harbour Today">' }))).toEqual(['Harbour Today']);
  });

  it('a byline line that also names an affiliation stays in the body (only a bare byline leaves it)', () => {
    const r = read(page({ end: '<p>Autor: Steffen Example, Landesanstalt für Hafenbau, Kiel</p>' }));
    expect(r.authors.map((a) => a.name)).toEqual(['Steffen Example']);
    expect(r.body).toContain('Landesanstalt für Hafenbau');
  });

  it('a sentence, a date label, a weekday or a page control is never taken for a byline', () => {
    expect(names(page({ lead: '<p>Von am 21/02/2021. Abgelegt unter Hafen.</p>' }))).toEqual([]);
    expect(names(page({ byline: '<p class="meta">Par département</p>' }))).toEqual([]);
    const sentence = read(page({ lead: '<p>Von Hamburg aus fahren die Schiffe nach Norden.</p>' }));
    expect(sentence.authors).toEqual([]);
    expect(sentence.body).toContain('Von Hamburg aus');
    expect(names(page({ byline: '<p class="x">By the harbour, the cranes stand still</p>' }))).toEqual([]);
    expect(names(page({ byline: '<span class="author">Donnerstag</span>' }))).toEqual([]);
    expect(names(page({ byline: '<span class="byline">Datum: 12.03.2021</span>' }))).toEqual([]);
    expect(names(page({ byline: '<div class="author">Zum Rezept Drucken Pinnen</div>' }))).toEqual([]);
    expect(names(page({ byline: '<div class="author-box"><a class="author">Show All Articles OF</a><span class="author">Heiko Example</span></div>' }))).toEqual(['Heiko Example']);
  });

  it('author meta tags in other spellings and names are read', () => {
    expect(names(page({ head: '<meta name="Author" content="Petra Example">' }))).toEqual(['Petra Example']);
    expect(names(page({ head: '<meta name="shareaholic:article_author_name" content="Wolf Example">' }))).toEqual(['Wolf Example']);
    expect(names(page({ head: '<meta property="article:author_name" content="Daniel Example">' }))).toEqual(['Daniel Example']);
  });

  it('an author key in a page script (a dataLayer, a state object) names the author when nothing else does', () => {
    expect(names(page({ head: "<script>dataLayer = [{ 'pageCategory': 'news', 'author': 'Rudi Example' }];</script>" }))).toEqual(['Rudi Example']);
    expect(names(page({ head: '<script>window.__INITIAL_STATE__ = {"article":{"id":7,"postedBy":"Cara Example"}};</script>' }))).toEqual(['Cara Example']);
    expect(names(page({ head: '<script>var d = {"authors":["Ana Example","Bo Sample"]};</script>' }))).toEqual(['Ana Example', 'Bo Sample']);
    for (const value of ['undefined', '', 'https://harbour.example/authors/7', 'news', '12345']) expect(names(page({ head: `<script>dataLayer = [{"author":"${value}"}];</script>` })), value).toEqual([]);
  });

  it('a JSON-LD author of a recipe or a series is read, and JSON-LD with a raw line break in a string still parses', () => {
    expect(names(page({ jsonLd: { '@type': 'Recipe', name: 'Harbour cake', author: { '@type': 'Person', name: 'Kuchenfee Example' } } }))).toEqual(['Kuchenfee Example']);
    const broken = '<script type="application/ld+json">{"@type":"BlogPosting","headline":"Harbour cranes stand still","articleBody":"one\ntwo","author":{"@type":"Person","name":"Jaco Example"}}</script>';
    expect(names(page({ head: broken }))).toEqual(['Jaco Example']);
  });

  it("a Blogger post's byline is read, though the theme wraps the whole post in a widget and the <h1> is the blog's name", () => {
    const blogger = `<!doctype html><html><head><title>Harbour Notes: Tach auch</title></head><body><div class="header section"><div class="widget Header" id="Header1"><h1 class="title">Harbour Notes</h1></div></div>
<div class="main-inner"><div class="widget Blog" id="Blog1"><div class="post hentry" itemprop="blogPost"><h3 class="post-title entry-title">Tach auch</h3>
<div class="post-body entry-content"><p>${prose(1)}</p><p>${prose(2)}</p></div>
<div class="post-footer"><span class="post-author vcard">Eingestellt von <span class="fn">der Michel</span></span></div></div>
<div class="comments"><span class="comment-author">Kommentator Example</span></div></div></div></body></html>`;
    expect(markupBylines(parseHTML(blogger).document as unknown as Document)[0]).toEqual(['Eingestellt von der Michel']);
  });
});

describe('printed names cleaned', () => {
  const context = { siteNames: ['Harbour Notes'] };
  it('an agency named with its article stays whole; an agency after a list of names is one more author', () => {
    expect(normalizeAuthor('The Associated Press', context)).toEqual({ name: 'The Associated Press', kind: 'organisation' });
    expect(normalizeAuthor('Harbour Notes et AFP', context)?.name).toBe('Harbour Notes et AFP');
    expect(normalizeAuthor('SID Nachrichtenagentur', context)?.kind).toBe('organisation');
    expect(normalizeAuthor('Harbour Notes', { siteNames: ['harbour-notes.example'] })?.kind).toBe('organisation');
    // A publishing house named with the site's name is one organisation, not a person called "Casa Editorial".
    expect(normalizeAuthor('Casa Editorial Harbour Notes', context)).toEqual({ name: 'Casa Editorial Harbour Notes', kind: 'organisation' });
    expect(splitAuthorList('Felix Example und Jörg Sample, dpa')).toEqual(['Felix Example', 'Jörg Sample', 'dpa']);
    expect(splitAuthorList('Anna Example, Frankfurt')).toEqual(['Anna Example, Frankfurt']);
  });
  it('an honorific stays with the name it precedes when the rest is the blog\'s own name', () => {
    expect(normalizeAuthor('Frau Example', { siteNames: ['Frau Example sagt', 'example'] })?.name).toBe('Frau Example');
    expect(normalizeAuthor('Herr Example', { siteNames: ['example'] })?.name).toBe('Herr Example');
  });
  it('labels without a name are no author', () => {
    for (const label of ['Published by', 'Posted on', 'By', 'Veröffentlicht am', 'No Author', 'admin', 'ca. 8 Min. 12.01.2022', '5 min read']) expect(normalizeAuthor(label, context), label).toBeUndefined();
  });
  it('byline words and trailing dates or times go', () => {
    expect(normalizeAuthor('ByJane Roe', context)?.name).toBe('Jane Roe');
    expect(normalizeAuthor('ByJ.R. Example', context)?.name).toBe('J.R. Example');
    expect(normalizeAuthor('Harbour Notes - Alba Example', context)?.name).toBe('Alba Example');
    expect(normalizeAuthor('Veröffentlicht von Cem Example', context)?.name).toBe('Cem Example');
    expect(normalizeAuthor('Posted by Günter W. Example at 18:52', context)?.name).toBe('Günter W. Example');
    expect(normalizeAuthor('Jörn Example am 08.12.2022', context)?.name).toBe('Jörn Example');
    expect(normalizeAuthor('Harbour Desk vor 5 Stunden', context)?.name).toBe('Harbour Desk');
    expect(normalizeAuthor('Sara Example Stand: 12.05.2023', context)?.name).toBe('Sara Example');
    expect(normalizeAuthor('Christoph Example Chefredakteur', context)).toEqual({ name: 'Christoph Example', kind: 'person', role: 'Chefredakteur' });
    expect(normalizeAuthor('Christian Example, 07 Dezember, 2022', context)?.name).toBe('Christian Example');
    expect(normalizeAuthor('Eingestellt von Weinfan', context)?.name).toBe('Weinfan');
    expect(normalizeAuthor('Interview: Julia Example', context)?.name).toBe('Julia Example');
  });
});
