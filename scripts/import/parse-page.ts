/**
 * One scraped page (plain text or HTML) into an analysis: frontmatter, Markdown body, authors,
 * translation languages and problems. Pure: the caller reads files and the taxonomy, and decides
 * what to write. The importer loses nothing (every body paragraph is kept, in order, as printed)
 * and invents nothing (every field comes from a printed line or from the caller's options).
 */
import { createHash } from 'node:crypto';
import type { RootContent } from 'mdast';
import { stringify as stringifyYaml } from 'yaml';
import { stringifyMarkdown } from '../../src/content-reader/parse.ts';
import { addDays, type IsoDate, type Period } from '../../src/lib/dates.ts';
import { analysisSchema, type AnalysisInput, type Source } from '../../src/schemas/analysis.ts';
import { type Kind, type Trend } from '../../src/schemas/primitives.ts';
import { issuesToProblems, type Problem } from '../../src/schemas/problems.ts';
import { authorSchema } from '../../src/schemas/taxonomy.ts';
import { actorMatcher, type ActorMatcher, detectActors } from './actors.ts';
import { authorId, cleanName, findAuthorBlock, isNameLike, matchAuthor, nameKey, normalizeNameCase } from './byline.ts';
import { matchChrome, parseLanguageList } from './chrome.ts';
import { findNotes, footnoteDefinitions, linkMarkers, noteToSource } from './footnotes.ts';
import { bracketed, isCategoryStatusLabel, isCreditLine, matchTopic, matchVerdict, normalizeLabel, parseBylineLine } from './header.ts';
import { UNDER_TITLE } from './dates-in-markup.ts';
import { type DateInLine, findDateInLine } from './dates-in-text.ts';
import { extractArticle, type Found, type MarkupAuthor, type PageMeta } from './extract.ts';
import { type AuthorName, bylineLineNames, isAgencyOrDesk, isBareBylineLine, isPlausibleByline, isRoleOnly, isSiteName, isUserName, type NameContext, normalizeAuthor, splitAuthorList } from './names.ts';
import { htmlToBlocks } from './html.ts';
import { AGREEMENT, BLOCK_HELD, coverage, heldIn, opinionOf, type SecondOpinion, sharedWithHeadline } from './second-opinion.ts';
import { type Block, inlineFromText, makeBlock, nodeText, stringifyBlocks } from './markdown.ts';
import { isWholeMonth, lettersAndDigits, normalizeSpaces, type ParsedDates, parseDates } from './periods.ts';
import { sentences } from '../../src/lib/sentences.ts';
import { deriveSummary } from './summary.ts';
import { analysisFileName } from './slug.ts';
import type { Taxonomy } from './taxonomy.ts';
import { textToBlocks } from './text.ts';

/** A page to import. */
export interface PageInput {
  /** Where it came from (used in problems). */
  file: string;
  /** Its text (already decoded). */
  text: string;
  /** How to read it. */
  format: 'text' | 'html';
}

/** What the editor decided on the command line. */
export interface ImportOptions {
  /** Overrides the kind the page's layout suggests. */
  kind?: Kind;
  /** Topic id to use when the page prints none (or one the taxonomy does not know). */
  topic?: string;
  /** Publication date, for pages that print none. */
  date?: IsoDate;
  /** Title, for pages whose copy lost it (or printed chrome in its place). */
  title?: string;
  /** Start of the weekly period (the week runs seven days from it). */
  periodStart?: IsoDate;
  /** The verdict, for digest entries whose copy lost it. */
  trend?: Trend;
  /** Author names or ids, replacing the ones printed. */
  authors?: string[];
  /** The page's address: relative links resolve against it (when the page has no `<base>`). */
  url?: string;
}

/** An author of the page: an existing one, or a new one to create. */
export interface AuthorRef {
  /** Author id (`content/authors/<id>.yaml`). */
  id: string;
  /** Name as it goes into the author file. */
  name: string;
  /** True when no author file exists yet and one is proposed. */
  isNew: boolean;
  /** For new authors: the proposed file's YAML (validated with authorSchema). */
  yaml?: string;
}

/** A line that was left out, with why (a chrome rule's id, or where it stood). */
export interface DroppedLine {
  /** The printed text. */
  text: string;
  /** Why it was left out: a chrome rule id ("newsletter"), "above-title", "outside-main-content", ... */
  reason: string;
  /** Line number in a text page. */
  line?: number;
}

/** The result of reading one page. */
export interface PageResult {
  /** Frontmatter extracted (also when there are errors). */
  data: Partial<AnalysisInput>;
  /** Markdown body: the text, then GFM footnote definitions. */
  body: string;
  /** Authors, in byline order. */
  authors: AuthorRef[];
  /** Language codes the page says translations exist in ("This post is also available in: ..."). */
  availableIn: string[];
  /** Errors (the page cannot be imported) and warnings (imported, but worth a look). */
  problems: Problem[];
  /** Lines left out of the body and the frontmatter: chrome, text outside the main content. */
  dropped: DroppedLine[];
  /** Every date found on the page (printed or in markup), with where it came from; the first is used. */
  dates: Found<IsoDate>[];
  /** Where each field came from, for the review report: title, date, authors, body. */
  origins: { title?: string; date?: string; authors?: string; body?: string };
  /** `YYYY-MM-DD-<slugified-title>.md`, when a date and a title are known. */
  fileName?: string;
  /** The whole Markdown file, when there are no errors. */
  markdown?: string;
}

/** Largest page accepted (a scraped article is a few hundred KB at most). */
export const MAX_PAGE_CHARS = 5_000_000;

/** What the lines above the text said. */
/** One name a source gives, with the index of the element (markup tag, meta value, printed line) it was printed in. */
interface SourceName {
  name: string;
  organisation: boolean;
  element: number;
}

interface Header {
  byline?: { names: string[] };
  dates?: ParsedDates;
  /** Where the dates were printed ('line 3: "..."'). */
  datesFrom?: string;
  topicId?: string;
  printedTopic?: string;
  trend?: Trend;
  credit?: string;
  title?: string;
  subtitle?: string;
  /** Line of a text page the title was printed on. */
  titleLine?: number;
  /** Index of the first body block. */
  end: number;
  /** Indexes of blocks above an HTML page's `<h1>` that are no header line (site banner, menus). */
  skipped: number[];
}

