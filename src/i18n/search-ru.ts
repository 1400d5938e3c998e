/** Russian strings of the search page, in their own module: the search page's script loads only its language's. */
import type { SearchStrings } from './types.ts';

const plural = new Intl.PluralRules('ru-RU');

/** "материал" agreed with a number: 1, 21 материал; 2, 22 материала; 0, 5, 11, 25 материалов; 1,5 материала. */
export function materials(n: number): string {
  switch (plural.select(n)) {
    case 'one':
      return 'материал';
    case 'few':
      return 'материала';
    case 'many':
      return 'материалов';
    default:
      return 'материала';
  }
}

/** Quoted words joined as a list: “a”, “b” or “c”. */
function list(words: readonly string[], conjunction: string): string {
  const q = words.map((w) => `«${w}»`);
  return q.length > 1 ? `${q.slice(0, -1).join(', ')} ${conjunction} ${q.at(-1) ?? ''}` : (q[0] ?? '');
}

/** Russian strings of the search page. */
export const search: SearchStrings = {
  groups: { topic: 'Тема', trend: 'Оценка', actor: 'Действующие лица', author: 'Авторы', kind: 'Жанр', year: 'Год', language: 'Язык' },
  filters: 'Фильтры',
  clearFilters: 'Сбросить все фильтры',
  results: 'Результаты поиска',
  scope: 'Языки',
  scopePage: 'Только на русском',
  scopeAll: 'Все языки',
  sort: 'Порядок',
  sorts: { relevance: 'По релевантности', newest: 'Сначала новые', oldest: 'Сначала старые' },
  total: (n) => `${n} ${materials(n)}`,
  totalFor: (n, query) => `${n} ${materials(n)} по запросу «${query}»`,
  searching: (query) => `Поиск: «${query}»…`,
  loading: 'Загрузка…',
  showMore: (shown, total) => `Показать ещё (показано ${shown} из ${total})`,
  failed: 'Не удалось загрузить поиск. Обновите страницу или просматривайте материалы по темам, действующим лицам и неделям.',
  needsBuild: 'Поиск использует индекс последней сборки, а её ещё не было: выполните npm run build и обновите страницу.',
  filtersSet: (n) => (n ? `Фильтры (выбрано: ${n})` : 'Фильтры'),
  unknownValue: (group, value) => `${group}: значение «${value}» неизвестно и не учитывается.`,
  noResults: 'Ничего не найдено. Можно:',
  removeValue: (group, label) => `убрать фильтр «${label}» (${`${group}`.toLowerCase()})`,
  browseTopics: 'посмотреть темы',
  browseWeeks: 'посмотреть недели',
  byTopic: 'Уточнить по теме',
  skipToResults: 'Перейти к результатам',
  excerpt: 'Из текста',
  absent: (...words) => (words.length === 1 ? `Ни в одном материале нет слова ${list(words, 'и')}.` : `Ни в одном материале нет слов ${list(words, 'и')}.`),
  didYouMean: 'Возможно, вы имели в виду',
  suggestion: (query, n) => `«${query}» (${n} ${materials(n)})`,
  searchInstead: (query, n) => `искать только «${query}» (${n} ${materials(n)})`,
  elsewhere: 'На других языках',
  noPhrase: 'Ни в одном материале нет этих слов вместе.',
};
