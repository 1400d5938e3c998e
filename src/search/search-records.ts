/**
 * An analysis as a Pagefind custom record: what the search index holds for its page, made from
 * the content reader's data (the record, the site context and the rendered body) instead of read
 * back from the built page. The index is then built while Astro renders
 * (src/search/index-process.ts), with no page read from disk and no HTML page parsed.
 *
 * The record's text is what Pagefind reads in the analysis page's `data-pagefind-body` article
 * (src/pages/[...lang]/analyses/[slug].astro): its title, subtitle, cover credit, body with the
 * footnotes' links to their sources, and the sources list; the article's other parts are
 * `data-pagefind-ignore`. `indexedArticle` writes those parts as the page writes them (same
 * elements, same escaping, no white space between tags), and src/search/pagefind-text.ts reads it
 * as Pagefind would. Filters, meta and sort key are src/search/search-fields.ts's, as the page's
 * hidden fields carry them. tests/build/search-records.test.ts indexes every analysis page of the
 * sample site and a generated corpus both ways and compares what Pagefind stored, so a change to
 * the article's markup that this file does not follow fails there.
 *
 * One difference is deliberate: a page's first image after its title gives Pagefind `image` meta
 * (its URL, whose words, the hashed file name and `_astro`, were searchable); records carry the
 * cover's `image_alt` but no `image`, which the search page never shows.
 */
// The page's text is escaped by Astro's own function: the record must see the same characters.
import { escapeHTML as escape } from 'astro/runtime/server/escape.js';
import { t } from '../i18n/index.ts';
import type { UiStrings } from '../i18n/types.ts';
import { formatDate } from '../lib/dates.ts';
import { footnoteApparatus } from '../lib/notes.ts';
import type { AnalysisRecord, SiteContext } from '../lib/site-model.ts';
import { indexFields } from './search-fields.ts';
import { normalizeContent, pagefindText } from './pagefind-text.ts';

/**
 * Markup inside analyses that is not text: heading anchors ("#"), footnote numbers and back
 * links ("↩"), decorative icons. Left in, they show up in excerpts and pad word counts.
 */
export const EXCLUDE_SELECTORS = ['.heading-anchor', '[data-footnote-ref]', '[data-footnote-backref]', '[aria-hidden="true"]'];

/** A Pagefind custom record (its Node API's `CustomRecord`). */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/**
 * The indexed parts of an analysis page's article, as the page writes them: `body` is the entry's
 * rendered HTML. Ignored parts (eyebrow, byline, side column, origin, hidden fields) are left
 * out: Pagefind reads nothing from them, and without text or an `id` they leave no trace.
 */
export function indexedArticle(record: AnalysisRecord, s: UiStrings, body: string): string {
  const { data } = record;
  const { html, citedBy, noteNumber } = footnoteApparatus(body, data.sources, s.design.seeSource);
  const parts = ['<article class="analysis" data-pagefind-body><header class="analysis-header">', `<h1>${escape(data.title)}</h1>`];
  if (data.subtitle) parts.push(`<p class="subtitle">${escape(data.subtitle)}</p>`);
  parts.push('</header>');
  if (data.cover?.image !== undefined && data.cover.alt !== undefined) parts.push(`<figure class="cover"><figcaption class="cover-credit">${escape(data.cover.credit)}</figcaption></figure>`);
  parts.push(`<div class="prose">${html}</div>`);
  if (data.sources.length > 0) {
    parts.push(`<section class="sources"><h2 id="sources-heading">${escape(s.sources)}</h2><ol>`);
    data.sources.forEach((src, i) => {
      parts.push(`<li id="source-${i + 1}"><a>${escape(src.title)}</a>`);
      if (src.outlet) parts.push(`, <span class="outlet">${escape(src.outlet)}</span>`);
      if (src.accessed) parts.push(`, ${escape(s.accessed(formatDate(src.accessed, s.locale)))}`);
      if (src.note) parts.push(` (${escape(src.note)})`);
      for (const label of citedBy.get(i) ?? []) parts.push(` <a class="source-notes">↑ ${escape(s.design.citedInNote(String(noteNumber.get(label) ?? label)))}</a>`);
      parts.push('</li>');
    });
    parts.push('</ol></section>');
  }
  parts.push('</article>');
  return parts.join('');
}

/** Name -> values, in the order the page lists them. */
function grouped(pairs: readonly (readonly [string, string])[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of pairs) (out[name] ??= []).push(normalizeContent(value));
  return out;
}

/** The search record of an analysis whose rendered body is `body`. */
export function searchRecord(site: SiteContext, record: AnalysisRecord, body: string): SearchRecord {
  const s = t(record.lang);
  const { filters, meta, sort } = indexFields(site, record, s);
  const fields: Record<string, string> = { title: normalizeContent(escape(record.data.title)) };
  for (const [name, value] of meta) {
    const normalized = normalizeContent(escape(value));
    // Pagefind skips a meta element without text.
    if (normalized) fields[name] = normalized;
  }
  const cover = record.data.cover;
  if (cover?.image !== undefined && cover.alt !== undefined) fields['image_alt'] = cover.alt;
  return {
    url: record.url,
    content: pagefindText(indexedArticle(record, s, body), EXCLUDE_SELECTORS),
    language: record.lang,
    meta: fields,
    filters: grouped(filters),
    sort: Object.fromEntries(sort.map(([name, value]) => [name, normalizeContent(escape(value))])),
  };
}