/** A block that reads as running prose (used to tell a caption or subtitle from a first paragraph). */
function isProse(b: Block): boolean {
  return b.node.type === 'paragraph' && b.text.split(' ').length >= 8 && /[.!?…:;"”»)]$/u.test(b.text);
}

/** How many blocks after a `rest` chrome line are looked at for more chrome (a page's end is a cluster of it). */
const CHROME_CLUSTER = 4;

/** Where the title and the main content stand, when known from outside the text (HTML markup). */
interface Layout {
  /** Index of the first block of the extractor's main content; blocks between the header and it are chrome. */
  mainStart?: number;
  /** The title the markup names (JSON-LD headline, og:title), used when the page has no `<h1>`. */
  title?: string;
  /** Texts of the extractor's main content: lines above `mainStart` it kept are body text too. */
  mainTexts?: ReadonlySet<string>;
  /** Index of the title block, when the markup told which heading it is. */
  titleAt?: number;
  /** Where the title came from, for the report ("a heading agreeing with the JSON-LD headline"). */
  titleFrom?: string;
  /** The title heading as printed, when a kicker before the markup's title was left out of it. */
  titleKicker?: string;
}

/**
 * Drops chrome by the chrome table, never cutting the article in the middle. A line matching a
 * `rest` row ends the article only when the page's end follows: no prose after it, or more chrome
 * lines right after it with no paragraph of prose between (a newsletter box, a "related" list).
 * Otherwise only that line goes, and a warning names it. Every line left out is returned in `dropped` with its reason.
 */
function dropChrome(blocks: readonly Block[], taxonomy: Taxonomy, layout: Layout): { kept: Block[]; header: Header; dropped: DroppedLine[]; languages: string[]; midArticle: DroppedLine[] } {
  const dropped: DroppedLine[] = [];
  const midArticle: DroppedLine[] = [];
  const languages: string[] = [];
  const matches = blocks.map((b) => (b.node.type === 'paragraph' || b.node.type === 'heading' ? matchChrome(b.text) : undefined));
  const record = (b: Block, reason: string): DroppedLine => {
    const d: DroppedLine = { text: b.text, reason };
    if (b.line !== undefined) d.line = b.line;
    dropped.push(d);
    return d;
  };
  const kept: Block[] = [];
  const keptAt: number[] = [];
  blocks.forEach((b, i) => {
    if (matches[i] === undefined) {
      kept.push(b);
      keptAt.push(i);
    }
  });
  // An HTML page names its title with a heading agreeing with its markup, or an <h1>; a text page's title is found by position.
  let titleAt = layout.titleAt === undefined ? -1 : keptAt.indexOf(layout.titleAt);
  if (titleAt < 0) titleAt = kept.findIndex((b) => b.node.type === 'heading' && b.node.depth === 1);
  if (titleAt < 0 && layout.title !== undefined) {
    const want = normalizeLabel(layout.title);
    titleAt = kept.findIndex((b) => b.text !== '' && (normalizeLabel(b.text) === want || (want.startsWith(normalizeLabel(b.text)) && b.text.length >= 20)));
  }
  const header = titleAt >= 0 ? readHeaderFrom(kept, taxonomy, titleAt, 0) : readHeader(kept, taxonomy);
  // Between the header and the extractor's main content stands page chrome (share bars, teasers).
  const mainKept = layout.mainStart === undefined ? -1 : keptAt.findIndex((at) => at >= (layout.mainStart ?? 0));
  const between = new Set<number>();
  if (mainKept > header.end) {
    let k = header.end;
    while (k < mainKept && !layout.mainTexts?.has(kept[k]?.text ?? '')) {
      between.add(keptAt[k] ?? -1);
      k += 1;
    }
    header.end = k;
  }
  const bodyFrom = keptAt[header.end] ?? blocks.length;
  const isProseAt = (i: number): boolean => matches[i] === undefined && blocks[i] !== undefined && isProse(blocks[i]);
  const endsHere = (i: number): boolean => {
    // A cluster is chrome right after chrome; a paragraph of prose between two chrome lines makes each a lone line.
    for (let j = i + 1; j <= i + CHROME_CLUSTER && j < blocks.length && !isProseAt(j); j += 1) if (matches[j] !== undefined) return true;
    for (let j = i + 1; j < blocks.length; j += 1) if (isProseAt(j)) return false;
    return true;
  };
  // The end matter (signature, notes) closes the article: chrome after it ends the page.
  const signature = findAuthorBlock(kept, header.end + 1);
  const notesAt = findNotes(kept, header.end, signature?.start ?? kept.length).start;
  const endMatter = keptAt[Math.min(signature?.start ?? kept.length, notesAt)] ?? blocks.length;
  const cut = matches.findIndex((m, i) => i >= bodyFrom && m?.rule.scope === 'rest' && (i > endMatter || endsHere(i)));
  const skipped = new Set(header.skipped.map((k) => keptAt[k]));
  blocks.forEach((b, i) => {
    const m = matches[i];
    if (m?.value !== undefined) languages.push(m.value);
    if (m) {
      const d = record(b, m.rule.id);
      // Chrome right before the page's end (a "3 Comments" above "Leave a reply") is part of that end.
      if (i >= bodyFrom && (cut < 0 || i < cut - CHROME_CLUSTER)) midArticle.push(d);
    } else if (skipped.has(i)) record(b, 'above-title');
    else if (between.has(i)) record(b, 'outside-main-content');
    else if (cut >= 0 && i > cut) record(b, `after "${matches[cut]?.rule.id ?? 'rest'}" (end of the article)`);
  });
  // Skipped blocks stay in `kept` (so header indexes hold) and are left out of the body by `header.end`.
  return { kept: cut >= 0 ? kept.filter((_b, k) => (keptAt[k] ?? 0) < cut) : kept, header, dropped, languages, midArticle };
}

/** Most short lines of site chrome (menu, language switch, breadcrumbs) looked past above a text page's digest header. */
const CHROME_ABOVE_HEADER = 12;

/**
 * Reads the header: byline, period, topic, verdict, title (its repetition dropped), subtitle,
 * credit. A text page whose own header reads no period, topic or verdict may have site chrome
 * above it ("Menu", "EN", a breadcrumb): short lines, then a digest header with a title that is no
 * paragraph of prose. Those lines are skipped (listed as above the title).
 */
function readHeader(blocks: readonly Block[], taxonomy: Taxonomy): Header {
  // A digest's header ("by", the week, the topic) stands above its title, and its verdict below.
  const digestFrom = (h: Header, from: number): boolean => {
    const titleAt = blocks.findIndex((b, k) => k >= from && b.text !== '' && b.text === h.title);
    const above = blocks.slice(from, Math.max(titleAt, from)).some((b) => b.text !== '');
    return above && (h.dates?.kind === 'range' || h.topicId !== undefined || h.printedTopic !== undefined || h.trend !== undefined);
  };
  const h = readHeaderFrom(blocks, taxonomy, 0, 0);
  if (digestFrom(h, 0)) return h;
  for (let from = 1; from <= CHROME_ABOVE_HEADER && from < blocks.length; from += 1) {
    const above = blocks[from - 1];
    if (above === undefined || above.text.length > 80 || isProse(above) || (above.node.type !== 'paragraph' && above.node.type !== 'heading')) break;
    const later = readHeaderFrom(blocks, taxonomy, 0, from);
    const title = blocks.find((b) => b.text === later.title && b.text !== '');
    if (digestFrom(later, from) && title !== undefined && !isProse(title)) return later;
  }
  return h;
}

/** Reads the header from block `from` on (the blocks before it are skipped as site chrome). */
function readHeaderFrom(blocks: readonly Block[], taxonomy: Taxonomy, titleAt: number, from: number): Header {
  const h: Header = { end: 0, skipped: [] };
  let i = from;
  for (let k = 0; k < from; k += 1) h.skipped.push(k);
  let last = '';
  const verdictAt = (k: number): boolean => {
    const b = blocks[k];
    return b !== undefined && (matchVerdict(b.text, taxonomy.verdicts) !== undefined || isCategoryStatusLabel(b.text));
  };
  /** Consumes header lines that may stand before or after the title; false when block i is none. */
  const headerLine = (allowTopicSlot: boolean): boolean => {
    const b = blocks[i];
    if (!b) return false;
    const t = b.text;
    if (t === '') {
      i += 1;
      return true;
    }
    if (b.node.type !== 'paragraph' && b.node.type !== 'heading') return false;
    const byline = h.byline === undefined ? parseBylineLine(t) : undefined;
    if (byline) {
      h.byline = byline;
      last = 'byline';
      i += 1;
      return true;
    }
    // "By Jane Roe, 9 March 2023": a byline and a date on one line.
    const inLine = h.byline === undefined && h.dates === undefined ? findDateInLine(t) : undefined;
    const bylineWithDate = inLine === undefined ? undefined : parseBylineLine(normalizeSpaces(t.replace(inLine.text, ' ').replace(/[,|•·—–-]\s*$/u, '')));
    if (inLine && bylineWithDate && bylineWithDate.names.length > 0) {
      h.byline = bylineWithDate;
      h.dates = { kind: 'date', date: inLine.date };
      h.datesFrom = `${b.line !== undefined ? `line ${b.line}` : 'header line'}: "${t}"`;
      last = 'dates';
      i += 1;
      return true;
    }
    const dates = h.dates === undefined ? (parseDates(t) ?? dateLine(t)) : undefined;
    // A lone fragment ("13 Aug", "5": a header widget) is no date and no week; only a printed range can be a broken week.
    if (dates?.kind === 'invalid' && !/\p{L}.*[-‐‑‒–—―−]|[-‐‑‒–—―−].*\p{L}/u.test(t)) {
      i += 1;
      return true;
    }
    if (dates) {
      h.dates = dates;
      h.datesFrom = `${b.line !== undefined ? `line ${b.line}` : 'header line'}: "${t}"`;
      last = 'dates';
      i += 1;
      return true;
    }
    // A name alone under the title is a byline when it is printed in capitals or beside the date.
    if (!allowTopicSlot && h.byline === undefined && b.node.type === 'paragraph' && isNameLike(t) && (t === t.toUpperCase() || last === 'dates' || dateLineAt(blocks[i + 1]))) {
      h.byline = { names: [t] };
      last = 'byline';
      i += 1;
      return true;
    }
    const topic = h.topicId === undefined && h.printedTopic === undefined ? matchTopic(t, taxonomy.topics) : undefined;
    if (topic) {
      h.topicId = topic.id;
      h.printedTopic = t;
      last = 'topic';
      i += 1;
      return true;
    }
    if (h.trend === undefined) {
      const trend = matchVerdict(t, taxonomy.verdicts);
      if (trend) {
        h.trend = trend;
        last = 'verdict';
        i += 1;
        return true;
      }
      const inner = isCategoryStatusLabel(t) ? bracketed(blocks[i + 1]?.text ?? '') : undefined;
      const legacy = inner === undefined ? undefined : matchVerdict(inner, taxonomy.verdicts);
      if (legacy) {
        h.trend = legacy;
        last = 'verdict';
        i += 2;
        return true;
      }
    }
    if (h.credit === undefined && (b.caption || isCreditLine(t))) {
      h.credit = t;
      last = 'credit';
      i += 1;
      return true;
    }
    // A digest prints its topic right after the week: a short line there, followed by the title
    // and then the verdict, is the topic even when the taxonomy does not know it.
    if (allowTopicSlot && last === 'dates' && h.printedTopic === undefined && t.length <= 100 && !isProse(b) && verdictAt(i + 2) && !verdictAt(i + 1)) {
      h.printedTopic = t;
      last = 'topic';
      i += 1;
      return true;
    }
    return false;
  };
  // Above a known title (an HTML page's <h1>), lines that are no header line are site chrome.
  if (titleAt > 0) {
    // A date read far above the title, with the site's lines between (a clock, a "today" widget), is the site's.
    let sinceDates = 0;
    while (i < titleAt) {
      const before = h.dates;
      if (!headerLine(true)) {
        const text = blocks[i]?.text ?? '';
        if (h.dates !== undefined && text !== '') sinceDates += text.length >= 80 ? 3 : 1;
        if (sinceDates > 2) {
          delete h.dates;
          delete h.datesFrom;
        }
        h.skipped.push(i);
        i += 1;
      } else if (h.dates !== before) sinceDates = 0;
    }
    i = titleAt;
  } else {
    while (i < blocks.length && headerLine(true));
  }
  const titleBlock = blocks[i];
  if (!titleBlock || (titleBlock.node.type !== 'paragraph' && titleBlock.node.type !== 'heading')) {
    h.end = i;
    return h;
  }
  h.title = titleBlock.text;
  if (titleBlock.line !== undefined) h.titleLine = titleBlock.line;
  i += 1;
  const next = blocks[i];
  const after = blocks[i + 1];
  // A subtitle: one short sentence right under the title, ending without punctuation (a first
  // paragraph ends with some), with no cited notes or header meaning, and text still to come.
  if (
    next &&
    after &&
    (next.node.type === 'paragraph' || next.node.type === 'heading') &&
    next.text !== '' &&
    next.text.length <= 200 &&
    /[\p{L}\p{N}]$/u.test(next.text) &&
    !/\[\d{1,3}\]/u.test(next.text) &&
    sentences(next.text).length === 1 &&
    normalizeLabel(next.text) !== normalizeLabel(h.title) &&
    !isCreditLine(next.text) &&
    !next.caption &&
    matchVerdict(next.text, taxonomy.verdicts) === undefined &&
    !isCategoryStatusLabel(next.text) &&
    parseDates(next.text) === undefined &&
    findDateInLine(next.text) === undefined &&
    !(isNameLike(next.text) && (next.text === next.text.toUpperCase() || dateLineAt(after))) &&
    parseBylineLine(next.text) === undefined &&
    bylineLineNames(next.text) === undefined &&
    matchTopic(next.text, taxonomy.topics) === undefined
  ) {
    h.subtitle = next.text;
    i += 1;
  }
  for (;;) {
    const b = blocks[i];
    if (!b) break;
    if ((b.node.type === 'paragraph' || b.node.type === 'heading') && normalizeLabel(b.text) === normalizeLabel(h.title)) {
      // The title printed again (as over the cover image); a line glued under it is the image credit.
      i += 1;
      const credit = blocks[i];
      if (h.credit === undefined && credit && (credit.glued || credit.caption) && credit.node.type === 'paragraph' && credit.text.length <= 500 && !isProse(credit)) {
        h.credit = credit.text;
        i += 1;
      }
      continue;
    }
    if (!headerLine(false)) break;
  }
  h.end = i;
  return h;
}

/** Words that label a date printed inside a line ("Last update:", "Veröffentlicht am", "Publié le", "Опубликовано"). */
const DATE_LABEL = /^(?:published|posted|updated|last updated?|date|on|at|veröffentlicht|erschienen|aktualisiert|stand|datum|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt|opublikowano|publicerad|опубликовано|обновлено|дата|опубліковано|оновлено|апублікавана|абноўлена|дата публікацыі|дата публикации)(?=\s|$)/iu;

/**
 * A header line that carries a date among other words: "Last update: 26 September 2022",
 * "25.10.2015 | Politics", "July 04, 2017 12:01". The rest of the line must be a label, a time or
 * a list of short fields, so that a title which mentions a date is not taken for a date line.
 */
function dateLine(text: string): ParsedDates | undefined {
  const found: DateInLine | undefined = findDateInLine(text);
  if (!found) return undefined;
  const rest = normalizeSpaces(text.replace(found.text, ' ').replace(/\b\d{1,2}:\d{2}(?::\d{2})?\b/gu, ' ').replace(/[,:;.]/gu, ' '));
  const fields = /[|•·]/u.test(text);
  return rest === '' || fields || DATE_LABEL.test(rest) || rest.split(' ').length <= 1 ? { kind: 'date', date: found.date } : undefined;
}

/** True when a block is a date line (exactly a date, or a labelled one). */
function dateLineAt(b: Block | undefined): boolean {
  return b !== undefined && b.node.type === 'paragraph' && (parseDates(b.text) !== undefined || dateLine(b.text) !== undefined);
}

/** Builds an error or warning for this page. */
function problem(file: string, field: string, message: string, severity: 'error' | 'warning' = 'error'): Problem {
  return { file, field, message, severity };
}

/** Cache of compiled actor patterns per taxonomy (a batch imports many pages with one taxonomy). */
const matchers = new WeakMap<Taxonomy['actors'], ActorMatcher>();

/** The compiled actor patterns of a taxonomy. */
function matcherFor(taxonomy: Taxonomy): ActorMatcher {
  let m = matchers.get(taxonomy.actors);
  if (!m) {
    m = actorMatcher(taxonomy.actors);
    matchers.set(taxonomy.actors, m);
  }
  return m;
}

/** Control characters that have no place in a page's text (tab, line feed and carriage return do). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/gu;

/** Invisible characters a title loses: soft hyphens, zero-width spaces, word joiners, byte order marks, direction marks. */
const INVISIBLE = /[\u00AD\u180E\u200B\u200E\u200F\u2060\uFEFF\u202A-\u202E]/gu;

/** The code points of the characters a pattern finds, for a warning ("U+00AD, U+200B"). */
function codePoints(found: readonly string[]): string {
  return [...new Set(found)].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(', ');
}

/**
 * Removes control characters from a page's text (a U+0014 a CMS left in), with a warning naming
 * them and the line of the first, instead of refusing the page.
 */
function removeControl(text: string, file: string, problems: Problem[]): string {
  const found = text.match(CONTROL);
  if (!found) return text;
  const line = text.slice(0, text.search(CONTROL)).split('\n').length;
  problems.push(problem(file, '(page)', `${found.length} control character${found.length === 1 ? '' : 's'} (${codePoints(found)}) removed, the first on line ${line}`, 'warning'));
  return text.replace(CONTROL, '');
}

/** Rejects input that is not a text page at all (binary data, oversized), with the reason. */
function unreadable(page: PageInput): string | undefined {
  if (page.text.length > MAX_PAGE_CHARS) return `the page is ${page.text.length} characters long, expected at most ${MAX_PAGE_CHARS} (is it really one article?)`;
  const control = /[\u0000-\u0008\u000E-\u001F\u007F]/u.exec(page.text);
  // A stray control character (a U+0014 left by a CMS) is removed later; a NUL byte or many of them mean binary data.
  const many = control !== null && (page.text.includes('\u0000') || (page.text.match(CONTROL) ?? []).length > Math.max(10, page.text.length / 1000));
  if (control && many) {
    const line = page.text.slice(0, control.index).split('\n').length;
    return `contains control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} on line ${line}, expected a text or HTML page`;
  }
  if (page.text.trim() === '') return 'the page is empty';
  return undefined;
}

/** Reads one page. Never throws: whatever the input, problems explain what went wrong. */
export function parsePage(page: PageInput, taxonomy: Taxonomy, options: ImportOptions = {}): PageResult {
  const empty: PageResult = { data: {}, body: '', authors: [], availableIn: [], problems: [], dropped: [], dates: [], origins: {} };
  const bad = unreadable(page);
  if (bad !== undefined) return { ...empty, problems: [problem(page.file, '(page)', bad)] };
  try {
    return parseReadable(page, taxonomy, options);
  } catch (error) {
    // A bug, not a page problem; still reported as a clear per-file error so a batch goes on.
    const reason = error instanceof Error ? error.message : String(error);
    return { ...empty, problems: [problem(page.file, '(page)', `could not be read (internal error: ${reason})`)] };
  }
}

/** The work of parsePage, on input known to be text. */
function parseReadable(page: PageInput, taxonomy: Taxonomy, options: ImportOptions): PageResult {
  const { file } = page;
  const problems: Problem[] = [];
  const text = removeControl(page.text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n'), file, problems);
  const read: HtmlRead = page.format === 'html' ? readHtml(text, options.url) : { blocks: textToBlocks(text), layout: {}, meta: { titles: [], siteNames: [] }, removed: [] };
  const { blocks, layout, meta } = read;
  if (read.textFrom !== undefined) problems.push(problem(file, 'body', `the text is taken from ${read.textFrom}: links and emphasis are not in it`, 'warning'));
  const { kept, header, dropped, languages, midArticle } = dropChrome(blocks, taxonomy, layout);
  if (layout.titleKicker !== undefined) dropped.push({ text: layout.titleKicker, reason: 'title heading with a kicker (the markup title is used)' });
  dropped.push(...read.removed);
  for (const d of midArticle) {
    problems.push(problem(file, 'body', `"${d.text}"${d.line === undefined ? '' : ` (line ${d.line})`} looks like page chrome (${d.reason}) but stands in the middle of the text: that line was left out and the text after it kept; check the end of the article`, 'warning'));
  }
  if (options.title !== undefined) {
    if (header.title !== undefined && normalizeLabel(header.title) !== normalizeLabel(options.title)) problems.push(problem(file, 'title', `--title "${options.title}" replaces the printed title "${header.title}"`, 'warning'));
    header.title = options.title;
  } else if (meta.title !== undefined && header.title === undefined) {
    header.title = meta.title.value;
  }

  // Soft hyphens and zero-width characters split a title's words in search and in the file name.
  const invisible = header.title?.match(INVISIBLE);
  if (header.title !== undefined && invisible) {
    header.title = normalizeSpaces(header.title.replace(INVISIBLE, ''));
    problems.push(problem(file, 'title', `${invisible.length} invisible character${invisible.length === 1 ? '' : 's'} (${codePoints(invisible)}) removed from the title`, 'warning'));
  }

  const availableIn: string[] = [];
  for (const list of languages) {
    const { codes, unknown } = parseLanguageList(list);
    for (const c of codes) if (!availableIn.includes(c)) availableIn.push(c);
    if (unknown.length) problems.push(problem(file, 'availableIn', `language name(s) not recognised: ${unknown.join(', ')} (add them to LANGUAGE_NAMES in scripts/import/chrome.ts)`, 'warning'));
  }

  const signature = findAuthorBlock(kept, header.end + 1);
  const tailStart = signature?.start ?? kept.length;
  const { start: notesStart, notes } = findNotes(kept, header.end, tailStart);
  // An image's caption or credit (an HTML <figcaption>) is no text of the article: listed, not kept.
  const second = read.second;
  // A byline printed as a line of its own at the start or the end of the text ("Von Jane Roe", "Text: Jane Roe") names the
  // authors, and leaves the body when it holds nothing else (a line naming an affiliation too stays).
  const textByline: string[] = [];
  const bodyCount = notesStart - header.end;
  const bodyBlocks = kept.slice(header.end, notesStart).filter((b, k) => {
    if (page.format !== 'html') return true;
    const lineNames = (k < 3 || k >= bodyCount - 3) && b.node.type === 'paragraph' && textByline.length === 0 ? bylineLineNames(b.text) : undefined;
    if (lineNames !== undefined) textByline.push(...lineNames);
    // A date line or a byline repeated in the text ("Stand: 28.04.2023 17:23 Uhr", "By Jane Roe") is the page's furniture.
    const reason = b.caption ? 'image caption' : b.node.type === 'paragraph' && dateLine(b.text) !== undefined && b.text.split(' ').length <= 12 ? 'date line' : (k < 3 && parseBylineLine(b.text) !== undefined) || (lineNames !== undefined && isBareBylineLine(b.text)) ? 'byline' : undefined;
    if (reason === undefined) return true;
    dropped.push({ text: b.text, reason });
    return false;
  });
  // Where the second extractor agrees with the main content overall, a block it left out (a share
  // bar, a related link, a promo box between paragraphs) is left out too.
  // A lead that repeats the page's description stays: Defuddle leaves such a block out as a duplicate.
  if (second !== undefined && coverage(bodyBlocks.map((b) => b.text), second) >= AGREEMENT) {
    const description = opinionOf([meta.description ?? '']);
    for (let k = bodyBlocks.length - 1; k >= 0; k -= 1) {
      const b = bodyBlocks[k];
      if (b === undefined || b.node.type === 'blockquote' || b.text === '' || heldIn(b.text, second) >= BLOCK_HELD || heldIn(b.text, description) >= BLOCK_HELD) continue;
      dropped.push({ text: b.text, reason: 'not in the second extractor\'s text (Defuddle)' });
      bodyBlocks.splice(k, 1);
    }
  }

  if (dropped.length) problems.push(problem(file, 'body', `${dropped.length} line(s) were left out as page chrome or outside the article (listed in "dropped" of the --json report)`, 'warning'));

  // Footnotes: markers become references, notes become definitions and sources.
  const bodyNodes: RootContent[] = bodyBlocks.map((b) => b.node);
  const numbers = new Set(notes.map((n) => n.number));
  if (numbers.size !== notes.length) problems.push(problem(file, 'sources', 'two notes carry the same number; the Markdown keeps both but only the first is linked', 'warning'));
  linkMarkers(bodyNodes, numbers);
  const cited = new Set<number>();
  for (const b of bodyBlocks) for (const m of b.text.matchAll(/\[(\d{1,3})\]/gu)) cited.add(Number(m[1]));
  for (const n of numbers) if (!cited.has(n)) problems.push(problem(file, 'sources', `note [${n}] is not cited in the text (no "[${n}]" marker)`, 'warning'));
  const sources: Source[] = [];
  let previous: Source | undefined;
  for (const note of notes) {
    const read = noteToSource(note, previous);
    if (read.warning !== undefined) problems.push(problem(file, 'sources', read.warning, 'warning'));
    if (read.source) {
      sources.push(read.source);
      previous = read.source;
    }
  }
  const body = bodyNodes.length ? stringifyBlocks([...bodyNodes, ...footnoteDefinitions(notes)]) : '';
  if (bodyBlocks.length === 0) problems.push(problem(file, 'body', 'no text found after the title and header lines'));

  // Kind: the digest layout (a verdict or a topic line) is weekly; otherwise a page that cites
  // its sources in numbered notes is an analysis, and a signed piece without notes an opinion.
  const isDigest = header.trend !== undefined || header.printedTopic !== undefined || (header.byline?.names.length === 0 && header.dates?.kind === 'range');
  // A digest header printing a whole month is a monthly analysis: the schema's weekly kind covers
  // one Monday-to-Sunday week, while an analysis may cover any period (and carries no verdict).
  const month = header.dates?.kind === 'range' && isWholeMonth(header.dates.period) ? header.dates.period : undefined;
  const layoutKind: Kind = isDigest && month === undefined ? 'weekly' : isDigest || notes.length > 0 ? 'analysis' : 'opinion';
  // A copy that lost its digest header is still a weekly entry when the editor gives its week or verdict.
  const kind: Kind = options.kind ?? (options.periodStart !== undefined || options.trend !== undefined ? 'weekly' : layoutKind);

  // Dates. A printed week is a weekly entry's own period. For one date, the article's structured
  // data (JSON-LD datePublished, article:published_time) outranks a date printed in the page's
  // header area, which may be a clock, a "today" widget or a media clip's; weaker markup (the first
  // <time datetime>, a date printed beside the title, a date in the address) comes last. Every date found is reported with where it
  // came from, the one used first.
  const dates: Found<IsoDate>[] = [];
  let period: Period | undefined;
  let published: IsoDate | undefined;
  const from = header.datesFrom ?? 'header line';
  let printed: Found<IsoDate> | undefined;
  if (header.dates?.kind === 'range') {
    if (kind === 'weekly') {
      period = header.dates.period;
      dates.push({ value: period.start, from: `${from} (week start)` }, { value: period.end, from: `${from} (week end)` });
    } else if (month !== undefined && kind === 'analysis') {
      period = month;
      dates.push({ value: period.start, from: `${from} (month start)` }, { value: period.end, from: `${from} (month end)` });
    } else {
      problems.push(problem(file, 'period', `the week printed in ${from} is not read: the page is imported as ${kind}, which has no period`, 'warning'));
    }
  } else if (header.dates?.kind === 'date') printed = { value: header.dates.date, from };
  else if (header.dates?.kind === 'invalid' && kind === 'weekly' && options.periodStart === undefined) problems.push(problem(file, 'period', `${header.dates.problem}; expected a printed week such as "August 29 – September 4, 2022"`));
  // A UTC timestamp read as the publisher's next or previous day, while the header (or a line under
  // the title) prints its UTC date: the CMS labelled a local time as UTC, and the printed date is the one readers saw.
  const under = meta.weakDates?.find((d) => d.from.startsWith(UNDER_TITLE));
  const utcShown = [printed, under].find((d) => d !== undefined && meta.publishedUtcDate === d.value);
  const utcPrinted = utcShown !== undefined;
  const strong = utcPrinted ? [utcShown, meta.published, printed] : [meta.published, printed];
  for (const found of [...strong, ...(meta.weakDates ?? (meta.weakPublished === undefined ? [] : [meta.weakPublished]))]) {
    if (found === undefined || dates.some((d) => d.from === found.from)) continue;
    dates.push(found);
    if (period === undefined && published === undefined) published = found.value;
  }
  if (meta.published !== undefined && printed !== undefined && meta.published.value !== printed.value && period === undefined && !utcPrinted) {
    problems.push(problem(file, 'published', `the page's ${meta.published.from} (${meta.published.value}) is used; ${printed.from} prints ${printed.value} (a clock or another item's date?)`, 'warning'));
  }
  if (options.periodStart !== undefined) {
    const week: Period = { start: options.periodStart, end: addDays(options.periodStart, 6) };
    if (period !== undefined && (period.start !== week.start || period.end !== week.end)) problems.push(problem(file, 'period', `--period ${week.start} (to ${week.end}) replaces the printed week ${period.start} to ${period.end}`, 'warning'));
    if (published !== undefined && (published < week.start || published > week.end)) problems.push(problem(file, 'period', `--period ${week.start} (to ${week.end}) does not contain the date printed on the page (${published})`, 'warning'));
    period = week;
    dates.unshift({ value: week.start, from: '--period' });
  }
  if (options.date !== undefined) {
    if (published !== undefined && published !== options.date) problems.push(problem(file, 'published', `--date ${options.date} replaces the date printed on the page (${published})`, 'warning'));
    if (period !== undefined && (options.date < period.start || options.date > period.end)) problems.push(problem(file, 'published', `--date ${options.date} falls outside the printed week ${period.start} to ${period.end}`, 'warning'));
    published = options.date;
    dates.unshift({ value: options.date, from: '--date' });
  }
  let draft = false;
  if (period === undefined && published === undefined && (header.dates?.kind !== 'invalid' || kind !== 'weekly' || options.periodStart !== undefined)) {
    if (kind !== 'weekly') {
      // Nothing on the page dates it: no date is made up (a file's modification date says when it
      // was saved, not published); the entry is a draft, which the site leaves out until it has one.
      draft = true;
      problems.push(problem(file, 'published', `no date is printed on the page: imported as a draft without a date (draft: true, no published); add published: YYYY-MM-DD, remove draft: true and rename the file to YYYY-MM-DD-<title>.md, or import it again with --date YYYY-MM-DD`, 'warning'));
    } else problems.push(problem(file, 'published', 'no date is printed on the page; pass --date YYYY-MM-DD (or --period YYYY-MM-DD for a weekly entry)'));
  }

  // Topic.
  let topic: string | undefined;
  const known = taxonomy.topics.map((t) => `${t.id} ("${t.names[0] ?? t.id}")`).join(', ') || 'none defined';
  if (options.topic !== undefined) {
    if (taxonomy.topics.some((t) => t.id === options.topic)) topic = options.topic;
    else problems.push(problem(file, 'topic', `--topic "${options.topic}" is not a known topic; known: ${known}`));
    if (header.printedTopic !== undefined && header.topicId !== options.topic) problems.push(problem(file, 'topic', `--topic ${options.topic} replaces the printed topic "${header.printedTopic}"`, 'warning'));
  } else if (header.topicId !== undefined) topic = header.topicId;
  else if (header.printedTopic !== undefined) {
    problems.push(problem(file, 'topic', `"${header.printedTopic}" is not a known topic; known: ${known} (or pass --topic <id>)`));
  } else if (kind === 'weekly') {
    problems.push(problem(file, 'topic', `no topic line found; a weekly analysis needs one of: ${known} (or pass --topic <id>)`));
  }

  // Authors: the editor's list, else the article's JSON-LD, else the printed byline and signature,
  // else the other markup (meta author, a byline element). Nobody is refused: an author without a
  // file gets one, with the printed bio or with the name only.
  const authors: AuthorRef[] = [];
  const context: NameContext = { siteNames: meta.siteNames };
  const withBio = new Set<string>();
  const organisations = new Set<string>();
  const addAuthor = (printed: string, bio: string, organisation = false, role?: string): void => {
    const existing = matchAuthor(printed, taxonomy.authors);
    if (existing) {
      if (!authors.some((a) => a.id === existing.id)) authors.push({ id: existing.id, name: existing.name, isNew: false });
      return;
    }
    const normalized = normalizeAuthor(printed, context, organisation);
    const found = normalized !== undefined && role !== undefined && normalized.role === undefined ? { ...normalized, role } : normalized;
    if (found === undefined) {
      problems.push(problem(file, 'authors', `"${printed}" does not read as a name; left out (pass --authors to name the authors)`, 'warning'));
      return;
    }
    const known = matchAuthor(found.name, taxonomy.authors);
    if (known) {
      if (!authors.some((a) => a.id === known.id)) authors.push({ id: known.id, name: known.name, isNew: false });
      return;
    }
    // A person's name printed in capitals ("Sabir ASKEROĞLU") is written as a name; an organisation's stays as printed ("AFP").
    const name = found.kind === 'person' ? normalizeNameCase(found.name) : found.name;
    const id = authorId(name) || `author-${createHash('sha256').update(name.normalize('NFC')).digest('hex').slice(0, 8)}`;
    const already = authors.find((a) => a.id === id);
    if (already) {
      if (already.isNew && bio !== '' && !withBio.has(id)) {
        Object.assign(already, newAuthor(file, id, { ...found, name }, bio, problems));
        withBio.add(id);
      }
      return;
    }
    if (bio !== '') withBio.add(id);
    if (found.kind === 'organisation') organisations.add(id);
    authors.push({ id, name, isNew: true, ...newAuthor(file, id, { ...found, name }, bio, problems) });
  };
  const markupNames = (from: Found<MarkupAuthor[]>): SourceName[] =>
    from.value.flatMap((a, element) => (a.organisation ? [{ ...a, element }] : splitAuthorList(a.name).map((name) => ({ name, organisation: false, element }))));
  const printedNames = [...(header.byline?.names ?? []), ...(signature ? [signature.printed] : [])];
  let authorsFrom: string | undefined;
  if (options.authors !== undefined) {
    authorsFrom = '--authors';
    const given = options.authors.map((a) => taxonomy.authors.find((t) => t.id === a)?.name ?? a);
    const printed = printedNames.map((n) => matchAuthor(n, taxonomy.authors)?.id ?? authorId(cleanName(n)));
    const wanted = given.map((n) => matchAuthor(n, taxonomy.authors)?.id ?? authorId(cleanName(n)));
    if (printed.length && printed.join(',') !== wanted.join(',')) problems.push(problem(file, 'authors', `--authors ${options.authors.join(', ')} replaces the printed author(s) ${printedNames.join(', ')}`, 'warning'));
    for (const name of given) addAuthor(name, signature && authorId(cleanName(signature.printed)) === authorId(cleanName(name)) ? signature.bio : '');
  } else {
    // Every source that names authors, in order of trust; the first naming a person wins, else the
    // first naming an organisation, so a site's own name in JSON-LD or meta gives way to a reporter
    // named in the byline, yet stays the author when nobody is named.
    type Source = { from: string; names: SourceName[] };
    const sources: Source[] = [];
    if (meta.authors?.from === 'JSON-LD author') sources.push({ from: 'JSON-LD author', names: markupNames(meta.authors) });
    if (header.byline?.names.length) sources.push({ from: 'the byline printed in the header', names: header.byline.names.map((name) => ({ name, organisation: false, element: 0 })) });
    if (textByline.length) sources.push({ from: 'the byline printed in the text', names: textByline.map((name) => ({ name, organisation: false, element: 0 })) });
    if (header.byline === undefined && !signature) {
      const readability = meta.authors?.from === 'byline element' ? meta.authors : undefined;
      const metaAuthors = meta.metaAuthors ?? (meta.authors?.from.startsWith('meta ') ? meta.authors : undefined);
      if (metaAuthors !== undefined) sources.push({ from: metaAuthors.from, names: markupNames(metaAuthors) });
      // Byline markup is weaker evidence: a name that reads like a control or a label ("Themen bearbeiten") is left out.
      const plausible = (names: SourceName[]): SourceName[] =>
        names.filter((n) => {
          const found = normalizeAuthor(n.name, context, n.organisation);
          return found !== undefined && isPlausibleByline(found.name);
        });
      // A labelled byline line ("Geschrieben von Jane Roe") says what it is: it comes before the markup's unlabelled author
      // classes. Several lines naming different people are a list of teasers, not the article's byline.
      const lines = meta.textBylines ?? [];
      if (lines.length === 1) sources.push({ from: 'a byline line in the page', names: (lines[0] ?? []).map((name) => ({ name, organisation: false, element: 0 })) });
      for (const group of meta.bylines ?? []) sources.push({ from: 'the byline in the markup', names: plausible(group.flatMap((text, element) => splitAuthorList(text).map((name) => ({ name, organisation: false, element })))) });
      if (readability !== undefined) sources.push({ from: readability.from, names: plausible(markupNames(readability)) });
    }
    const people = (source: Source): (AuthorName & { element: number })[] =>
      source.names.flatMap((n) => {
        const found = normalizeAuthor(n.name, context, n.organisation);
        return found === undefined ? [] : [{ ...found, element: n.element }];
      });
    // A person written as a name (3) beats a user name ("jane.roe", 2), which beats an organisation other than the
    // site itself (an agency, a desk: 1.5), which beats the site's own name (1).
    const rank = (source: Source): number => {
      const found = people(source);
      if (found.some((n) => n.kind === 'person' && !isUserName(n.name))) return 3;
      if (found.some((n) => n.kind === 'person')) return 2;
      return found.some((n) => isAgencyOrDesk(n.name, context)) ? 1.5 : found.length ? 1 : 0;
    };
    // An author key in a page script is the last resort: only when no other source names anyone.
    if (header.byline === undefined && !signature && meta.scriptAuthors !== undefined && !sources.some((s) => rank(s) > 0)) {
      sources.push({ from: 'an author key in a page script', names: meta.scriptAuthors.map((name) => ({ name, organisation: false, element: 0 })) });
    }
    const best = Math.max(0, ...sources.map(rank));
    let chosen = sources.find((s) => rank(s) === best) ?? sources[0];
    // A byline naming every author the chosen source names, and more, is the fuller list ("A" in JSON-LD, "A, B" printed).
    if (chosen !== undefined) {
      const keys = new Set(people(chosen).map((n) => nameKey(n.name)));
      const fuller = sources.find((s) => {
        // A further name counts only when printed in the same element as a chosen one ("von A, B"): the byline box's other
        // elements hold links ("Alle Artikel"), labels, affiliations and editors. Only names of two words or more count:
        // a "Follow" button or a "News Reporter" role beside the name is no co-author.
        const found = people(s).filter((n) => n.kind === 'person');
        const shared = new Set(found.filter((n) => keys.has(nameKey(n.name))).map((n) => n.element));
        const theirs = new Set(found.filter((n) => keys.has(nameKey(n.name)) || (shared.has(n.element) && n.name.includes(' ') && !isRoleOnly(n.name))).map((n) => nameKey(n.name)));
        return theirs.size > keys.size && [...keys].every((k) => theirs.has(k));
      });
      if (fuller !== undefined) chosen = fuller;
    }
    if (chosen !== undefined) {
      // The site's own name beside a named person is the publisher, not a co-author.
      const withPerson = people(chosen).some((n) => n.kind === 'person');
      for (const a of chosen.names) if (!(withPerson && isSiteName(a.name, context))) addAuthor(a.name, '', a.organisation);
      if (chosen.names.length) authorsFrom = chosen.from;
    }
    // The signature brings the bio; it names an author already listed, or one more.
    if (signature) {
      addAuthor(signature.printed, signature.bio, false, signature.role);
      authorsFrom ??= 'the signature at the end';
    }
    if (authors.length === 0 && kind !== 'weekly') problems.push(problem(file, 'authors', 'no author found on the page (no byline, signature or author markup); it will show as the editorial team (pass --authors to name them)', 'warning'));
  }
  for (const a of authors) {
    if (a.isNew && !withBio.has(a.id)) {
      problems.push(problem(file, 'authors', `"${a.name}" is not in content/authors: content/authors/${a.id}.yaml is created with the name only${organisations.has(a.id) ? ' (an organisation)' : ''}, since the page prints no bio; add one there if you like`, 'warning'));
    }
  }

  // Actors, from the title and the text (not the notes or the bio).
  const actorText = [header.title ?? '', header.subtitle ?? '', ...bodyBlocks.map((b) => b.text)].join('\n');
  const actors = detectActors(actorText, matcherFor(taxonomy));

  // Summary, from the first paragraph (or, when the text opens with no paragraph at all, from the
  // first item of its first list or block).
  const summary = deriveSummary(leadText(bodyBlocks));
  if (summary?.shortened) problems.push(problem(file, 'summary', 'the first sentence is longer than 600 characters; it was cut at a word boundary and ends with "…"', 'warning'));
  if (!summary && bodyBlocks.length > 0) problems.push(problem(file, 'summary', 'no text to take the summary from'));
  if (header.title === undefined) problems.push(problem(file, 'title', 'no title line found'));

  const data: Partial<AnalysisInput> = {};
  if (header.title !== undefined) data.title = header.title;
  if (header.subtitle !== undefined) data.subtitle = header.subtitle;
  if (summary) data.summary = summary.summary;
  data.kind = kind;
  if (period) data.period = period;
  if (published !== undefined) data.published = published;
  if (draft) data.draft = true;
  if (topic !== undefined) data.topic = topic;
  if (options.trend !== undefined) {
    if (header.trend !== undefined && header.trend !== options.trend) problems.push(problem(file, 'trend', `--trend ${options.trend} replaces the printed verdict (${header.trend})`, 'warning'));
    data.trend = options.trend;
  } else if (header.trend !== undefined && kind === 'weekly') data.trend = header.trend;
  else if (header.trend !== undefined) problems.push(problem(file, 'trend', `the printed verdict (${header.trend}) is not kept: only a weekly entry carries one, and this page is imported as ${kind}${month === undefined ? '' : ` (it covers the month ${month.start} to ${month.end}, not a week)`}`, 'warning'));
  data.authors = authors.map((a) => a.id);
  data.actors = actors;
  if (sources.length) data.sources = sources;
  if (header.credit !== undefined) data.cover = { credit: header.credit };

  // The site's own schema has the last word; fields already explained above are not repeated.
  const explained = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.field));
  const parsed = analysisSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    for (const p of issuesToProblems(file, parsed.error.issues)) {
      if (!explained.has(p.field) && !(p.field === 'published' && explained.has('period'))) problems.push(p);
    }
  }

  const date = period?.start ?? published;
  const origins: PageResult['origins'] = {};
  const titleFrom = options.title !== undefined ? '--title' : page.format === 'text' ? (header.titleLine === undefined ? undefined : `line ${header.titleLine}`) : (layout.titleFrom ?? 'the first <h1>');
  if (header.title !== undefined && titleFrom !== undefined) origins.title = titleFrom;
  if (dates[0] !== undefined) origins.date = dates[0].from;
  if (authorsFrom !== undefined) origins.authors = authorsFrom;
  origins.body = page.format === 'text' ? 'the text page' : (read.textFrom ?? read.mainFrom ?? (layout.mainStart === undefined ? 'the whole page (no main content found)' : `the main content (Mozilla Readability${second === undefined ? '' : ', checked against Defuddle'})`));
  const result: PageResult = { data, body, authors, availableIn, problems, dropped, dates, origins };
  if (header.title !== undefined && (date !== undefined || draft)) result.fileName = analysisFileName(date, header.title);
  if (!problems.some((p) => p.severity === 'error')) result.markdown = stringifyMarkdown(data as Record<string, unknown>, body);
  return result;
}

