/**
 * The search page's only script: wires Pagefind's Component UI to the URL (state in, state out),
 * our interface strings (with real plurals), filter labels and result cards, a date order, and the
 * all-languages scope. Loaded by src/components/SearchUi.astro and nowhere else.
 */
import '@pagefind/component-ui/css/pagefind-component-ui.css';
import { getInstanceManager, type Instance, type PagefindInput, type PagefindResultData, type PagefindResults } from '@pagefind/component-ui';
import { t, type UiStrings } from '../i18n/index.ts';
import type { SearchLabels } from '../lib/search-fields.ts';
import {
  fromPagefindFilters,
  pagefindSort,
  parseSearchParams,
  SEARCH_FILTERS,
  SEARCH_SORTS,
  serializeSearchState,
  toPagefindFilters,
  type SearchFilter,
  type SearchState,
} from '../lib/search-state.ts';
import { TREND_SYMBOL } from '../lib/trends.ts';
import type { Language, Trend } from '../schemas/primitives.ts';

/** Reads the labels JSON the page carries; a malformed block is a bug in our page, so it throws. */
function readLabels(root: Element): SearchLabels {
  const text = root.querySelector('script[data-search-labels]')?.textContent ?? '';
  const data: unknown = JSON.parse(text);
  if (typeof data !== 'object' || data === null || !('lang' in data) || !('groups' in data) || !('values' in data)) {
    throw new Error('search page: the labels JSON block is missing or malformed');
  }
  return data as SearchLabels;
}

/** Pagefind's interface strings from ours; count strings go through `translate` below (plurals). */
function pagefindStrings(s: UiStrings): Record<string, string> {
  return {
    placeholder: s.searchPlaceholder,
    search_label: s.searchLabel,
    clear_search: s.search.clear,
    filters_label: s.search.filters,
    results_label: s.search.results,
    input_hint: s.search.inputHint,
    error_search: s.search.failed,
    loading: s.search.loading,
    keyboard_navigate: s.search.keyboard.navigate,
    keyboard_select: s.search.keyboard.select,
    keyboard_clear: s.search.keyboard.clear,
    keyboard_search: s.search.keyboard.search,
  };
}

/**
 * Routes Pagefind's count messages (summary line and screen-reader announcements) through our
 * functions, which agree the noun with the number (Russian and Belarusian have three forms);
 * Pagefind's own strings only substitute `[COUNT]`.
 */
function useOurStrings(instance: Instance, s: UiStrings): void {
  const own = pagefindStrings(s);
  const fallback = instance.translate.bind(instance);
  instance.translate = (key: string, replacements: Record<string, string | number> = {}): string => {
    const count = Number(replacements['COUNT'] ?? 0);
    const term = String(replacements['SEARCH_TERM'] ?? '');
    switch (key) {
      // The results list counts only the results it draws (one page of them, see `showMore`);
      // the reader is told how many were found.
      case 'total_zero_results':
      case 'total_one_result':
      case 'total_many_results':
        return s.search.total(Math.max(count, instance.searchResult.results.length));
      case 'zero_results':
      case 'one_result':
      case 'many_results':
        return s.search.totalFor(Math.max(count, instance.searchResult.results.length), term);
      case 'searching':
        return term ? s.search.searching(term) : s.search.loading;
      case 'filter_selected_one':
      case 'filter_selected_many':
        return s.search.selected(count);
      default:
        return own[key] ?? fallback(key, replacements);
    }
  };
  // Re-renders the components, which were drawn with Pagefind's defaults when they were defined.
  instance.setTranslations(own);
}

/**
 * Draws results a page at a time. Pagefind's list puts a placeholder in the page for every
 * result, and with thousands of them (every analysis, before any query) each later search
 * waits behind the browser's work on that list (at 10,000 analyses, 250 ms per search). The
 * button under the list draws the next page and moves focus to its first result; a new query
 * or filter starts again from one page.
 */
