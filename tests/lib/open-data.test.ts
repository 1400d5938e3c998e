/** Open data: rows from the model, RFC 4180 CSV that a real CSV parser reads back into the JSON rows. */
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { analysesCsv, analysisRows, CSV_COLUMNS, csvField, toCsv, type AnalysisRow } from '../../src/lib/open-data.ts';
import { loadContent, type LoadedContent } from '../helpers/content-model.ts';

/** Reads CSV rows back into JSON rows (sources as URL-only objects: the CSV carries URLs only). */
function fromCsv(text: string): unknown[] {
  const records = parse(text, { columns: true, skip_empty_lines: false, record_delimiter: '\r\n' }) as Record<string, string>[];
  const list = (v: string | undefined) => (v ? v.split(';') : []);
  const orNull = (v: string | undefined) => (v ? v : null);
  return records.map((r) => ({
    id: r['id'],
    url: r['url'],
    lang: r['lang'],
    translationKey: orNull(r['translationKey']),
    title: r['title'],
    kind: r['kind'],
    period: r['periodStart'] ? { start: r['periodStart'], end: r['periodEnd'] } : null,
    published: r['published'],
    topic: orNull(r['topic']),
    trend: orNull(r['trend']),
    actors: list(r['actors']),
    authors: list(r['authors']),
    sources: list(r['sources']).map((u) => u.replaceAll('%3B', ';')),
  }));
}

const asCsvRow = (row: AnalysisRow) => ({ ...row, sources: row.sources.map((s) => s.url) });

describe('csvField and toCsv', () => {
  it('quotes only fields that need it and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('')).toBe('');
  });

  it('ends every record, the header included, with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});

describe('the sample corpus as open data', () => {
  let content: LoadedContent;
  let rows: AnalysisRow[];
  beforeAll(async () => {
    content = await loadContent();
    rows = analysisRows(
      content.model.languages.flatMap((l) => content.model.byLang.get(l) ?? []),
      content.model.site.baseUrl,
    );
  });

  it('has one row per published analysis, with absolute URLs and nulls for absent values', () => {
    const published = content.report.analyses.filter((a) => !a.data.draft);
    expect(rows).toHaveLength(published.length);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.url.startsWith('https://barometer.example.org/')).toBe(true);
      expect(Object.keys(r)).toEqual(['id', 'url', 'lang', 'translationKey', 'title', 'kind', 'period', 'published', 'topic', 'trend', 'actors', 'authors', 'sources']);
      if (r.kind === 'weekly') expect(r.trend).not.toBeNull();
      else expect(r.trend).toBeNull();
    }
  });

  it('writes CSV that parses back to the JSON rows', () => {
    const csv = analysesCsv(rows);
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(fromCsv(csv)).toEqual(rows.map(asCsvRow));
  });

  it('round-trips awkward values: commas, quotes, line breaks, Cyrillic and ; in URLs', () => {
    const first = rows[0];
    expect(first).toBeDefined();
    if (!first) return;
    const tricky: AnalysisRow = {
      ...first,
      title: 'A "quoted", multi-line\r\ntitle — Лукашэнка, «Барометр»',
      sources: [
        { title: 't', url: 'https://example.org/a;b?c=1,2' },
        { title: 'u', url: 'https://example.org/з' },
      ],
      actors: [],
      translationKey: null,
    };
    expect(fromCsv(analysesCsv([tricky]))).toEqual([asCsvRow(tricky)]);
  });
});