/** Deepest element nesting read as is; real pages stay far below it. */
const MAX_NESTING = 300;

/** Wrapper elements whose tags carry no meaning for the text (dropped when a page nests too deep). */
const WRAPPERS = /<\/?(?:div|span|section|font|center|main|aside|header|footer|article|b|i|em|strong|small|big|u|blockquote)\b[^>]*>/giu;

/**
 * Removes wrapper tags from a page nested deeper than MAX_NESTING (thousands of `<div>`s), keeping
 * all its text: the parser, the extractor and the converter then work on a shallow tree instead of
 * hitting recursion limits or quadratic walks. Pages of normal depth are returned unchanged.
 */
export function flattenDeepNesting(html: string): string {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)(?:div|span|section|font|center|main|aside|header|footer|article|b|i|em|strong|small|big|u|blockquote)\b[^>]*?(\/?)>/giu)) {
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else if (m[2] !== '/') {
      depth += 1;
      if (depth > max) max = depth;
    }
    if (max > MAX_NESTING) return html.replace(WRAPPERS, '\n');
  }
  return html;
}

/** An HTML page read: its blocks (header region, then the main content), where things stand, its metadata. */
interface HtmlRead {
  blocks: Block[];
  layout: Layout;
  meta: PageMeta;
  removed: DroppedLine[];
  /** Set when the text does not come from the page's markup (JSON-LD articleBody), saying so. */
  textFrom?: string;
  /** Set when the text comes from the second extractor (Defuddle) instead of Readability, saying why. */
  mainFrom?: string;
  /** The second extractor's text, when it agrees with the main content enough to judge its blocks. */
  second?: SecondOpinion;
}

