/**
 * The script-injection corpus (tests/fixtures/xss/) without a browser: the validator accepts it
 * (warning about what sanitising removes), every built page is free of scripts, handlers, styles,
 * frames and scripted URLs, every frontmatter and taxonomy text reaches the page as text, the
 * feeds stay well-formed, and URL fields refuse every scheme but http(s).
 * tests/e2e/xss.spec.ts loads the same pages in Chromium.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Element, Root } from 'hast';
import { toString as hastText } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { XMLValidator } from 'fast-xml-parser';
import { readContentTree } from '../helpers/content-tree.ts';
import { validateContent } from '../../src/content-reader/index.ts';
import { buildSite } from '../helpers/build-site.ts';
import { injectionProblems, parsePage } from '../helpers/injection-checks.ts';
import { BASE_FILES, md, tree, VALID_WEEKLY } from '../helpers/memory-tree.ts';
import { htmlFiles, pagePath } from '../helpers/site-checks.ts';
import { parseXml } from '../helpers/xml.ts';

const FIXTURE = 'tests/fixtures/xss';
const CONTENT = join(FIXTURE, 'content');

let dir: string;
let dist: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-xss-'));
  dist = join(dir, 'dist');
  await buildSite(resolve(CONTENT), dist, join(dir, 'cache'));
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A YAML file of the fixture, parsed. */
function yamlOf(path: string): Record<string, unknown> {
  return parse(readFileSync(join(CONTENT, path), 'utf8')) as Record<string, unknown>;
}

/** The frontmatter of a fixture analysis, parsed. */
function frontmatterOf(path: string): Record<string, unknown> {
  const text = readFileSync(join(CONTENT, 'analyses', path), 'utf8');
  return parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as Record<string, unknown>;
}

/** A localized text of the fixture in one language (or the single string). */
function loc(value: unknown, lang: string): string {
  if (typeof value === 'string') return value;
  const map = value as Record<string, string>;
  return map[lang] ?? map['en'] ?? '';
}

/** A built page parsed to hast. */
async function hastOf(path: string): Promise<Root> {
  return unified().use(rehypeParse).parse(await readFile(join(dist, path, 'index.html'), 'utf8'));
}

/** Text of every element matching `test`, in document order. */
function texts(root: Root, test: (el: Element) => boolean): string[] {
  const out: string[] = [];
  visit(root, 'element', (el: Element) => {
    if (test(el)) out.push(hastText(el).trim());
  });
  return out;
}

/** Whether an element has a class. */
const hasClass = (el: Element, name: string) => Array.isArray(el.properties['className']) && el.properties['className'].includes(name);

/** An attribute of the first element matching `test`. */
function attribute(root: Root, test: (el: Element) => boolean, key: string): string | undefined {
  let found: string | undefined;
  visit(root, 'element', (el: Element) => {
    if (found === undefined && test(el)) found = String(el.properties[key] ?? '');
  });
  return found;
}

