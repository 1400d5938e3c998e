/**
 * Builds the real sample corpus (content/) and checks issue 5 in the built site: the verdict
 * heatmap per year against the content's verdicts, the topic, actor and week charts, every RSS
 * feed (valid XML, right item count, linked from its page), the open data (JSON, CSV that parses
 * back to the JSON rows, JSON Schema that accepts every sample frontmatter), sitemap, robots.txt,
 * OpenGraph/Twitter meta on every page and the citation block and meta of analyses.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { mondayOf, yearOf } from '../../src/lib/dates.ts';
import { FEED_LIMIT } from '../../src/feeds/feeds.ts';
import type { AnalysisRow } from '../../src/open-data/open-data.ts';
import { sitePaths } from '../../src/lib/site-paths.ts';
import { LANGUAGES, TRENDS, type Language } from '../../src/schemas/primitives.ts';
import { sampleDist } from '../helpers/shared-builds.ts';
import { htmlFiles } from '../helpers/site-checks.ts';
import { loadContent, type LoadedContent } from '../helpers/content-model.ts';
import { children, childText, parseXml, rssChannel } from '../helpers/xml.ts';

// ajv-formats is CommonJS: its default export arrives wrapped once more under ESM.
const addFormats = (addFormatsModule as unknown as { default: typeof addFormatsModule }).default ?? addFormatsModule;

const BASE = 'https://barometer.example.org';

let dist: string;
let content: LoadedContent;

beforeAll(async () => {
  dist = sampleDist();
  content = await loadContent();
}, 600_000);

const html = (path: string) => readFile(join(dist, path, 'index.html'), 'utf8');
const file = (path: string) => readFile(join(dist, path), 'utf8');

/** Decodes the entities Astro writes in text and attributes. */
function decode(text: string): string {
  return text.replace(/&(quot|amp|lt|gt|#39|#x27);/g, (_, e: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', '#39': "'", '#x27': "'" })[e] ?? _);
}

/** The attributes of every opening tag matching `pattern` (a tag name or class), as maps. */
function tags(source: string, pattern: RegExp): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  for (const m of source.matchAll(/<([a-z]+)\b([^>]*)>/g)) {
    if (!pattern.test(m[0])) continue;
    out.push(new Map([...(m[2] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1] ?? '', decode(a[2] ?? '')])));
  }
  return out;
}

/** The part of a page between the first match of `start` and the next `end`. */
function section(source: string, start: string, end: string): string {
  const i = source.indexOf(start);
  expect(i, start).toBeGreaterThanOrEqual(0);
  return source.slice(i, source.indexOf(end, i));
}

/** Published weekly analyses per language, from the validator (not the model the site uses). */
function weeklies(lang: Language) {
  return content.report.analyses.filter((a) => a.lang === lang && !a.data.draft && a.data.kind === 'weekly' && a.data.period && a.data.topic && a.data.trend);
}

