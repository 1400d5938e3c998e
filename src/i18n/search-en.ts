/** English strings of the search page, in their own module: the search page's script loads only its language's. */
import type { SearchStrings } from './types.ts';
import { CURLY_QUOTES, pluralWord, quotedList } from './wording.ts';

const analyses = pluralWord('en', { one: 'analysis', other: 'analyses' });

/** "analysis" agreed with a number, with the number. */
function count(n: number): string {
  return `${n} ${analyses(n)}`;
}

/** English strings of the search page. */
export const search: SearchStrings = {
  groups: { topic: 'Topic', trend: 'Verdict', actor: 'Actors', author: 'Authors', kind: 'Type', year: 'Year', language: 'Language' },
  filters: 'Filters',
  clearFilters: 'Clear all filters',
  results: 'Search results',
  scope: 'Languages',
  scopePage: 'English only',
  scopeAll: 'All languages',
  sort: 'Order',
  sorts: { relevance: 'Best match', newest: 'Newest first', oldest: 'Oldest first' },
  total: (n) => count(n),
  totalFor: (n, query) => `${count(n)} for “${query}”`,
  searching: (query) => `Searching for “${query}”…`,
  loading: 'Loading…',
  showMore: (shown, total) => `Show more (${shown} of ${total} shown)`,
  failed: 'Search could not be loaded. Reload the page to try again, or browse by topic, actor or week.',
  needsBuild: 'Search uses the index of the last build, and there is none yet: run npm run build, then reload this page.',
  filtersSet: (n) => (n ? `Filters (${n} set)` : 'Filters'),
  // `${group}` before lowercasing: tests call every string function with numbers too.
  unknownValue: (group, value) => `Unknown ${`${group}`.toLowerCase()} “${value}”: ignored.`,
  noResults: 'Nothing matches. You could:',
  removeValue: (group, label) => `remove ${`${group}`.toLowerCase()} “${label}”`,
  browseTopics: 'browse the topics',
  browseWeeks: 'browse the weeks',
  byTopic: 'Narrow by topic',
  skipToResults: 'Skip to the results',
  excerpt: 'From the text',
  absent: (...words) => `No analysis mentions ${quotedList(words, 'or', CURLY_QUOTES)}.`,
  didYouMean: 'Did you mean',
  suggestion: (query, n) => `“${query}” (${count(n)})`,
  searchInstead: (query, n) => `search for “${query}” alone (${count(n)})`,
  elsewhere: 'In other languages',
  noPhrase: 'No analysis has these words together.',
};
