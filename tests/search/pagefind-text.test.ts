/**
 * src/search/pagefind-text.ts reads HTML as Pagefind's own HTML reader does: for each page below,
 * Pagefind indexes it once from its HTML and once as a custom record with our text, and stores
 * the same text (word for word, so the same excerpts and positions) and the same word index
 * (the same chunk files: same words, positions and weights).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagefindText } from '../../src/search/pagefind-text.ts';
import { EXCLUDE_SELECTORS } from '../../src/search/search-records.ts';

/** Articles that exercise each rule: separators, full stops, weights, entities, ignored and excluded parts, anchors. */
const ARTICLES: Record<string, string> = {
  headings: `<article data-pagefind-body><h1 id="t">A title &amp; more</h1><p class="subtitle">Sub (title)</p><h2 id="user-content-x">Section one<a class="heading-anchor" aria-hidden="true" href="#x">#</a></h2><p>Text with <em>emphasis</em>, a <a href="/x">link</a> and<br>a break.</p><h3>Third “level”</h3><h4>Fourth</h4><h5>Fifth</h5><h6>Sixth 6</h6></article>`,
  lists: `<article data-pagefind-body><ul>\n<li>One</li>\n<li><p>Loose item</p>\n</li>\n<li>Nested<ol><li>deep "quoted"</li><li>deeper's</li></ol></li>\n</ul><ol><li>ordered $</li><li>star *</li></ol></article>`,
  tables: `<article data-pagefind-body><table><thead><tr><th>Head A</th><th align="right">Head B</th></tr></thead><tbody><tr><td>cell 1</td><td>cell two</td></tr></tbody></table><blockquote><p>A quote.</p></blockquote><pre><code>let x = 1;\nlet y = 2;</code></pre><hr><p><img src="/a.png" alt="Alt text">After image</p></article>`,
  entities: `<article data-pagefind-body><p>Less &lt; greater &gt; amp &amp; hex &#x26; dec &#38; quote &quot;</p><p>Ends in a quote &quot;</p><p>Ends raw "</p><p>nbsp\u00a0between and&#xA0;encoded</p><p>Кірыліца і лацінка, emoji 🙂 end</p><p>Zero\u200bwidth</p></article>`,
  ignored: `<div><nav>Navigation words</nav><article data-pagefind-body><header><p data-pagefind-ignore>Eyebrow</p><h1>Title</h1><p data-pagefind-ignore="all"><span data-pagefind-meta="x">meta</span>All ignored</p></header><aside data-pagefind-ignore><h2 id="aside">Side heading</h2>side</aside><div class="prose"><p>Body<sup><a href="#fn1" id="fnref1" data-footnote-ref>1</a></sup> text</p><section class="footnotes"><h2 class="sr-only" id="label">Notes</h2><ol><li id="fn1"><p>A note. <a class="note-source" href="#s1">source 1</a> <a href="#fnref1" data-footnote-backref aria-label="Back">↩</a></p></li></ol></section></div><span id="empty-at-end"></span></article><footer>Footer words</footer></div>`,
  anchors: `<article data-pagefind-body><p>Word<span id="a"></span>glued</p><p>Ends with an empty anchor<a id="z"></a></p><section><h2 id="s">Sources</h2><ol><li id="source-1"><a href="https://x">A title</a>, <span class="outlet">Outlet</span>, accessed May 1, 2024 (a note.) <a class="source-notes" href="#fn1">↑ note 1</a></li></ol></section></article>`,
  weights: `<article data-pagefind-body><p data-pagefind-weight="3">Heavier words</p><div data-pagefind-weight="0.5"><h2>Inside light</h2><p>light text</p></div><p>Normal</p></article>`,
  empty: `<article data-pagefind-body><h1>Only a title</h1><p></p><div> </div></article>`,
};

let dir: string;
let html: Awaited<ReturnType<typeof indexed>>;
let custom: Awaited<ReturnType<typeof indexed>>;

/** Indexes the articles with `add` and returns each page's fragment and the bundle's word chunk files. */
async function indexed(name: string, add: (index: pagefind.PagefindIndex, key: string, article: string) => Promise<{ errors: string[] }>) {
  const { index } = await pagefind.createIndex({ keepIndexUrl: false, writePlayground: false, excludeSelectors: EXCLUDE_SELECTORS });
  if (!index) throw new Error('no index');
  for (const [key, article] of Object.entries(ARTICLES)) expect((await add(index, key, article)).errors).toEqual([]);
  const out = join(dir, name);
  expect((await index.writeFiles({ outputPath: out })).errors).toEqual([]);
  const fragments = new Map<string, { content: string; word_count: number }>();
  for (const file of await readdir(join(out, 'fragment'))) {
    const text = gunzipSync(await readFile(join(out, 'fragment', file))).toString('utf8');
    const fragment = JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string; word_count: number };
    fragments.set(fragment.url, fragment);
  }
  return { fragments, chunks: (await readdir(join(out, 'index'))).sort() };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-pagefind-text-'));
  html = await indexed('html', (index, key, article) => index.addHTMLFile({ url: `/${key}/`, content: `<!doctype html><html lang="en"><head><title>t</title></head><body>${article}</body></html>` }));
  custom = await indexed('custom', (index, key, article) => index.addCustomRecord({ url: `/${key}/`, content: pagefindText(article, EXCLUDE_SELECTORS), language: 'en', meta: { title: html.fragments.get(`/${key}/`)?.content ? titleOf(key) : '' } }));
  await pagefind.close();
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The title Pagefind takes from a page: its first h1, else its <title>. */
function titleOf(key: string): string {
  return /<h1[^>]*>([^<]*)<\/h1>/.exec(ARTICLES[key] ?? '')?.[1]?.replace('&amp;', '&') ?? 't';
}

describe('pagefindText', () => {
  for (const key of Object.keys(ARTICLES)) {
    it(`gives Pagefind the text it reads from the HTML: ${key}`, () => {
      const a = html.fragments.get(`/${key}/`);
      const b = custom.fragments.get(`/${key}/`);
      expect(b?.content).toBe(a?.content);
      expect(b?.word_count).toBe(a?.word_count);
    });
  }

  it('gives the same words, positions and weights (the same word index chunks)', () => {
    expect(custom.chunks).toEqual(html.chunks);
  });

  it('leaves out what Pagefind leaves out', () => {
    const text = [...custom.fragments.values()].map((f) => f.content).join('\n');
    expect(text).not.toMatch(/Navigation|Footer|Eyebrow|All ignored|Side heading|↩|PAGEFIND/);
  });
});
