/**
 * The search page's only script: our own interface over the search index (loaded through
 * ./search-index.ts). The URL holds the whole state; values within a filter are alternatives (OR),
 * filters combine (AND); each value's count says how many results ticking it gives; results are
 * drawn a batch at a time and "Show more" appends; every refinement is a history entry. A query
 * word no analysis has is named ("No analysis mentions …") with close spellings and other
 * spellings of actors' names to follow; a query with few results says what it (or the actor's
 * name) finds in the site's other languages. Loaded by src/search/SearchUi.astro only; it
 * loads the strings of the page language only (src/i18n/search-<lang>.ts).
 */
import { DEV_SERVER } from '../lib/dev-server.ts';
import type { SearchStrings } from '../i18n/types.ts';
import type { SearchLabels } from './search-fields.ts';
import {
  facetCounts,
  filtersWithValues,
  pagefindFilterQuery,
  pagefindSort,
  parseSearchParams,
  RESULTS_PER_PAGE,
  SEARCH_FILTERS,
  SEARCH_SORTS,
  searchDocumentTitle,
  serializeSearchState,
  toggleValue,
  unknownFilterValues,
  withKnownValues,
  type FilterCounts,
  type SearchFilter,
  type SearchState,
} from './search-state.ts';
import { TREND_SYMBOL } from '../lib/trends.ts';
import type { Language, Trend } from '../schemas/primitives.ts';
import { loadSearchIndex, type Hit, type ResultData, type SearchIndex } from './search-index.ts';
import { closestWord, matchActor, namedIn } from './search-suggest.ts';

/** Fewer results than this, and the page says what the query finds in the other languages. */
const FEW_RESULTS = 3;

/** Reads the labels JSON the page carries; a malformed block is a bug in our page, so it throws. */
function readLabels(root: Element): SearchLabels {
  const text = root.querySelector('script[data-search-labels]')?.textContent ?? '';
  const data: unknown = JSON.parse(text);
  if (typeof data !== 'object' || data === null || !('lang' in data) || !('groups' in data) || !('values' in data) || !('actors' in data)) {
    throw new Error('search page: the labels JSON block is missing or malformed');
  }
  return data as SearchLabels;
}

/** The search page's strings in its language (a chunk of its own per language). */
async function loadStrings(lang: Language): Promise<SearchStrings> {
  return (await import(`../i18n/search-${lang}.ts`) as { search: SearchStrings }).search;
}

/** An element with a class and text. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Copies an excerpt keeping only its text and Pagefind's <mark> highlights (no other markup). */
function excerptNodes(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html; // inert: a template's content runs no script and loads nothing
  const out: Node[] = [];
  for (const node of template.content.childNodes) {
    if (node instanceof HTMLElement && node.tagName === 'MARK') out.push(el('mark', '', node.textContent));
    else out.push(document.createTextNode(node.textContent ?? ''));
  }
  return out;
}

/** The words Pagefind highlighted in an excerpt, as the text spells them. */
function markedWords(html: string): string[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return [...template.content.querySelectorAll('mark')].map((m) => m.textContent ?? '').filter(Boolean);
}

/** Merged indexes are loaded by absolute URL, so their result URLs are absolute too. */
function sameOriginPath(url: string): string {
  const parsed = new URL(url, location.href);
  return parsed.origin === location.origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : url;
}

const TRENDS: readonly string[] = ['worse', 'unchanged', 'better'];

/**
 * A result card: one link, the whole card (title, period, type, topic, verdict, excerpt or
 * summary), so a click or a tap anywhere on it, and Enter on it, opens the analysis it shows. Its
 * accessible name is the title; the rest is its description. Nothing else in it is a link or
 * lies over it: no nested controls, no overlay another element could cover.
 */
