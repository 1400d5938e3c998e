/**
 * Builds the real sample content (content/) and checks the site as a reader of each language meets
 * it (issue 6): every page type in every language, `<html lang>` on every page, hreflang alternates
 * that are real, existing and reciprocal across the whole build, the language switcher's fallbacks,
 * the "also in" notes and week lists that reach untranslated analyses, Russian and Belarusian
 * dates, and no English interface string on a Belarusian or Russian page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { ui } from '../../src/i18n/index.ts';
import { key, translationsOf, type AnalysisRecord, type SiteModel } from '../../src/lib/site-model.ts';
import { sitePaths } from '../../src/lib/site-paths.ts';
import { LANGUAGES, TRENDS, type Language } from '../../src/schemas/primitives.ts';
import { sampleDist } from '../helpers/shared-builds.ts';
import { loadContent } from '../helpers/content-model.ts';
import { childText, parseXml, rssChannel } from '../helpers/xml.ts';
import { htmlFiles, pagePath } from '../helpers/site-checks.ts';

/** The sample site's paths: English at the root. */
const urls = sitePaths('en');

const BASE = 'https://barometer.example.org';

let dist: string;
let model: SiteModel;
/** Every built page by URL path (`/be/weeks/`), parsed once. */
const pages = new Map<string, Root>();

beforeAll(async () => {
  dist = sampleDist();
  model = (await loadContent()).model;
  const parser = unified().use(rehypeParse);
  for (const file of htmlFiles(dist)) pages.set(pagePath(dist, file), parser.parse(readFileSync(file, 'utf8')));
}, 600_000);

