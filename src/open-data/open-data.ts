/**
 * Open data: every published analysis as a row for `/data/analyses.json` and the same rows as
 * RFC 4180 CSV for `/data/analyses.csv`, cells a spreadsheet would run as formulas neutralised.
 * Pure: no I/O, no clock (the files are reproducible).
 */
import { stringify } from 'csv-stringify/sync';
import type { Source } from '../schemas/analysis.ts';
import type { Kind, Language, Trend } from '../schemas/primitives.ts';
import { publicationDate } from '../citation/citation.ts';
import type { IsoDate } from '../lib/dates.ts';
import type { AnalysisRecord } from '../lib/site-model.ts';
import { siteUrl } from '../lib/site-paths.ts';

/** One published analysis in the open data. Absent optional values are `null`, never missing. */
export interface AnalysisRow {
  /** Collection id: `<lang>/<slug>`. */
  id: string;
  /** Absolute URL of the analysis page. */
  url: string;
  lang: Language;
  translationKey: string | null;
  title: string;
  kind: Kind;
  period: { start: IsoDate; end: IsoDate } | null;
  /** The `published` date, else the first day of the period. */
  published: IsoDate;
  topic: string | null;
  trend: Trend | null;
  /** Actor ids. */
  actors: string[];
  /** Author ids; empty for the editorial byline. */
  authors: string[];
  sources: Source[];
}

/** The rows of `records`, in the given order, with URLs made absolute on `baseUrl`. */
export function analysisRows(records: Iterable<AnalysisRecord>, baseUrl: string): AnalysisRow[] {
  const rows: AnalysisRow[] = [];
  for (const r of records) {
    const d = r.data;
    rows.push({
      id: r.id,
      url: siteUrl(baseUrl, r.url),
      lang: r.lang,
      translationKey: d.translationKey ?? null,
      title: d.title,
      kind: d.kind,
      period: d.period ? { start: d.period.start, end: d.period.end } : null,
      published: publicationDate(r),
      topic: d.topic ?? null,
      trend: d.trend ?? null,
      actors: [...d.actors],
      authors: [...d.authors],
      sources: d.sources.map((s) => ({ ...s })),
    });
  }
  return rows;
}

/** CSV columns: one per scalar field, the period split in two, lists joined with `;`. */
export const CSV_COLUMNS = ['id', 'url', 'lang', 'translationKey', 'title', 'kind', 'periodStart', 'periodEnd', 'published', 'topic', 'trend', 'actors', 'authors', 'sources'] as const;

/** A CSV column name. */
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Separator of list values inside one CSV field. */
export const LIST_SEPARATOR = ';';

/**
 * A row as CSV fields: `null` becomes an empty field; `sources` holds the source URLs, with any
 * `;` inside a URL percent-encoded (`%3B`) so the list splits unambiguously. Ids never contain `;`.
 */
export function csvFields(row: AnalysisRow): Record<CsvColumn, string> {
  return {
    id: row.id,
    url: row.url,
    lang: row.lang,
    translationKey: row.translationKey ?? '',
    title: row.title,
    kind: row.kind,
    periodStart: row.period?.start ?? '',
    periodEnd: row.period?.end ?? '',
    published: row.published,
    topic: row.topic ?? '',
    trend: row.trend ?? '',
    actors: row.actors.join(LIST_SEPARATOR),
    authors: row.authors.join(LIST_SEPARATOR),
    sources: row.sources.map((s) => s.url.replaceAll(';', '%3B')).join(LIST_SEPARATOR),
  };
}

/**
 * Characters that make a spreadsheet read a cell as a formula when they open it (OWASP's CSV
 * injection list): such cells are written with a leading `'`, which spreadsheets show as text.
 */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'] as const;

/**
 * RFC 4180 text through csv-stringify: CRLF after every record, the header first, fields quoted
 * only when they need it, and formula-like cells neutralised (`escape_formulas`).
 */
export function toCsv(header: readonly string[], records: readonly (readonly string[])[]): string {
  // quote_record_delimiter: with a custom record_delimiter csv-stringify stops quoting fields
  // holding a bare LF or CR unless told to, and such a field would split the record.
  return stringify([[...header], ...records.map((r) => [...r])], { record_delimiter: '\r\n', quote_record_delimiter: true, escape_formulas: true, eof: true });
}

/** The CSV file of the rows, header included. */
export function analysesCsv(rows: readonly AnalysisRow[]): string {
  return toCsv(
    CSV_COLUMNS,
    rows.map((row) => {
      const f = csvFields(row);
      return CSV_COLUMNS.map((c) => f[c]);
    }),
  );
}

/** The JSON document: who publishes the data, how many rows, and the rows. */
export interface OpenDataDocument {
  title: string;
  publisher: string;
  url: string;
  count: number;
  analyses: AnalysisRow[];
}
