/**
 * "Cite this": an analysis as an APA-style reference, a BibTeX (biblatex) entry and CSL-JSON,
 * for one or many authors or for the editorial byline (the publisher as corporate author).
 * Pure: no I/O, no clock (so no "retrieved on" date: APA 7 does not need one for dated pages).
 */
import { t } from '../i18n/index.ts';
import type { Language } from '../schemas/primitives.ts';
import { dateFormat, parseIsoDate, type IsoDate } from '../lib/dates.ts';
import { authorName } from '../lib/names.ts';
import type { AnalysisRecord, SiteContext } from '../lib/site-model.ts';
import { siteUrl } from '../lib/site-paths.ts';

/** When an analysis was published: its `published` date, else the first day of its period. */
export function publicationDate(r: Pick<AnalysisRecord, 'date' | 'data'>): IsoDate {
  return r.data.published ?? r.date;
}

/** What a citation needs to know about an analysis. */
export interface CitationInput {
  /** A stable key for BibTeX and CSL-JSON (e.g. `en-2022-08-29-minsk-bets`). */
  key: string;
  title: string;
  /** Absolute URL of the analysis. */
  url: string;
  date: IsoDate;
  lang: Language;
  /** BCP 47 locale for the month name in the APA date. */
  locale: string;
  /** Author names as printed, in order; empty means the editorial byline. */
  authors: readonly string[];
  /** Those of `authors` that are organisations (an agency, a desk): cited whole, never split into given and family names. */
  organisations?: ReadonlySet<string>;
  /** The publisher: the corporate author of unsigned pieces. */
  publisher: string;
  /** The site's name (the "container" the analysis appears in). */
  siteTitle: string;
}

/** A personal name split for reference styles. */
export interface PersonName {
  family: string;
  given: string;
}

/** The citation of an analysis, in its own language (names, publisher and site title). */
export function citationFor(site: SiteContext, r: AnalysisRecord): CitationInput {
  const { lang } = r;
  return {
    key: `${lang}-${r.slug}`,
    title: r.data.title,
    url: siteUrl(site.settings.baseUrl, r.url),
    date: publicationDate(r),
    lang,
    locale: t(lang).locale,
    authors: r.data.authors.map((id) => {
      const a = site.authors.get(id);
      return a ? authorName(a, lang) : id;
    }),
    organisations: new Set(
      r.data.authors.flatMap((id) => {
        const a = site.authors.get(id);
        return a?.kind === 'organisation' ? [authorName(a, lang)] : [];
      }),
    ),
    publisher: site.settings.publisher[lang],
    siteTitle: site.settings.title[lang],
  };
}

/**
 * Splits a printed name into given names and family name: the last word is the family name
 * ("Alena Marozava" → Marozava, Alena). Bylines here are "Given Family" in every script; a
 * single word is a family name only.
 */
export function splitName(full: string): PersonName {
  const words = full.trim().split(/\s+/);
  const family = words.pop() ?? '';
  return { family, given: words.join(' ') };
}

/** APA initials of given names: "Anna Maria" → "A. M.", "Jean-Paul" → "J.-P.". */
export function initials(given: string): string {
  return given
    .split(/\s+/)
    .filter(Boolean)
    .map((word) =>
      word
        .split('-')
        .map((part) => `${[...part][0] ?? ''}.`)
        .join('-'),
    )
    .join(' ');
}

/** An author's name split for reference styles; an organisation's stays whole, as its family name. */
function nameParts(c: Pick<CitationInput, 'organisations'>, name: string): PersonName {
  return c.organisations?.has(name) ? { family: name, given: '' } : splitName(name);
}

/** "Family, G." for APA. */
function apaPerson(c: Pick<CitationInput, 'organisations'>, name: string): string {
  const { family, given } = nameParts(c, name);
  return given ? `${family}, ${initials(given)}` : family;
}

/**
 * The APA author list: "A", "A, & B", "A, B, & C"; from 21 authors the first 19, an ellipsis
 * and the last (APA 7, 9.8).
 */
export function apaAuthors(names: readonly string[], c: Pick<CitationInput, 'organisations'> = {}): string {
  const people = names.map((n) => apaPerson(c, n));
  if (people.length <= 1) return people[0] ?? '';
  if (people.length > 20) return `${people.slice(0, 19).join(', ')}, . . . ${people.at(-1) ?? ''}`;
  return `${people.slice(0, -1).join(', ')}, & ${people.at(-1) ?? ''}`;
}