/** Depth-first walk over elements; `visit` returns false to skip an element's children. */
function walk(node: Root | RootContent, visit: (el: Element) => boolean | void): void {
  if (node.type === 'element' && visit(node) === false) return;
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

/** Every element matching `test`. */
function all(tree: Root | Element, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  walk(tree, (el) => {
    if (test(el)) out.push(el);
  });
  return out;
}

/** The text of an element. */
function text(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(text).join('') : '';
}

/** A string property of an element (hast camel-cases attribute names). */
function prop(el: Element, name: string): string | undefined {
  const v = el.properties[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? v.join(' ') : undefined;
}

/** Whether an element has a class. */
function hasClass(el: Element, cls: string): boolean {
  const v = el.properties['className'];
  return Array.isArray(v) && v.includes(cls);
}

/** The parsed page at a URL path; fails the test if it was not built. */
function page(path: string): Root {
  const tree = pages.get(path);
  if (!tree) throw new Error(`no page at ${path}`);
  return tree;
}

/** The page's `<link rel="alternate" hreflang>` targets, site-relative, by hreflang. */
function alternatesOf(tree: Root): Map<string, string> {
  const links = all(tree, (el) => el.tagName === 'link' && prop(el, 'rel') === 'alternate' && prop(el, 'hrefLang') !== undefined);
  return new Map(links.map((l) => [prop(l, 'hrefLang') ?? '', (prop(l, 'href') ?? '').replace(BASE, '')]));
}

/** The language switcher's link per language (the current language has none). */
function switcherOf(tree: Root): Map<string, string> {
  const nav = all(tree, (el) => el.tagName === 'nav' && hasClass(el, 'lang-switch'))[0];
  if (!nav) return new Map();
  return new Map(all(nav, (el) => el.tagName === 'a').map((a) => [prop(a, 'hrefLang') ?? '', prop(a, 'href') ?? '']));
}

/** The `<html lang>` of a page. */
function htmlLang(tree: Root): string | undefined {
  const html = all(tree, (el) => el.tagName === 'html')[0];
  return html ? prop(html, 'lang') : undefined;
}

/** The language a URL path belongs to, from its prefix. */
function langOfPath(path: string): Language {
  return LANGUAGES.find((l) => l !== 'en' && path.startsWith(`/${l}/`)) ?? 'en';
}

/** The "In other languages" note of a page: [hreflang, href, count] per link. */
function otherLanguagesNote(tree: Root): [string, string, number][] {
  const note = all(tree, (el) => el.tagName === 'p' && hasClass(el, 'other-languages'))[0];
  if (!note) return [];
  const links = all(note, (el) => el.tagName === 'a');
  const counts = [...text(note).matchAll(/\((\d+)\)/g)].map((m) => Number(m[1]));
  return links.map((a, i) => [prop(a, 'hrefLang') ?? '', prop(a, 'href') ?? '', counts[i] ?? -1]);
}

describe('pages per language', () => {
  it('has every page type in every language', () => {
    for (const lang of LANGUAGES) {
      const expected = [
        urls.home(lang),
        urls.weeks(lang),
        ...model.allWeeks.map((w) => urls.week(lang, w)),
        urls.topics(lang),
        ...[...model.topics.keys()].map((id) => urls.topic(lang, id)),
        urls.actors(lang),
        ...[...model.actors.keys()].map((id) => urls.actor(lang, id)),
        urls.authors(lang),
        ...[...model.authors.keys()].map((id) => urls.author(lang, id)),
        urls.trends(lang),
        ...TRENDS.map((tr) => urls.trend(lang, tr)),
        urls.archive(lang),
        urls.search(lang),
        ...(model.byLang.get(lang) ?? []).map((r) => r.url),
      ];
      for (const path of expected) expect(pages.has(path), path).toBe(true);
      for (const feed of [urls.feed(lang), urls.topicFeed(lang, 'ruling-elite'), urls.actorFeed(lang, 'nato'), urls.trendFeed(lang, 'worse')]) {
        expect(existsSync(join(dist, feed)), feed).toBe(true);
      }
    }
  });

  it('has a week page in every language for every week covered in any language', () => {
    const mondays = new Set([...model.byId.values()].flatMap((r) => (r.week ? [r.week] : [])));
    expect(mondays.size).toBeGreaterThan((model.weeks.get('be') ?? []).length);
    for (const lang of LANGUAGES) for (const w of mondays) expect(pages.has(urls.week(lang, w)), `${lang} ${w}`).toBe(true);
  });

  it('sets <html lang> from the path on every page', () => {
    expect(pages.size).toBeGreaterThan(150);
    for (const [path, tree] of pages) expect(htmlLang(tree), path).toBe(path === '/404.html' ? 'en' : langOfPath(path));
  });
});

describe('hreflang alternates', () => {
  it('are reciprocal across the whole build, point at existing pages of their language, and include x-default where English exists', () => {
    let checked = 0;
    for (const [path, tree] of pages) {
      const alts = alternatesOf(tree);
      if (path === '/404.html') {
        expect(alts.size).toBe(0);
        continue;
      }
      const { 'x-default': xDefault, ...byLang } = Object.fromEntries(alts);
      // A page lists itself under its own language.
      expect(byLang[langOfPath(path)], path).toBe(path);
      expect(xDefault, `${path} x-default`).toBe(byLang['en']);
      for (const [lang, target] of Object.entries(byLang)) {
        expect(LANGUAGES as readonly string[], path).toContain(lang);
        const other = pages.get(target);
        expect(other, `${path} lists ${lang} ${target}, which does not exist`).toBeDefined();
        if (!other) continue;
        expect(langOfPath(target), `${path} -> ${target}`).toBe(lang);
        // B lists A, and indeed the very same set: alternates form one cluster per content.
        expect(Object.fromEntries(alternatesOf(other)), `${target} (listed by ${path})`).toEqual(Object.fromEntries(alts));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(pages.size);
  });

  it('agree with the sitemap\'s alternates on every page', () => {
    const sitemaps = [...readFileSync(join(dist, 'sitemap-index.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => (m[1] ?? '').replace(BASE, ''));
    expect(sitemaps.length).toBeGreaterThan(0);
    let seen = 0;
    for (const file of sitemaps) {
      const xml = readFileSync(join(dist, file), 'utf8');
      parseXml(xml);
      for (const [, entry] of xml.matchAll(/<url>([\s\S]*?)<\/url>/g)) {
        const path = (/<loc>([^<]+)<\/loc>/.exec(entry ?? '')?.[1] ?? '').replace(BASE, '');
        const links = [...(entry ?? '').matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m): [string, string] => [m[1] ?? '', (m[2] ?? '').replace(BASE, '')]);
        const html = alternatesOf(page(path));
        html.delete('x-default');
        // The sitemap leaves out a page that is its own only alternate.
        const expected = html.size === 1 ? {} : Object.fromEntries(html);
        expect(Object.fromEntries(links), path).toEqual(expected);
        seen += 1;
      }
    }
    expect(seen).toBe(pages.size - 1);
  });

  it('list only real translations on analysis pages', () => {
    for (const r of model.byId.values()) {
      const expected = [r, ...translationsOf(model, r)].map((x) => [x.lang, x.url]);
      const alts = alternatesOf(page(r.url));
      alts.delete('x-default');
      expect(Object.fromEntries(alts), r.url).toEqual(Object.fromEntries(expected));
    }
  });

  it('leave out listing pages a language does not have (page 2 of the English archive)', () => {
    const alts = alternatesOf(page('/archive/2/'));
    expect([...alts.keys()].sort()).toEqual(['en', 'x-default']);
    expect(switcherOf(page('/archive/2/')).get('ru')).toBe('/ru/archive/');
  });
});

describe('the language switcher', () => {
  it('links every other language to an existing page in that language, on every page', () => {
    for (const [path, tree] of pages) {
      const links = switcherOf(tree);
      expect(links.size, path).toBe(LANGUAGES.length - 1);
      for (const [lang, href] of links) {
        expect(pages.has(href), `${path}: ${lang} -> ${href}`).toBe(true);
        expect(langOfPath(href), `${path}: ${lang} -> ${href}`).toBe(lang);
      }
    }
  });

  it('goes to the translation of an analysis, else to the topic page (or the archive) in that language', () => {
    let fallbacks = 0;
    for (const r of model.byId.values()) {
      const translated = new Map(translationsOf(model, r).map((x) => [x.lang, x.url]));
      for (const [lang, href] of switcherOf(page(r.url))) {
        const l = lang as Language;
        const expected = translated.get(l) ?? (r.data.topic ? urls.topic(l, r.data.topic) : urls.archive(l));
        if (!translated.has(l)) fallbacks += 1;
        expect(href, `${r.url} -> ${lang}`).toBe(expected);
      }
    }
    expect(fallbacks).toBeGreaterThan(0);
  });

  it('goes to the same week in every language', () => {
    for (const w of model.allWeeks) {
      for (const lang of LANGUAGES) {
        for (const [other, href] of switcherOf(page(urls.week(lang, w)))) expect(href).toBe(urls.week(other as Language, w));
      }
    }
  });
});

describe('"also in": analyses without a version in the reader\'s language', () => {
  /** The untranslated analyses of a week for `lang`, found by scanning every record (independently of the model's index). */
  function untranslated(lang: Language, monday: string): AnalysisRecord[] {
    return [...model.byId.values()].filter((r) => r.week === monday && r.lang !== lang && !translationsOf(model, r).some((x) => x.lang === lang));
  }

  it('lists on each week page the week\'s analyses that have no version in the page\'s language, with lang, hreflang and the language name', () => {
    let listed = 0;
    for (const lang of LANGUAGES) {
      for (const w of model.allWeeks) {
        const tree = page(urls.week(lang, w));
        const expected = untranslated(lang, w);
        const section = all(tree, (el) => el.tagName === 'section' && hasClass(el, 'week-elsewhere'))[0];
        if (expected.length === 0) {
          expect(section, `${lang} ${w}`).toBeUndefined();
          continue;
        }
        expect(section, `${lang} ${w}`).toBeDefined();
        if (!section) continue;
        expect(text(section)).toContain(ui[lang].weekElsewhere.heading);
        const items = all(section, (el) => el.tagName === 'li');
        expect(items.map((li) => prop(all(li, (el) => el.tagName === 'a')[0] ?? li, 'href')).sort()).toEqual(expected.map((r) => r.url).sort());
        for (const li of items) {
          const a = all(li, (el) => el.tagName === 'a')[0];
          const r = expected.find((x) => x.url === prop(a ?? li, 'href'));
          if (!a || !r) continue;
          expect(prop(a, 'hrefLang')).toBe(r.lang);
          expect(prop(a, 'lang')).toBe(r.lang);
          expect(text(a)).toBe(r.data.title);
          expect(text(li)).toContain(`(${ui[r.lang].languageName})`);
          listed += 1;
        }
        // The page's own analyses come first; a week without any says so instead of an empty strip.
        const own = model.byWeek.get(key(lang, w)) ?? [];
        if (own.length === 0) expect(text(tree)).toContain(ui[lang].weekElsewhere.empty);
      }
    }
    expect(listed).toBeGreaterThan(0);
  });

  it('notes other languages\' versions and counts on topic, actor, author, verdict and archive pages', () => {
    const listings: [string, (l: Language) => string, Map<string, AnalysisRecord[]> | undefined, string][] = [
      ...[...model.topics.keys()].map((id): [string, (l: Language) => string, Map<string, AnalysisRecord[]>, string] => [`topic ${id}`, (l) => urls.topic(l, id), model.byTopic, id]),
      ...[...model.actors.keys()].map((id): [string, (l: Language) => string, Map<string, AnalysisRecord[]>, string] => [`actor ${id}`, (l) => urls.actor(l, id), model.byActor, id]),
      ...[...model.authors.keys()].map((id): [string, (l: Language) => string, Map<string, AnalysisRecord[]>, string] => [`author ${id}`, (l) => urls.author(l, id), model.byAuthor, id]),
      ...TRENDS.map((tr): [string, (l: Language) => string, Map<string, AnalysisRecord[]>, string] => [`verdict ${tr}`, (l) => urls.trend(l, tr), model.byTrend, tr]),
      ['archive', (l) => urls.archive(l), undefined, ''],
    ];
    let notes = 0;
    for (const [name, href, map, id] of listings) {
      const count = (l: Language) => (map ? (map.get(key(l, id))?.length ?? 0) : (model.byLang.get(l)?.length ?? 0));
      for (const lang of LANGUAGES) {
        const expected = LANGUAGES.filter((l) => l !== lang && count(l) > 0).map((l): [string, string, number] => [l, href(l), count(l)]);
        const note = otherLanguagesNote(page(href(lang)));
        expect(note, `${name} in ${lang}`).toEqual(expected);
        if (expected.length) {
          notes += 1;
          expect(text(page(href(lang)))).toContain(`${ui[lang].alsoIn}: ${ui[expected[0]?.[0] as Language].languageName} (`);
        }
      }
    }
    expect(notes).toBeGreaterThan(10);
  });
});

describe('dates and labels in the page\'s language', () => {
  it('shows Russian and Belarusian month names on analysis pages', () => {
    const slug = '2022-08-29-minsk-bets-on-a-divided-west';
    expect(text(page(urls.analysis('ru', slug)))).toMatch(/29 августа\s?–\s?4 сентября 2022/);
    expect(text(page(urls.analysis('be', slug)))).toMatch(/29 жніўня\s?–\s?4 верасня 2022/);
    expect(text(page(urls.analysis('en', slug)))).toMatch(/August 29\s?–\s?September 4, 2022/);
  });

  it('labels footnotes in the analysis\'s language', () => {
    const slug = '2024-08-26-minsk-reaches-for-the-old-balancing-act';
    for (const lang of LANGUAGES) {
      const tree = page(urls.analysis(lang, slug));
      const section = all(tree, (el) => el.tagName === 'section' && el.properties['dataFootnotes'] !== undefined)[0];
      expect(section, lang).toBeDefined();
      if (!section) continue;
      expect(text(all(section, (el) => el.tagName === 'h2')[0] ?? section)).toBe(ui[lang].footnotes.label);
      const back = all(section, (el) => el.properties['dataFootnoteBackref'] !== undefined);
      expect(back.length).toBeGreaterThan(0);
      for (const a of back) expect(prop(a, 'ariaLabel')).toBe(ui[lang].footnotes.backLabel);
    }
  });

  it('titles and links each language\'s feeds in that language', () => {
    for (const lang of LANGUAGES) {
      const site = rssChannel(readFileSync(join(dist, urls.feed(lang)), 'utf8'));
      expect(childText(site, 'language')).toBe(lang);
      expect(childText(site, 'link')).toBe(`${BASE}${urls.home(lang)}`);
      const topic = rssChannel(readFileSync(join(dist, urls.topicFeed(lang, 'ruling-elite')), 'utf8'));
      expect(childText(topic, 'link')).toBe(`${BASE}${urls.topic(lang, 'ruling-elite')}`);
    }
    expect(childText(rssChannel(readFileSync(join(dist, urls.feed('ru')), 'utf8')), 'title')).toBe(ui.ru.feeds.siteFeed('Барометр Беларуси'));
  });

  it('keeps the one 404 page in English with each other language\'s home, archive and search in that language', () => {
    const tree = page('/404.html');
    for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
      const section = all(tree, (el) => el.tagName === 'section' && prop(el, 'lang') === lang)[0];
      expect(section, lang).toBeDefined();
      if (!section) continue;
      expect(text(section)).toContain(ui[lang].notFoundTitle);
      const links = new Map(all(section, (el) => el.tagName === 'a').map((a) => [prop(a, 'href'), text(a)]));
      expect(links.get(urls.home(lang))).toBe(ui[lang].nav.home);
      expect(links.get(urls.archive(lang))).toBe(ui[lang].archiveTitle);
      expect(links.get(urls.search(lang))).toBe(ui[lang].nav.search);
    }
  });
});

describe('no English interface string on Belarusian and Russian pages', () => {
  const MARK = '\u0001';

  /** Every string of a strings object; functions are called with placeholders and numbers and split into their fixed parts. */
  function uiTexts(value: unknown): string[] {
    if (typeof value === 'string') return [value];
    if (typeof value === 'function') {
      const f = value as (...args: unknown[]) => unknown;
      const calls = [Array.from({ length: f.length }, () => MARK), Array.from({ length: f.length }, () => 1)];
      return calls.flatMap((args) => String(f(...args)).split(/\u0001|\d+/));
    }
    if (value && typeof value === 'object') return Object.values(value).flatMap(uiTexts);
    return [];
  }

  /** The strings of JSON data in a page, where `[id, label]` pairs count by their label only (ids are not text). */
  function jsonLabels(value: unknown): string[] {
    if (typeof value === 'string') return [value];
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return [value[1]];
    // The search page's actor and topic spellings in every language are data for matching a query, not labels.
    if (value && typeof value === 'object') return Object.entries(value).filter(([k]) => k !== 'actors' && k !== 'topics').flatMap(([, v]) => jsonLabels(v));
    return [];
  }

  /**
   * The interface text of a page: text and labelling attributes, but not the analysis body and
   * sources (the author's words, in the analysis's language), the citation code blocks (data
   * formats), the hidden list of actor names and aliases in every spelling the search index
   * reads (proper names), nor URLs. Inside the body, the footnote section's heading and its
   * back-link labels are interface text, so they are kept.
   */
  function interfaceText(tree: Root): string {
    const out: string[] = [];
    const visit = (node: Root | RootContent, inBody: boolean): void => {
      if (node.type === 'element' && node.tagName === 'script' && prop(node, 'type') === 'application/json') {
        out.push(...jsonLabels(JSON.parse(text(node))));
        return;
      }
      if (node.type === 'text') {
        if (!inBody) out.push(node.value);
        return;
      }
      let body = inBody;
      if (node.type === 'element') {
        const p = node.properties;
        if (prop(node, 'dataPagefindMeta') === 'names' || hasClass(node, 'sources') || hasClass(node, 'cite-code')) return;
        if (hasClass(node, 'prose')) body = true;
        if (p['dataFootnotes'] !== undefined) {
          const heading = all(node, (el) => /^h[1-6]$/.test(el.tagName))[0];
          if (heading) out.push(text(heading));
        }
        if (!body || p['dataFootnoteBackref'] !== undefined) {
          for (const attr of ['ariaLabel', 'title', 'alt', 'placeholder', 'content', 'label']) {
            const v = prop(node, attr);
            if (v !== undefined) out.push(v);
          }
        }
      }
      if ('children' in node) for (const child of node.children) visit(child, body);
    };
    visit(tree, false);
    return out.join('\n').replace(/https?:\/\/\S+/g, ' ');
  }

  it('shows none of the English interface strings (8 characters or more) outside the article text', () => {
    const english = [...new Set(uiTexts(ui.en).map((s) => s.trim()))].filter((s) => s.length >= 8);
    expect(english).toContain('Back to the text');
    expect(english).toContain('Only in other languages');
    let checked = 0;
    for (const lang of ['be', 'ru'] as const) {
      // An English string that is part of this language's own strings (e.g. "BibTeX (biblatex)") may appear.
      const own = uiTexts(ui[lang]).join('\n');
      const needles = english.filter((s) => !own.includes(s));
      expect(needles.length).toBeGreaterThan(50);
      for (const [path, tree] of pages) {
        if (langOfPath(path) !== lang) continue;
        const shown = interfaceText(tree);
        for (const s of needles) expect(shown.includes(s), `${path} shows "${s}"`).toBe(false);
        checked += 1;
      }
      for (const feed of [urls.feed(lang), urls.topicFeed(lang, 'ruling-elite'), urls.trendFeed(lang, 'worse')]) {
        const channel = rssChannel(readFileSync(join(dist, feed), 'utf8'));
        for (const s of needles) expect(`${childText(channel, 'title')}\n${childText(channel, 'description')}`.includes(s), `${feed} shows "${s}"`).toBe(false);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('keeps footnote labels and the search index\'s hidden data out of the body check only, not out of the page', () => {
    const slug = '2024-08-26-minsk-reaches-for-the-old-balancing-act';
    const shown = interfaceText(page(urls.analysis('ru', slug)));
    expect(shown).toContain(ui.ru.footnotes.label);
    expect(shown).toContain(ui.ru.footnotes.backLabel);
    expect(shown).not.toContain('Молдова отмечает');
  });
});