function showMore(instance: Instance, results: PagefindResults, more: HTMLElement, s: UiStrings): void {
  const button = more.querySelector('button');
  if (!button) throw new Error('search page: the show-more button is missing');
  const perPage = results.maxResults > 0 ? results.maxResults : 50;
  let expanding = false;
  let focusIndex: number | undefined;
  instance.on('search', () => {
    if (!expanding) results.maxResults = perPage;
    expanding = false;
  });
  instance.on('results', () => {
    const total = instance.searchResult.results.length;
    const shown = Math.min(total, results.maxResults);
    more.hidden = total <= shown;
    button.textContent = s.search.showMore(shown, total);
  });
  // A result's link appears when its data has loaded: focus it then.
  new MutationObserver(() => {
    if (focusIndex === undefined) return;
    const link = results.querySelector<HTMLElement>(`[data-pf-result-index="${focusIndex}"] .pf-result-link`);
    if (link) {
      focusIndex = undefined;
      link.focus();
    }
  }).observe(results, { childList: true, subtree: true });
  button.addEventListener('click', () => {
    focusIndex = results.maxResults;
    results.maxResults += perPage;
    expanding = true;
    instance.triggerSearchWithFilters(instance.searchTerm, instance.searchFilters);
  });
}

/** Copies an excerpt keeping only its text and Pagefind's <mark> highlights (no other markup). */
function excerptNodes(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html; // inert: a template's content runs no script and loads nothing
  const out: Node[] = [];
  for (const node of template.content.childNodes) {
    if (node instanceof HTMLElement && node.tagName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      out.push(mark);
    } else {
      out.push(document.createTextNode(node.textContent ?? ''));
    }
  }
  return out;
}

/** Merged indexes are loaded by absolute URL (see main), so their result URLs are absolute too. */
function sameOriginPath(url: string): string {
  const parsed = new URL(url, location.href);
  return parsed.origin === location.origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : url;
}

/** An element with a class and text. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const TRENDS: readonly string[] = ['worse', 'unchanged', 'better'];

/** A result card in the same shape as the site's listing cards (title, period, topic, verdict). */
function resultCard(result: PagefindResultData, pageLang: Language, state: () => SearchState): HTMLLIElement {
  const meta = result.meta;
  const lang = result.filters?.['language']?.[0];
  const item = el('li', 'pf-result search-result');
  const card = el('article', 'card');
  if (lang && lang !== pageLang) card.lang = lang;

  const title = el('h3', 'card-title');
  const link = el('a', 'pf-result-link', meta['title'] ?? result.url);
  link.href = sameOriginPath(meta['url'] ?? result.url);
  title.append(link);
  card.append(title);

  const facts = el('p', 'card-meta');
  if (meta['period']) {
    const time = el('time', '', meta['period']);
    if (meta['date']) time.dateTime = meta['date'];
    facts.append(time);
  }
  for (const [key, cls] of [['kind', 'kind'], ['topic', 'result-topic']] as const) {
    const value = meta[key];
    if (value) facts.append(' ', el('span', cls, value));
  }
  if (lang && lang !== pageLang) facts.append(' ', el('span', 'result-language', t(lang as Language).languageName));
  card.append(facts);

  const trend = result.filters?.['trend']?.[0];
  if (trend && TRENDS.includes(trend) && meta['verdict']) {
    const badge = el('span', `verdict verdict-${trend}`);
    badge.dataset['trend'] = trend;
    badge.append(el('span', 'verdict-icon', TREND_SYMBOL[trend as Trend]), ` ${meta['verdict']}`);
    badge.firstElementChild?.setAttribute('aria-hidden', 'true');
    const p = el('p', 'card-verdict');
    p.append(badge);
    card.append(p);
  }

  // With a query the excerpt shows why it matched; a filter-only listing shows the summary, and
  // so does a match found only among the actor names (weight below 1), a list no reader wants.
  const locations = result.weighted_locations ?? [];
  const onlyNames = locations.length > 0 && locations.every((l) => l.weight < 1);
  const summary = el('p', 'card-summary');
  if (state().q && result.excerpt && !onlyNames) summary.append(...excerptNodes(result.excerpt));
  else summary.textContent = meta['summary'] ?? '';
  card.append(summary);
  item.append(card);
  return item;
}

/** Display rank of a value in a filter: our order for known ids, years newest first. */
function rank(labels: SearchLabels, filter: string, value: string): number {
  if (filter === 'year') return -Number(value);
  const list = labels.values[filter as SearchFilter] ?? [];
  const i = list.findIndex(([id]) => id === value);
  return i === -1 ? list.length : i;
}

/**
 * Pagefind's filter pane shows raw filter names and values (our ids): give them our headings and
 * labels, our group and value order, and hide the language group when one language is searched.
 * Idempotent; runs after every re-render of the pane.
 */