/** A run of reference text; italic runs are the site name (APA sets the container in italics). */
export interface TextRun {
  text: string;
  italic?: boolean;
}

/** Ends a reference element with a full stop unless it already ends with punctuation. */
function period(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

/**
 * The APA 7 reference of a web article: "Author. (Year, Month Day). Title. *Site*. URL".
 * Unsigned pieces have the publisher as group author.
 */
export function apaCitation(c: CitationInput): TextRun[] {
  const author = c.authors.length ? apaAuthors(c.authors, c) : c.publisher;
  const d = parseIsoDate(c.date);
  const monthDay = dateFormat(c.locale, { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(d);
  return [
    { text: `${period(author)} (${d.getUTCFullYear()}, ${monthDay}). ${period(c.title)} ` },
    { text: c.siteTitle, italic: true },
    { text: `. ${c.url}` },
  ];
}

/** The APA reference as plain text (italics dropped). */
export function apaText(c: CitationInput): string {
  return apaCitation(c)
    .map((r) => r.text)
    .join('');
}

/** Escapes text for a BibTeX field value in braces. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}$&%#_^~]/g, (ch) => {
    switch (ch) {
      case '\\':
        return '\\textbackslash{}';
      case '^':
        return '\\textasciicircum{}';
      case '~':
        return '\\textasciitilde{}';
      default:
        return `\\${ch}`;
    }
  });
}

/**
 * A biblatex `@online` entry. People are written "Family, Given" joined by "and"; the
 * publisher as author is double-braced so BibTeX keeps it whole instead of parsing a person.
 */
export function bibtexCitation(c: CitationInput): string {
  const author = c.authors.length
    ? c.authors
        .map((n) => {
          // An organisation is double-braced, like the publisher, so BibTeX keeps it whole.
          if (c.organisations?.has(n)) return `{${escapeBibtex(n)}}`;
          const { family, given } = splitName(n);
          return escapeBibtex(given ? `${family}, ${given}` : family);
        })
        .join(' and ')
    : `{${escapeBibtex(c.publisher)}}`;
  const fields: [string, string][] = [
    ['author', author],
    ['title', escapeBibtex(c.title)],
    ['date', c.date],
    ['organization', escapeBibtex(c.publisher)],
    ['titleaddon', escapeBibtex(c.siteTitle)],
    ['url', c.url],
    ['langid', t(c.lang).citation.biblatexLanguage],
  ];
  const key = c.key.replace(/[^A-Za-z0-9_:-]/g, '-');
  return `@online{${key},\n${fields.map(([k, v]) => `  ${k} = {${v}},`).join('\n')}\n}`;
}

/** A CSL-JSON item (the format Zotero, Mendeley and citeproc read). */
export interface CslItem {
  id: string;
  type: 'webpage';
  title: string;
  author: ({ family: string; given?: string } | { literal: string })[];
  issued: { 'date-parts': [[number, number, number]] };
  'container-title': string;
  publisher: string;
  URL: string;
  language: Language;
}

/** The CSL-JSON item of an analysis; the editorial byline is a literal (corporate) author. */
export function cslCitation(c: CitationInput): CslItem {
  const d = parseIsoDate(c.date);
  return {
    id: c.key,
    type: 'webpage',
    title: c.title,
    author: c.authors.length
      ? c.authors.map((n) => {
          if (c.organisations?.has(n)) return { literal: n };
          const { family, given } = splitName(n);
          return given ? { family, given } : { family };
        })
      : [{ literal: c.publisher }],
    issued: { 'date-parts': [[d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]] },
    'container-title': c.siteTitle,
    publisher: c.publisher,
    URL: c.url,
    language: c.lang,
  };
}

/** Highwire Press and Dublin Core `<meta>` pairs, for Google Scholar and reference managers. */
export function citationMeta(c: CitationInput): { name: string; content: string }[] {
  const authors = c.authors.length ? c.authors : [c.publisher];
  return [
    { name: 'citation_title', content: c.title },
    ...authors.map((a) => ({ name: 'citation_author', content: a })),
    { name: 'citation_publication_date', content: c.date.replaceAll('-', '/') },
    { name: 'citation_publisher', content: c.publisher },
    { name: 'citation_language', content: c.lang },
    { name: 'citation_fulltext_html_url', content: c.url },
    { name: 'DC.title', content: c.title },
    ...authors.map((a) => ({ name: 'DC.creator', content: a })),
    { name: 'DC.date', content: c.date },
    { name: 'DC.publisher', content: c.publisher },
    { name: 'DC.language', content: c.lang },
    { name: 'DC.identifier', content: c.url },
  ];
}

/** "Given Family" or, for the first author of a bibliography entry, "Family, Given". */
function chicagoPerson(c: Pick<CitationInput, 'organisations'>, name: string, inverted: boolean): string {
  const { family, given } = nameParts(c, name);
  if (!given) return family;
  return inverted ? `${family}, ${given}` : `${given} ${family}`;
}

/**
 * The Chicago (17th ed., notes and bibliography) bibliography entry of a web page:
 * `Family, Given, and Given Family. "Title." Site. Publisher, Month Day, Year. URL.`
 * From eleven authors the first seven and "et al." (CMOS 14.76). Unsigned pieces have the
 * publisher as author, so it is not repeated after the site.
 */
export function chicagoCitation(c: CitationInput): TextRun[] {
  const people = c.authors.length > 10 ? [...c.authors.slice(0, 7)] : [...c.authors];
  const names = people.map((n, i) => chicagoPerson(c, n, i === 0));
  let author = '';
  if (names.length === 0) author = c.publisher;
  else if (names.length === 1) author = names[0] ?? '';
  else if (c.authors.length > 10) author = `${names.join(', ')}, et al`;
  else if (names.length === 2) author = `${names[0] ?? ''}, and ${names[1] ?? ''}`;
  else author = `${names.slice(0, -1).join(', ')}, and ${names.at(-1) ?? ''}`;
  const d = parseIsoDate(c.date);
  const date = dateFormat(c.locale, { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(d);
  const publisher = c.authors.length ? `${c.publisher}, ` : '';
  return [
    { text: `${period(author)} “${period(c.title)}” ` },
    { text: c.siteTitle, italic: true },
    { text: `. ${publisher}${date}. ${c.url}.` },
  ];
}

/** The Chicago entry as plain text (italics dropped). */
export function chicagoText(c: CitationInput): string {
  return chicagoCitation(c)
    .map((r) => r.text)
    .join('');
}

/**
 * A RIS record (EndNote, Zotero, Mendeley, Citavi): `ELEC` (web page), one AU per person as
 * "Family, Given", the publisher as a single corporate AU for unsigned pieces. Lines end in
 * CRLF, as the format's specification writes them; values never contain line breaks.
 */
export function risCitation(c: CitationInput): string {
  const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
  const d = parseIsoDate(c.date);
  const authors = c.authors.length
    ? c.authors.map((n) => {
        const { family, given } = nameParts(c, n);
        return given ? `${family}, ${given}` : family;
      })
    : [c.publisher];
  const tags: [string, string][] = [
    ['TY', 'ELEC'],
    ...authors.map((a): [string, string] => ['AU', oneLine(a)]),
    ['TI', oneLine(c.title)],
    ['T2', oneLine(c.siteTitle)],
    ['PB', oneLine(c.publisher)],
    ['PY', String(d.getUTCFullYear())],
    ['DA', c.date.replaceAll('-', '/')],
    ['UR', c.url],
    ['LA', t(c.lang).citation.risLanguage],
    ['ID', c.key],
    ['ER', ''],
  ];
  return `${tags.map(([k, v]) => `${k}  - ${v}`.trimEnd()).join('\r\n')}\r\n`;
}

/**
 * JSON laid out for reading: objects and arrays that fit in `width` characters stay on one
 * line (a date, an author), larger ones break one member per line, indented by two spaces.
 */
export function compactJson(value: unknown, width = 80, indent = ''): string {
  const flat = JSON.stringify(value);
  if (flat === undefined) return 'null';
  if (value === null || typeof value !== 'object' || indent.length + flat.length <= width) {
    // One line, with a space after commas and colons outside strings, as people write JSON.
    return value !== null && typeof value === 'object' ? JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ').replace(/([[{]) /g, '$1').replace(/ ([\]}])/g, '$1') : flat;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => `${inner}${compactJson(v, width, inner)}`).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v, width - k.length - 4, inner)}`).join(',\n')}\n${indent}}`;
}

/** The URL of an analysis's citation file: `/analyses/<slug>.bib` next to `/analyses/<slug>/`. */
export function citationFileUrl(record: Pick<AnalysisRecord, 'url'>, ext: 'bib' | 'ris'): string {
  return `${record.url.replace(/\/+$/, '')}.${ext}`;
}