/** Words of running text in some blocks (a caseless script counts two characters as a word). */
function wordCount(blocks: readonly Block[]): number {
  return blocks.reduce((n, b) => n + (b.node.type === 'heading' ? 0 : b.text.split(' ').length + Math.floor((b.text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/gu)?.length ?? 0) / 2)), 0);
}

/** The paragraphs of a JSON-LD articleBody (blank lines or line ends between them) as blocks. */
function articleBodyBlocks(text: string): Block[] {
  const parts = text.includes('\n\n') ? text.split(/\n\s*\n/u) : text.split('\n');
  return parts.map((p) => normalizeSpaces(p)).filter((p) => p !== '').map((p) => makeBlock({ type: 'paragraph', children: inlineFromText(p) }));
}

/**
 * Reads an HTML page: the extractor finds the main content and metadata; the blocks above the main
 * content (where a digest prints its week, topic, title and verdict) are kept from the whole page,
 * so the digest reading still sees its header. Whole-page blocks the extractor left out are
 * reported as dropped. Without a main content found, the whole page is read as before.
 */
function readHtml(source: string, url: string | undefined): HtmlRead {
  const html = flattenDeepNesting(source);
  const extracted = extractArticle(html, url);
  const meta = extracted.meta;
  const base = meta.base?.value;
  const removedAll: { text: string; reason: string }[] = [];
  const all = htmlToBlocks(html, base, removedAll);
  const layout: Layout = {};
  if (meta.title !== undefined) layout.title = meta.title.value;
  let extractedMain = extracted.mainHtml === undefined ? [] : htmlToBlocks(extracted.mainHtml, base);
  // A page whose text lives only in its JSON-LD (rendered by a script): the articleBody is the text.
  let textFrom: string | undefined;
  if (meta.articleBody !== undefined) {
    const fromJson = articleBodyBlocks(meta.articleBody);
    if (wordCount(fromJson) > 3 * Math.max(wordCount(extractedMain), 10)) {
      extractedMain = fromJson;
      textFrom = "the page's JSON-LD articleBody (its markup shows almost no text)";
      const h1 = all.findIndex((b) => b.node.type === 'heading' && b.node.depth === 1);
      const pre = all.slice(0, h1 + 1);
      if (h1 < 0) placeTitle(pre, 0, meta, layout);
      else layout.titleAt = h1;
      layout.mainStart = pre.length;
      layout.mainTexts = new Set(fromJson.map((b) => b.text));
      return { blocks: [...pre, ...fromJson], layout, meta, removed: [...removedAll, ...all.slice(h1 + 1).filter((b) => b.text !== '').map((b) => ({ text: b.text, reason: 'outside-main-content' }))], textFrom };
    }
  }
  // A second opinion: Defuddle's text. When it and Readability's share no text at all, one of them
  // took a consent box, a newsletter form or a teaser list: the one sharing the headline's and
  // description's words is the article.
  const secondMain = extracted.secondHtml === undefined ? [] : htmlToBlocks(extracted.secondHtml, base).filter((b) => b.text !== '' && !b.caption);
  let second = secondMain.length ? opinionOf(secondMain.map((b) => b.text)) : undefined;
  let mainFrom: string | undefined;
  if (second !== undefined && second.text.length >= 250) {
    const first = extractedMain.map((b) => b.text);
    const disjoint = coverage(first, second) < 0.1 && coverage(secondMain.map((b) => b.text), opinionOf(first)) < 0.1;
    const headline = [...meta.titles.map((t) => t.value), meta.description ?? ''].join(' ');
    if (disjoint && sharedWithHeadline(secondMain.map((b) => b.text).join(' '), headline) > sharedWithHeadline(first.join(' '), headline) + 0.3) {
      extractedMain = secondMain;
      mainFrom = "the main content as Defuddle finds it (Readability's shares no text with it and fewer of the headline's words)";
    }
  }
  // Judging blocks needs two texts about the same article: most of each held in the other.
  if (second !== undefined && (coverage(extractedMain.map((b) => b.text), second) < AGREEMENT || coverage(secondMain.map((b) => b.text), opinionOf(extractedMain.map((b) => b.text))) < AGREEMENT)) second = undefined;
  // The article's first paragraph of prose anchors the main content in the page: everything above
  // it is read from the whole page (a digest's week, topic, title and verdict, which extractors
  // tend to drop), everything from it on comes from the extractor.
  const allAt = new Map<string, number>();
  all.forEach((b, i) => {
    if (!allAt.has(b.text)) allAt.set(b.text, i);
  });
  let anchor = extractedMain.findIndex((b) => b.node.type === 'paragraph' && b.text.split(' ').length >= 8 && allAt.has(b.text));
  if (anchor < 0) anchor = extractedMain.findIndex((b) => b.text !== '' && allAt.has(b.text));
  // An anchor found only after much of the extractor's text (a footer line) anchors nothing.
  const wordsBefore = extractedMain.slice(0, Math.max(anchor, 0)).reduce((n, b) => n + b.text.split(' ').length, 0);
  if (wordsBefore > 30) anchor = -1;
  if (extractedMain.every((b) => b.text === '')) {
    placeTitle(all, all.length, meta, layout);
    return { blocks: all, layout, meta, removed: removedAll };
  }
  const opinions: Pick<HtmlRead, 'mainFrom' | 'second'> = {};
  if (mainFrom !== undefined) opinions.mainFrom = mainFrom;
  if (second !== undefined) opinions.second = second;
  const h1 = all.findIndex((b) => b.node.type === 'heading' && b.node.depth === 1);
  // No line of the extractor's text is printed alike in the page (it rejoined lines split by <br>):
  // the page down to its <h1> is the header, the extractor's text the body.
  const main = anchor < 0 ? extractedMain : extractedMain.slice(anchor);
  const f = anchor < 0 ? h1 + 1 : (allAt.get(main[0]?.text ?? '') ?? 0);
  const pre = all.slice(0, f);
  const blocks = [...pre, ...main];
  layout.mainStart = pre.length;
  layout.mainTexts = new Set(extractedMain.map((b) => b.text));
  // The title: the heading that agrees with the markup's titles, or the markup's title placed above the main content.
  if (placeTitle(blocks, pre.length + 3, meta, layout)) layout.mainStart = pre.length + 1;
  // What the extractor left out of the page, each line once (text kept in the main content is not).
  const inMain = new Map<string, number>();
  for (const b of main) inMain.set(b.text, (inMain.get(b.text) ?? 0) + 1);
  const removed: DroppedLine[] = [];
  for (const b of all.slice(f)) {
    const n = inMain.get(b.text) ?? 0;
    if (n > 0) inMain.set(b.text, n - 1);
    else if (b.text !== '') removed.push({ text: b.text, reason: 'outside-main-content' });
  }
  return { blocks, layout, meta, removed: [...removedAll, ...removed], ...opinions };
}