describe('the verdict heatmap', () => {
  it('has a page per year with weekly analyses in each language; /trends/ shows the newest', async () => {
    for (const lang of LANGUAGES) {
      const years = [...new Set(weeklies(lang).map((a) => yearOf(mondayOf(a.data.period?.start ?? ''))))].sort().reverse();
      expect(years.length).toBeGreaterThan(0);
      for (const y of years) expect(existsSync(join(dist, sitePaths('en').prefix(lang), 'trends', String(y), 'index.html')), `${lang} ${y}`).toBe(true);
      const index = await html(`${sitePaths('en').prefix(lang)}/trends`);
      expect(index).toContain(`data-year="${years[0]}"`);
      for (const y of years) expect(index).toContain(`href="${sitePaths('en').prefix(lang)}/trends/${y}/"`);
    }
    expect(existsSync(join(dist, 'trends', '2021'))).toBe(false);
  });

  it('keeps the verdict listings at /trends/<verdict>/ with links from /trends/', async () => {
    const index = await html('trends');
    for (const trend of TRENDS) {
      expect(index).toContain(`href="/trends/${trend}/"`);
      expect(await html(`trends/${trend}`)).toContain('<article class="card"');
    }
  });

  it('has exactly the content verdicts in its cells and table, each cell linking to its analysis', async () => {
    for (const lang of LANGUAGES) {
      const expected = new Map<string, string>();
      for (const a of weeklies(lang)) expected.set(`${a.data.topic}|${mondayOf(a.data.period?.start ?? '')}`, `${a.data.trend}|${sitePaths('en').prefix(a.lang)}/analyses/${a.slug}/`);
      const svgCells = new Map<string, string>();
      const tableCells = new Map<string, string>();
      let empty = 0;
      let total = 0;
      for (const y of readdirSync(join(dist, sitePaths('en').prefix(lang), 'trends')).filter((d) => /^\d{4}$/.test(d))) {
        const page = await html(`${sitePaths('en').prefix(lang)}/trends/${y}`);
        const svg = section(page, '<svg class="chart heatmap"', '</svg>');
        for (const a of tags(svg, /^<a /)) svgCells.set(`${a.get('data-topic')}|${a.get('data-week')}`, `${a.get('data-trend')}|${a.get('href')}`);
        for (const a of tags(svg, /^<a /)) expect(yearOf(a.get('data-week') ?? ''), `${lang} ${y}`).toBe(Number(y));
        empty += tags(svg, /heatmap-empty/).length;
        total += tags(svg, /class="heatmap-cell/).length;
        const table = section(page, '<table class="data-table heatmap-table"', '</table>');
        for (const a of tags(table, /^<a class="verdict/)) tableCells.set(`${a.get('data-topic')}|${a.get('data-week')}`, `${a.get('data-trend')}|${a.get('href')}`);
        expect(tags(table, /<th scope="row"/).length).toBe(new Set(tags(table, /^<a class="verdict/).map((a) => a.get('data-week'))).size);
      }
      expect(svgCells, lang).toEqual(expected);
      expect(tableCells, lang).toEqual(expected);
      expect(total - empty).toBe(expected.size);
    }
  });

  it('is accessible: labelled SVG, symbols beside colours, a real table with headers', async () => {
    const page = await html('trends/2023');
    expect(page).toMatch(/<svg class="chart heatmap"[^>]*role="group"[^>]*aria-labelledby="heatmap-title-2023"/);
    expect(page).toContain('<title id="heatmap-title-2023">Verdicts in 2023</title>');
    expect(page).toMatch(/<a href="\/analyses\/[^"]+\/" aria-label="[^"]+, week of [^"]+: The situation [^"]+"/);
    expect(page).toMatch(/<path class="chart-symbol" d="M/);
    expect(page).toContain('<caption>Verdicts by week and topic, 2023</caption>');
    expect(page).toContain('<th scope="col">Week</th>');
  });
});

describe('topic, actor and week charts', () => {
  it('draws the hand-computed situation index of Belarus-West relations', async () => {
    const page = await html('topics/belarus-west-relations');
    const svg = section(page, '<svg class="chart line-chart"', '</svg>');
    expect(svg).toMatch(/role="img" aria-labelledby="situation-title situation-desc"/);
    const markers = tags(svg, /chart-marker/).map((g) => [g.get('data-date'), g.get('data-trend'), Number(g.get('data-value'))]);
    expect(markers).toEqual([
      ['2022-08-29', 'worse', -1],
      ['2023-02-27', 'worse', -2],
      ['2024-07-01', 'better', -1],
      ['2024-10-07', 'unchanged', -1],
    ]);
    const rows = tags(section(page, '<table class="data-table situation-table"', '</table>'), /^<tr data-date/).map((r) => Number(r.get('data-value')));
    expect(rows).toEqual([-1, -2, -1, -1]);
    // Axis titles and dated ticks.
    expect(svg).toContain('>Situation index</text>');
    expect(svg).toContain('>Week</text>');
    expect(svg).toMatch(/>[A-Z][a-z]{2} 20\d\d<\/text>/);
    // Later pages of a topic carry the listing only.
    expect(existsSync(join(dist, 'topics', 'belarus-west-relations', '2'))).toBe(false);
  });

  it('counts an actor\'s mentions per month by verdict, as in the content', async () => {
    const page = await html('actors/lukashenka');
    const expected = new Map<string, Record<string, number>>();
    for (const a of content.report.analyses) {
      if (a.lang !== 'en' || a.data.draft || !a.data.actors.includes('lukashenka')) continue;
      const month = (a.data.period?.start ?? a.data.published ?? '').slice(0, 7);
      const counts = expected.get(month) ?? {};
      const k = a.data.trend ?? 'none';
      counts[k] = (counts[k] ?? 0) + 1;
      expected.set(month, counts);
    }
    const actual = new Map<string, Record<string, number>>();
    const svg = section(page, '<svg class="chart bar-chart"', '</svg>');
    for (const bar of svg.split('<g class="chart-bar"').slice(1)) {
      const month = /data-month="([^"]+)"/.exec(bar)?.[1] ?? '';
      for (const rect of tags(bar.slice(0, bar.indexOf('</g>')), /data-key=/)) {
        const counts = actual.get(month) ?? {};
        counts[rect.get('data-key') ?? ''] = (counts[rect.get('data-key') ?? ''] ?? 0) + Number(rect.get('data-count'));
        actual.set(month, counts);
      }
    }
    expect(actual).toEqual(expected);
    const total = tags(svg, /class="chart-bar"/).reduce((n, g) => n + Number(g.get('data-total')), 0);
    expect(total).toBe([...expected.values()].reduce((n, c) => n + Object.values(c).reduce((x, y) => x + y, 0), 0));
  });

  it('shows a week\'s verdict strip across all topics', async () => {
    const page = await html('weeks/2024-08-26');
    const tiles = tags(section(page, '<ol class="verdict-strip"', '</ol>'), /strip-tile/);
    expect(tiles.map((t) => t.get('data-topic'))).toEqual([...content.model.topics.keys()]);
    const expected = Object.fromEntries(weeklies('en').filter((a) => a.data.period?.start === '2024-08-26').map((a) => [a.data.topic, a.data.trend]));
    expect(Object.fromEntries(tiles.filter((t) => t.has('data-trend')).map((t) => [t.get('data-topic'), t.get('data-trend')]))).toEqual(expected);
  });

  it('ships no script and no inline style on these pages', async () => {
    for (const path of ['trends', 'trends/2022', 'be/trends', 'topics/belarus-west-relations', 'actors/lukashenka', 'weeks/2024-08-26', 'analyses/2024-10-07-pardons-without-a-thaw']) {
      const page = await html(path);
      expect(page, path).not.toMatch(/<script/);
      expect(page, path).not.toMatch(/<style|\sstyle="/);
    }
  });
});

describe('feeds', () => {
  /** Every feed file in the build, as site paths. */
  const feeds = () =>
    readdirSync(dist, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('rss.xml'))
      .map((f) => `/${f.split('\\').join('/')}`);

  /** How many published analyses of a language a feed covers, from the validator's view. */
  function expectedCount(path: string): number {
    const m = /^(?:\/(be|ru))?(?:\/(topics|actors|trends)\/([a-z0-9-]+))?\/rss\.xml$/.exec(path);
    expect(m, path).not.toBeNull();
    const lang = (m?.[1] ?? 'en') as Language;
    const [kind, id] = [m?.[2], m?.[3] ?? ''];
    const list = content.report.analyses.filter((a) => a.lang === lang && !a.data.draft);
    const n = list.filter((a) => (kind === 'topics' ? a.data.topic === id : kind === 'actors' ? a.data.actors.includes(id) : kind === 'trends' ? a.data.trend === id : true)).length;
    return Math.min(n, FEED_LIMIT);
  }

  it('exist for the site, every topic, actor and verdict in every language', () => {
    const { model } = content;
    expect(feeds().length).toBe(LANGUAGES.length * (1 + model.topics.size + model.actors.size + TRENDS.length));
  });

  it('each parse as RSS 2.0 with the right number of items and absolute links', async () => {
    let items = 0;
    for (const path of feeds()) {
      const channel = rssChannel(await file(path));
      const list = children(channel, 'item');
      expect(list.length, path).toBe(expectedCount(path));
      expect(childText(channel, 'language')).toBe(/^\/(be|ru)\//.exec(path)?.[1] ?? 'en');
      expect(children(channel, 'atom:link')[0]?.getAttribute('href')).toBe(`${BASE}${path}`);
      for (const item of list) {
        expect(childText(item, 'link')?.startsWith(`${BASE}/`)).toBe(true);
        expect(Number.isNaN(Date.parse(childText(item, 'pubDate') ?? ''))).toBe(false);
      }
      items += list.length;
    }
    expect(items).toBeGreaterThan(100);
  });

  it('are linked from their pages in the head and visibly', async () => {
    const cases: [page: string, feed: string][] = [
      ['', '/rss.xml'],
      ['ru', '/ru/rss.xml'],
      ['topics/belarus-west-relations', '/topics/belarus-west-relations/rss.xml'],
      ['be/actors/lukashenka', '/be/actors/lukashenka/rss.xml'],
      ['trends/worse', '/trends/worse/rss.xml'],
    ];
    for (const [page, feed] of cases) {
      const text = await html(page);
      expect(text, page).toMatch(new RegExp(`<link rel="alternate" type="application/rss\\+xml" title="[^"]+" href="${BASE}${feed}"`));
      expect(text, page).toContain(`<a href="${feed}" type="application/rss+xml">`);
    }
  });
});

describe('open data', () => {
  let rows: AnalysisRow[];
  beforeAll(async () => {
    const doc = JSON.parse(await file('data/analyses.json')) as { count: number; analyses: AnalysisRow[] };
    rows = doc.analyses;
    expect(doc.count).toBe(rows.length);
  });

  it('lists every published analysis once, each with its page', () => {
    const published = content.report.analyses.filter((a) => !a.data.draft);
    expect(rows.map((r) => r.id).sort()).toEqual(published.map((a) => `${a.lang}/${a.slug}`).sort());
    for (const r of rows) {
      expect(r.url.startsWith(`${BASE}/`)).toBe(true);
      expect(existsSync(join(dist, r.url.slice(BASE.length), 'index.html')), r.url).toBe(true);
    }
  });

  it('has a CSV with the same rows (RFC 4180, lists joined with ;)', async () => {
    const csv = await file('data/analyses.csv');
    expect(csv.endsWith('\r\n')).toBe(true);
    const records = parseCsv(csv, { columns: true }) as Record<string, string>[];
    const list = (v: string | undefined) => (v ? v.split(';') : []);
    const back = records.map((r) => ({
      id: r['id'],
      url: r['url'],
      lang: r['lang'],
      translationKey: r['translationKey'] || null,
      title: r['title'],
      kind: r['kind'],
      period: r['periodStart'] ? { start: r['periodStart'], end: r['periodEnd'] } : null,
      published: r['published'],
      topic: r['topic'] || null,
      trend: r['trend'] || null,
      actors: list(r['actors']),
      authors: list(r['authors']),
      sources: list(r['sources']).map((u) => u.replaceAll('%3B', ';')),
    }));
    expect(back).toEqual(rows.map((r) => ({ ...r, sources: r.sources.map((s) => s.url) })));
  });

  it('publishes a JSON Schema that accepts every sample frontmatter and rejects a bad one', async () => {
    const schema = JSON.parse(await file('data/analysis.schema.json')) as Record<string, unknown>;
    expect(schema['$id']).toBe(`${BASE}/data/analysis.schema.json`);
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    for (const [path, data] of content.frontmatter) expect(validate(data) ? [] : validate.errors, path).toEqual([]);
    expect(validate({ title: 'T', summary: 'S.', kind: 'weekly', period: { start: '2024-01-01', end: '2024-01-07' }, topic: 'x', trend: 'terrible', auhtors: [] })).toBe(false);
  });
});

describe('discovery', () => {
  it('has a sitemap index with every page and its language alternates, and robots.txt pointing at it', async () => {
    expect(await file('robots.txt')).toContain(`Sitemap: ${BASE}/sitemap-index.xml`);
    const index = await file('sitemap-index.xml');
    parseXml(index);
    expect(index).toContain(`<loc>${BASE}/sitemap-0.xml</loc>`);
    const sitemap = await file('sitemap-0.xml');
    parseXml(sitemap);
    const locs = new Set([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    const pages = htmlFiles(dist)
      .map((f) => f.slice(dist.length).replace(/index\.html$/, ''))
      .filter((p) => p !== '/404.html');
    for (const p of pages) expect(locs.has(`${BASE}${p}`), p).toBe(true);
    expect([...locs].some((l) => l?.endsWith('.xml') || l?.includes('/data/'))).toBe(false);
    expect(sitemap).toContain(`<xhtml:link rel="alternate" hreflang="be" href="${BASE}/be/trends/"/>`);
    expect(sitemap).toContain(`<xhtml:link rel="alternate" hreflang="ru" href="${BASE}/ru/analyses/2024-01-15-insurance-for-the-ruler/"/>`);
  });

  it('has OpenGraph and Twitter meta on every page', async () => {
    for (const f of htmlFiles(dist)) {
      const text = await readFile(f, 'utf8');
      for (const meta of ['og:title', 'og:description', 'og:url', 'og:type', 'og:site_name', 'og:locale']) expect(text, `${f} ${meta}`).toContain(`<meta property="${meta}" content="`);
      expect(text, f).toContain('<meta name="twitter:card" content="summary">');
    }
    const a = await html('be/analyses/2024-01-15-insurance-for-the-ruler');
    expect(a).toContain('<meta property="og:type" content="article">');
    expect(a).toContain('<meta property="og:locale" content="be_BY">');
    expect(a).toContain('<meta property="og:locale:alternate" content="ru_RU">');
  });
});

describe('citations', () => {
  it('cites a multi-author analysis: APA, BibTeX, CSL-JSON and Highwire meta', async () => {
    const page = await html('analyses/2024-10-07-pardons-without-a-thaw');
    const block = decode(section(page, '<details class="cite-this">', '</details>'));
    expect(block).toContain('<summary>Cite this</summary>');
    expect(block).toContain('Wielgosz, T., &amp; Marozava, A. (2024, October 7). Pardons without a thaw. <i>Belarus Barometer</i>. https://barometer.example.org/analyses/2024-10-07-pardons-without-a-thaw/'.replace('&amp;', '&'));
    expect(block).toContain('author = {Wielgosz, Tomas and Marozava, Alena}');
    const csl = JSON.parse(/<code class="cite-csl">([\s\S]*?)<\/code>/.exec(block)?.[1] ?? '[]') as { author: unknown[] }[];
    expect(csl[0]?.author).toEqual([
      { family: 'Wielgosz', given: 'Tomas' },
      { family: 'Marozava', given: 'Alena' },
    ]);
    const authors = tags(page, /name="citation_author"/).map((m) => m.get('content'));
    expect(authors).toEqual(['Tomas Wielgosz', 'Alena Marozava']);
    expect(page).toContain('<meta name="citation_publication_date" content="2024/10/07">');
    expect(page).toContain('<meta name="citation_publisher" content="Barometer editorial desk">');
    expect(page).toContain('<meta name="citation_title" content="Pardons without a thaw">');
  });

  it('cites the editorial byline as the publisher, in the page language', async () => {
    const page = await html('ru/analyses/2022-08-29-minsk-bets-on-a-divided-west');
    const block = decode(section(page, '<details class="cite-this">', '</details>'));
    expect(block).toContain('<summary>Как цитировать</summary>');
    expect(block).toContain('Редакция «Барометра». (2022, 29 августа).');
    expect(block).toContain('author = {{Редакция «Барометра»}}');
    expect(block).toContain('"literal": "Редакция «Барометра»"');
    expect(tags(page, /name="citation_author"/).map((m) => m.get('content'))).toEqual(['Редакция «Барометра»']);
    expect(page).toContain('<meta name="citation_publisher" content="Редакция «Барометра»">');
  });
});
