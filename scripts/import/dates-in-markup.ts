/**
 * The publication date in a page's markup, strongest source first: the article's JSON-LD, then
 * `<meta>` tags (names compared without case: "DC.Date" is "dc.date"), itemprop and RDFa
 * attributes, hAtom's `class="published"`; weaker sources are kept apart: the first
 * `<time datetime>`, an element whose class names a date ("post-date", "meta__date") printing one,
 * a whole date printed in a short line beside the title, a date in the page's address. A timestamp in UTC is turned into the publisher's local date
 * (the date its readers saw printed), from the offset of another timestamp on the page or the
 * page's language region; a timestamp with its own offset keeps its own date.
 */
import type { IsoDate } from '../../src/lib/dates.ts';
import { dateFromIso, findDateInLine } from './dates-in-text.ts';
import { lettersAndDigits } from './periods.ts';

/** A value read from the page, with where it was found. */
interface FoundDate {
  value: IsoDate;
  from: string;
  /** The date in UTC, when the value is a UTC timestamp read as the publisher's local date and differs from it. */
  utcDate?: IsoDate;
}

/** What the page's markup says about its date. */
export interface MarkupDates {
  /** The article's structured data (JSON-LD, meta, itemprop, RDFa, hAtom). */
  published?: FoundDate;
  /** Weaker sources, best first. */
  weak: FoundDate[];
}

/** A JSON-LD node as far as this module reads it. */
type JsonLd = Record<string, unknown>;

/** JSON-LD types whose dates belong to a media clip or an image, not to the page's text. */
const MEDIA_TYPES = /VideoObject|AudioObject|ImageObject|MediaObject|Clip|Episode|Event|Offer|Review|Comment|Person|Organization|WebSite|BreadcrumbList/u;

/** `<meta>` names and properties carrying a publication date, strongest first. */
const META_KEYS = [
  'article:published_time', 'article:published:time', 'og:article:published_time', 'og:published_time', 'article:published', 'datepublished', 'datecreated',
  'publish-date', 'publishdate', 'publish_date', 'publication_date', 'pubdate', 'sailthru.date', 'parsely-pub-date', 'article.published',
  'dc.date.issued', 'dc.date.created', 'dcterms.issued', 'dcterms.created', 'dc.date', 'dcterms.date', 'citation_publication_date',
  'citation_date', 'bepress_citation_date', 'prism.publicationdate', 'date',
];

/** Region (ISO 3166) -> a time zone of most of its readers, for a UTC timestamp on a page in that region. */
const REGION_ZONES: Readonly<Record<string, string>> = {
  DE: 'Europe/Berlin', AT: 'Europe/Vienna', CH: 'Europe/Zurich', IT: 'Europe/Rome', FR: 'Europe/Paris', ES: 'Europe/Madrid',
  NL: 'Europe/Amsterdam', BE: 'Europe/Brussels', LU: 'Europe/Luxembourg', PL: 'Europe/Warsaw', CZ: 'Europe/Prague', SK: 'Europe/Bratislava',
  HU: 'Europe/Budapest', SE: 'Europe/Stockholm', NO: 'Europe/Oslo', DK: 'Europe/Copenhagen', FI: 'Europe/Helsinki', GR: 'Europe/Athens',
  GB: 'Europe/London', UK: 'Europe/London', IE: 'Europe/Dublin', PT: 'Europe/Lisbon', RU: 'Europe/Moscow', BY: 'Europe/Minsk',
  UA: 'Europe/Kyiv', TR: 'Europe/Istanbul', US: 'America/New_York', CA: 'America/Toronto', MX: 'America/Mexico_City',
  BR: 'America/Sao_Paulo', AR: 'America/Argentina/Buenos_Aires', CL: 'America/Santiago', CO: 'America/Bogota', PE: 'America/Lima',
  VE: 'America/Caracas', BO: 'America/La_Paz', UY: 'America/Montevideo', EC: 'America/Guayaquil', JP: 'Asia/Tokyo', KR: 'Asia/Seoul',
  CN: 'Asia/Shanghai', TW: 'Asia/Taipei', HK: 'Asia/Hong_Kong', IN: 'Asia/Kolkata', AU: 'Australia/Sydney', NZ: 'Pacific/Auckland',
  ZA: 'Africa/Johannesburg', IL: 'Asia/Jerusalem', LB: 'Asia/Beirut',
};

