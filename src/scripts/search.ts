/**
 * The search page's only script: our own interface over Pagefind's search API (loaded through
 * ./search-index.ts). The URL holds the whole state; values within a filter are alternatives (OR),
 * filters combine (AND); each value's count says how many results ticking it gives; results are
 * drawn a batch at a time and "Show more" appends; every refinement is a history entry.
 * Loaded by src/components/SearchUi.astro and nowhere else.
 */
import { distance } from 'fastest-levenshtein';
import { t, type UiStrings } from '../i18n/index.ts';
import type { SearchLabels } from '../lib/search-fields.ts';
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
} from '../lib/search-state.ts';
import { TREND_SYMBOL } from '../lib/trends.ts';
import type { Language, Trend } from '../schemas/primitives.ts';
import { loadSearchIndex, type Hit, type ResultData, type SearchIndex } from './search-index.ts';

/** Reads the labels JSON the page carries; a malformed block is a bug in our page, so it throws. */
function readLabels(root: Element): SearchLabels {
  const text = root.querySelector('script[data-search-labels]')?.textContent ?? '';
  const data: unknown = JSON.parse(text);
  if (typeof data !== 'object' || data === null || !('lang' in data) || !('groups' in data) || !('values' in data)) {
    throw new Error('search page: the labels JSON block is missing or malformed');
  }
  return data as SearchLabels;
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

/** The words Pagefind highlighted in an excerpt: words the index really holds. */
function markedWords(html: string): string[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return [...template.content.querySelectorAll('mark')].map((m) => (m.textContent ?? '').toLocaleLowerCase()).filter(Boolean);
}

/** Merged indexes are loaded by absolute URL, so their result URLs are absolute too. */
function sameOriginPath(url: string): string {
  const parsed = new URL(url, location.href);
  return parsed.origin === location.origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : url;
}

const TRENDS: readonly string[] = ['worse', 'unchanged', 'better'];

/**
 * A result card in the markup of the site's listing cards (AnalysisCard): title link, period,
 * kind, topic, verdict and excerpt or summary. Only the title is a link, so the pointer, a
 * touch and Enter all open the analysis the card shows.
 */
function resultCard(result: ResultData, index: number, pageLang: Language, q: string): HTMLLIElement {
  const { meta } = result;
  const lang = result.filters['language']?.[0];
  const item = el('li', 'search-result');
  item.dataset['resultIndex'] = String(index);
  const card = el('article', 'card');
  if (lang && lang !== pageLang) card.lang = lang;

  const title = el('h3', 'card-title');
  const link = el('a', 'search-result-link', meta['title'] ?? result.url);
  link.href = sameOriginPath(meta['url'] ?? result.url);
  title.append(link);
  card.append(title);

  const facts = el('p', 'card-meta');
  if (meta['period']) {
    const time = el('time', '', meta['period']);
    if (meta['date']) time.dateTime = meta['date'];
    facts.append(time);
  }
  if (meta['kind']) facts.append(el('span', 'kind', meta['kind']));
  if (meta['topic']) facts.append(el('span', 'result-topic', meta['topic']));
  if (lang && lang !== pageLang) facts.append(el('span', 'result-language', t(lang as Language).languageName));
  card.append(facts);

  const trend = result.filters['trend']?.[0];
  if (trend && TRENDS.includes(trend) && meta['verdict']) {
    const badge = el('span', `verdict verdict-${trend}`);
    badge.dataset['trend'] = trend;
    const icon = el('span', 'verdict-icon', TREND_SYMBOL[trend as Trend]);
    icon.setAttribute('aria-hidden', 'true');
    badge.append(icon, ` ${meta['verdict']}`);
    const p = el('p', 'card-verdict');
    p.append(badge);
    card.append(p);
  }

  // With a query the excerpt shows why it matched; a filter-only listing shows the summary, and
  // so does a match found only among the actor names (weight below 1), a list no reader wants.
  const onlyNames = !result.inText;
  const summary = el('p', 'card-summary');
  if (q && result.excerpt && !onlyNames) summary.append(...excerptNodes(result.excerpt));
  else summary.textContent = meta['summary'] ?? '';
  card.append(summary);
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
function updateGroups(parts: Parts, state: SearchState, counts: FilterCounts | undefined): void {
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
  parts.filtersLabel.textContent = t(parseLang(parts.root)).search.filtersSet(set);
  parts.clear.hidden = set === 0;
}

/** The page language from the root's data attribute. */
function parseLang(root: HTMLElement): Language {
  return (root.dataset['lang'] ?? 'en') as Language;
}

/** The words Pagefind marks in the first results of a search: words the index really holds. */
async function indexWords(index: SearchIndex, term: string): Promise<Set<string>> {
  const answer = await index.search(term, {});
  const words = new Set<string>();
  const data = await Promise.all(answer.hits.slice(0, 8).map((hit) => hit.data()));
  for (const d of data) for (const w of markedWords(d.excerpt)) words.add(w.replace(/[^\p{L}\p{N}-]/gu, ''));
  return words;
}

/**
 * A close spelling of a query word, taken from the index's own words: those Pagefind marks in
 * the excerpts when it searches for the word (it tolerates some typos) or, failing that, for its
 * first letters. Undefined when the index has the word as typed, or nothing close.
 */
async function closeSpelling(index: SearchIndex, word: string): Promise<string | undefined> {
  const lower = word.toLocaleLowerCase();
  if (lower.length < 4) return undefined;
  const limit = Math.max(1, Math.floor(lower.length / 3));
  for (const term of [lower, lower.slice(0, Math.ceil(lower.length / 2)), lower.slice(0, 3)]) {
    const words = await indexWords(index, term);
    if (words.has(lower)) return undefined;
    const best = [...words].map((w) => ({ w, d: distance(lower, w) })).filter((x) => x.w && x.d <= limit).sort((a, b) => a.d - b.d || a.w.localeCompare(b.w))[0];
    if (best) return best.w;
  }
  return undefined;
}

/** Starts the search page. */
async function main(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-search-root]');
  if (!root) return;
  const labels = readLabels(root);
  const pageLang = labels.lang;
  const s: UiStrings = t(pageLang);
  const parts = findParts(root);
  const baseTitle = document.title;
  const headerBox = document.querySelector<HTMLInputElement>('#header-q');
  history.scrollRestoration = 'manual';

  let state = parseSearchParams(location.search);
  const bundlePath = root.dataset['bundlePath'] ?? '/pagefind/';
  let index: SearchIndex;
  try {
    const others = labels.values.language.map(([l]) => l).filter((l) => l !== pageLang);
    index = await loadSearchIndex(bundlePath, pageLang, state.scope === 'all' ? others : []);
  } catch (error) {
    root.dataset['searchStatus'] = 'failed';
    // In `astro dev` the index is the last build's; before any build there is none.
    parts.status.textContent = import.meta.env.DEV ? s.search.needsBuild : s.search.failed;
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
  parts.problems.replaceChildren(...unknown.map((u) => el('li', '', s.search.unknownValue(labels.groups[u.filter], u.value))));
  parts.problems.hidden = unknown.length === 0;
  state = withKnownValues(state, known);

  drawGroups(parts, labels, known, state);
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

  /** Puts the state in the controls, the title, the header box and the scope links. */
  const showState = (): void => {
    if (parts.input.value.trim() !== state.q) parts.input.value = state.q;
    if (headerBox) headerBox.value = state.q;
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
    updateGroups(parts, state, undefined);
  };

  /** Appends results [from, to) under the ones shown, without touching those. */
  const append = async (id: number, from: number, to: number): Promise<HTMLElement | undefined> => {
    const batch = hits.slice(from, to);
    const data = await Promise.all(batch.map((hit) => hit.data()));
    if (id !== searchId) return undefined;
    const items = data.map((d, i) => resultCard(d, from + i, pageLang, state.q));
    parts.list.append(...items);
    shown = from + items.length;
    parts.more.hidden = shown >= hits.length;
    parts.moreButton.textContent = s.search.showMore(shown, hits.length);
    return items[0]?.querySelector<HTMLElement>('a') ?? undefined;
  };

  /** Zero results: what to remove, a close spelling, and where to browse instead. */
  const suggest = async (id: number): Promise<void> => {
    const items: HTMLElement[] = [];
    for (const filter of filtersWithValues(state.filters)) {
      for (const value of state.filters[filter] ?? []) {
        const link = el('a', '', s.search.removeValue(labels.groups[filter], labelOf(filter, value)));
        link.href = urlOf(toggleValue(state, filter, value, false));
        link.dataset['searchLink'] = '';
        items.push(link);
      }
    }
    if (state.q) {
      const words = state.q.split(' ').slice(0, 4);
      const fixed = await Promise.all(words.map(async (w) => (await closeSpelling(index, w)) ?? w));
      const q = fixed.join(' ');
      if (q !== state.q.toLocaleLowerCase() && fixed.some((w, i) => w !== words[i])) {
        const link = el('a', '', s.search.trySpelling(q));
        link.href = urlOf({ ...state, q });
        link.dataset['searchLink'] = '';
        items.unshift(link);
      }
    }
    if (id !== searchId) return;
    const browse = [
      [s.search.browseTopics, root.dataset['topicsHref'] ?? ''],
      [s.search.browseWeeks, root.dataset['weeksHref'] ?? ''],
    ].map(([text, href]) => {
      const a = el('a', '', text);
      a.href = href ?? '';
      return a;
    });
    const list = el('ul', '');
    for (const node of [...items, ...browse]) {
      const li = el('li', '');
      li.append(node);
      list.append(li);
    }
    parts.empty.replaceChildren(el('p', '', s.search.noResults), list);
    parts.empty.hidden = false;
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
    hits = main.hits;
    const first = await Promise.all(hits.slice(0, Math.max(perPage, restore?.shown ?? 0)).map((h) => h.data()));
    if (id !== searchId) return;
    updateGroups(parts, state, counts);
    parts.summary.textContent = state.q ? s.search.totalFor(hits.length, state.q) : s.search.total(hits.length);
    parts.list.replaceChildren(...first.map((d, i) => resultCard(d, i, pageLang, state.q)));
    shown = first.length;
    parts.more.hidden = shown >= hits.length;
    parts.moreButton.textContent = s.search.showMore(shown, hits.length);
    parts.empty.hidden = true;
    parts.empty.replaceChildren();
    if (hits.length === 0) await suggest(id);
    if (id !== searchId) return;
    if (restore) {
      // The place is restored once the web fonts are in: lines set in the fallback face have other
      // heights, and a place restored before the swap would put the reader elsewhere in the list.
      await document.fonts.ready;
      if (id !== searchId) return;
      window.scrollTo(0, restore.scrollY);
    }
    root.dataset['searchStatus'] = 'done';
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