/** Separators between a headline and the site's or section's name in a `<title>` or og:title. */
const TITLE_SEPARATORS = /\s+[|–—·»/-]\s+|\s*::\s*|\s+\|\s*/u;

/** Compares a title with a site name: no case, no spaces, no dots ("매일 경제" is "매일경제"). */
function squash(text: string): string {
  return normalizeLabel(text).replace(/[\s.]+/gu, '');
}

/** A markup title without the site's name around it ("Headline | Section | Site" -> "Headline"). */
function withoutSite(full: string, siteNames: readonly string[]): string {
  // A site name glued on with a separator and no spaces ("Headline-Site", "Headline|Site", "Headline-SectionㅣSite"),
  // and a separator left dangling at the end ("Headline -") go first.
  let title = full.replace(/\s+[|–—·•:/-]+$/u, '').trim();
  for (const site of siteNames) {
    if (site.trim().length < 2) continue;
    const name = site.trim().replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
    // Only with no space around the separator: spaced parts ("Site - Section - Headline") are told apart below.
    const glued = new RegExp(`^(.{8,}?\\S)(?:[|｜ㅣ•·]|-{1,2}|[–—]|::?)${name}$`, 'iu').exec(title);
    if (glued?.[1] !== undefined) title = glued[1].trim();
  }
  if (title !== full.trim()) title = title.replace(/\s*(?:[|｜ㅣ•·]|-{1,2}|[–—])\s*$/u, '');
  const parts = title.split(TITLE_SEPARATORS).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length < 2) return title;
  const sites = siteNames.map(squash).filter((s) => s !== '');
  const isSite = (p: string): boolean => sites.some((s) => squash(p) === s || (s.length >= 4 && squash(p).includes(s)));
  const kept = parts.filter((p) => !isSite(p));
  if (kept.length === parts.length || kept.length === 0) return title;
  // "Headline | Section | Site": with the site gone, a short last part is the section.
  if (kept.length >= 2 && (kept.at(-1) ?? '').split(' ').length <= 2) kept.pop();
  return kept.join(' - ');
}