describe('the script-injection corpus', () => {
  it('is valid content: sanitising is reported as warnings, never as errors', async () => {
    const report = validateContent(await readContentTree(CONTENT), CONTENT);
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const warnings = report.problems.filter((p) => p.severity === 'warning');
    expect(warnings.length).toBeGreaterThan(60);
    for (const w of warnings) expect(w.message).toMatch(/removed when the (?:page|site) is built/);
  });

  it('publishes the logo without its script, handlers, style sheet, links or foreign content, still drawing', async () => {
    const logo = await readFile(join(dist, 'logo.svg'), 'utf8');
    expect(logo).not.toMatch(/<script|<style|<foreignObject|<iframe|<set|<animate|\son[a-z]+=|javascript:|evil\.example|<!ENTITY/i);
    expect(XMLValidator.validate(logo)).toBe(true);
    expect(logo).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(logo).toContain('fill="url(#sky)"');
    expect(logo).toContain('<circle cx="18" cy="18" r="9" fill="#fff"></circle>');
  });

  it('builds pages of every type in every language', () => {
    const paths = htmlFiles(dist).map((f) => pagePath(dist, f));
    for (const prefix of ['/', '/be/', '/ru/']) {
      for (const page of ['', 'analyses/2024-01-01-body-payloads/', 'topics/scripted-topic/', 'actors/injector/', 'authors/mallory-markup/', 'weeks/2024-01-01/', 'trends/worse/', 'trends/2024/', 'search/']) {
        expect(paths, `${prefix}${page}`).toContain(`${prefix}${page}`);
      }
    }
    expect(paths).toContain('/analyses/2024-01-10-field-payloads/');
  });

  it('leaves no script, handler, style, frame, base, refresh or scripted URL on any page', async () => {
    const files = htmlFiles(dist);
    expect(files.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const file of files) {
      const path = pagePath(dist, file);
      problems.push(...injectionProblems(parsePage(await readFile(file, 'utf8')), { path, searchPage: /^\/(?:(?:be|ru)\/)?search\/$/.test(path), cspMeta: true }));
    }
    expect(problems).toEqual([]);
  });

  it('shows every frontmatter text field of an analysis as text, exactly', async () => {
    const data = frontmatterOf('en/2024-01-10-field-payloads.md');
    const page = await hastOf('analyses/2024-01-10-field-payloads');
    const sources = data['sources'] as Record<string, string>[];
    const cover = data['cover'] as Record<string, string>;
    const origin = data['origin'] as Record<string, string>;
    expect(texts(page, (el) => el.tagName === 'h1')).toEqual([data['title']]);
    expect(texts(page, (el) => el.tagName === 'title')[0]).toContain(String(data['title']));
    expect(texts(page, (el) => hasClass(el, 'subtitle'))).toEqual([data['subtitle']]);
    expect(attribute(page, (el) => el.tagName === 'meta' && el.properties['name'] === 'description', 'content')).toBe(data['summary']);
    // No cover image is shown, so no "Image: …" credit is printed either (issue 13).
    expect(texts(page, (el) => hasClass(el, 'cover-credit'))).toEqual([]);
    expect(JSON.stringify(page)).not.toContain(String(cover['credit']));
    const items = texts(page, (el) => el.tagName === 'li' && texts({ type: 'root', children: [el] }, (a) => a.tagName === 'a').length > 0);
    expect(texts(page, (el) => el.tagName === 'a' && el.properties['href'] === sources[0]?.['url'])).toEqual([sources[0]?.['title']]);
    expect(texts(page, (el) => hasClass(el, 'outlet'))).toEqual([sources[0]?.['outlet']]);
    expect(items.some((li) => li.includes(`(${sources[0]?.['note'] ?? ''})`))).toBe(true);
    expect(items.some((li) => li.includes(`(${sources[1]?.['note'] ?? ''})`))).toBe(true);
    expect(texts(page, (el) => el.tagName === 'a' && el.properties['href'] === origin['url'])[0]).toContain(origin['outlet']);
    // cover.alt is not shown (no image is published), so it has nowhere to appear.
    expect(JSON.stringify(page)).not.toContain('cover alt');
  });

  it('shows taxonomy and site texts as text in every language', async () => {
    const site = yamlOf('site.yaml');
    const topic = yamlOf('topics/scripted-topic.yaml');
    const actor = yamlOf('actors/injector.yaml');
    const author = yamlOf('authors/mallory-markup.yaml');
    const verdicts = site['verdicts'] as Record<string, unknown>;
    for (const lang of ['en', 'be', 'ru']) {
      const prefix = lang === 'en' ? '' : `${lang}/`;
      const home = await hastOf(prefix);
      expect(texts(home, (el) => hasClass(el, 'site-title'))).toEqual([loc(site['title'], lang)]);
      expect(attribute(home, (el) => el.tagName === 'meta' && el.properties['name'] === 'description', 'content')).toBe(loc(site['description'], lang));
      const topicPage = await hastOf(`${prefix}topics/scripted-topic`);
      expect(texts(topicPage, (el) => el.tagName === 'h1')).toEqual([loc(topic['name'], lang)]);
      expect(texts(topicPage, (el) => el.tagName === 'main')[0]).toContain(loc(topic['description'], lang));
      const actorPage = await hastOf(`${prefix}actors/injector`);
      expect(texts(actorPage, (el) => el.tagName === 'h1')[0]).toContain(loc(actor['name'], lang));
      expect(texts(actorPage, (el) => hasClass(el, 'lead'))[0]).toContain(loc(actor['role'], lang));
      const authorPage = await hastOf(`${prefix}authors/mallory-markup`);
      const authorName = lang === 'en' ? String(author['name']) : loc(author['names'], lang);
      expect(texts(authorPage, (el) => el.tagName === 'h1')).toEqual([authorName]);
      expect(texts(authorPage, (el) => hasClass(el, 'lead'))).toEqual([loc(author['bio'], lang)]);
      expect(texts(authorPage, (el) => el.tagName === 'main')[0]).toContain(String(author['affiliation']));
      const worse = await hastOf(`${prefix}trends/worse`);
      expect(texts(worse, (el) => el.tagName === 'h1')[0]).toContain(loc(verdicts['worse'], lang));
      const analysis = await hastOf(`${prefix}analyses/2024-01-01-body-payloads`);
      const data = frontmatterOf(`${lang}/2024-01-01-body-payloads.md`);
      expect(texts(analysis, (el) => el.tagName === 'h1')).toEqual([data['title']]);
      expect(texts(analysis, (el) => el.tagName === 'footer')[0]).toContain(loc(site['title'], lang));
    }
  });

  it('keeps every feed well-formed, with payloads as text in RSS elements only', async () => {
    const feeds = readdirSync(dist, { recursive: true }).map(String).filter((f) => f.endsWith('rss.xml')).map((f) => join(dist, f));
    expect(feeds.length).toBeGreaterThan(20);
    const allowed = new Set(['rss', 'channel', 'title', 'description', 'link', 'language', 'atom:link', 'item', 'guid', 'pubDate', 'dc:creator', 'category', 'lastBuildDate']);
    const titles = new Set<string>();
    for (const feed of feeds) {
      const doc = parseXml(await readFile(feed, 'utf8'));
      const names = Array.from(doc.getElementsByTagName('*'), (el) => el.nodeName);
      expect(names.filter((n) => !allowed.has(n)), feed).toEqual([]);
      for (const item of Array.from(doc.getElementsByTagName('item'))) titles.add(item.getElementsByTagName('title')[0]?.textContent ?? '');
    }
    expect(titles).toContain(frontmatterOf('en/2024-01-10-field-payloads.md')['title']);
    expect(titles).toContain(frontmatterOf('ru/2024-01-01-body-payloads.md')['title']);
  });
});