function resultCard(result: ResultData, index: number, labels: SearchLabels, s: SearchStrings, q: string): HTMLLIElement {
  const { meta } = result;
  const pageLang = labels.lang;
  const lang = result.filters['language']?.[0];
  const item = el('li', 'search-result');
  item.dataset['resultIndex'] = String(index);
  const card = el('a', 'card search-card');
  card.href = sameOriginPath(meta['url'] ?? result.url);
  if (lang && lang !== pageLang) {
    card.lang = lang;
    card.hreflang = lang;
  }
  const id = `result-${index}`;
  card.setAttribute('aria-labelledby', `${id}-title`);
  card.setAttribute('aria-describedby', `${id}-about ${id}-text`);

  const title = el('h3', 'card-title', meta['title'] ?? result.url);
  title.id = `${id}-title`;
  card.append(title);

  const about = el('span', 'card-about');
  about.id = `${id}-about`;
  const facts = el('span', 'card-meta');
  if (meta['period']) {
    const time = el('time', '', meta['period']);
    if (meta['date']) time.dateTime = meta['date'];
    facts.append(time);
  }
  if (meta['kind']) facts.append(el('span', 'kind', meta['kind']));
  if (meta['topic']) facts.append(el('span', 'result-topic', meta['topic']));
  if (lang && lang !== pageLang) facts.append(el('span', 'result-language', labels.values.language.find(([l]) => l === lang)?.[1] ?? lang));
  about.append(facts);
  const trend = result.filters['trend']?.[0];
  const verdict = labels.values.trend.find(([id]) => id === trend)?.[1];
  if (trend && TRENDS.includes(trend) && verdict) {
    const line = el('span', 'card-verdict');
    const badge = el('span', `verdict verdict-${trend}`);
    badge.dataset['trend'] = trend;
    if (lang && lang !== pageLang) badge.lang = pageLang;
    const icon = el('span', 'verdict-icon', TREND_SYMBOL[trend as Trend]);
    icon.setAttribute('aria-hidden', 'true');
    badge.append(icon, ` ${verdict}`);
    line.append(badge);
    about.append(line);
  }
  card.append(about);

  // With a query the excerpt shows why it matched, marked as cut from the text (an ellipsis where
  // it starts or ends inside it); a filter-only listing shows the summary, and so does a match in
  // the title, summary or names only (no words of the text to show).
  const text = el('span', 'card-summary');
  text.id = `${id}-text`;
  if (q && result.excerpt && result.inText) {
    text.classList.add('card-excerpt');
    text.append(el('span', 'visually-hidden', `${s.excerpt}: `));
    if (!result.excerptAtStart) text.append('… ');
    text.append(...excerptNodes(result.excerpt));
    if (!result.excerptAtEnd) text.append(' …');
  } else {
    text.textContent = meta['summary'] ?? '';
  }
  card.append(text);
  item.append(card);
  return item;
}

/** What the page remembers per history entry, to come back to the same list and place. */
interface EntryMemory {
  shown: number;
  scrollY: number;
}

/** Reads our memory from `history.state` (anything else there is ignored). */
function readMemory(value: unknown): EntryMemory | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const shown: unknown = Reflect.get(value, 'shown');
  const scrollY: unknown = Reflect.get(value, 'scrollY');
  return typeof shown === 'number' && typeof scrollY === 'number' ? { shown, scrollY } : undefined;
}

/** The page's parts the script fills in; all are in SearchUi.astro. */
interface Parts {
  root: HTMLElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
  fallback: HTMLElement;
  status: HTMLElement;
  problems: HTMLElement;
  ui: HTMLElement;
  filters: HTMLDetailsElement;
  filtersLabel: HTMLElement;
  groups: HTMLElement;
  clear: HTMLButtonElement;
  sort: HTMLSelectElement;
  summary: HTMLElement;
  empty: HTMLElement;
  list: HTMLOListElement;
  more: HTMLElement;
  moreButton: HTMLButtonElement;
  elsewhere: HTMLElement;
}