/** Parts of a `<title>` that name no post: WordPress's "Blog Archive" between a blog's name and the post's title. */
const ARCHIVE_PART = /^(?:blog[- ]?archiv(?:e)?|archiv(?:e)?|blog)$/iu;

/**
 * Markup titles printing one of the page's `<h1>` texts at one end, after or before a separator
 * ("Disfunctions » Blog Archiv » Podcasts in Plex", "Kleine Schafskunde | Mäscot – Webcomic"): that
 * heading names the site, and the rest of the title (archive parts left out) is the post's.
 */
function siteAtTitleEnds(titles: readonly Found<string>[], h1s: readonly string[]): { site: string; rest: string; title: Found<string> }[] {
  const out: { site: string; rest: string; title: Found<string> }[] = [];
  const separator = /^\s*(?:[|｜»«·•:/]|::|-{1,2}|[–—])\s*/u;
  for (const title of titles) {
    const full = normalizeSpaces(title.value);
    for (const h1 of h1s) {
      if (h1.length < 3 || normalizeLabel(h1) === normalizeLabel(full)) continue;
      const lower = full.toLowerCase();
      const site = h1.toLowerCase();
      let rest: string | undefined;
      if (lower.startsWith(site) && separator.test(full.slice(h1.length))) rest = full.slice(h1.length).replace(separator, '');
      else if (lower.endsWith(site) && /\s*(?:[|｜»«·•:/]|::|-{1,2}|[–—])\s*$/u.test(full.slice(0, full.length - h1.length))) rest = full.slice(0, full.length - h1.length).replace(/\s*(?:[|｜»«·•:/]|::|-{1,2}|[–—])\s*$/u, '');
      if (rest === undefined) continue;
      const parts = rest.split(TITLE_SEPARATORS).map((p) => p.trim()).filter((p) => p !== '' && !ARCHIVE_PART.test(p));
      const post = parts.length === 0 ? '' : rest.slice(rest.indexOf(parts[0] ?? ''), rest.lastIndexOf(parts.at(-1) ?? '') + (parts.at(-1) ?? '').length).trim();
      if (/[\p{L}\p{N}]/u.test(post) && normalizeLabel(post) !== normalizeLabel(h1)) out.push({ site: h1, rest: post, title });
    }
  }
  return out;
}