function relabelPane(pane: Element, labels: SearchLabels, state: SearchState, opened: WeakSet<Element>): void {
  const container = pane.querySelector('.pf-filter-pane');
  if (!container) return;
  const groups = [...container.querySelectorAll<HTMLElement>(':scope > .pf-filter-group')];
  for (const group of groups) {
    const name = group.dataset['filterName'] ?? '';
    const heading = labels.groups[name as SearchFilter];
    if (heading) {
      for (const node of group.querySelectorAll('.pf-filter-group-name, legend')) if (node.textContent !== heading) node.textContent = heading;
    }
    if (name === 'language') group.hidden = state.scope !== 'all';
    const values = new Map(labels.values[name as SearchFilter] ?? []);
    const options = group.querySelector('.pf-filter-options');
    const items = [...group.querySelectorAll<HTMLLabelElement>('label.pf-filter-checkbox')];
    for (const item of items) {
      const input = item.querySelector('input');
      const text = [...item.childNodes].find((n): n is Text => n.nodeType === Node.TEXT_NODE);
      const label = input ? values.get(input.value) : undefined;
      if (label && text && text.data !== label) text.data = label;
      if (name === 'language' && input) item.lang = input.value;
    }
    const sorted = [...items].sort((a, b) => rank(labels, name, a.querySelector('input')?.value ?? '') - rank(labels, name, b.querySelector('input')?.value ?? ''));
    if (options && sorted.some((item, i) => items[i] !== item)) options.append(...sorted);
    // A group the URL put a value in starts open, once; after that the reader decides.
    if (group instanceof HTMLDetailsElement && !opened.has(group)) {
      opened.add(group);
      if (state.filters[name as SearchFilter]?.length) group.open = true;
    }
  }
  const order = (g: HTMLElement) => {
    const i = (SEARCH_FILTERS as readonly string[]).indexOf(g.dataset['filterName'] ?? '');
    return i === -1 ? SEARCH_FILTERS.length : i;
  };
  const sortedGroups = [...groups].sort((a, b) => order(a) - order(b));
  if (sortedGroups.some((g, i) => groups[i] !== g)) container.append(...sortedGroups);
}

/** The Pagefind search API object inside the instance, once loaded (not part of its typed API). */
interface SearchApi {
  search: (term: string | null, options?: Record<string, unknown>) => Promise<unknown>;
  filters: () => Promise<unknown>;
}

/** True for the loaded Pagefind API object. */
function isSearchApi(value: unknown): value is SearchApi {
  return typeof value === 'object' && value !== null && 'search' in value && typeof value.search === 'function' && 'filters' in value && typeof value.filters === 'function';
}

/**
 * Two gaps in the Component UI (1.5) filled at the one point they meet, Pagefind's `search`:
 * - it searches with filters only, so the date order (a Pagefind sort option) is added here;
 * - for a filter-only search Pagefind reports every value's total as 0, so a ticked value showed
 *   "0" beside a list of 11; the totals of the whole index are the right ones there.
 * Returns false when the loaded API does not look as expected (then the order control hides).
 */
async function wrapSearch(instance: Instance, current: () => SearchState): Promise<boolean> {
  const api: unknown = Reflect.get(instance, '__pagefind__');
  if (!isSearchApi(api)) return false;
  const search = api.search.bind(api);
  const totals = await api.filters();
  api.search = async (term, options = {}) => {
    const sort = pagefindSort({ q: term ?? '', sort: current().sort });
    const result = await search(term, sort ? { ...options, sort } : options);
    if (term === null && typeof result === 'object' && result !== null && 'totalFilters' in result) result.totalFilters = totals;
    return result;
  };
  return true;
}