/** Finds the page's parts; a missing one is a bug in our markup, so it throws. */
function findParts(root: HTMLElement): Parts {
  const one = <T extends Element>(selector: string, type: new () => T): T => {
    const node = root.querySelector(selector);
    if (!(node instanceof type)) throw new Error(`search page: ${selector} is missing`);
    return node;
  };
  return {
    root,
    form: one('[data-search-form]', HTMLFormElement),
    input: one('[data-search-form] input[name="q"]', HTMLInputElement),
    fallback: one('[data-search-fallback]', HTMLElement),
    status: one('[data-search-status]', HTMLElement),
    problems: one('[data-search-problems]', HTMLElement),
    ui: one('[data-search-ui]', HTMLElement),
    filters: one('[data-search-filters]', HTMLDetailsElement),
    filtersLabel: one('[data-search-filters-label]', HTMLElement),
    groups: one('[data-search-groups]', HTMLElement),
    clear: one('[data-search-clear-filters]', HTMLButtonElement),
    sort: one('[data-search-sort]', HTMLSelectElement),
    summary: one('[data-search-summary]', HTMLElement),
    empty: one('[data-search-empty]', HTMLElement),
    list: one('[data-search-list]', HTMLOListElement),
    more: one('[data-search-more]', HTMLElement),
    moreButton: one('[data-search-more] button', HTMLButtonElement),
    elsewhere: one('[data-search-elsewhere]', HTMLElement),
  };
}

/** Display order of a filter's values: ours for known ids, years newest first. */
function valueOrder(labels: SearchLabels, filter: SearchFilter, years: readonly string[]): string[] {
  if (filter === 'year') return [...years].sort((a, b) => Number(b) - Number(a));
  return labels.values[filter].map(([id]) => id);
}

/**
 * Draws the filter groups once: a disclosure per filter with a checkbox per value, every value
 * always shown (with a count of 0 it stays toggleable). Topic and verdict start open, so do
 * groups with values set.
 */
function drawGroups(parts: Parts, labels: SearchLabels, known: Record<SearchFilter, string[]>, state: SearchState): void {
  const names = new Map(SEARCH_FILTERS.map((f) => [f, new Map(labels.values[f])]));
  const groups: HTMLElement[] = [];
  for (const filter of SEARCH_FILTERS) {
    if (filter === 'language' && state.scope !== 'all') continue;
    const ids = known[filter];
    if (!ids.length) continue;
    const group = el('details', 'search-group');
    group.dataset['filter'] = filter;
    group.open = filter === 'topic' || filter === 'trend' || (state.filters[filter]?.length ?? 0) > 0;
    const summary = el('summary', '', labels.groups[filter]);
    const fieldset = el('fieldset', '');
    fieldset.append(el('legend', 'visually-hidden', labels.groups[filter]));
    for (const id of ids) {
      const label = el('label', 'search-value');
      const box = el('input', '');
      box.type = 'checkbox';
      box.name = filter;
      box.value = id;
      if (filter === 'language') label.lang = id;
      label.append(box, el('span', 'search-value-label', names.get(filter)?.get(id) ?? id), el('span', 'search-count', ''));
      fieldset.append(label);
    }
    group.append(summary, fieldset);
    groups.push(group);
  }
  parts.groups.replaceChildren(...groups);
}

/** Ticks the boxes the state says, and writes each value's count. */
function updateGroups(parts: Parts, s: SearchStrings, state: SearchState, counts: FilterCounts | undefined): void {
  for (const box of parts.groups.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    const filter = box.name as SearchFilter;
    box.checked = state.filters[filter]?.includes(box.value) ?? false;
    const count = box.parentElement?.querySelector('.search-count');
    if (count && counts) {
      const n = counts[filter]?.[box.value] ?? 0;
      count.textContent = String(n);
      box.parentElement?.classList.toggle('search-value-none', n === 0 && !box.checked);
    }
  }
  const set = Object.values(state.filters).reduce((n, values) => n + (values?.length ?? 0), 0);
  parts.filtersLabel.textContent = s.filtersSet(set);
  parts.clear.hidden = set === 0;
}

/** The words Pagefind marks in the first results of a search: words the index really holds, as the texts spell them. */
async function indexWords(index: SearchIndex, term: string): Promise<string[]> {
  const answer = await index.search(term, {});
  const data = await Promise.all(answer.hits.slice(0, 8).map((hit) => hit.data()));
  return data.flatMap((d) => markedWords(d.excerpt));
}

/**
 * A close spelling of a query word, from the index's own words: those Pagefind marks when it
 * searches for the word's first letters (only words that really start so). Undefined when the
 * index has the word as typed, or nothing close.
 */
