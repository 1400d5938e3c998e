/**
 * Turns generated analyses back into scraped-page text in the digest's printed layout (byline,
 * week, topic, title, verdict, title again, paragraphs, bullet items), for the importer's
 * throughput benchmark. Pure.
 */
import { parseMarkdownSource, parseYamlSource } from '../../src/content-reader/parse.ts';
import { formatPeriod } from '../../src/lib/dates.ts';
import type { CorpusFile } from './corpus.ts';

/** Field shapes read from generated frontmatter. */
interface GeneratedFrontmatter {
  title?: string;
  kind?: string;
  period?: { start: string; end: string };
  topic?: string;
  trend?: 'worse' | 'unchanged' | 'better';
}

const VERDICTS = { worse: 'The situation got worse', unchanged: 'The situation has not changed', better: 'The situation has gotten better' } as const;

/** Yields scraped-text pages for the English weekly analyses among `files` (taxonomy first). */
export function* scrapedPages(files: Iterable<CorpusFile>, limit: number): Generator<{ name: string; text: string }> {
  const topicNames = new Map<string, string>();
  let made = 0;
  for (const file of files) {
    if (made >= limit) return;
    if (file.path.startsWith('topics/')) {
      const data = parseYamlSource(file.path, file.text).data as { name?: { en?: string } } | undefined;
      topicNames.set(file.path.slice('topics/'.length).replace(/\.yaml$/, ''), data?.name?.en ?? '');
      continue;
    }
    if (!file.path.startsWith('analyses/en/')) continue;
    const source = parseMarkdownSource(file.path, file.text);
    const fm = source.data as GeneratedFrontmatter;
    if (fm.kind !== 'weekly' || !fm.period || !fm.trend || !fm.title || !fm.topic) continue;
    const body = source.body
      .split('\n\n')
      .filter((block) => !block.startsWith('[^'))
      .map((block) => block.replace(/^## /, '').replace(/^- /gm, '  • ').replace(/\[\^\d+\]/g, ''))
      .join('\n\n');
    const text = ['by', formatPeriod(fm.period, 'en-US'), topicNames.get(fm.topic) ?? fm.topic, '', fm.title, '', VERDICTS[fm.trend], fm.title, '', body].join('\n');
    yield { name: file.path.slice('analyses/en/'.length).replace(/\.md$/, '.txt'), text };
    made += 1;
  }
}

/** Bylines as news sites print them, for the HTML pages (invented names, every shape the importer reads). */
const HTML_BYLINES: readonly { jsonLd: unknown; printed: string }[] = [
  { jsonLd: { '@type': 'Person', name: 'Jana Przykład' }, printed: 'By Jana Przykład' },
  { jsonLd: { '@type': 'Person', name: 'Roe, Jane' }, printed: 'By Jane Roe' },
  { jsonLd: 'Amy Example Political Correspondent', printed: 'Amy Example, Political Correspondent' },
  { jsonLd: { '@type': 'Organization', name: 'Harbour News Agency' }, printed: 'Harbour News Agency' },
  { jsonLd: [{ '@type': 'Person', name: 'Tomas Beispiel' }, { '@type': 'Person', name: 'Lena Muster' }], printed: 'Von Tomas Beispiel und Lena Muster' },
  { jsonLd: { '@type': 'Person', name: '김민준 기자' }, printed: '김민준 기자' },
];

/** Escapes text for HTML. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** A Markdown body of the generated corpus as simple article HTML (paragraphs, subheadings, lists). */
function bodyHtml(markdown: string): string[] {
  return markdown
    .split('\n\n')
    .filter((block) => block.trim() !== '' && !block.startsWith('[^'))
    .map((block) => block.replace(/\[\^\d+\]/g, ''))
    .map((block) => {
      if (block.startsWith('## ')) return `<h2>${escapeHtml(block.slice(3))}</h2>`;
      if (block.startsWith('- ')) return `<ul>${block.split('\n').map((l) => `<li>${escapeHtml(l.replace(/^- /, ''))}</li>`).join('')}</ul>`;
      return `<p>${escapeHtml(block).replace(/\*\*([^*]+)\*\*/gu, '<strong>$1</strong>').replace(/_([^_]+)_/gu, '<em>$1</em>')}</p>`;
    });
}

/**
 * Yields `limit` real-shaped HTML news pages made from the generated analyses (any kind, cycling
 * through them when there are fewer): a head with `<title>`, OpenGraph and JSON-LD (headline,
 * datePublished, author in one of six shapes), a header with a skip link, a login prompt, menus and
 * a "today" clock, the article with its byline, a consent box and a teaser line in the text, then
 * a related list, a newsletter box and a footer. For the importer's benchmark on HTML.
 */
export function* scrapedHtmlPages(files: Iterable<CorpusFile>, limit: number): Generator<{ name: string; text: string }> {
  const analyses: { title: string; date: string; body: string }[] = [];
  for (const file of files) {
    if (!file.path.startsWith('analyses/en/')) continue;
    const source = parseMarkdownSource(file.path, file.text);
    const fm = source.data as GeneratedFrontmatter & { published?: string };
    const date = fm.published ?? fm.period?.start;
    if (!fm.title || date === undefined) continue;
    analyses.push({ title: fm.title, date, body: source.body });
  }
  for (let i = 0; i < limit && analyses.length > 0; i += 1) {
    const a = analyses[i % analyses.length];
    if (a === undefined) break;
    const round = Math.floor(i / analyses.length);
    const title = round === 0 ? a.title : `${a.title} (${round + 1})`;
    const byline = HTML_BYLINES[i % HTML_BYLINES.length] ?? { jsonLd: 'Jane Roe', printed: 'By Jane Roe' };
    const paragraphs = bodyHtml(a.body);
    const middle = Math.max(1, Math.floor(paragraphs.length / 2));
    const jsonLd = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: title, datePublished: `${a.date}T08:30:00+02:00`, author: byline.jsonLd, publisher: { '@type': 'Organization', name: 'The Harbour Times' } };
    const text = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} | World | The Harbour Times</title>
<meta property="og:title" content="${escapeHtml(title)}"><meta property="og:site_name" content="The Harbour Times"><meta property="og:url" content="https://harbour.example.org/world/${a.date}/${i}">
<script type="application/ld+json">${JSON.stringify(jsonLd)}</script><link rel="stylesheet" href="/s.css"><script>window.dataLayer=[];</script></head>
<body><a class="skip" href="#main">Skip to main content</a>
<header><div class="brand"><a href="/">The Harbour Times</a></div><p class="today">Wednesday, April 16, 2025</p><nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav><a href="/login">Log in</a></header>
<main id="main"><article><p class="kicker"><a href="/world">World</a></p><h1>${escapeHtml(title)}</h1>
<div class="byline"><span>${escapeHtml(byline.printed)}</span> <time datetime="${a.date}T08:30:00+02:00">${a.date}</time></div>
<div class="share"><button>Share</button><a href="https://x.example/share">Tweet</a></div>
${paragraphs.slice(0, middle).join('\n')}
<div class="embed-consent"><p>We need your consent to load this video from an external service.</p><button>Load content</button></div>
<p><a href="/world/other">Read also: Ferries return to the northern route</a></p>
${paragraphs.slice(middle).join('\n')}
</article>
<aside class="related"><h2>Related articles</h2><ul><li><a href="/a">Cranes idle at the container terminal</a></li><li><a href="/b">Dock workers vote on a new contract</a></li></ul></aside>
<section class="newsletter"><h2>Subscribe to our newsletter</h2><form><input type="email"><button>Subscribe</button></form></section></main>
<footer><p>© The Harbour Times. All rights reserved.</p><ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/imprint">Imprint</a></li></ul></footer></body></html>
`;
    yield { name: `${String(i).padStart(4, '0')}-${a.date}.html`, text };
  }
}
