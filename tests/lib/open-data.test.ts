/**
 * Open data: rows from the model, RFC 4180 CSV that a real CSV parser reads back into the JSON
 * rows, and no cell a spreadsheet would run as a formula.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { analysesCsv, analysisRows, CSV_COLUMNS, FORMULA_TRIGGERS, toCsv, type AnalysisRow } from '../../src/open-data/open-data.ts';
import { loadContent, type LoadedContent } from '../helpers/content-model.ts';

/** True when a spreadsheet would evaluate the cell (it starts with one of OWASP's characters). */
const runsAsFormula = (cell: string) => (FORMULA_TRIGGERS as readonly string[]).includes(cell.charAt(0));

/** A cell as the writer meant it: the `'` put before a formula character taken off again. */
const unescapeCell = (cell: string) => (cell.startsWith("'") && runsAsFormula(cell.slice(1)) ? cell.slice(1) : cell);

/** Reads CSV rows back into JSON rows (sources as URL-only objects: the CSV carries URLs only). */
function fromCsv(text: string): unknown[] {
  const parsed = parse(text, { columns: true, skip_empty_lines: false, record_delimiter: '\r\n' }) as Record<string, string>[];
  const records = parsed.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, unescapeCell(v)])));
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

describe('toCsv', () => {
  it('quotes only fields that need it, doubles quotes and ends every record with CRLF', () => {
    expect(toCsv(['a', 'b'], [['plain', 'x,y'], ['say "hi"', 'two\nlines'], ['', 'bare\rCR']])).toBe(
      'a,b\r\nplain,"x,y"\r\n"say ""hi""","two\nlines"\r\n,"bare\rCR"\r\n',
    );
  });

  it("neutralises every cell OWASP lists as a formula (=, +, -, @, tab, CR) with a leading '", () => {
    const cells = ['=HYPERLINK("http://x.example","y")', '+1+2', '-2+3', '@SUM(A1:A2)', '\tcmd', '\r=1', 'safe = fine'];
    const [, record] = parse(toCsv(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'], [cells]), { record_delimiter: '\r\n' }) as string[][];
    expect(record).toEqual(["'=HYPERLINK(\"http://x.example\",\"y\")", "'+1+2", "'-2+3", "'@SUM(A1:A2)", "'\tcmd", "'\r=1", 'safe = fine']);
  });

  it('never writes a cell that runs as a formula, and keeps every cell recoverable', () => {
    // Text that itself starts with ' before a formula character cannot be told from an escaped
    // cell (OWASP's scheme has that ambiguity), so it is left out of the round trip.
    const cell = fc
      .oneof(fc.string(), fc.constantFrom(...FORMULA_TRIGGERS).chain((c) => fc.string().map((rest) => c + rest)))
      .filter((c) => !(c.startsWith("'") && runsAsFormula(c.slice(1))));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const back = parse(toCsv(['a', 'b', 'c'], rows), { record_delimiter: '\r\n' }) as string[][];
        const body = back.slice(1);
        for (const r of body) for (const c of r) expect(runsAsFormula(c)).toBe(false);
        expect(body.map((r) => r.map(unescapeCell))).toEqual(rows);
      }),
    );
  });
});

describe('the sample corpus as open data', () => {
  let content: LoadedContent;
  let rows: AnalysisRow[];
  beforeAll(async () => {
    content = await loadContent();
    rows = analysisRows(
      content.model.languages.flatMap((l) => content.model.byLang.get(l) ?? []),
      content.model.settings.baseUrl,
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

  it('round-trips awkward values: commas, quotes, line breaks, Cyrillic, ; in URLs and formula-like text', () => {
    const first = rows[0];
    expect(first).toBeDefined();
    if (!first) return;
    const tricky: AnalysisRow = {
      ...first,
      title: '-A "quoted", multi-line\r\ntitle — Лукашэнка, «Барометр»',
      sources: [
        { title: 't', url: 'https://example.org/a;b?c=1,2' },
        { title: 'u', url: 'https://example.org/з' },
      ],
      actors: ['@evil', 'nato'],
      translationKey: '=cmd|"/c calc"!A1',
    };
    const csv = analysesCsv([tricky]);
    const [, cells] = parse(csv, { record_delimiter: '\r\n' }) as string[][];
    expect(cells?.filter(runsAsFormula)).toEqual([]);
    expect(fromCsv(csv)).toEqual([asCsvRow(tricky)]);
  });

  it('keeps the JSON exact: formula-like text is not escaped there', () => {
    const first = rows[0];
    if (!first) throw new Error('the sample corpus has no analysis');
    const row: AnalysisRow = { ...first, title: '=1+1' };
    expect(JSON.parse(JSON.stringify(row))).toEqual(row);
  });
});