describe('the page checks themselves', () => {
  // Unsanitised markup of every kind the corpus tries: each must be reported, or the clean result
  // over the built site would prove nothing.
  const raw = `<!doctype html><html><head><meta http-equiv="refresh" content="0; url=javascript:alert(1)">
    <base href="https://evil.example/"><style>body { display: none }</style><link rel="stylesheet" href="https://evil.example/x.css">
    </head><body><script>window.__xss = 1</script><img src=x onerror="window.__xss = 1"><a href=" JaVa&#x09;ScRiPt:alert(1)">a</a>
    <iframe srcdoc="x"></iframe><p style="display: none">p</p><form action="javascript:alert(1)"></form><a id="__xss">c</a>
    <div class="prose"><svg onload="alert(1)"></svg><math><mi>m</mi></math></div><template><img src=x OnError="alert(1)"></template>
    <object data="data:text/html,x"></object></body></html>`;
  const problems = injectionProblems(parsePage(raw), { path: '/p/', searchPage: false, cspMeta: true });

  it.each([
    ['a refresh', /<meta> http-equiv="refresh"/],
    ['a base', /<base> element is not allowed/],
    ['a style element', /<style> element is not allowed/],
    ['a foreign stylesheet', /<link> stylesheet https:\/\/evil/],
    ['a script', /<script> script/],
    ['an event handler', /<img> event handler onerror/],
    ['a scripted scheme hidden by case, whitespace and an entity', /<a> href=" JaVa\tScRiPt:alert\(1\)"/],
    ['a frame', /<iframe> element is not allowed/],
    ['srcdoc', /<iframe> srcdoc/],
    ['a style attribute', /<p> style="display: none"/],
    ['a scripted form action', /<form> action="javascript:alert\(1\)"/],
    ['a clobbering id', /<a> id="__xss"/],
    ['SVG in rendered Markdown', /<svg> element is not allowed in rendered Markdown/],
    ['MathML in rendered Markdown', /<math> element is not allowed in rendered Markdown/],
    ['a handler inside a template', /<img> event handler onerror="alert\(1\)"/],
    ['a data: object', /<object> data="data:text\/html,x"/],
    ['a missing CSP', /0 content-security-policy <meta> elements, expected 1/],
  ])('reports %s', (_, pattern) => {
    expect(problems.some((p) => pattern.test(p)), problems.join('\n')).toBe(true);
  });
});

describe('URL fields refuse every scheme but http(s)', () => {
  const attempts = JSON.parse(readFileSync(join(FIXTURE, 'url-attempts.json'), 'utf8')) as string[];
  /** Where a URL can be written, and the content tree that puts one there. */
  const fields: [string, string, (url: string) => Record<string, string>][] = [
    ['sources.0.url', 'content/analyses/en/x.md', (url) => ({ 'content/analyses/en/x.md': md(`${VALID_WEEKLY}\nsources:\n  - { title: A source, url: ${JSON.stringify(url)} }`) })],
    ['origin.url', 'content/analyses/en/x.md', (url) => ({ 'content/analyses/en/x.md': md(`${VALID_WEEKLY}\norigin: { outlet: An outlet, url: ${JSON.stringify(url)} }`) })],
    ['baseUrl', 'content/site.yaml', (url) => ({ 'content/site.yaml': (BASE_FILES['content/site.yaml'] ?? '').replace('baseUrl: https://example.org', `baseUrl: ${JSON.stringify(url)}`) })],
  ];

  it('has a corpus of attempts in every shape', () => {
    expect(attempts.length).toBeGreaterThanOrEqual(25);
  });

  it.each(fields)('%s rejects each attempt', (field, file, write) => {
    const accepted: string[] = [];
    for (const url of attempts) {
      const errors = validateContent(tree(write(url))).problems.filter((p) => p.severity === 'error');
      if (!errors.some((p) => p.file === file && p.field === field && /scheme "[^"]+" is not allowed|expected an absolute http\(s\) URL|must not be empty/.test(p.message))) accepted.push(JSON.stringify(url));
    }
    expect(accepted).toEqual([]);
  });

  it.each(fields)('%s accepts an http(s) URL full of markup, which the page escapes', (field, file, write) => {
    // baseUrl takes no query (page paths are appended to it), so its markup goes in the path.
    const url = field === 'baseUrl' ? 'https://example.org/"><script>window.__xss=1</script>/' : 'https://example.org/?q="><script>window.__xss=1</script>';
    const errors = validateContent(tree(write(url))).problems.filter((p) => p.severity === 'error');
    expect(errors.filter((p) => p.file === file && p.field === field)).toEqual([]);
  });
});