/**
 * Finds the title among the page's headings and records it in `layout.titleAt`: the first heading
 * that agrees with a title the markup gives (JSON-LD headline, og:title, `<title>`, each also without
 * the site's name), else the first `<h1>` that reads as a headline (not a skip link, a login prompt,
 * the site's or a section's name); else the markup's title is inserted at `limit` (returns true).
 */
function placeTitle(blocks: Block[], limit: number, meta: PageMeta, layout: Layout): boolean {
  const variants = meta.titles.flatMap((t) => [t.value, withoutSite(t.value, meta.siteNames)]).map(normalizeLabel).filter((v) => v !== '');
  const headings: number[] = [];
  for (let i = 0; i < Math.min(limit, blocks.length); i += 1) {
    const b = blocks[i];
    if (b?.node.type === 'heading' && b.node.depth <= 3 && b.text !== '' && matchChrome(b.text) === undefined) headings.push(i);
  }
  const norm = (i: number): string => normalizeLabel(blocks[i]?.text ?? '');
  const agreeing = (i: number): Found<string> | undefined => meta.titles.find((t) => [t.value, withoutSite(t.value, meta.siteNames)].map(normalizeLabel).includes(norm(i)));
  // A blog prints its own name as its <h1>, and its <title> prints that name at one end ("Blog » Blog
  // Archive » Post", "Post | Blog"): when another heading prints the title's other end, that heading is the post's title.
  const h1s = headings.filter((i) => {
    const node = blocks[i]?.node;
    return node?.type === 'heading' && node.depth === 1;
  });
  // The blog's name stands above the post's heading (a masthead); a site name printed below the post's <h1> is no such sign.
  const below = (e: { site: string; rest: string }): number | undefined => {
    const site = h1s.find((i) => norm(i) === normalizeLabel(e.site));
    return site === undefined ? undefined : headings.find((i) => i > site && norm(i) === normalizeLabel(e.rest));
  };
  // An <h1> that a markup title names whole is the post's own heading, never the blog's name.
  const named = new Set(meta.titles.map((t) => normalizeLabel(t.value)));
  const end = siteAtTitleEnds(meta.titles, h1s.map((i) => blocks[i]?.text ?? '').filter((t) => !named.has(normalizeLabel(t)))).find((e) => below(e) !== undefined);
  let at: number | undefined = end === undefined ? undefined : below(end);
  if (end !== undefined) layout.titleFrom = `a heading agreeing with the ${end.title.from} without the blog's name "${end.site}" (its <h1>)`;
  // The markup's titles in their order (JSON-LD headline, og:title, twitter:title, <title>): a section
  // heading ("News") agreeing with a `<title>` without its site name never outranks the heading the headline names.
  for (const t of at === undefined ? meta.titles : []) {
    const forms = [t.value, withoutSite(t.value, meta.siteNames)].map(normalizeLabel).filter((v) => v !== '');
    at = headings.find((i) => forms.includes(norm(i)));
    if (at !== undefined) break;
  }
  if (at !== undefined && end === undefined) {
    layout.titleFrom = `a heading agreeing with the ${agreeing(at)?.from ?? 'markup title'}`;
    // A heading printed with the site's or a section's name after a separator ("Headline | Site"), where
    // another markup title gives the headline alone: the headline alone is the title.
    const heading = blocks[at];
    const text = heading?.text ?? '';
    const alone = meta.titles.map((t) => t.value).find((v) => v.length >= 12 && text.startsWith(v) && /^\s*[|–—·•:/-]\s*\S(?:\S*\s?){0,4}$/u.test(text.slice(v.length)));
    if (heading !== undefined && alone !== undefined) {
      blocks[at] = makeBlock({ type: 'heading', depth: heading.node.type === 'heading' ? heading.node.depth : 1, children: [{ type: 'text', value: alone }] });
      layout.titleFrom = "a heading agreeing with the markup title, the site's name after it left out";
    }
  }
  // A heading that holds a markup title after a kicker ("Premier League Rückschlag im Titelkampf"), or
  // the same words with other punctuation (a kicker in its own span lost its colon): the markup's wording is the title.
  const loose = lettersAndDigits;
  if (at === undefined) {
    for (const i of headings) {
      const h = loose(blocks[i]?.text ?? '');
      const title = meta.titles.flatMap((t) => [withoutSite(t.value, meta.siteNames), t.value]).find((v) => {
        const l = loose(v);
        return l.length >= 12 && (l === h || (h.endsWith(l) && l.length >= h.length * 0.4));
      });
      if (title === undefined) continue;
      const heading = blocks[i];
      // The same words with other quotes or dashes keep the heading's own characters; a kicker, or a
      // kicker's lost colon, takes the markup's wording.
      const quotes = (text: string): string => normalizeSpaces(text.replace(/[„“”"«»‘’‚'‹›`´]/gu, '"').replace(/[‐‑‒–—―−]/gu, '-'));
      if (heading !== undefined && quotes(heading.text) !== quotes(title)) {
        layout.titleKicker = heading.text;
        blocks[i] = makeBlock({ type: 'heading', depth: heading.node.type === 'heading' ? heading.node.depth : 1, children: [{ type: 'text', value: title }] });
      }
      at = i;
      layout.titleFrom = heading !== undefined && blocks[i] === heading ? 'a heading agreeing with the markup title (its own quotes kept)' : 'a heading holding the markup title (its kicker left out)';
      break;
    }
  }
  at ??= headings.find((i) => {
    const h = norm(i);
    return h.length >= 12 && variants.some((v) => (v.includes(h) && h.length >= v.length / 2) || (h.includes(v) && v.length >= h.length / 2));
  });
  if (at !== undefined) layout.titleFrom ??= 'a heading close to the markup title';
  const sites = meta.siteNames.map(squash);
  at ??= headings.find((i) => {
    const b = blocks[i];
    if (b?.node.type !== 'heading' || b.node.depth !== 1) return false;
    const words = b.text.split(' ').length;
    const caseless = b.text.toLowerCase() === b.text.toUpperCase();
    return !sites.includes(squash(b.text)) && (caseless ? b.text.length >= 6 : words >= 3 || b.text.length >= 20);
  });
  if (at !== undefined) {
    const node = blocks[at]?.node;
    layout.titleFrom ??= `the first <h${node?.type === 'heading' ? node.depth : 1}> (the markup's titles differ)`;
    layout.titleAt = at;
    return false;
  }
  const first = meta.titles[0];
  if (first === undefined) return false;
  const text = withoutSite(first.value, meta.siteNames);
  const existing = blocks.findIndex((b) => (b.node.type === 'heading' || b.node.type === 'paragraph') && normalizeLabel(b.text) === normalizeLabel(text));
  layout.titleFrom = `the ${first.from} (no heading on the page agrees)`;
  if (existing >= 0 && existing < limit) {
    layout.titleAt = existing;
    return false;
  }
  const place = Math.min(limit === blocks.length ? 0 : Math.max(0, limit - 3), blocks.length);
  blocks.splice(place, 0, makeBlock({ type: 'heading', depth: 1, children: [{ type: 'text', value: text }] }));
  layout.titleAt = place;
  return true;
}

/** The text the summary is taken from: the first paragraph, else the first item or block of text. */
function leadText(blocks: readonly Block[]): string {
  // A caption, an empty "Category status:" label or a separator line ("---", "* * *") is no
  // opening paragraph: only a block with a letter or a digit in it is, besides footnote markers
  // ("[1]" alone is an image counter or a stray marker, and the summary drops markers).
  const worded = (b: Block) => /[\p{L}\p{N}]/u.test(b.text.replace(/\[\d{1,3}\]/gu, ''));
  const paragraph = blocks.find((b) => b.node.type === 'paragraph' && worded(b) && !b.caption && !isCategoryStatusLabel(b.text) && !isCreditLine(b.text));
  if (paragraph) return paragraph.text;
  const first = blocks.find(worded);
  if (first?.node.type === 'list' && first.node.children[0]) return nodeText(first.node.children[0]);
  return first?.text ?? '';
}

/**
 * Proposes a new author file: the name, `kind: organisation` for an agency or desk, the role
 * printed beside the name, and the bio printed on the page when there is one; validated with
 * authorSchema. A person with no printed bio gets a file with the name only.
 */
function newAuthor(file: string, id: string, found: AuthorName, bio: string, problems: Problem[]): { yaml?: string } {
  const data: Record<string, string> = { name: found.name };
  if (found.kind === 'organisation') data['kind'] = 'organisation';
  if (found.role !== undefined && found.role.length <= 200) data['role'] = found.role;
  if (bio.trim() !== '') data['bio'] = bio;
  const parsed = authorSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    problems.push(...issuesToProblems(file, parsed.error.issues, ['authors', id]));
    return {};
  }
  return { yaml: stringifyYaml(data, { lineWidth: 0 }) };
}