/** Starts the search page. */
async function main(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-search-root]');
  if (!root) return;
  const labels = readLabels(root);
  const pageLang = labels.lang;
  const s = t(pageLang);
  const ui = root.querySelector<HTMLElement>('[data-search-ui]');
  const fallback = root.querySelector<HTMLElement>('[data-search-fallback]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const pane = root.querySelector('pagefind-filter-pane');
  const results = root.querySelector('pagefind-results') as PagefindResults | null;
  const sortSelect = root.querySelector<HTMLSelectElement>('[data-search-sort]');
  const clearFilters = root.querySelector<HTMLButtonElement>('[data-search-clear-filters]');
  const more = root.querySelector<HTMLElement>('[data-search-more]');
  if (!ui || !fallback || !status || !pane || !results || !sortSelect || !clearFilters || !more) throw new Error('search page: markup is incomplete');

  let state = parseSearchParams(location.search);
  const current = () => state;
  const instance = getInstanceManager().getInstance('default');
  useOurStrings(instance, s);

  // All languages: the same bundle holds every language's index; merge the others in. Pagefind
  // skips a merge whose path prefixes the primary's, so the others use the absolute URL.
  const bundlePath = root.dataset['bundlePath'] ?? '/pagefind/';
  if (state.scope === 'all') {
    const absolute = new URL(bundlePath, location.href).href;
    instance.options.mergeIndex = labels.values.language.map(([l]) => l).filter((l) => l !== pageLang).map((language) => ({ bundlePath: absolute, language }));
  }

  results.resultTemplate = (result) => resultCard(result, pageLang, current);
  showMore(instance, results, more, s);
  const opened = new WeakSet<Element>();
  const relabel = () => relabelPane(pane, labels, state, opened);
  instance.on('filters', relabel);
  instance.on('translations', relabel);

  const scopeLinks = [...root.querySelectorAll<HTMLAnchorElement>('[data-search-scope]')];
  // A one-language site has nothing to widen to.
  if (labels.values.language.length < 2) root.querySelector('.search-scope')?.setAttribute('hidden', '');
  const render = () => {
    const query = serializeSearchState(state);
    const url = `${location.pathname}${query ? `?${query}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
    for (const link of scopeLinks) {
      const scope = link.dataset['searchScope'] === 'all' ? 'all' : 'page';
      const target: SearchState = { ...state, scope, filters: { ...state.filters } };
      if (scope === 'page') delete target.filters.language;
      const q = serializeSearchState(target);
      link.href = `${location.pathname}${q ? `?${q}` : ''}`;
      if (scope === state.scope) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
    clearFilters.hidden = Object.keys(state.filters).length === 0;
  };

  // For tests and styles: whether the results on screen answer the current query.
  instance.on('loading', () => {
    root.dataset['searchStatus'] = 'loading';
  });
  instance.on('results', () => {
    root.dataset['searchStatus'] = 'done';
  });
  instance.on('error', () => {
    root.dataset['searchStatus'] = 'failed';
    // In `astro dev` the index is the last build's; before any build there is none.
    status.textContent = import.meta.env.DEV ? s.search.needsBuild : s.search.failed;
    status.hidden = false;
    ui.hidden = true;
    fallback.hidden = false;
  });

  sortSelect.value = state.sort;
  sortSelect.addEventListener('change', () => {
    state = { ...state, sort: SEARCH_SORTS.find((v) => v === sortSelect.value) ?? 'relevance' };
    render();
    instance.triggerSearchWithFilters(instance.searchTerm, instance.searchFilters);
  });
  clearFilters.addEventListener('click', () => {
    instance.triggerFilters({});
    root.querySelector<HTMLInputElement>('pagefind-input input')?.focus();
  });
  // Enter searches at once instead of waiting for the typing pause; the pending debounced search
  // is cancelled (the component drops a search whose id is stale) so results are not redrawn
  // under a reader who has already moved on to them.
  const input = root.querySelector('pagefind-input') as PagefindInput | null;
  input?.addEventListener('keydown', (event) => {
    if (event instanceof KeyboardEvent && event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      input.searchID += 1;
      if (event.target.value !== instance.searchTerm) instance.triggerSearch(event.target.value);
    }
  });

  fallback.hidden = true;
  ui.hidden = false;
  render();

  // Load first with facets off, so the Component UI does not run its own empty first search,
  // then search once with the state from the URL.
  instance.faceted = false;
  await instance.triggerLoad();
  instance.faceted = true;
  if (!ui.hidden && !(await wrapSearch(instance, current))) sortSelect.closest('p')?.setAttribute('hidden', '');
  instance.on('search', (term: unknown, filters: unknown) => {
    const selection = typeof filters === 'object' && filters !== null ? (filters as Record<string, string[]>) : {};
    const next: SearchState = { ...state, q: typeof term === 'string' ? term.trim() : '', filters: fromPagefindFilters(selection) };
    if (next.scope === 'page') delete next.filters.language;
    state = next;
    render();
  });
  if (!ui.hidden) instance.triggerSearchWithFilters(state.q, toPagefindFilters(state));
}

main().catch((error: unknown) => {
  console.error(error);
});