/** Languages spoken mostly in one region (a page in them with no region given is read there). */
const LANGUAGE_REGIONS: Readonly<Record<string, string>> = {
  de: 'DE', fr: 'FR', it: 'IT', nl: 'NL', pl: 'PL', cs: 'CZ', sk: 'SK', hu: 'HU', sv: 'SE', nb: 'NO', nn: 'NO', no: 'NO', da: 'DK',
  fi: 'FI', el: 'GR', ru: 'RU', be: 'BY', uk: 'UA', tr: 'TR', ja: 'JP', ko: 'KR', zh: 'CN', he: 'IL',
};

/** The offset in minutes a timestamp states: 0 for "Z", "+00:00" or "GMT", undefined when it states none. */
function offsetOf(value: string): number | undefined {
  const m = /T?\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(Z|GMT|UTC|[+-]\d{2}:?\d{2})\s*$/iu.exec(value.trim());
  const zone = m?.[1];
  if (zone === undefined) return undefined;
  if (/^(?:Z|GMT|UTC)$/iu.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

/** The instant a timestamp with an offset names, or undefined. */
function instantOf(value: string): Date | undefined {
  if (offsetOf(value) === undefined) return undefined;
  const t = Date.parse(value.trim().replace(/\s+(?=[+-]\d{2}:?\d{2}$)/u, '').replace(/^(\d{4}-\d{2}-\d{2})\s+/u, '$1T'));
  return Number.isNaN(t) ? undefined : new Date(t);
}

/** The date of an instant in a time zone. */
function dateInZone(instant: Date, zone: string): IsoDate | undefined {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  } catch {
    return undefined;
  }
}

/** The date of an instant at a fixed offset in minutes. */
function dateAtOffset(instant: Date, minutes: number): IsoDate {
  return new Date(instant.getTime() + minutes * 60_000).toISOString().slice(0, 10);
}

/** The region a page is written for: `<html lang>` or og:locale ("de-CH", "pt_BR"), else the country domain of its address. */
function regionOf(document: Document, address: string | undefined): string | undefined {
  const locales = [document.documentElement?.getAttribute('lang') ?? '', document.querySelector('meta[property="og:locale"]')?.getAttribute('content') ?? ''];
  for (const locale of locales) {
    const m = /^([a-z]{2,3})(?:[-_]([a-z]{2}))?\b/iu.exec(locale.trim());
    const region = m?.[2]?.toUpperCase();
    if (region !== undefined && REGION_ZONES[region] !== undefined) return region;
  }
  const tld = /^https?:\/\/[^/]+\.([a-z]{2})(?::\d+)?(?:\/|$)/iu.exec(address ?? '')?.[1]?.toUpperCase();
  if (tld !== undefined && REGION_ZONES[tld] !== undefined) return tld;
  for (const locale of locales) {
    const language = /^([a-z]{2,3})\b/iu.exec(locale.trim())?.[1]?.toLowerCase();
    const region = language === undefined ? undefined : LANGUAGE_REGIONS[language];
    if (region !== undefined) return region;
  }
  return undefined;
}

/** Every JSON-LD and markup timestamp on the page, for the publisher's offset. */
function allTimestamps(nodes: readonly JsonLd[], document: Document): string[] {
  const out: string[] = [];
  for (const n of nodes) for (const key of ['datePublished', 'dateCreated', 'dateModified']) if (typeof n[key] === 'string') out.push(n[key]);
  for (const el of document.querySelectorAll('meta[content]')) if (/time|date/iu.test(`${el.getAttribute('property') ?? ''}${el.getAttribute('name') ?? ''}${el.getAttribute('itemprop') ?? ''}`)) out.push(el.getAttribute('content') ?? '');
  for (const el of document.querySelectorAll('time[datetime]')) out.push(el.getAttribute('datetime') ?? '');
  return out;
}

/** The first text value of a JSON-LD field (a string or a list of strings). */
function jsonString(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value.find((x) => typeof x === 'string') : value;
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** Reads the page's dates from its markup (see the module comment for the order). */
export function markupDates(document: Document, articles: readonly JsonLd[], nodes: readonly JsonLd[], address: string | undefined, addresses: readonly string[]): MarkupDates {
  const stamps = allTimestamps(nodes, document);
  const publisherOffset = stamps.map(offsetOf).find((o) => o !== undefined && o !== 0);
  const region = regionOf(document, address);
  const zone = region === undefined ? undefined : REGION_ZONES[region];
  /** The publisher's local date of a markup timestamp. */
  const local = (raw: string, from: string): FoundDate | undefined => {
    const value = raw.trim().replace(/^(\d{4})\/(\d{2})\/(\d{2})/u, '$1-$2-$3');
    const date = dateFromIso(value);
    if (date === undefined) return undefined;
    const instant = offsetOf(value) === 0 ? instantOf(value) : undefined;
    if (instant === undefined) return { value: date, from };
    // A UTC timestamp: the date its readers saw is the publisher's, at the offset the page's other timestamps give or its region's.
    if (publisherOffset !== undefined) {
      const shifted = dateAtOffset(instant, publisherOffset);
      return shifted === date ? { value: date, from } : { value: shifted, from: `${from} (UTC, read at the page's own offset)`, utcDate: date };
    }
    const inZone = zone === undefined ? undefined : dateInZone(instant, zone);
    if (inZone !== undefined && inZone !== date) return { value: inZone, from: `${from} (UTC, read in ${zone ?? ''}, the page's region)`, utcDate: date };
    return { value: date, from };
  };
  const result: MarkupDates = { weak: [] };
  const strong = (raw: string | undefined | null, from: string): boolean => {
    if (result.published !== undefined || raw === undefined || raw === null) return result.published !== undefined;
    const found = local(raw, from);
    if (found !== undefined) result.published = found;
    return found !== undefined;
  };
  for (const a of articles) if (strong(jsonString(a['datePublished']) ?? jsonString(a['dateCreated']), 'JSON-LD datePublished')) break;
  // A recipe's or a blog's own node carries its date too; a video's or an event's is another item's.
  for (const n of nodes) {
    if (result.published !== undefined) break;
    const types = [n['@type']].flat().filter((t): t is string => typeof t === 'string');
    if (types.length === 0 || types.some((t) => MEDIA_TYPES.test(t)) || articles.includes(n)) continue;
    strong(jsonString(n['datePublished']), `JSON-LD ${types[0] ?? ''} datePublished`);
  }
  if (result.published === undefined) {
    const metas = [...document.querySelectorAll('meta[content]')];
    for (const key of META_KEYS) {
      const el = metas.find((m) => [m.getAttribute('property'), m.getAttribute('name'), m.getAttribute('itemprop')].some((v) => v?.trim().toLowerCase() === key));
      const name = el?.getAttribute('property') ?? el?.getAttribute('name') ?? el?.getAttribute('itemprop') ?? key;
      if (strong(el?.getAttribute('content'), `meta ${name}`)) break;
    }
  }
  if (result.published === undefined) {
    for (const [selector, from] of [
      ['[itemprop="datePublished"]', 'itemprop datePublished'],
      ['[property="schema:datePublished"], [property="datePublished"]', 'RDFa datePublished'],
      ['[itemprop="dateCreated"]', 'itemprop dateCreated'],
      ['[property="schema:dateCreated"], [property="dc:date"], [property="dcterms:created"], [property="dc:created"]', 'RDFa dateCreated'],
      ['.published[title], .published[datetime], .dt-published[datetime], .dt-published[title]', 'hAtom class="published"'],
    ] as const) {
      const el = document.querySelector(selector);
      if (el && strong(el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.getAttribute('title'), from)) break;
    }
  }
  for (const time of document.querySelectorAll('time[datetime]')) {
    const found = local(time.getAttribute('datetime') ?? '', '<time datetime>');
    if (found !== undefined) {
      result.weak.push(found);
      break;
    }
  }
  const printed = printedDateElement(document);
  if (printed !== undefined) result.weak.push(printed);
  const headlines = [...articles.map((a) => jsonString(a['headline'])), document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? undefined].filter((h): h is string => h !== undefined);
  const beside = printedNearTitle(document, headlines);
  if (beside !== undefined) result.weak.push(beside.found);
  for (const a of addresses) {
    const date = dateInUrl(a);
    if (date !== undefined) {
      result.weak.push({ value: date, from: "the page's address" });
      break;
    }
  }
  // Last, when the page says when it was last changed and nothing else: a date of the page's own, said to be the change's.
  const metas = [...document.querySelectorAll('meta[content]')];
  for (const key of ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified']) {
    const el = metas.find((m) => [m.getAttribute('property'), m.getAttribute('name'), m.getAttribute('itemprop')].some((v) => v?.trim().toLowerCase() === key));
    const found = el === undefined ? undefined : local(el.getAttribute('content') ?? '', `meta ${key} (the page's last change, no publication date found)`);
    if (found !== undefined) {
      result.weak.push(found);
      break;
    }
  }
  return result;
}

/** Class or id words of an element that prints the page's date ("post-date", "meta__date", "entry-published", "datum"). */
const DATE_CLASS = /date|datum|published|timestamp/iu;

/**
 * The first date printed in an element whose class or id says it holds one ("meta__date",
 * "news-date"), nearest the page's `<h1>`: a teaser's or a sidebar's date stands farther away.
 * Only a short text that prints a whole date (day, month and year) counts.
 */
function printedDateElement(document: Document): FoundDate | undefined {
  const all = [...document.querySelectorAll('body *')];
  const h1 = all.findIndex((el) => el.tagName === 'H1');
  let best: { at: number; found: FoundDate } | undefined;
  all.forEach((el, at) => {
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!DATE_CLASS.test(words) || /update|modif|change/iu.test(words)) return;
    if (el.closest('nav, footer, aside, [class*="teaser"], [class*="related"], [class*="sidebar"], [class*="comment"]') !== null) return;
    const text = (el.textContent ?? '').replace(/\s+/gu, ' ').trim();
    if (text === '' || text.length > 120) return;
    const found = findDateInLine(text);
    if (found === undefined) return;
    const distance = h1 < 0 ? at : Math.abs(at - h1);
    if (best === undefined || distance < Math.abs(best.at - (h1 < 0 ? 0 : h1))) best = { at, found: { value: found.date, from: `an element of class "${words.trim().split(/\s+/u)[0] ?? ''}" printing "${found.text}"` } };
  });
  return best?.found;
}

/** How a date printed under the title says where it came from (the caller recognises it by this). */
export const UNDER_TITLE = 'a date printed under the title';

/** Containers whose dates are another item's or the site's: menus, footers, sidebars, comments, teasers, related lists. */
const OTHER_ITEMS = 'nav, footer, aside, form, [class*="comment"], [id*="comment"], [class*="teaser"], [class*="related"], [class*="sidebar"], [id*="sidebar"], [class*="widget"], [class*="recommend"], [class*="more-"], [class*="newsletter"]';

/** Words before a printed date that make it the page's last change, not its publication. */
const UPDATED_LABEL = /(?:updated|last modified|modified|aktualisiert|geändert|stand|mis à jour|modifié|actualizad[oa]|atualizad[oa]|aggiornat[oa]|bijgewerkt|обновлено|абноўлена)\b[^\p{N}]{0,20}$/iu;

/** How far from the title a printed date may stand, in characters of text: below it, and above it (a kicker line). */
const BELOW_TITLE = 1200;
const ABOVE_TITLE = 300;

/** The element holding the page's title: the `<h1>` agreeing with the markup's headline, else the first `<h1>`, else a heading agreeing with it. */
function titleElement(document: Document, headlines: readonly string[]): Element | undefined {
  const loose = (text: string | null | undefined): string => lettersAndDigits(text ?? '');
  const wanted = headlines.map(loose).filter((h) => h.length >= 8);
  const agrees = (el: Element): boolean => {
    const text = loose(el.textContent);
    return text.length >= 8 && wanted.some((w) => w.includes(text) || text.includes(w));
  };
  const h1s = [...document.querySelectorAll('body h1')];
  return h1s.find(agrees) ?? h1s[0] ?? [...document.querySelectorAll('body h2, body h3')].find(agrees);
}

/**
 * A whole date printed as a short line beside the page's title (under the `<h1>`, in its byline or
 * meta line, or in a kicker just above it), whatever its markup: "3. August 2015", "Posted on
 * 26/10/2018 by Jane". Dates in menus, footers, sidebars, comments and teasers are another item's;
 * a date labelled as an update counts only when no other is printed there. The nearest wins (one
 * above the title counts twice its distance: clocks and "today" widgets stand there).
 */
export function printedNearTitle(document: Document, headlines: readonly string[]): { found: FoundDate; below: boolean; updated: boolean } | undefined {
  const title = titleElement(document, headlines);
  if (title === undefined) return undefined;
  // Character offsets of every element's start in the page's text, in document order.
  const starts: { el: Element; at: number }[] = [];
  let offset = 0;
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      offset += (node.nodeValue ?? '').replace(/\s+/gu, ' ').trim().length;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (/^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SVG)$/iu.test(el.tagName)) return;
    starts.push({ el, at: offset });
    for (const child of el.childNodes) walk(child);
  };
  if (document.body !== null) walk(document.body);
  const titleAt = starts.find((s) => s.el === title)?.at;
  if (titleAt === undefined) return undefined;
  const titleEnd = titleAt + (title.textContent ?? '').replace(/\s+/gu, ' ').trim().length;
  let best: { distance: number; found: FoundDate; below: boolean; updated: boolean } | undefined;
  for (const { el, at } of starts) {
    if (at < titleAt - ABOVE_TITLE || at > titleEnd + BELOW_TITLE) continue;
    // An element holding a child element is read through that child (the innermost line that prints the date).
    if (el.children.length > 0 && [...el.children].some((c) => (c.textContent ?? '').trim() !== '')) {
      const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.nodeValue ?? '').join(' ');
      if (!/\d/u.test(own)) continue;
    }
    const text = (el.textContent ?? '').replace(/\s+/gu, ' ').trim();
    if (text === '' || text.length > 150 || el.closest(OTHER_ITEMS) !== null) continue;
    const found = findDateInLine(text);
    if (found === undefined) continue;
    // The label may stand in the element around the date ("Aktualisiert: <time>...</time>").
    const around = (el.parentElement?.textContent ?? '').replace(/\s+/gu, ' ').trim();
    const line = around.length <= 150 && around.includes(found.text) ? around : text;
    const before = line.slice(0, Math.max(0, line.indexOf(found.text)));
    const updated = UPDATED_LABEL.test(before);
    const distance = (at >= titleAt ? Math.max(0, at - titleEnd) : 2 * (titleAt - at)) + (updated ? 10 * BELOW_TITLE : 0);
    const below = at >= titleAt;
    if (best === undefined || distance < best.distance) best = { distance, below, updated, found: { value: found.date, from: `${below ? UNDER_TITLE : 'a date printed above the title'}: "${found.text}"` } };
  }
  return best === undefined ? undefined : { found: best.found, below: best.below, updated: best.updated };
}

/** A date in a page's address: ".../2019/08/02/slug", "/2019-08-02-slug". */
export function dateInUrl(address: string | undefined): IsoDate | undefined {
  if (address === undefined) return undefined;
  const m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/._-]|$)/u.exec(address);
  if (!m) return undefined;
  return dateFromIso(`${m[1] ?? ''}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`);
}