async function closeSpelling(index: SearchIndex, word: string): Promise<string | undefined> {
  const lower = word.toLocaleLowerCase();
  if ([...lower].length < 4) return undefined;
  for (const n of [Math.ceil(lower.length / 2), 3]) {
    const found = closestWord(word, await indexWords(index, lower.slice(0, n)));
    if (found) return found;
  }
  return undefined;
}

/** Starts the search page. */
async function main(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-search-root]');
  if (!root) return;
  const labels = readLabels(root);
  const pageLang = labels.lang;
  const parts = findParts(root);
  const baseTitle = document.title;
  history.scrollRestoration = 'manual';

  let state = parseSearchParams(location.search);
  const bundlePath = root.dataset['bundlePath'] ?? '/pagefind/';
  const others = labels.values.language.map(([l]) => l as Language).filter((l) => l !== pageLang);
  const stringsLoaded = loadStrings(pageLang);
  let index: SearchIndex;
  let s: SearchStrings;
  try {
    [index, s] = await Promise.all([loadSearchIndex(bundlePath, pageLang, state.scope === 'all' ? others : []), stringsLoaded]);
  } catch (error) {
    root.dataset['searchStatus'] = 'failed';
    // In `astro dev` the index is the last build's; before any build there is none.
    parts.status.textContent = root.dataset[DEV_SERVER ? 'needsBuild' : 'failed'] ?? '';
    parts.status.hidden = false;
    throw error;
  }
  const everything = await index.filters();
  const known = Object.fromEntries(SEARCH_FILTERS.map((f) => [f, f === 'year' ? Object.keys(everything['year'] ?? {}) : labels.values[f].map(([id]) => id)])) as Record<SearchFilter, string[]>;
  known.year = valueOrder(labels, 'year', known.year);
  const labelOf = (filter: SearchFilter, id: string): string => labels.values[filter].find(([v]) => v === id)?.[1] ?? id;
  const groupOf = (filter: SearchFilter): string => labels.groups[filter];

  // Values the URL names that the site does not know are named on the page, then left out.
  const unknown = unknownFilterValues(location.search, known);
  parts.problems.replaceChildren(...unknown.map((u) => el('li', '', s.unknownValue(labels.groups[u.filter], u.value))));
  parts.problems.hidden = unknown.length === 0;
  state = withKnownValues(state, known);

  drawGroups(parts, labels, known, state);
  // The counts of the whole index until the first search answers: a count's width never jumps.
  updateGroups(parts, s, state, everything);
  // Desktop shows the filters beside the results; a phone shows results first, filters folded.
  parts.filters.open = matchMedia('(min-width: 48rem)').matches;
  if (labels.values.language.length < 2) root.querySelector('.search-scope')?.setAttribute('hidden', '');
  const scopeLinks = [...root.querySelectorAll<HTMLAnchorElement>('[data-search-scope]')];

  // Results drawn at a time; the page says how many (tests serve a smaller number).
  const perPage = Number(root.dataset['perPage']) > 0 ? Number(root.dataset['perPage']) : RESULTS_PER_PAGE;
  let hits: Hit[] = [];
  let shown = 0;
  let searchId = 0;
  /** While a burst of typing lasts, its searches share one history entry. */
  let typing = false;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  const urlOf = (next: SearchState): string => {
    const query = serializeSearchState(next);
    return `${location.pathname}${query ? `?${query}` : ''}`;
  };
  const remember = (): void => {
    const memory: EntryMemory = { shown, scrollY: Math.round(window.scrollY) };
    history.replaceState(memory, '', location.href);
  };

  /** Puts the state in the controls, the title and the scope links. */
  const showState = (): void => {
    if (parts.input.value.trim() !== state.q) parts.input.value = state.q;
    parts.sort.value = state.sort;
    document.title = searchDocumentTitle(state, labelOf, groupOf, baseTitle);
    for (const link of scopeLinks) {
      const scope = link.dataset['searchScope'] === 'all' ? 'all' : 'page';
      const target: SearchState = { ...state, scope, filters: { ...state.filters } };
      if (scope === 'page') delete target.filters.language;
      link.href = urlOf(target);
      if (scope === state.scope) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
    updateGroups(parts, s, state, undefined);
  };

  /** Appends results [from, to) under the ones shown, without touching those. */
  const append = async (id: number, from: number, to: number): Promise<HTMLElement | undefined> => {
    const batch = hits.slice(from, to);
    const data = await Promise.all(batch.map((hit) => hit.data()));
    if (id !== searchId) return undefined;
    const items = data.map((d, i) => resultCard(d, from + i, labels, s, state.q));
    parts.list.append(...items);
    shown = from + items.length;
    parts.more.hidden = shown >= hits.length;
    parts.moreButton.textContent = s.showMore(shown, hits.length);
    return items[0]?.querySelector<HTMLElement>('a') ?? undefined;
  };

  /** A link that refines the search in place (a history entry, like a tick). */
  const refineLink = (text: string, next: SearchState): HTMLAnchorElement => {
    const link = el('a', '', text);
    link.href = urlOf(next);
    link.dataset['searchLink'] = '';
    return link;
  };

  /** A line of links after a label: `Did you mean: “a” (3 analyses), “b” (1 analysis)`. */
  const linkLine = (label: string, links: HTMLElement[]): HTMLParagraphElement => {
    const p = el('p', 'search-suggest');
    p.append(`${label}: `);
    links.forEach((link, i) => p.append(...(i ? [', ', link] : [link])));
    return p;
  };

  /** The query with one word replaced (as typed, other words untouched). */
  const replaced = (q: string, word: string, by: string): string => q.split(' ').map((w) => (w.replace(/^[\p{P}]+|[\p{P}]+$/gu, '') === word ? by : w)).join(' ');

  /**
   * Corrected queries for the absent words (close spellings from the index, other spellings of an
   * actor's name), each with what it finds; only those that find something.
   */
  const corrections = async (absent: string[]): Promise<{ q: string; n: number }[]> => {
    const candidates = new Set<string>();
    for (const word of absent.slice(0, 4)) {
      // A name first (the actor as the page's language writes it), else the index's closest word.
      const actor = matchActor(word, labels.actors, pageLang);
      if (actor && actor.word.toLocaleLowerCase() !== word.toLocaleLowerCase()) {
        candidates.add(replaced(state.q, word, actor.word));
        continue;
      }
      const spelt = await closeSpelling(index, word);
      if (spelt) candidates.add(replaced(state.q, word, spelt));
    }
    const out: { q: string; n: number }[] = [];
    // One spelling per query, the first offered (an actor's name as written before an index word).
    const seen = new Set<string>();
    for (const q of candidates) {
      if (seen.has(q.toLocaleLowerCase())) continue;
      seen.add(q.toLocaleLowerCase());
      const answer = await index.search(q, pagefindFilterQuery(state.filters));
      if (answer.hits.length) out.push({ q, n: answer.hits.length });
    }
    return out.slice(0, 3);
  };

  /** Nothing found: the absent words, corrections, the query without them, what to untick, where to browse. */
  const explain = async (id: number, absent: string[]): Promise<void> => {
    const blocks: HTMLElement[] = [];
    if (state.q && absent.length) {
      blocks.push(el('p', 'search-absent', s.absent(...absent)));
      const fixes = await corrections(absent);
      if (id !== searchId) return;
      if (fixes.length) blocks.push(linkLine(s.didYouMean, fixes.map((f) => refineLink(s.suggestion(f.q, f.n), { ...state, q: f.q }))));
      const rest = state.q.split(' ').filter((w) => !absent.includes(w.replace(/^[\p{P}]+|[\p{P}]+$/gu, ''))).join(' ');
      if (rest && rest !== state.q) {
        const n = (await index.search(rest, pagefindFilterQuery(state.filters))).hits.length;
        if (id !== searchId) return;
        if (n) {
          const p = el('p', '');
          p.append(refineLink(s.searchInstead(rest, n), { ...state, q: rest }));
          blocks.push(p);
        }
      }
    } else if (state.q && filtersWithValues(state.filters).length === 0) {
      blocks.push(el('p', '', s.noPhrase));
    }
    const items: HTMLElement[] = [];
    for (const filter of filtersWithValues(state.filters)) {
      for (const value of state.filters[filter] ?? []) items.push(refineLink(s.removeValue(labels.groups[filter], labelOf(filter, value)), toggleValue(state, filter, value, false)));
    }
    for (const [text, href] of [
      [s.browseTopics, root.dataset['topicsHref'] ?? ''],
      [s.browseWeeks, root.dataset['weeksHref'] ?? ''],
    ] as const) {
      const a = el('a', '', text);
      a.href = href;
      items.push(a);
    }
    const list = el('ul', '');
    for (const node of items) {
      const li = el('li', '');
      li.append(node);
      list.append(li);
    }
    parts.empty.replaceChildren(...blocks, el('p', '', s.noResults), list);
    parts.empty.hidden = false;
  };

  /**
   * Few or no results in the page language: what the query finds in each other language, and
   * what the name of the actor it names finds there (a reader of the Russian page searching
   * Тихановская is sent to the English analyses about Tsikhanouskaya). Drawn under the results.
   */
  const elsewhere = async (id: number): Promise<void> => {
    const q = state.q;
    const words = q.split(' ').filter(Boolean);
    const actor = words.length <= 3 ? words.map((w) => matchActor(w, labels.actors, pageLang)).find(Boolean) : undefined;
    const links: HTMLElement[] = [];
    for (const lang of others) {
      const path = labels.searchPaths[lang];
      if (!path) continue;
      const tries = [...new Set([...(actor ? [actor.actor.names[lang]] : []), q])];
      const counts = await Promise.all(tries.map(async (t) => ({ q: t, n: await index.count(lang, t) })));
      if (id !== searchId) return;
      const best = counts.sort((a, b) => b.n - a.n)[0];
      if (!best?.n) continue;
      const link = el('a', '', `${labels.values.language.find(([l]) => l === lang)?.[1] ?? lang}: ${s.totalFor(best.n, best.q)}`);
      link.href = `${path}?q=${encodeURIComponent(best.q)}`;
      link.hreflang = lang;
      links.push(link);
    }
    if (id !== searchId || links.length === 0) return;
    const list = el('ul', '');
    for (const link of links) {
      const li = el('li', '');
      li.append(link);
      list.append(li);
    }
    parts.elsewhere.replaceChildren(el('h3', '', s.elsewhere), list);
    parts.elsewhere.hidden = false;
  };

  /**
   * Results tagged with the actors and topics the query names come first (stable otherwise): a
   * common word that is also a name would else rank by how often the texts use it.
   */
  const namedFirst = async (term: string | null, list: Hit[]): Promise<Hit[]> => {
    const named = namedIn(state.q, labels.actors, labels.topics);
    if (!term || named.length === 0 || list.length < 2) return list;
    const tagged = await Promise.all(
      named.map(async (n) => new Set((await index.search(term, { ...pagefindFilterQuery(state.filters), [n.filter]: { any: [n.id] } })).hits.map((h) => h.id))),
    );
    return list
      .map((hit, i) => ({ hit, i, n: tagged.filter((set) => set.has(hit.id)).length }))
      .sort((a, b) => b.n - a.n || a.i - b.i)
      .map((x) => x.hit);
  };

  /** Searches for the current state and draws the answer; `restore` brings back a list and place. */
  const run = async (restore?: EntryMemory): Promise<void> => {
    const id = ++searchId;
    root.dataset['searchStatus'] = 'loading';
    const term = state.q || null;
    const sort = pagefindSort(state);
    // One search for the results, one per filter with values set for that filter's counts.
    const withValues = filtersWithValues(state.filters);
    const [main, ...own] = await Promise.all([
      index.search(term, pagefindFilterQuery(state.filters), sort),
      ...withValues.map((f) => index.search(term, pagefindFilterQuery(state.filters, f))),
    ]);
    if (id !== searchId || !main) return;
    const counts = facetCounts(main.counts, Object.fromEntries(withValues.map((f, i) => [f, own[i]?.counts ?? {}])));
    hits = state.q && !sort ? await namedFirst(term, main.hits) : main.hits;
    if (id !== searchId) return;
    const first = await Promise.all(hits.slice(0, Math.max(perPage, restore?.shown ?? 0)).map((h) => h.data()));
    if (id !== searchId) return;
    updateGroups(parts, s, state, counts);
    parts.summary.textContent = state.q ? s.totalFor(hits.length, state.q) : s.total(hits.length);
    parts.list.replaceChildren(...first.map((d, i) => resultCard(d, i, labels, s, state.q)));
    shown = first.length;
    parts.more.hidden = shown >= hits.length;
    parts.moreButton.textContent = s.showMore(shown, hits.length);
    parts.empty.hidden = true;
    parts.empty.replaceChildren();
    parts.elsewhere.hidden = true;
    parts.elsewhere.replaceChildren();
    if (hits.length === 0) await explain(id, main.absentWords);
    if (id !== searchId) return;
    if (restore) {
      // The place is restored once the web fonts are in: lines set in the fallback face have other
      // heights, and a place restored before the swap would put the reader elsewhere in the list.
      await document.fonts.ready;
      if (id !== searchId) return;
      window.scrollTo(0, restore.scrollY);
    }
    root.dataset['searchStatus'] = 'done';
    if (state.q && state.scope === 'page' && hits.length < FEW_RESULTS && others.length) await elsewhere(id);
  };

  /** Applies a refinement: a new history entry (or, while typing, the same one), then searches. */
  const refine = (next: SearchState, mode: 'push' | 'replace'): void => {
    const url = urlOf(next);
    state = next;
    if (url !== `${location.pathname}${location.search}`) {
      remember();
      if (mode === 'push') history.pushState({ shown: perPage, scrollY: 0 }, '', url);
      else history.replaceState({ shown: perPage, scrollY: 0 }, '', url);
    }
    showState();
    void run();
  };

  parts.input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      const q = parts.input.value.replace(/\s+/g, ' ').trim();
      if (q === state.q) return;
      refine({ ...state, q }, typing ? 'replace' : 'push');
      typing = true;
    }, 300);
  });
  parts.input.addEventListener('blur', () => {
    typing = false;
  });
  parts.form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    const q = parts.input.value.replace(/\s+/g, ' ').trim();
    if (q !== state.q) refine({ ...state, q }, typing ? 'replace' : 'push');
    typing = false;
  });
  parts.groups.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
    typing = false;
    refine(toggleValue(state, box.name as SearchFilter, box.value, box.checked), 'push');
  });
  parts.sort.addEventListener('change', () => {
    typing = false;
    refine({ ...state, sort: SEARCH_SORTS.find((v) => v === parts.sort.value) ?? 'relevance' }, 'push');
  });
  parts.clear.addEventListener('click', () => {
    typing = false;
    refine({ ...state, filters: {} }, 'push');
    parts.input.focus();
  });
  // Suggestion links refine in place (same history entry logic as a tick).
  parts.empty.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-search-link]') : null;
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    typing = false;
    refine(withKnownValues(parseSearchParams(new URL(link.href).search), known), 'push');
    parts.summary.focus();
  });
  parts.moreButton.addEventListener('click', () => {
    const id = searchId;
    void append(id, shown, shown + perPage).then((firstNew) => {
      // Focus moves to the first new result, so the reader goes on where the list grew; once all
      // are shown the button is gone and that result keeps the focus.
      firstNew?.focus();
      remember();
    });
  });
  let scrollTimer: ReturnType<typeof setTimeout> | undefined;
  addEventListener('scroll', () => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(remember, 150);
  }, { passive: true });
  addEventListener('pagehide', remember);
  addEventListener('popstate', (event) => {
    clearTimeout(typingTimer);
    typing = false;
    state = withKnownValues(parseSearchParams(location.search), known);
    showState();
    void run(readMemory(event.state) ?? { shown: perPage, scrollY: 0 });
  });

  parts.fallback.hidden = true;
  parts.ui.hidden = false;
  showState();
  await run(readMemory(history.state));
}

main().catch((error: unknown) => {
  console.error(error);
});
